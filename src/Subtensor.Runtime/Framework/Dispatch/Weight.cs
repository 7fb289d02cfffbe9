using Subtensor.Core.Scale;

namespace Subtensor.Runtime.Framework.Dispatch;

/// <summary>sp_weights <c>Weight</c> (v2): reference time in picoseconds and proof size in bytes, both Compact&lt;u64&gt; on the wire.</summary>
public readonly record struct Weight(ulong RefTime, ulong ProofSize) : IComparable<Weight>
{
    /// <summary>sp_weights <c>WEIGHT_REF_TIME_PER_SECOND</c>.</summary>
    public const ulong RefTimePerSecond = 1_000_000_000_000;

    /// <summary>sp_weights <c>WEIGHT_REF_TIME_PER_NANOS</c>.</summary>
    public const ulong RefTimePerNanos = 1_000;

    public static Weight Zero => default;

    public static Weight FromParts(ulong refTime, ulong proofSize) => new(refTime, proofSize);

    public static Weight FromRefTime(ulong refTime) => new(refTime, 0);

    public Weight SaturatingAdd(Weight other) => new(Sat(RefTime, other.RefTime), Sat(ProofSize, other.ProofSize));

    public Weight SaturatingSub(Weight other) =>
        new(RefTime > other.RefTime ? RefTime - other.RefTime : 0, ProofSize > other.ProofSize ? ProofSize - other.ProofSize : 0);

    public Weight SaturatingMul(ulong factor) => new(MulSat(RefTime, factor), MulSat(ProofSize, factor));

    /// <summary>Component-wise minimum (sp_weights <c>Weight::min</c>).</summary>
    public Weight Min(Weight other) => new(Math.Min(RefTime, other.RefTime), Math.Min(ProofSize, other.ProofSize));

    public Weight Max(Weight other) => new(Math.Max(RefTime, other.RefTime), Math.Max(ProofSize, other.ProofSize));

    /// <summary>True when either component exceeds <paramref name="limit"/>'s (sp_weights <c>any_gt</c>).</summary>
    public bool AnyGt(Weight limit) => RefTime > limit.RefTime || ProofSize > limit.ProofSize;

    public bool AllLte(Weight limit) => RefTime <= limit.RefTime && ProofSize <= limit.ProofSize;

    public void EncodeTo(ScaleWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteCompact(RefTime).WriteCompact(ProofSize);
    }

    public static Weight DecodeFrom(ref ScaleReader reader)
    {
        var r = reader.ReadCompactU64();
        return new Weight(r, reader.ReadCompactU64());
    }

    public int CompareTo(Weight other) => RefTime != other.RefTime ? RefTime.CompareTo(other.RefTime) : ProofSize.CompareTo(other.ProofSize);

    public static bool operator <(Weight left, Weight right) => left.CompareTo(right) < 0;

    public static bool operator >(Weight left, Weight right) => left.CompareTo(right) > 0;

    public static bool operator <=(Weight left, Weight right) => left.CompareTo(right) <= 0;

    public static bool operator >=(Weight left, Weight right) => left.CompareTo(right) >= 0;

    private static ulong Sat(ulong a, ulong b) => a > ulong.MaxValue - b ? ulong.MaxValue : a + b;

    private static ulong MulSat(ulong a, ulong b) => b != 0 && a > ulong.MaxValue / b ? ulong.MaxValue : a * b;
}
