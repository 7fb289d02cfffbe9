using Subtensor.Core.Scale;

namespace Subtensor.Runtime.Extrinsics;

/// <summary>sp_runtime <c>ValidTransaction</c>: priority, required and provided tags, longevity, propagate.</summary>
public sealed record ValidTransaction(ulong Priority, IReadOnlyList<byte[]> Requires, IReadOnlyList<byte[]> Provides, ulong Longevity, bool Propagate)
{
    public static ValidTransaction Default => new(0, [], [], ulong.MaxValue, true);

    /// <summary><c>combine_with</c>: priorities add (saturating), tags concatenate, longevity is the minimum, propagate is the conjunction.</summary>
    public ValidTransaction CombineWith(ValidTransaction other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var priority = Priority > ulong.MaxValue - other.Priority ? ulong.MaxValue : Priority + other.Priority;
        return new ValidTransaction(priority, [.. Requires, .. other.Requires], [.. Provides, .. other.Provides], Math.Min(Longevity, other.Longevity), Propagate && other.Propagate);
    }

    public void EncodeTo(ScaleWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteU64(Priority);
        writer.WriteVec(Requires, (w, t) => w.WriteByteVec(t));
        writer.WriteVec(Provides, (w, t) => w.WriteByteVec(t));
        writer.WriteU64(Longevity).WriteBool(Propagate);
    }

    public static ValidTransaction DecodeFrom(ref ScaleReader reader)
    {
        var p = reader.ReadU64();
        var req = reader.ReadVec((ref ScaleReader r) => r.ReadByteVec());
        var prov = reader.ReadVec((ref ScaleReader r) => r.ReadByteVec());
        var l = reader.ReadU64();
        return new ValidTransaction(p, req, prov, l, reader.ReadBool());
    }
}
