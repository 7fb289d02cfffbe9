using Subtensor.Core.Hashing;
using Subtensor.Core.Scale;
using Subtensor.Core.Types;
using Subtensor.Runtime.Framework;
using Subtensor.Runtime.Framework.Codec;
using Subtensor.Runtime.Framework.Dispatch;
using Subtensor.Runtime.Pallets.FrameSystem;
using Subtensor.Runtime.Primitives;
using Subtensor.Runtime.State;

namespace Subtensor.Runtime.Pallets.Utility;

/// <summary>
/// Subtensor's utility pallet (index 11, crate pallet_subtensor_utility): batch (stops at the first failure),
/// batch_all (all or nothing), force_batch (continues past failures), as_derivative, dispatch_as, with_weight, if_else.
/// </summary>
public sealed class UtilityPallet : Pallet
{
    /// <summary><c>batched_calls_limit</c> = i16::MAX / size_of(RuntimeCall); 10922 in Subtensor's metadata.</summary>
    public const uint BatchedCallsLimit = 10922;

    public UtilityPallet(RuntimeOuterTypes outer)
        : base("Utility", 11, "pallet_subtensor_utility")
    {
        ArgumentNullException.ThrowIfNull(outer);
        var call = outer.CallCodec;
        var calls = Codecs.Vec(call, 2);
        var originCodec = new ScaleCodec<Origin>(outer.OriginCaller, EncodeOrigin, DecodeOrigin);

        BatchInterruptedEvent = Event(0, "BatchInterrupted", Arg("index", Codecs.U32, "u32"), Arg("error", FrameTypes.DispatchError, "DispatchError"));
        BatchCompletedEvent = Event(1, "BatchCompleted");
        BatchCompletedWithErrorsEvent = Event(2, "BatchCompletedWithErrors");
        ItemCompletedEvent = Event(3, "ItemCompleted");
        ItemFailedEvent = Event(4, "ItemFailed", Arg("error", FrameTypes.DispatchError, "DispatchError"));
        DispatchedAsEvent = Event(5, "DispatchedAs", Arg("result", FrameTypes.DispatchResult, "DispatchResult"));
        IfElseMainSuccessEvent = Event(6, "IfElseMainSuccess");
        IfElseFallbackCalledEvent = Event(7, "IfElseFallbackCalled", Arg("main_error", FrameTypes.DispatchError, "DispatchError"));

        TooManyCallsError = Error(0, "TooManyCalls", "Too many calls batched.");
        Error(1, "InvalidDerivedAccount", "Bad input data for derived account ID");

        const string callsType = "Vec<<T as Config>::RuntimeCall>";
        const string boxedCall = "Box<<T as Config>::RuntimeCall>";
        Batch = Call(0, "batch", [Arg("calls", calls, callsType)], a => BatchInfo(a, BatchWeight), (s, o, a) => DoBatch(s, o, a.Get<RuntimeCall[]>(0), BatchMode.Batch),
            "Send a batch of dispatch calls.");
        Call(1, "as_derivative", [Arg("index", Codecs.U16, "u16"), Arg("call", call, boxedCall)],
            a => Inner(a.Get<RuntimeCall>(1), Weight.FromParts(10_896_000, 3997).SaturatingAdd(SystemPallet.DbReads(2))),
            (s, o, a) =>
            {
                var who = o.EnsureSigned();
                var derived = DerivativeAccountId(who, a.Get<ushort>(0));
                var inner = a.Get<RuntimeCall>(1);
                var r = Host.Dispatch(s, inner, Origin.Signed(derived), bypassFilter: false);
                var extra = Weight.FromParts(10_896_000, 3997).SaturatingAdd(SystemPallet.DbReads(2));
                var actual = extra.SaturatingAdd(r.Post.CalcActualWeight(inner.Info));
                return r.Error is null ? DispatchOutcome.Ok(new PostDispatchInfo(actual, Pays.Yes)) : DispatchOutcome.Fail(r.Error, actual);
            },
            "Send a call through an indexed pseudonym of the sender.");
        BatchAll = Call(2, "batch_all", [Arg("calls", calls, callsType)], a => BatchInfo(a, BatchAllWeight), (s, o, a) => DoBatch(s, o, a.Get<RuntimeCall[]>(0), BatchMode.All),
            "Send a batch of dispatch calls and atomically execute them.");
        Call(3, "dispatch_as", [Arg("as_origin", originCodec, "Box<T::PalletsOrigin>"), Arg("call", call, boxedCall)],
            a => Inner(a.Get<RuntimeCall>(1), Weight.FromRefTime(6_985_000)),
            (s, o, a) =>
            {
                o.EnsureRoot();
                var r = Host.Dispatch(s, a.Get<RuntimeCall>(1), a.Get<Origin>(0), bypassFilter: false);
                Deposit(s, DispatchedAsEvent, r.Error);
                return DispatchOutcome.Ok();
            },
            "Dispatches a function call with a provided origin.");
        ForceBatch = Call(4, "force_batch", [Arg("calls", calls, callsType)], a => BatchInfo(a, ForceBatchWeight), (s, o, a) => DoBatch(s, o, a.Get<RuntimeCall[]>(0), BatchMode.Force),
            "Send a batch of dispatch calls. Unlike `batch`, it allows errors and won't interrupt.");
        Call(5, "with_weight", [Arg("call", call, boxedCall), Arg("weight", FrameTypes.Weight, "Weight")],
            a => new DispatchInfo(a.Get<Weight>(1), Weight.Zero, a.Get<RuntimeCall>(0).Info.Class, Pays.Yes),
            (s, o, a) =>
            {
                o.EnsureRoot();
                var r = Host.Dispatch(s, a.Get<RuntimeCall>(0), Origin.Root, bypassFilter: true);
                return r.Error is null ? DispatchOutcome.Ok() : DispatchOutcome.Fail(r.Error);
            },
            "Dispatch a function call with a specified weight.");
        Call(6, "if_else", [Arg("main", call, boxedCall), Arg("fallback", call, boxedCall)],
            a => new DispatchInfo(Weight.FromRefTime(7_000_000).SaturatingAdd(a.Get<RuntimeCall>(0).Info.CallWeight).SaturatingAdd(a.Get<RuntimeCall>(1).Info.CallWeight),
                Weight.Zero, DispatchClass.Normal, Pays.Yes),
            (s, o, a) =>
            {
                if (o.Kind == OriginKind.None)
                {
                    throw new DispatchException(DispatchError.BadOrigin);
                }

                var bypass = o.IsRoot;
                var main = Host.Dispatch(s, a.Get<RuntimeCall>(0), o, bypass);
                if (main.Error is null)
                {
                    Deposit(s, IfElseMainSuccessEvent);
                    return DispatchOutcome.Ok();
                }

                Deposit(s, IfElseFallbackCalledEvent, main.Error);
                var fallback = Host.Dispatch(s, a.Get<RuntimeCall>(1), o, bypass);
                return fallback.Error is null ? DispatchOutcome.Ok() : DispatchOutcome.Fail(fallback.Error);
            },
            "Dispatch a fallback call in the event the main call fails to execute.");
        Call(7, "dispatch_as_fallible", [Arg("as_origin", originCodec, "Box<T::PalletsOrigin>"), Arg("call", call, boxedCall)],
            a => Inner(a.Get<RuntimeCall>(1), Weight.FromRefTime(6_985_000)),
            (s, o, a) =>
            {
                o.EnsureRoot();
                var r = Host.Dispatch(s, a.Get<RuntimeCall>(1), a.Get<Origin>(0), bypassFilter: false);
                if (r.Error is not null)
                {
                    return DispatchOutcome.Fail(r.Error);
                }

                Deposit(s, DispatchedAsEvent, (DispatchError?)null);
                return DispatchOutcome.Ok();
            },
            "Dispatches a function call with a provided origin, failing if the call fails.");

        Constant("batched_calls_limit", Codecs.U32, BatchedCallsLimit, " The limit on the number of batched calls.");
    }

    protected override IReadOnlyList<string> EventTypeParams => [];

    private enum BatchMode
    {
        Batch,
        All,
        Force,
    }

    public CallDef Batch { get; }

    public CallDef BatchAll { get; }

    public CallDef ForceBatch { get; }

    public EventDef BatchInterruptedEvent { get; }

    public EventDef BatchCompletedEvent { get; }

    public EventDef BatchCompletedWithErrorsEvent { get; }

    public EventDef ItemCompletedEvent { get; }

    public EventDef ItemFailedEvent { get; }

    public EventDef DispatchedAsEvent { get; }

    public EventDef IfElseMainSuccessEvent { get; }

    public EventDef IfElseFallbackCalledEvent { get; }

    public ErrorDef TooManyCallsError { get; }

    /// <summary>Whether a call is one of the batch calls (for Subtensor's <c>NoNestingCallFilter</c>).</summary>
    public bool IsBatch(RuntimeCall call)
    {
        ArgumentNullException.ThrowIfNull(call);
        return call.Is(Batch) || call.Is(BatchAll) || call.Is(ForceBatch);
    }

    /// <summary><c>derivative_account_id</c>: blake2_256(("modlpy/utilisuba", who, index)) read as an account.</summary>
    public static AccountId32 DerivativeAccountId(AccountId32 who, ushort index)
    {
        var w = new ScaleWriter(64);
        w.WriteBytes("modlpy/utilisuba"u8).Write(who).WriteU16(index);
        return new AccountId32(Blake2b.Blake2b256(w.WrittenSpan));
    }

    private static Weight BatchWeight(int c) => Weight.FromParts(19_388_813 + (4_591_113UL * (ulong)c), 3997).SaturatingAdd(SystemPallet.DbReads(2));

    private static Weight BatchAllWeight(int c) => Weight.FromParts(22_628_420 + (4_797_007UL * (ulong)c), 3997).SaturatingAdd(SystemPallet.DbReads(2));

    private static Weight ForceBatchWeight(int c) => Weight.FromParts(23_270_604 + (4_570_923UL * (ulong)c), 3997).SaturatingAdd(SystemPallet.DbReads(2));

    /// <summary>Sum of the inner calls' weights plus the batch's own; Operational only when every inner call is.</summary>
    private static DispatchInfo BatchInfo(CallArgs a, Func<int, Weight> own)
    {
        var calls = a.Get<RuntimeCall[]>(0);
        var total = Weight.Zero;
        var allOperational = calls.Length > 0;
        foreach (var c in calls)
        {
            var info = c.Info;
            total = total.SaturatingAdd(info.CallWeight);
            allOperational &= info.Class == DispatchClass.Operational;
        }

        return new DispatchInfo(total.SaturatingAdd(own(calls.Length)), Weight.Zero, allOperational ? DispatchClass.Operational : DispatchClass.Normal, Pays.Yes);
    }

    private static DispatchInfo Inner(RuntimeCall call, Weight own)
    {
        var info = call.Info;
        return new DispatchInfo(own.SaturatingAdd(info.CallWeight), Weight.Zero, info.Class, info.PaysFee);
    }

    private DispatchOutcome DoBatch(IStateAccess state, Origin origin, RuntimeCall[] calls, BatchMode mode)
    {
        if (origin.Kind == OriginKind.None)
        {
            throw new DispatchException(DispatchError.BadOrigin);
        }

        if (calls.Length > BatchedCallsLimit)
        {
            throw TooManyCallsError.Exception();
        }

        var isRoot = origin.IsRoot;
        var weight = Weight.Zero;
        var hadError = false;
        Func<int, Weight> own = mode switch
        {
            BatchMode.All => BatchAllWeight,
            BatchMode.Force => ForceBatchWeight,
            _ => BatchWeight,
        };
        for (var i = 0; i < calls.Length; i++)
        {
            var info = calls[i].Info;
            var r = Host.Dispatch(state, calls[i], origin, bypassFilter: isRoot);
            weight = weight.SaturatingAdd(r.Post.CalcActualWeight(info));
            if (r.Error is not null)
            {
                switch (mode)
                {
                    case BatchMode.Batch:
                        Deposit(state, BatchInterruptedEvent, (uint)i, r.Error);
                        return DispatchOutcome.Ok(new PostDispatchInfo(own(i + 1).SaturatingAdd(weight), Pays.Yes));
                    case BatchMode.All:
                        throw new DispatchException(r.Error, own(i + 1).SaturatingAdd(weight));
                    default:
                        hadError = true;
                        Deposit(state, ItemFailedEvent, r.Error);
                        continue;
                }
            }

            Deposit(state, ItemCompletedEvent);
        }

        Deposit(state, hadError ? BatchCompletedWithErrorsEvent : BatchCompletedEvent);
        return DispatchOutcome.Ok(new PostDispatchInfo(own(calls.Length).SaturatingAdd(weight), Pays.Yes));
    }

    private static void EncodeOrigin(ScaleWriter w, Origin o)
    {
        w.WriteU8(0).WriteU8((byte)o.Kind);
        if (o.Kind == OriginKind.Signed)
        {
            o.Account.EncodeTo(w);
        }
    }

    private static Origin DecodeOrigin(ref ScaleReader r)
    {
        var at = r.Position;
        if (r.ReadU8() != 0)
        {
            throw new ScaleDecodeException("only the `system` origin exists in this runtime", at);
        }

        return (OriginKind)r.ReadEnumIndex(4) switch
        {
            OriginKind.Root => Origin.Root,
            OriginKind.Signed => Origin.Signed(AccountId32.DecodeFrom(ref r)),
            OriginKind.None => Origin.None,
            _ => new Origin(OriginKind.Authorized, default),
        };
    }
}
