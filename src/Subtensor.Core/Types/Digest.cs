using Subtensor.Core.Scale;

namespace Subtensor.Core.Types;

/// <summary>A header digest: <c>Vec&lt;DigestItem&gt;</c> (<c>sp_runtime::generic::Digest</c>).</summary>
public sealed class Digest : IScaleEncodable, IScaleDecodable<Digest>, IEquatable<Digest>
{
    public Digest(IEnumerable<DigestItem> logs)
    {
        ArgumentNullException.ThrowIfNull(logs);
        Logs = [.. logs];
    }

    public static Digest Empty { get; } = new([]);

    public IReadOnlyList<DigestItem> Logs { get; }

    public void EncodeTo(ScaleWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteCompact((uint)Logs.Count);
        foreach (var log in Logs)
        {
            log.EncodeTo(writer);
        }
    }

    public static Digest DecodeFrom(ref ScaleReader reader)
        => new(reader.ReadVec((ref ScaleReader r) => DigestItem.DecodeFrom(ref r)));

    public bool Equals(Digest? other) => other is not null && Logs.SequenceEqual(other.Logs);

    public override bool Equals(object? obj) => Equals(obj as Digest);

    public override int GetHashCode() => Logs.Count;
}
