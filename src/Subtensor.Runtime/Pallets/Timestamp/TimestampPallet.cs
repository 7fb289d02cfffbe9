using Subtensor.Core.Scale;
using Subtensor.Runtime.Framework;
using Subtensor.Runtime.Framework.Codec;
using Subtensor.Runtime.Framework.Dispatch;
using Subtensor.Runtime.Framework.Storage;
using Subtensor.Runtime.Pallets.FrameSystem;
using Subtensor.Runtime.State;

namespace Subtensor.Runtime.Pallets.Timestamp;

/// <summary>
/// pallet_timestamp (index 2): the block's time (ms) set once per block by the <c>set</c> inherent, at least
/// MinimumPeriod after the previous one and within the slot Aura announced.
/// </summary>
public sealed class TimestampPallet : Pallet
{
    /// <summary>Inherent identifier <c>*b"timstap0"</c>.</summary>
    public static readonly byte[] InherentIdentifier = "timstap0"u8.ToArray();

    /// <summary>sp_timestamp <c>MAX_TIMESTAMP_DRIFT_MILLIS</c> used by <c>check_inherent</c>.</summary>
    public const ulong MaxTimestampDriftMillis = 30_000;

    private static readonly Weight SetWeight = Weight.FromParts(8_684_000, 1493).SaturatingAdd(SystemPallet.DbReads(2)).SaturatingAdd(SystemPallet.DbWrites(1));
    private static readonly Weight OnFinalizeWeight = Weight.FromRefTime(4_118_000);

    private readonly Action<IStateAccess, ulong> _onTimestampSet;

    public TimestampPallet(ulong minimumPeriodMs, Action<IStateAccess, ulong> onTimestampSet)
        : base("Timestamp", 2, "pallet_timestamp")
    {
        MinimumPeriodMs = minimumPeriodMs;
        _onTimestampSet = onTimestampSet;
        Now = Value("Now", Codecs.U64, 0UL, " The current time for the current block.");
        DidUpdate = Value("DidUpdate", Codecs.Bool, false, " Whether the timestamp has been updated in this block.", "",
            " This value is updated to `true` upon successful submission of a timestamp by a node.", " It is then checked at the end of each block execution in the `on_finalize` hook.");
        Set = Call(0, "set", [Arg("now", Codecs.CompactU64, "T::Moment")],
            _ => new DispatchInfo(SetWeight, Weight.Zero, DispatchClass.Mandatory, Pays.Yes),
            (s, o, a) =>
            {
                o.EnsureNone();
                DoSet(s, a.Get<ulong>(0));
                return DispatchOutcome.Ok();
            },
            "Set the current time.");
        Constant("MinimumPeriod", Codecs.U64, minimumPeriodMs,
            " The minimum period between blocks.", "",
            " Be aware that this is different to the *expected* period that the block production",
            " apparatus provides. Your chosen consensus system will generally work with this to",
            " determine a sensible block time. For example, in the Aura pallet it will be double this",
            " period on default settings.");
    }

    public ulong MinimumPeriodMs { get; }

    public StorageValue<ulong> Now { get; }

    public StorageValue<bool> DidUpdate { get; }

    public CallDef Set { get; }

    private void DoSet(IStateAccess state, ulong now)
    {
        if (DidUpdate.Exists(state))
        {
            throw new RuntimePanicException("Timestamp must be updated only once in the block");
        }

        var prev = Now.Get(state);
        if (prev != 0 && now < prev + MinimumPeriodMs)
        {
            throw new RuntimePanicException("Timestamp must increment by at least <MinimumPeriod> between sequential blocks");
        }

        Now.Put(state, now);
        DidUpdate.Put(state, true);
        _onTimestampSet(state, now);
    }

    public override Weight OnInitialize(IStateAccess state, uint blockNumber) => OnFinalizeWeight;

    public override void OnFinalize(IStateAccess state, uint blockNumber)
    {
        if (!DidUpdate.Take(state))
        {
            throw new RuntimePanicException("Timestamp must be updated once in the block");
        }
    }

    /// <summary><c>create_inherent</c>: <c>set(max(data, Now + MinimumPeriod))</c>, or null when the data carries no timestamp.</summary>
    public RuntimeCall? CreateInherent(IStateAccess state, IReadOnlyDictionary<string, byte[]> inherentData)
    {
        ArgumentNullException.ThrowIfNull(inherentData);
        if (!inherentData.TryGetValue(Convert.ToHexString(InherentIdentifier), out var raw) || raw.Length != 8)
        {
            return null;
        }

        var data = BitConverter.ToUInt64(raw);
        var next = Math.Max(data, Now.Get(state) + MinimumPeriodMs);
        return Set.Create(next);
    }

    /// <summary>
    /// <c>check_inherent</c>: null when fine; otherwise the encoded <c>InherentError</c> and whether it is fatal
    /// (0 ValidAtTimestamp(u64) — not fatal; 1 TooFarInFuture — fatal).
    /// </summary>
    public (byte[] Error, bool Fatal)? CheckInherent(IStateAccess state, RuntimeCall call, IReadOnlyDictionary<string, byte[]> inherentData)
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(inherentData);
        if (!call.Is(Set))
        {
            return null;
        }

        var t = call.Args.Get<ulong>(0);
        if (!inherentData.TryGetValue(Convert.ToHexString(InherentIdentifier), out var raw) || raw.Length != 8)
        {
            return null;
        }

        var data = BitConverter.ToUInt64(raw);
        var minimum = Now.Get(state) + MinimumPeriodMs;
        if (t > data + MaxTimestampDriftMillis)
        {
            return ([1], true);
        }

        if (t < minimum)
        {
            var w = new ScaleWriter(9);
            w.WriteU8(0).WriteU64(minimum);
            return (w.ToArray(), false);
        }

        return null;
    }
}
