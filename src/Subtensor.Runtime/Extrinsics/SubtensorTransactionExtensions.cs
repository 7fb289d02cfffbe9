using Subtensor.Core.Scale;
using Subtensor.Core.Types;
using Subtensor.Runtime.Framework;
using Subtensor.Runtime.Framework.Dispatch;
using Subtensor.Runtime.Pallets.Balances;
using Subtensor.Runtime.Pallets.FrameSystem;
using Subtensor.Runtime.State;

namespace Subtensor.Runtime.Extrinsics;

/// <summary>
/// The behaviour of Subtensor's transaction extensions, in tuple order: CheckNonZeroSender, CheckSpecVersion,
/// CheckTxVersion, CheckGenesis, CheckMortality, CheckNonce, CheckWeight, ChargeTransactionPaymentWrapper,
/// SudoTransactionExtension, CheckShieldedTxValidity, SubtensorTransactionExtension, DrandPriority, CheckMetadataHash.
/// The shield, subtensor and drand extensions only act on calls of pallets this runtime does not have yet.
/// </summary>
public sealed class SubtensorTransactionExtensions
{
    /// <summary>Subtensor <c>NORMAL_DISPATCH_BASE_PRIORITY</c>.</summary>
    public const ulong NormalPriority = 1;

    /// <summary>Subtensor <c>OPERATIONAL_DISPATCH_PRIORITY</c>.</summary>
    public const ulong OperationalPriority = 10_000_000_000;

    private readonly SubtensorRuntime _rt;

    public SubtensorTransactionExtensions(SubtensorRuntime runtime)
    {
        _rt = runtime;
    }

    /// <summary>
    /// Weight of the extensions for a signed extrinsic (frame_system's SubstrateExtensionsWeight benchmarks;
    /// Subtensor's CheckNonce declares none; the payment wrapper adds 3 reads).
    /// </summary>
    public static Weight SignedWeight
    {
        get
        {
            var w = Weight.FromRefTime(527_000 + 461_000 + 439_000);
            w = w.SaturatingAdd(Weight.FromParts(4_160_000, 3509)).SaturatingAdd(SystemPallet.DbReads(1));
            w = w.SaturatingAdd(Weight.FromParts(6_523_000, 3509)).SaturatingAdd(SystemPallet.DbReads(1));
            w = w.SaturatingAdd(Weight.FromParts(4_747_000, 1489)).SaturatingAdd(SystemPallet.DbReads(1)).SaturatingAdd(SystemPallet.DbWrites(1));
            w = w.SaturatingAdd(Weight.FromRefTime(5_268_000)).SaturatingAdd(SystemPallet.DbReads(3));
            return w;
        }
    }

    /// <summary>The call's dispatch info plus the extensions' weight (none for bare extrinsics).</summary>
    public static DispatchInfo InfoOf(UncheckedExtrinsic xt)
    {
        ArgumentNullException.ThrowIfNull(xt);
        var info = xt.Call.Info;
        return xt.IsSigned ? info with { ExtensionWeight = SignedWeight } : info;
    }

    /// <summary>
    /// The implicit data as the runtime computes it for this extrinsic: versions, genesis hash (BlockHash[0]), the
    /// era's birth block hash (AncientBirthBlock when unknown) and the metadata hash when the mode is enabled.
    /// </summary>
    public ImplicitData Implicit(IStateAccess state, SignedExtra extra)
    {
        var current = _rt.System.Number.Get(state);
        var birth = extra.Era.Birth(current);
        if (birth > uint.MaxValue || !_rt.System.BlockHash.TryGet(state, (uint)birth, out var birthHash))
        {
            throw new TransactionValidityException(TransactionValidityError.AncientBirthBlock);
        }

        return new ImplicitData(
            _rt.Version.SpecVersion,
            _rt.Version.TransactionVersion,
            _rt.System.BlockHash.Get(state, 0),
            birthHash,
            extra.MetadataHashEnabled ? _rt.MetadataHash : null);
    }

    /// <summary>
    /// <c>UncheckedExtrinsic::check</c> for a signed extrinsic: address lookup, implicit data, signature over the
    /// payload. Returns the signer.
    /// </summary>
    public AccountId32 CheckSignature(IStateAccess state, UncheckedExtrinsic xt)
    {
        ArgumentNullException.ThrowIfNull(xt);
        var who = xt.Address!.Lookup() ?? throw new TransactionValidityException(TransactionValidityError.CannotLookup);
        var implicitData = Implicit(state, xt.Extra!.Value);
        var payload = UncheckedExtrinsic.SigningPayload(xt.CallBytes, xt.Extra.Value, implicitData);
        if (!VerifiedSignatureCache.Shared.Verify(xt.Signature!, payload, who))
        {
            throw new TransactionValidityException(TransactionValidityError.BadProof);
        }

        return who;
    }

    /// <summary>All extensions' <c>validate</c>, combined; throws <see cref="TransactionValidityException"/> on the first refusal.</summary>
    public ValidTransaction Validate(IStateAccess state, AccountId32 who, RuntimeCall call, DispatchInfo info, uint length, SignedExtra extra)
    {
        ArgumentNullException.ThrowIfNull(call);
        var result = ValidTransaction.Default;

        // CheckNonZeroSender
        if (who == default)
        {
            throw new TransactionValidityException(TransactionValidityError.BadSigner);
        }

        // CheckMortality: longevity until the era ends.
        var current = (ulong)_rt.System.Number.Get(state);
        var death = extra.Era.Death(current);
        result = result.CombineWith(ValidTransaction.Default with { Longevity = death > current ? death - current : 0 });

        // CheckNonce (Subtensor's): the account must exist to pay, stale nonces refused, tags by (who, nonce).
        var account = _rt.System.Account.Get(state, who);
        if (info.PaysFee == Pays.Yes && account.Providers == 0 && account.Sufficients == 0)
        {
            throw new TransactionValidityException(TransactionValidityError.Payment);
        }

        if (extra.Nonce < account.Nonce)
        {
            throw new TransactionValidityException(TransactionValidityError.Stale);
        }

        var provides = NonceTag(who, extra.Nonce);
        IReadOnlyList<byte[]> requires = account.Nonce < extra.Nonce ? [NonceTag(who, extra.Nonce - 1)] : [];
        result = result.CombineWith(new ValidTransaction(0, requires, [provides], ulong.MaxValue, true));

        // CheckWeight: block length and per-extrinsic weight limits.
        CheckBlockLength(state, info, length);
        CheckExtrinsicWeight(info, length);

        // ChargeTransactionPaymentWrapper: the fee must be withdrawable; priority by class.
        var fee = _rt.TransactionPayment.ComputeFee(state, length, info, extra.Tip);
        if (fee != 0 && _rt.Balances.CanWithdraw(state, who, fee, keepNonzero: true) is not null)
        {
            throw new TransactionValidityException(TransactionValidityError.Payment);
        }

        var priority = info.Class == DispatchClass.Operational ? OperationalPriority : NormalPriority;
        result = result.CombineWith(ValidTransaction.Default with { Priority = priority });

        // SudoTransactionExtension: sudo calls only from the sudo key.
        if (call.Pallet == _rt.Sudo && _rt.Sudo.GetKey(state) != who)
        {
            throw new TransactionValidityException(TransactionValidityError.BadSigner);
        }

        // CheckShieldedTxValidity, SubtensorTransactionExtension, DrandPriority: nothing for these pallets.
        // CheckMetadataHash: implicit only.
        return result;
    }

    /// <summary>All extensions' <c>prepare</c>: nonce, block weight and length, fee withdrawal.</summary>
    public SignedCheck Prepare(IStateAccess state, AccountId32 who, DispatchInfo info, uint length, SignedExtra extra)
    {
        // CheckNonce: future nonces cannot be included yet.
        var account = _rt.System.Account.Get(state, who);
        if (extra.Nonce > account.Nonce)
        {
            throw new TransactionValidityException(TransactionValidityError.Future);
        }

        _rt.System.Account.Insert(state, who, account with { Nonce = account.Nonce + 1 });

        // CheckWeight
        AccrueBlockResources(state, info, length);

        // ChargeTransactionPayment: withdraw fee + tip, keeping the account alive.
        var fee = _rt.TransactionPayment.ComputeFee(state, length, info, extra.Tip);
        ulong withdrawn = 0;
        if (fee != 0)
        {
            try
            {
                withdrawn = _rt.Balances.Withdraw(state, who, fee, exact: true, Preservation.Preserve, force: false);
            }
            catch (DispatchException)
            {
                throw new TransactionValidityException(TransactionValidityError.Payment);
            }
        }

        return new SignedCheck(who, extra, withdrawn);
    }

    /// <summary>
    /// All extensions' <c>post_dispatch</c>: give back unused block weight, refund the fee for unused weight, pay the
    /// fee and tip to the block author (burned when there is none), emit TransactionFeePaid.
    /// </summary>
    public void PostDispatch(IStateAccess state, SignedCheck pre, DispatchInfo info, PostDispatchInfo post, uint length)
    {
        ArgumentNullException.ThrowIfNull(pre);
        RefundUnusedWeight(state, info, post);
        var actualFee = _rt.TransactionPayment.ComputeActualFee(state, length, info, post, pre.Extra.Tip);
        if (pre.FeeWithdrawn != 0)
        {
            var refund = pre.FeeWithdrawn > actualFee ? pre.FeeWithdrawn - actualFee : 0;
            ulong refunded = 0;
            if (_rt.Balances.TotalBalance(state, pre.Who) > 0)
            {
                try
                {
                    refunded = _rt.Balances.DepositInto(state, pre.Who, refund, exact: false);
                }
                catch (DispatchException)
                {
                    refunded = 0;
                }
            }

            var paid = pre.FeeWithdrawn - refunded;
            if (paid != 0)
            {
                var author = _rt.Aura.CurrentAuthor(state);
                var resolved = false;
                if (author is { } a)
                {
                    try
                    {
                        state.StartTransaction();
                        _rt.Balances.DepositInto(state, a, paid, exact: true);
                        state.CommitTransaction();
                        resolved = true;
                    }
                    catch (DispatchException)
                    {
                        state.RollbackTransaction();
                    }
                }

                if (!resolved)
                {
                    _rt.Balances.BurnCredit(state, paid);
                }
            }
        }

        _rt.TransactionPayment.DepositFeePaid(state, pre.Who, actualFee, pre.Extra.Tip);
    }

    /// <summary>CheckWeight for bare extrinsics (inherents): limits and accrual, no fee.</summary>
    public void PrepareBare(IStateAccess state, DispatchInfo info, uint length)
    {
        CheckBlockLength(state, info, length);
        CheckExtrinsicWeight(info, length);
        AccrueBlockResources(state, info, length);
    }

    public void RefundUnusedWeight(IStateAccess state, DispatchInfo info, PostDispatchInfo post)
    {
        var unspent = info.TotalWeight.SaturatingSub(post.CalcActualWeight(info));
        if (unspent.RefTime > 0 || unspent.ProofSize > 0)
        {
            _rt.System.BlockWeight.Mutate(state, w => w.Sub(unspent, info.Class));
        }
    }

    /// <summary>The tag CheckNonce provides/requires: SCALE((AccountId32, u32)).</summary>
    public static byte[] NonceTag(AccountId32 who, uint nonce)
    {
        var w = new ScaleWriter(36);
        who.EncodeTo(w);
        w.WriteU32(nonce);
        return w.ToArray();
    }

    private void CheckBlockLength(IStateAccess state, DispatchInfo info, uint length)
    {
        var current = _rt.System.AllExtrinsicsLen.TryGet(state, out var l) ? l : 0;
        var next = (ulong)current + length;
        if (next > _rt.System.BlockLength.ForClass(info.Class))
        {
            throw new TransactionValidityException(TransactionValidityError.ExhaustsResources);
        }
    }

    private void CheckExtrinsicWeight(DispatchInfo info, uint length)
    {
        var max = _rt.System.BlockWeights.ForClass(info.Class).MaxExtrinsic;
        var total = info.TotalWeight.SaturatingAdd(Weight.FromParts(0, length));
        if (max is { } m && total.AnyGt(m))
        {
            throw new TransactionValidityException(TransactionValidityError.ExhaustsResources);
        }
    }

    /// <summary>frame_system <c>calculate_consumed_weight</c> then write BlockWeight and AllExtrinsicsLen.</summary>
    private void AccrueBlockResources(IStateAccess state, DispatchInfo info, uint length)
    {
        var limits = _rt.System.BlockWeights;
        var perClass = limits.ForClass(info.Class);
        var extrinsicWeight = info.TotalWeight.SaturatingAdd(perClass.BaseExtrinsic).SaturatingAdd(Weight.FromParts(0, length));
        var all = _rt.System.BlockWeight.Get(state);
        var unlimited = perClass.MaxTotal is null && perClass.Reserved is null;
        if (!unlimited)
        {
            var cur = all.Get(info.Class);
            if (cur.RefTime > ulong.MaxValue - extrinsicWeight.RefTime || cur.ProofSize > ulong.MaxValue - extrinsicWeight.ProofSize)
            {
                throw new TransactionValidityException(TransactionValidityError.ExhaustsResources);
            }
        }

        all = all.Add(extrinsicWeight, info.Class);
        var classTotal = all.Get(info.Class);
        if (perClass.MaxTotal is { } maxTotal && classTotal.AnyGt(maxTotal))
        {
            throw new TransactionValidityException(TransactionValidityError.ExhaustsResources);
        }

        if (all.Total.AnyGt(limits.MaxBlock) && perClass.Reserved is { } reserved && classTotal.AnyGt(reserved))
        {
            throw new TransactionValidityException(TransactionValidityError.ExhaustsResources);
        }

        var len = _rt.System.AllExtrinsicsLen.TryGet(state, out var l) ? l : 0;
        _rt.System.AllExtrinsicsLen.Put(state, len + length);
        _rt.System.BlockWeight.Put(state, all);
    }
}
