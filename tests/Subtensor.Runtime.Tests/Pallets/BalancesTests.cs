using Subtensor.Core.Types;
using Subtensor.Runtime.Framework.Dispatch;
using Subtensor.Runtime.Pallets.Balances;
using Subtensor.Runtime.Primitives;
using Subtensor.Runtime.Tests.Support;

namespace Subtensor.Runtime.Tests.Pallets;

public class BalancesTests
{
    private static readonly SubtensorRuntime Rt = TestChain.Runtime;

    private static (TestChain Chain, AccountId32 Alice, AccountId32 Fresh) Setup()
    {
        var chain = new TestChain();
        chain.StartBlock();
        return (chain, TestChain.Account("Alice"), TestChain.Account("NewAccount"));
    }

    private static DispatchOutcome Dispatch(TestChain chain, Framework.RuntimeCall call, AccountId32 who) =>
        Rt.Dispatch(chain.State, call, Origin.Signed(who), bypassFilter: false);

    [Fact]
    public void Transfer_to_a_new_account_creates_it_with_a_provider_and_emits_endowed()
    {
        var (chain, alice, fresh) = Setup();
        var r = Dispatch(chain, Rt.Balances.TransferAllowDeath.Create(MultiAddress.FromId(fresh), 10_000UL), alice);
        Assert.True(r.IsOk, r.Error?.ToString());
        var info = Rt.System.Account.Get(chain.State, fresh);
        Assert.Equal(10_000UL, info.Data.Free);
        Assert.Equal(1u, info.Providers);
        Assert.Equal(AccountData.NewLogicFlag, info.Data.Flags);
        var names = chain.Events().Select(e => e.Name).ToList();
        Assert.Contains("System.NewAccount", names);
        Assert.Contains("Balances.Endowed", names);
        Assert.Contains("Balances.Transfer", names);
    }

    [Fact]
    public void Transfer_below_the_existential_deposit_to_a_new_account_is_refused()
    {
        var (chain, alice, fresh) = Setup();
        var r = Dispatch(chain, Rt.Balances.TransferAllowDeath.Create(MultiAddress.FromId(fresh), 499UL), alice);
        Assert.Equal(DispatchError.Token(TokenError.BelowMinimum), r.Error);
        Assert.False(Rt.System.Account.Contains(chain.State, fresh));
    }

    [Fact]
    public void Account_left_below_the_existential_deposit_is_reaped_and_the_dust_burned()
    {
        var (chain, alice, fresh) = Setup();
        Assert.True(Dispatch(chain, Rt.Balances.TransferAllowDeath.Create(MultiAddress.FromId(fresh), 1_000UL), alice).IsOk);
        var issuance = Rt.Balances.TotalIssuance.Get(chain.State);
        // Leaves 300 < ED 500: the account dies and 300 RAO leave the issuance.
        var r = Dispatch(chain, Rt.Balances.TransferAllowDeath.Create(MultiAddress.FromId(alice), 700UL), fresh);
        Assert.True(r.IsOk, r.Error?.ToString());
        Assert.False(Rt.System.Account.Contains(chain.State, fresh));
        Assert.Equal(issuance - 300, Rt.Balances.TotalIssuance.Get(chain.State));
        var events = chain.Events();
        var dust = events.Single(e => e.Name == "Balances.DustLost");
        Assert.Equal(fresh, dust.Field<AccountId32>("account"));
        Assert.Equal(300UL, dust.Field<ulong>("amount"));
        Assert.Contains(events, e => e.Name == "System.KilledAccount" && e.Field<AccountId32>("account") == fresh);
    }

    [Fact]
    public void Keep_alive_refuses_a_transfer_that_would_kill_the_sender()
    {
        var (chain, alice, fresh) = Setup();
        Assert.True(Dispatch(chain, Rt.Balances.TransferAllowDeath.Create(MultiAddress.FromId(fresh), 1_000UL), alice).IsOk);
        var before = Rt.System.Account.Get(chain.State, fresh);
        var r = Dispatch(chain, Rt.Balances.TransferKeepAlive.Create(MultiAddress.FromId(alice), 600UL), fresh);
        Assert.Equal(DispatchError.Token(TokenError.NotExpendable), r.Error);
        Assert.Equal(before, Rt.System.Account.Get(chain.State, fresh));
        // Up to free - ED is fine.
        Assert.True(Dispatch(chain, Rt.Balances.TransferKeepAlive.Create(MultiAddress.FromId(alice), 500UL), fresh).IsOk);
        Assert.Equal(500UL, chain.Free("NewAccount"));
    }

    [Fact]
    public void Insufficient_funds_leave_state_unchanged()
    {
        var (chain, alice, fresh) = Setup();
        Assert.True(Dispatch(chain, Rt.Balances.TransferAllowDeath.Create(MultiAddress.FromId(fresh), 1_000UL), alice).IsOk);
        var changesBefore = chain.State.TopChanges.Select(kv => (Hex.ToHex(kv.Key), kv.Value is null ? null : Hex.ToHex(kv.Value))).ToList();
        var r = Dispatch(chain, Rt.Balances.TransferAllowDeath.Create(MultiAddress.FromId(alice), 5_000UL), fresh);
        Assert.Equal(DispatchError.Token(TokenError.FundsUnavailable), r.Error);
        var changesAfter = chain.State.TopChanges.Select(kv => (Hex.ToHex(kv.Key), kv.Value is null ? null : Hex.ToHex(kv.Value))).ToList();
        Assert.Equal(changesBefore, changesAfter);
    }

    [Fact]
    public void Transfer_all_with_keep_alive_leaves_the_existential_deposit()
    {
        var (chain, alice, fresh) = Setup();
        Assert.True(Dispatch(chain, Rt.Balances.TransferAllowDeath.Create(MultiAddress.FromId(fresh), 5_000UL), alice).IsOk);
        Assert.True(Dispatch(chain, Rt.Balances.TransferAll.Create(MultiAddress.FromId(alice), true), fresh).IsOk);
        Assert.Equal(BalancesPallet.ExistentialDeposit, chain.Free("NewAccount"));
        Assert.True(Dispatch(chain, Rt.Balances.TransferAll.Create(MultiAddress.FromId(alice), false), fresh).IsOk);
        Assert.False(Rt.System.Account.Contains(chain.State, fresh));
    }

    [Fact]
    public void Force_set_balance_needs_root_and_adjusts_the_issuance()
    {
        var (chain, alice, fresh) = Setup();
        var call = Rt.Balances.ForceSetBalance.Create(MultiAddress.FromId(fresh), 7_000UL);
        Assert.Equal(DispatchError.BadOrigin, Dispatch(chain, call, alice).Error);
        var issuance = Rt.Balances.TotalIssuance.Get(chain.State);
        Assert.True(Rt.Dispatch(chain.State, call, Origin.Root, false).IsOk);
        Assert.Equal(7_000UL, chain.Free("NewAccount"));
        Assert.Equal(issuance + 7_000, Rt.Balances.TotalIssuance.Get(chain.State));
        Assert.True(Rt.Dispatch(chain.State, Rt.Balances.ForceSetBalance.Create(MultiAddress.FromId(fresh), 100UL), Origin.Root, false).IsOk);
        Assert.False(Rt.System.Account.Contains(chain.State, fresh));
        Assert.Equal(issuance, Rt.Balances.TotalIssuance.Get(chain.State));
    }

    [Fact]
    public void Force_transfer_moves_funds_between_any_accounts()
    {
        var (chain, alice, fresh) = Setup();
        var call = Rt.Balances.ForceTransfer.Create(MultiAddress.FromId(alice), MultiAddress.FromId(fresh), 2_000UL);
        Assert.Equal(DispatchError.BadOrigin, Dispatch(chain, call, alice).Error);
        Assert.True(Rt.Dispatch(chain.State, call, Origin.Root, false).IsOk);
        Assert.Equal(2_000UL, chain.Free("NewAccount"));
    }

    [Fact]
    public void Only_id_addresses_resolve()
    {
        var (chain, alice, _) = Setup();
        var raw = new MultiAddress(3, default, new byte[32]);
        var r = Dispatch(chain, Rt.Balances.TransferAllowDeath.Create(raw, 1_000UL), alice);
        Assert.Equal(DispatchError.CannotLookup, r.Error);
    }

    [Fact]
    public void Genesis_total_issuance_is_the_sum_of_endowments()
    {
        var chain = new TestChain();
        var total = Rt.System.Account.Iterate(chain.State).Aggregate(0UL, (s, kv) => s + kv.Value.Data.Free);
        Assert.Equal(total, Rt.Balances.TotalIssuance.Get(chain.State));
        Assert.Equal(1_000_000_000_000_000UL, chain.Free("Alice"));
    }
}
