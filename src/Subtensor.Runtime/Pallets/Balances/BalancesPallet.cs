using System.Text.Json;
using Subtensor.Core.Hashing;
using Subtensor.Core.Scale;
using Subtensor.Core.Types;
using Subtensor.Runtime.Framework;
using Subtensor.Runtime.Framework.Codec;
using Subtensor.Runtime.Framework.Dispatch;
using Subtensor.Runtime.Framework.Storage;
using Subtensor.Runtime.Framework.TypeInfo;
using Subtensor.Runtime.Genesis;
using Subtensor.Runtime.Pallets.FrameSystem;
using Subtensor.Runtime.Primitives;
using Subtensor.Runtime.State;
using static Subtensor.Runtime.Framework.TypeInfo.Ty;

namespace Subtensor.Runtime.Pallets.Balances;

/// <summary>
/// pallet_balances (index 5) with Subtensor's configuration: u64 balances (RAO), existential deposit 500, the
/// account data kept in <c>System.Account</c>, dust burned. Transfers follow the fungible traits: withdrawal and
/// deposit checks, keep-alive, reaping below the existential deposit.
/// </summary>
public sealed class BalancesPallet : Pallet
{
    public const ulong ExistentialDeposit = 500;

    private readonly SystemPallet _system;

    public BalancesPallet(SystemPallet system, RuntimeOuterTypes outer)
        : base("Balances", 5, "pallet_balances")
    {
        ArgumentNullException.ThrowIfNull(outer);
        _system = system;
        var balance = Codecs.U64;
        var holdReason = new MetaType([outer.Crate, "RuntimeHoldReason"], [], new MetaTypeDef.Variant([]));
        var freezeReason = new MetaType([outer.Crate, "RuntimeFreezeReason"], [], new MetaTypeDef.Variant([]));
        var reasons = SimpleEnum("pallet_balances::types::Reasons", "Fee", "Misc", "All");
        var balanceLock = Composite("pallet_balances::types::BalanceLock", [("Balance", U64)],
            Field("id", Array(8, U8), "LockIdentifier"), Field("amount", U64, "Balance"), Field("reasons", reasons, "Reasons"));
        var reserveData = Composite("pallet_balances::types::ReserveData", [("ReserveIdentifier", Array(8, U8)), ("Balance", U64)],
            Field("id", Array(8, U8), "ReserveIdentifier"), Field("amount", U64, "Balance"));
        MetaType IdAmount(MetaType id) => Composite("frame_support::traits::tokens::misc::IdAmount", [("Id", id), ("Balance", U64)],
            Field("id", id, "Id"), Field("amount", U64, "Balance"));
        var emptyVec = Codecs.Bytes;

        TotalIssuance = Value("TotalIssuance", balance, 0UL, " The total units issued in the system.");
        InactiveIssuance = Value("InactiveIssuance", balance, 0UL, " The total units of outstanding deactivated balance in the system.");
        Account = Map("Account", StorageHasher.Blake2_128Concat, Codecs.AccountId, SystemTypes.AccountData, AccountData.Default,
            " The Balances pallet example of storing the balance of an account (unused: Subtensor keeps account data in System).");
        Map("Locks", StorageHasher.Blake2_128Concat, Codecs.AccountId, Codecs.Raw(WeakBoundedVec(balanceLock)), [0],
            " Any liquidity locks on some account balances.");
        Map("Reserves", StorageHasher.Blake2_128Concat, Codecs.AccountId, Codecs.Raw(BoundedVec(reserveData)), [0], " Named reserves on some account balances.");
        Map("Holds", StorageHasher.Blake2_128Concat, Codecs.AccountId, Codecs.Raw(BoundedVec(IdAmount(holdReason))), [0], " Holds on account balances.");
        Map("Freezes", StorageHasher.Blake2_128Concat, Codecs.AccountId, Codecs.Raw(BoundedVec(IdAmount(freezeReason))), [0], " Freeze locks on account balances.");

        var who = Arg("who", Codecs.AccountId, "T::AccountId");
        var amount = Arg("amount", balance, "T::Balance");
        EndowedEvent = Event(0, "Endowed", Arg("account", Codecs.AccountId, "T::AccountId"), Arg("free_balance", balance, "T::Balance"));
        DustLostEvent = Event(1, "DustLost", Arg("account", Codecs.AccountId, "T::AccountId"), amount);
        TransferEvent = Event(2, "Transfer", Arg("from", Codecs.AccountId, "T::AccountId"), Arg("to", Codecs.AccountId, "T::AccountId"), amount);
        BalanceSetEvent = Event(3, "BalanceSet", who, Arg("free", balance, "T::Balance"));
        Event(4, "Reserved", who, amount);
        UnreservedEvent = Event(5, "Unreserved", who, amount);
        Event(6, "ReserveRepatriated", Arg("from", Codecs.AccountId, "T::AccountId"), Arg("to", Codecs.AccountId, "T::AccountId"), amount,
            Arg("destination_status", new ScaleCodec<byte>(SimpleEnum("frame_support::traits::tokens::misc::BalanceStatus", "Free", "Reserved"), (w, v) => w.WriteU8(v), (ref ScaleReader r) => r.ReadEnumIndex(2)), "Status"));
        DepositEvent = Event(7, "Deposit", who, amount);
        WithdrawEvent = Event(8, "Withdraw", who, amount);
        Event(9, "Slashed", who, amount);
        Event(10, "Minted", who, amount);
        BurnedEvent = Event(11, "Burned", who, amount);
        Event(12, "Suspended", who, amount);
        Event(13, "Restored", who, amount);
        UpgradedEvent = Event(14, "Upgraded", who);
        Event(15, "Issued", Arg("amount", balance, "T::Balance"));
        Event(16, "Rescinded", Arg("amount", balance, "T::Balance"));
        Event(17, "Locked", who, amount);
        Event(18, "Unlocked", who, amount);
        Event(19, "Frozen", who, amount);
        Event(20, "Thawed", who, amount);
        TotalIssuanceForcedEvent = Event(21, "TotalIssuanceForced", Arg("old", balance, "T::Balance"), Arg("new", balance, "T::Balance"));

        Error(0, "VestingBalance", "Vesting balance too high to send value.");
        Error(1, "LiquidityRestrictions", "Account liquidity restrictions prevent withdrawal.");
        InsufficientBalanceError = Error(2, "InsufficientBalance", "Balance too low to send value.");
        Error(3, "ExistentialDeposit", "Value too low to create account due to existential deposit.");
        Error(4, "Expendability", "Transfer/payment would kill account.");
        Error(5, "ExistingVestingSchedule", "A vesting schedule already exists for this account.");
        Error(6, "DeadAccount", "Beneficiary account must pre-exist.");
        Error(7, "TooManyReserves", "Number of named reserves exceed `MaxReserves`.");
        Error(8, "TooManyHolds", "Number of holds exceed `VariantCountOf<T::RuntimeHoldReason>`.");
        Error(9, "TooManyFreezes", "Number of freezes exceed `MaxFreezes`.");
        IssuanceDeactivatedError = Error(10, "IssuanceDeactivated", "The issuance cannot be modified since it is already deactivated.");
        DeltaZeroError = Error(11, "DeltaZero", "The delta cannot be zero.");

        var address = FrameTypes.MultiAddress;
        var compactBalance = Codecs.CompactU64;
        TransferAllowDeath = Call(0, "transfer_allow_death", [Arg("dest", address, "AccountIdLookupOf<T>"), Arg("value", compactBalance, "T::Balance")],
            _ => Normal(W(48_363_000, 3593, 1, 1)),
            (s, o, a) =>
            {
                var source = o.EnsureSigned();
                Transfer(s, source, Lookup(a.Get<MultiAddress>(0)), a.Get<ulong>(1), Preservation.Expendable);
                return DispatchOutcome.Ok();
            },
            "Transfer some liquid free balance to another account.");
        ForceTransfer = Call(2, "force_transfer",
            [Arg("source", address, "AccountIdLookupOf<T>"), Arg("dest", address, "AccountIdLookupOf<T>"), Arg("value", compactBalance, "T::Balance")],
            _ => Normal(W(49_944_000, 6196, 2, 2)),
            (s, o, a) =>
            {
                o.EnsureRoot();
                Transfer(s, Lookup(a.Get<MultiAddress>(0)), Lookup(a.Get<MultiAddress>(1)), a.Get<ulong>(2), Preservation.Expendable);
                return DispatchOutcome.Ok();
            },
            "Exactly as `transfer_allow_death`, except the origin must be root and the source account may be specified.");
        TransferKeepAlive = Call(3, "transfer_keep_alive", [Arg("dest", address, "AccountIdLookupOf<T>"), Arg("value", compactBalance, "T::Balance")],
            _ => Normal(W(38_159_000, 3593, 1, 1)),
            (s, o, a) =>
            {
                var source = o.EnsureSigned();
                Transfer(s, source, Lookup(a.Get<MultiAddress>(0)), a.Get<ulong>(1), Preservation.Preserve);
                return DispatchOutcome.Ok();
            },
            "Same as the `transfer_allow_death` call, but with a check that the transfer will not kill the origin account.");
        TransferAll = Call(4, "transfer_all", [Arg("dest", address, "AccountIdLookupOf<T>"), Arg("keep_alive", Codecs.Bool, "bool")],
            _ => Normal(W(47_385_000, 3593, 1, 1)),
            (s, o, a) =>
            {
                var source = o.EnsureSigned();
                var keep = a.Get<bool>(1) ? Preservation.Preserve : Preservation.Expendable;
                var reducible = ReducibleBalance(s, source, keep, force: false);
                Transfer(s, source, Lookup(a.Get<MultiAddress>(0)), reducible, keep);
                return DispatchOutcome.Ok();
            },
            "Transfer the entire transferable balance from the caller account.");
        Call(5, "force_unreserve", [Arg("who", address, "AccountIdLookupOf<T>"), Arg("amount", balance, "T::Balance")],
            _ => Normal(W(17_233_000, 3593, 1, 1)),
            (s, o, a) =>
            {
                o.EnsureRoot();
                var target = Lookup(a.Get<MultiAddress>(0));
                Unreserve(s, target, a.Get<ulong>(1));
                return DispatchOutcome.Ok();
            },
            "Unreserve some balance from a user by force.");
        Call(6, "upgrade_accounts", [Arg("who", Codecs.Vec(Codecs.AccountId), "Vec<T::AccountId>")],
            a => Normal(Weight.FromParts(16_588_000 + (13_973_659UL * (ulong)a.Get<AccountId32[]>(0).Length), 990 + (2603UL * (ulong)a.Get<AccountId32[]>(0).Length))
                .SaturatingAdd(SystemPallet.DbReads((ulong)a.Get<AccountId32[]>(0).Length)).SaturatingAdd(SystemPallet.DbWrites((ulong)a.Get<AccountId32[]>(0).Length))),
            (s, o, a) =>
            {
                o.EnsureSigned();
                var accounts = a.Get<AccountId32[]>(0);
                if (accounts.Length == 0)
                {
                    return DispatchOutcome.Ok();
                }

                var upgraded = 0;
                foreach (var acc in accounts)
                {
                    if (EnsureUpgraded(s, acc))
                    {
                        upgraded++;
                    }
                }

                // Free when at least 90% of the accounts needed upgrading (pallet_balances).
                var pays = upgraded * 10 >= accounts.Length * 9 ? Pays.No : Pays.Yes;
                return DispatchOutcome.Ok(new PostDispatchInfo(null, pays));
            },
            "Upgrade a specified account.");
        ForceSetBalance = Call(8, "force_set_balance", [Arg("who", address, "AccountIdLookupOf<T>"), Arg("new_free", compactBalance, "T::Balance")],
            _ => Normal(W(19_929_000, 3593, 1, 1)),
            (s, o, a) =>
            {
                o.EnsureRoot();
                ForceSet(s, Lookup(a.Get<MultiAddress>(0)), a.Get<ulong>(1));
                return DispatchOutcome.Ok();
            },
            "Set the regular balance of a given account.");
        var direction = SimpleEnum("pallet_balances::types::AdjustmentDirection", "Increase", "Decrease");
        Call(9, "force_adjust_total_issuance",
            [Arg("direction", new ScaleCodec<byte>(direction, (w, v) => w.WriteU8(v), (ref ScaleReader r) => r.ReadEnumIndex(2)), "AdjustmentDirection"), Arg("delta", compactBalance, "T::Balance")],
            _ => Normal(Weight.FromRefTime(6_594_000)),
            (s, o, a) =>
            {
                o.EnsureRoot();
                var delta = a.Get<ulong>(1);
                if (delta == 0)
                {
                    throw DeltaZeroError.Exception();
                }

                var old = TotalIssuance.Get(s);
                ulong updated;
                if (a.Get<byte>(0) == 0)
                {
                    updated = old > ulong.MaxValue - delta ? throw new DispatchException(DispatchError.Arithmetic(ArithmeticError.Overflow)) : old + delta;
                }
                else
                {
                    updated = old < delta ? throw new DispatchException(DispatchError.Arithmetic(ArithmeticError.Underflow)) : old - delta;
                }

                if (updated < InactiveIssuance.Get(s))
                {
                    throw IssuanceDeactivatedError.Exception();
                }

                TotalIssuance.Put(s, updated);
                Deposit(s, TotalIssuanceForcedEvent, old, updated);
                return DispatchOutcome.Ok();
            },
            "Adjust the total issuance in a saturating way.");
        Call(10, "burn", [Arg("value", compactBalance, "T::Balance"), Arg("keep_alive", Codecs.Bool, "bool")],
            a => Normal(Weight.FromRefTime(a.Get<bool>(1) ? 20_711_000UL : 30_968_000UL)),
            (s, o, a) =>
            {
                var source = o.EnsureSigned();
                var keep = a.Get<bool>(1) ? Preservation.Preserve : Preservation.Expendable;
                BurnFrom(s, source, a.Get<ulong>(0), keep);
                return DispatchOutcome.Ok();
            },
            "Burn the specified liquid free balance from the origin account.");

        Constant("ExistentialDeposit", balance, ExistentialDeposit,
            " The minimum amount required to keep an account open. MUST BE GREATER THAN ZERO!");
        Constant("MaxLocks", Codecs.U32, 50u, " The maximum number of locks that should exist on an account.", " Not strictly enforced, but used for weight estimation.");
        Constant("MaxReserves", Codecs.U32, 50u, " The maximum number of named reserves that can exist on an account.");
        Constant("MaxFreezes", Codecs.U32, 50u, " The maximum number of individual freeze locks that can exist on an account at any time.");
    }

    protected override IReadOnlyList<string> CallTypeParams => ["T", "I"];

    protected override IReadOnlyList<string> EventTypeParams => ["T", "I"];

    protected override IReadOnlyList<string> ErrorTypeParams => ["T", "I"];

    public StorageValue<ulong> TotalIssuance { get; }

    public StorageValue<ulong> InactiveIssuance { get; }

    public StorageMap<AccountId32, AccountData> Account { get; }

    public CallDef TransferAllowDeath { get; }

    public CallDef ForceTransfer { get; }

    public CallDef TransferKeepAlive { get; }

    public CallDef TransferAll { get; }

    public CallDef ForceSetBalance { get; }

    public EventDef EndowedEvent { get; }

    public EventDef DustLostEvent { get; }

    public EventDef TransferEvent { get; }

    public EventDef BalanceSetEvent { get; }

    public EventDef UnreservedEvent { get; }

    public EventDef DepositEvent { get; }

    public EventDef WithdrawEvent { get; }

    public EventDef BurnedEvent { get; }

    public EventDef UpgradedEvent { get; }

    public EventDef TotalIssuanceForcedEvent { get; }

    public ErrorDef InsufficientBalanceError { get; }

    public ErrorDef IssuanceDeactivatedError { get; }

    public ErrorDef DeltaZeroError { get; }

    private static Weight W(ulong refTime, ulong proof, ulong reads, ulong writes) =>
        Weight.FromParts(refTime, proof).SaturatingAdd(SystemPallet.DbReads(reads)).SaturatingAdd(SystemPallet.DbWrites(writes));

    private static AccountId32 Lookup(MultiAddress address) => address.Lookup() ?? throw new DispatchException(DispatchError.CannotLookup);

    // ---- fungible inspection ------------------------------------------------------------------------------------

    public AccountData AccountOf(IStateAccess state, AccountId32 who) => _system.Account.Get(state, who).Data;

    /// <summary><c>fungible::Inspect::balance</c>: the free balance.</summary>
    public ulong FreeBalance(IStateAccess state, AccountId32 who) => AccountOf(state, who).Free;

    public ulong TotalBalance(IStateAccess state, AccountId32 who) => AccountOf(state, who).Total;

    /// <summary>
    /// <c>reducible_balance</c>: free balance minus what must stay — frozen funds not covered by reserves (unless
    /// forced), and the existential deposit when preserving or when this pallet's provider reference is needed.
    /// </summary>
    public ulong ReducibleBalance(IStateAccess state, AccountId32 who, Preservation preservation, bool force)
    {
        var a = AccountOf(state, who);
        ulong untouchable = 0;
        if (!force)
        {
            untouchable = a.Frozen > a.Reserved ? a.Frozen - a.Reserved : 0;
        }

        var needsEd = preservation == Preservation.Preserve
            || (preservation == Preservation.Protect && a.Free != 0 && _system.Providers(state, who) == 1)
            || (preservation == Preservation.Expendable && a.Free != 0 && !_system.CanDecProvider(state, who));
        if (needsEd)
        {
            untouchable = Math.Max(untouchable, ExistentialDeposit);
        }

        return a.Free > untouchable ? a.Free - untouchable : 0;
    }

    /// <summary>
    /// <c>can_withdraw(...).into_result(keep_nonzero)</c>: null when <paramref name="amount"/> can be withdrawn,
    /// else the error FRAME reports (FundsUnavailable, OnlyProvider, Frozen, NotExpendable, Underflow).
    /// </summary>
    public DispatchError? CanWithdraw(IStateAccess state, AccountId32 who, ulong amount, bool keepNonzero)
    {
        if (amount == 0)
        {
            return null;
        }

        if (TotalIssuance.Get(state) < amount)
        {
            return DispatchError.Arithmetic(ArithmeticError.Underflow);
        }

        var a = AccountOf(state, who);
        if (a.Free < amount)
        {
            return DispatchError.Token(TokenError.FundsUnavailable);
        }

        var newFree = a.Free - amount;
        var reducedToZero = false;
        if (newFree < ExistentialDeposit)
        {
            if (!_system.CanDecProvider(state, who))
            {
                return DispatchError.Token(TokenError.OnlyProvider);
            }

            reducedToZero = true;
        }

        if (newFree + a.Reserved < a.Frozen)
        {
            return DispatchError.Token(TokenError.Frozen);
        }

        return reducedToZero && keepNonzero ? DispatchError.Token(TokenError.NotExpendable) : null;
    }

    /// <summary><c>can_deposit(...).into_result()</c> for existing funds (not minted).</summary>
    public DispatchError? CanDeposit(IStateAccess state, AccountId32 who, ulong amount, bool minted)
    {
        if (amount == 0)
        {
            return null;
        }

        if (minted && TotalIssuance.Get(state) > ulong.MaxValue - amount)
        {
            return DispatchError.Arithmetic(ArithmeticError.Overflow);
        }

        var a = AccountOf(state, who);
        if (a.Free > ulong.MaxValue - amount)
        {
            return DispatchError.Arithmetic(ArithmeticError.Overflow);
        }

        var newFree = a.Free + amount;
        if (newFree < ExistentialDeposit)
        {
            return DispatchError.Token(TokenError.BelowMinimum);
        }

        return a.Reserved > ulong.MaxValue - newFree ? DispatchError.Arithmetic(ArithmeticError.Overflow) : null;
    }

    // ---- transfers -------------------------------------------------------------------------------------------

    /// <summary><c>fungible::Mutate::transfer</c>: checks both sides, moves the funds, emits Transfer.</summary>
    public void Transfer(IStateAccess state, AccountId32 source, AccountId32 dest, ulong amount, Preservation preservation)
    {
        Throw(CanWithdraw(state, source, amount, preservation != Preservation.Expendable));
        Throw(CanDeposit(state, dest, amount, minted: false));
        if (source == dest)
        {
            return;
        }

        DecreaseBalance(state, source, amount, exact: false, preservation, force: false);
        IncreaseBalance(state, dest, amount, exact: false);
        Deposit(state, TransferEvent, source, dest, amount);
    }

    /// <summary><c>Balanced::withdraw</c>: removes funds (Withdraw event); the caller owns the resulting credit.</summary>
    public ulong Withdraw(IStateAccess state, AccountId32 who, ulong amount, bool exact, Preservation preservation, bool force)
    {
        var decrease = DecreaseBalance(state, who, amount, exact, preservation, force);
        Deposit(state, WithdrawEvent, who, decrease);
        return decrease;
    }

    /// <summary><c>Balanced::deposit</c>: adds funds (Deposit event); the caller owns the resulting debt.</summary>
    public ulong DepositInto(IStateAccess state, AccountId32 who, ulong amount, bool exact)
    {
        var increase = IncreaseBalance(state, who, amount, exact);
        Deposit(state, DepositEvent, who, increase);
        return increase;
    }

    /// <summary>Credit dropped without a home: the funds leave the total issuance (<c>DecreaseIssuance</c>).</summary>
    public void BurnCredit(IStateAccess state, ulong amount)
    {
        if (amount != 0)
        {
            TotalIssuance.Mutate(state, t => t > amount ? t - amount : 0);
        }
    }

    /// <summary><c>Unbalanced::decrease_balance</c>.</summary>
    public ulong DecreaseBalance(IStateAccess state, AccountId32 who, ulong amount, bool exact, Preservation preservation, bool force)
    {
        var old = FreeBalance(state, who);
        var reducible = ReducibleBalance(state, who, preservation, force);
        if (exact)
        {
            if (reducible < amount)
            {
                throw new DispatchException(DispatchError.Token(TokenError.FundsUnavailable));
            }
        }
        else
        {
            amount = Math.Min(amount, reducible);
        }

        if (old < amount)
        {
            throw new DispatchException(DispatchError.Token(TokenError.FundsUnavailable));
        }

        var updated = old - amount;
        if (WriteBalance(state, who, updated) is { } dust)
        {
            BurnCredit(state, dust);
        }

        return old - updated;
    }

    /// <summary><c>Unbalanced::increase_balance</c>: results below the existential deposit leave the account untouched.</summary>
    public ulong IncreaseBalance(IStateAccess state, AccountId32 who, ulong amount, bool exact)
    {
        var old = FreeBalance(state, who);
        ulong updated;
        if (exact)
        {
            updated = old > ulong.MaxValue - amount ? throw new DispatchException(DispatchError.Arithmetic(ArithmeticError.Overflow)) : old + amount;
        }
        else
        {
            updated = old > ulong.MaxValue - amount ? ulong.MaxValue : old + amount;
        }

        if (updated < ExistentialDeposit)
        {
            return exact ? throw new DispatchException(DispatchError.Token(TokenError.BelowMinimum)) : 0UL;
        }

        if (updated == old)
        {
            return 0;
        }

        if (WriteBalance(state, who, updated) is { } dust)
        {
            BurnCredit(state, dust);
        }

        return updated - old;
    }

    /// <summary><c>Unbalanced::write_balance</c>: sets the free balance; returns the dust of a reaped account.</summary>
    private ulong? WriteBalance(IStateAccess state, AccountId32 who, ulong amount)
    {
        var maxReduction = ReducibleBalance(state, who, Preservation.Expendable, force: true);
        var (_, dust) = TryMutateAccount(state, who, (ref AccountData acc, bool _) =>
        {
            var reduction = acc.Free > amount ? acc.Free - amount : 0;
            if (reduction > maxReduction)
            {
                throw InsufficientBalanceError.Exception();
            }

            acc = acc with { Free = amount };
            return 0;
        });
        return dust;
    }

    private void BurnFrom(IStateAccess state, AccountId32 who, ulong amount, Preservation preservation)
    {
        var actual = DecreaseBalance(state, who, amount, exact: true, preservation, force: false);
        TotalIssuance.Mutate(state, t => t > actual ? t - actual : 0);
        Deposit(state, BurnedEvent, who, actual);
    }

    private void Unreserve(IStateAccess state, AccountId32 who, ulong amount)
    {
        if (amount == 0)
        {
            return;
        }

        var moved = 0UL;
        TryMutateAccount(state, who, (ref AccountData acc, bool _) =>
        {
            moved = Math.Min(acc.Reserved, amount);
            acc = acc with { Reserved = acc.Reserved - moved, Free = acc.Free + moved };
            return 0;
        });
        if (moved != 0)
        {
            Deposit(state, UnreservedEvent, who, moved);
        }
    }

    private void ForceSet(IStateAccess state, AccountId32 who, ulong newFree)
    {
        if (newFree < ExistentialDeposit)
        {
            newFree = 0;
        }

        var (oldFree, dust) = TryMutateAccount(state, who, (ref AccountData acc, bool _) =>
        {
            var old = acc.Free;
            acc = acc with { Free = newFree };
            return old;
        });
        if (dust is { } d)
        {
            BurnCredit(state, d);
        }

        if (newFree > oldFree)
        {
            TotalIssuance.Mutate(state, t => t > ulong.MaxValue - (newFree - oldFree) ? ulong.MaxValue : t + (newFree - oldFree));
        }
        else if (newFree < oldFree)
        {
            BurnCredit(state, oldFree - newFree);
        }

        Deposit(state, BalanceSetEvent, who, newFree);
    }

    /// <summary>Marks an account as using the current reference-counting logic; true when it had to be upgraded.</summary>
    private bool EnsureUpgraded(IStateAccess state, AccountId32 who)
    {
        var info = _system.Account.Get(state, who);
        if ((info.Data.Flags & AccountData.NewLogicFlag) != 0 || !_system.Account.Contains(state, who))
        {
            return false;
        }

        _system.Account.Insert(state, who, info with { Data = info.Data with { Flags = info.Data.Flags | AccountData.NewLogicFlag } });
        Deposit(state, UpgradedEvent, who);
        return true;
    }

    private delegate TResult AccountMutator<out TResult>(ref AccountData account, bool isNew);

    /// <summary>
    /// <c>try_mutate_account</c> over <c>System.Account</c>: applies <paramref name="f"/>, then keeps the provider and
    /// consumer references in step (providing at or above the existential deposit), reaps an account left with less
    /// than the existential deposit and nothing reserved (its remainder is returned as dust), and emits Endowed/DustLost.
    /// </summary>
    private (TResult Result, ulong? Dust) TryMutateAccount<TResult>(IStateAccess state, AccountId32 who, AccountMutator<TResult> f)
    {
        var info = _system.Account.Get(state, who);
        var isNew = info.Data.IsDefault;
        var account = info.Data;
        var didProvide = account.Free >= ExistentialDeposit && info.Providers > 0;
        var didConsume = !isNew && (account.Reserved != 0 || account.Frozen != 0);
        var result = f(ref account, isNew);
        var doesProvide = account.Free >= ExistentialDeposit;
        var doesConsume = account.Reserved != 0 || account.Frozen != 0;
        if (!didProvide && doesProvide)
        {
            _system.IncProviders(state, who);
        }

        if (didConsume && !doesConsume)
        {
            _system.DecConsumers(state, who);
        }

        if (!didConsume && doesConsume)
        {
            Throw(_system.IncConsumers(state, who));
        }

        if (didProvide && !doesProvide)
        {
            if (_system.DecProviders(state, who) is { } err)
            {
                if (didConsume && !doesConsume)
                {
                    _system.IncConsumers(state, who);
                }

                throw new DispatchException(err);
            }
        }

        ulong? endowed = isNew ? account.Free : null;
        ulong? dust = null;
        AccountData? keep = account;
        if (account.Free < ExistentialDeposit && account.Reserved == 0)
        {
            dust = account.Free == 0 ? null : account.Free;
            keep = null;
        }

        var after = _system.Account.Get(state, who);
        if (after.Providers > 0 || after.Sufficients > 0)
        {
            _system.Account.Insert(state, who, after with { Data = keep ?? AccountData.Default });
        }
        else
        {
            _system.Account.Remove(state, who);
        }

        if (endowed is { } e)
        {
            Deposit(state, EndowedEvent, who, e);
        }

        if (dust is { } d)
        {
            Deposit(state, DustLostEvent, who, d);
        }

        return (result, dust);
    }

    private static void Throw(DispatchError? error)
    {
        if (error is not null)
        {
            throw new DispatchException(error);
        }
    }

    // ---- genesis -----------------------------------------------------------------------------------------------

    /// <summary>
    /// <c>balances.balances</c>: [[ss58 account, amount], ...]; each amount must reach the existential deposit and the
    /// total becomes <c>TotalIssuance</c>. <c>devAccounts</c> is accepted and must be null.
    /// </summary>
    public override void BuildGenesis(IStateAccess state, JsonElement? config)
    {
        ulong total = 0;
        var seen = new HashSet<AccountId32>();
        if (config is { ValueKind: JsonValueKind.Object } c && c.TryGetProperty("balances", out var list) && list.ValueKind == JsonValueKind.Array)
        {
            foreach (var entry in list.EnumerateArray())
            {
                if (entry.ValueKind != JsonValueKind.Array || entry.GetArrayLength() != 2)
                {
                    throw new GenesisConfigException("balances.balances entries must be [account, amount]");
                }

                var who = GenesisJson.ParseAccount(entry[0], "balances.balances");
                var amount = GenesisJson.ParseU64(entry[1], "balances.balances");
                if (amount < ExistentialDeposit)
                {
                    throw new GenesisConfigException($"balance of {who.ToSs58()} is below the existential deposit ({ExistentialDeposit})");
                }

                if (!seen.Add(who))
                {
                    throw new GenesisConfigException($"duplicate balance entry for {who.ToSs58()}");
                }

                total = checked(total + amount);
                _system.IncProviders(state, who);
                var info = _system.Account.Get(state, who);
                _system.Account.Insert(state, who, info with { Data = AccountData.Default with { Free = amount } });
            }
        }

        if (config is { ValueKind: JsonValueKind.Object } c2 && c2.TryGetProperty("devAccounts", out var dev) && dev.ValueKind != JsonValueKind.Null)
        {
            throw new GenesisConfigException("balances.devAccounts is not supported; list the accounts in balances.balances");
        }

        TotalIssuance.Put(state, total);
    }

    public override object? DefaultGenesisConfig() => new Dictionary<string, object?> { ["balances"] = new List<object>(), ["devAccounts"] = null };

    public override ushort InCodeStorageVersion => 1;
}
