using Subtensor.Core.Types;
using Subtensor.Runtime.Extrinsics;
using Subtensor.Runtime.Framework;
using Subtensor.Runtime.Framework.Dispatch;
using Subtensor.Runtime.Pallets.FrameSystem;
using Subtensor.Runtime.State;

namespace Subtensor.Runtime.Executive;

/// <summary>
/// frame_executive: block initialization (System.initialize, hooks), extrinsic application (check, extensions,
/// dispatch in its own layer, events), finalization (hooks, roots, header), block import (execute and compare)
/// and transaction validation for the pool.
/// </summary>
public sealed class Executive
{
    private readonly SubtensorRuntime _rt;

    public Executive(SubtensorRuntime runtime)
    {
        _rt = runtime;
    }

    /// <summary><c>initialize_block</c>: resets events, initializes System with the header's pre-runtime digests, runs on_initialize hooks.</summary>
    public ExtrinsicInclusionMode InitializeBlock(IStateAccess state, Header header)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(header);
        var system = _rt.System;
        system.ResetEvents(state);
        var upgradeWeight = Weight.Zero;
        if (RuntimeUpgraded(state))
        {
            system.LastRuntimeUpgrade.Put(state, new LastRuntimeUpgradeInfo(_rt.Version.SpecVersion, _rt.Version.SpecName));
        }

        var preDigest = new Digest(header.Digest.Logs.Where(d => d.Kind == DigestItemKind.PreRuntime));
        system.Initialize(state, header.Number, header.ParentHash, preDigest);
        var weight = system.BlockWeights.BaseBlock.SaturatingAdd(upgradeWeight);
        foreach (var pallet in _rt.Pallets)
        {
            weight = weight.SaturatingAdd(pallet.OnInitialize(state, header.Number));
        }

        system.RegisterExtraWeightUnchecked(state, weight, DispatchClass.Mandatory);
        system.NoteFinishedInitialize(state);
        return ExtrinsicInclusionMode.AllExtrinsics;
    }

    /// <summary>
    /// <c>apply_extrinsic</c>: an extrinsic refused before dispatch leaves no trace (its changes are rolled back and
    /// the refusal returned); a dispatched one records ExtrinsicSuccess/ExtrinsicFailed and keeps its fee and nonce
    /// even when the call itself failed.
    /// </summary>
    public ApplyExtrinsicResult ApplyExtrinsic(IStateAccess state, byte[] encodedExtrinsic)
    {
        ArgumentNullException.ThrowIfNull(state);
        var xt = _rt.DecodeExtrinsic(encodedExtrinsic);
        state.StartTransaction();
        try
        {
            var result = ApplyDecoded(state, xt);
            if (result.Invalid is null)
            {
                state.CommitTransaction();
            }
            else
            {
                state.RollbackTransaction();
            }

            return result;
        }
        catch
        {
            state.RollbackTransaction();
            throw;
        }
    }

    private ApplyExtrinsicResult ApplyDecoded(IStateAccess state, UncheckedExtrinsic xt)
    {
        var system = _rt.System;
        var length = (uint)xt.Encoded.Length;
        var info = SubtensorTransactionExtensions.InfoOf(xt);
        var isInherent = IsInherent(xt);
        try
        {
            AccountId32? signer = xt.IsSigned ? _rt.TransactionExtensions.CheckSignature(state, xt) : null;
            system.NoteExtrinsic(state, xt.Encoded);
            if (isInherent)
            {
                if (system.InherentsApplied.Get(state))
                {
                    return ApplyExtrinsicResult.Rejected(TransactionValidityError.BadMandatory);
                }
            }
            else if (!system.InherentsApplied.Get(state))
            {
                system.InherentsApplied.Put(state, true);
            }

            DispatchOutcome outcome;
            if (signer is { } who)
            {
                var extra = xt.Extra!.Value;
                _rt.TransactionExtensions.Validate(state, who, xt.Call, info, length, extra);
                var pre = _rt.TransactionExtensions.Prepare(state, who, info, length, extra);
                outcome = _rt.Dispatch(state, xt.Call, Origin.Signed(who), bypassFilter: false);
                _rt.TransactionExtensions.PostDispatch(state, pre, info, outcome.Post, length);
            }
            else
            {
                _rt.TransactionExtensions.PrepareBare(state, info, length);
                outcome = _rt.Dispatch(state, xt.Call, Origin.None, bypassFilter: false);
                _rt.TransactionExtensions.RefundUnusedWeight(state, info, outcome.Post);
            }

            if (outcome.Error is not null && info.Class == DispatchClass.Mandatory)
            {
                return ApplyExtrinsicResult.Rejected(TransactionValidityError.BadMandatory);
            }

            system.NoteAppliedExtrinsic(state, outcome, info);
            return ApplyExtrinsicResult.Dispatched(outcome.Error);
        }
        catch (TransactionValidityException e)
        {
            return ApplyExtrinsicResult.Rejected(e.Error);
        }
    }

    /// <summary><c>finalize_block</c>: on_idle with the remaining weight, on_finalize hooks, then System.finalize (roots, header).</summary>
    public Header FinalizeBlock(IStateAccess state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var system = _rt.System;
        system.NoteFinishedExtrinsics(state);
        var number = system.Number.Get(state);
        var used = system.BlockWeight.Get(state).Total;
        var remaining = system.BlockWeights.MaxBlock.SaturatingSub(used);
        if (remaining.RefTime > 0 && remaining.ProofSize > 0)
        {
            var idle = Weight.Zero;
            foreach (var pallet in _rt.Pallets)
            {
                var w = pallet.OnIdle(state, number, remaining.SaturatingSub(idle));
                idle = idle.SaturatingAdd(w);
            }

            system.RegisterExtraWeightUnchecked(state, idle, DispatchClass.Mandatory);
        }

        foreach (var pallet in _rt.Pallets)
        {
            pallet.OnFinalize(state, number);
        }

        return system.Finalize(state);
    }

    /// <summary>
    /// <c>execute_block</c> for import: the parent hash must be BlockHash[n-1]; every extrinsic must apply (inherents
    /// first); the computed digest, state root and extrinsics root must equal the header's. Throws
    /// <see cref="RuntimePanicException"/> otherwise (the caller discards the state).
    /// </summary>
    public void ExecuteBlock(IStateAccess state, Block block)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(block);
        var header = block.Header;
        InitializeBlock(state, header);
        if (header.Number == 0 || _rt.System.BlockHash.Get(state, header.Number - 1) != header.ParentHash)
        {
            throw new RuntimePanicException("Parent hash should be valid.");
        }

        var seenSigned = false;
        foreach (var raw in block.Extrinsics)
        {
            UncheckedExtrinsic xt;
            try
            {
                xt = _rt.DecodeExtrinsic(raw);
            }
            catch (Core.Scale.ScaleDecodeException e)
            {
                throw new RuntimePanicException($"block contains an undecodable extrinsic: {e.Message}", e);
            }

            var inherent = IsInherent(xt);
            if (inherent && seenSigned)
            {
                throw new RuntimePanicException("Extrinsics must be ordered: inherents first");
            }

            seenSigned |= !inherent;
            var result = ApplyExtrinsic(state, raw);
            if (result.Invalid is not null)
            {
                throw new RuntimePanicException($"Transaction in block is invalid: {result.Invalid}");
            }
        }

        var computed = FinalizeBlock(state);
        if (!computed.Digest.Equals(header.Digest))
        {
            throw new RuntimePanicException("Digest items must match that calculated.");
        }

        if (computed.StateRoot != header.StateRoot)
        {
            throw new RuntimePanicException($"Storage root must match that calculated (computed {computed.StateRoot}, header {header.StateRoot}).");
        }

        if (computed.ExtrinsicsRoot != header.ExtrinsicsRoot)
        {
            throw new RuntimePanicException($"Transaction trie root must be valid (computed {computed.ExtrinsicsRoot}, header {header.ExtrinsicsRoot}).");
        }
    }

    /// <summary>
    /// <c>validate_transaction</c> against the state of block <paramref name="blockHash"/> (as if building its child):
    /// signature, extensions, no mandatory calls; bare transactions have no validator here.
    /// </summary>
    public (ValidTransaction? Valid, TransactionValidityError? Error) ValidateTransaction(IStateAccess state, TransactionSource source, byte[] encodedExtrinsic, Hash256 blockHash)
    {
        ArgumentNullException.ThrowIfNull(state);
        var system = _rt.System;
        system.Initialize(state, system.Number.Get(state) + 1, blockHash, Digest.Empty);
        UncheckedExtrinsic xt;
        try
        {
            xt = _rt.DecodeExtrinsic(encodedExtrinsic);
        }
        catch (Core.Scale.ScaleDecodeException e) when (e.Reason.Contains("nested deeper", StringComparison.Ordinal))
        {
            return (null, TransactionValidityError.CallInvalid);
        }

        try
        {
            var info = SubtensorTransactionExtensions.InfoOf(xt);
            if (!xt.IsSigned)
            {
                return (null, info.Class == DispatchClass.Mandatory ? TransactionValidityError.MandatoryValidation : TransactionValidityError.NoUnsignedValidator);
            }

            var who = _rt.TransactionExtensions.CheckSignature(state, xt);
            if (info.Class == DispatchClass.Mandatory)
            {
                return (null, TransactionValidityError.MandatoryValidation);
            }

            return (_rt.TransactionExtensions.Validate(state, who, xt.Call, info, (uint)xt.Encoded.Length, xt.Extra!.Value), null);
        }
        catch (TransactionValidityException e)
        {
            return (null, e.Error);
        }
    }

    /// <summary>An inherent: a bare Timestamp.set (the only inherent of these pallets).</summary>
    public bool IsInherent(UncheckedExtrinsic xt)
    {
        ArgumentNullException.ThrowIfNull(xt);
        return !xt.IsSigned && xt.Call.Is(_rt.Timestamp.Set);
    }

    private bool RuntimeUpgraded(IStateAccess state)
    {
        var last = _rt.System.LastRuntimeUpgrade.TryGet(state, out var l) ? l : null;
        return last is null || last.SpecVersion < _rt.Version.SpecVersion || last.SpecName != _rt.Version.SpecName;
    }
}
