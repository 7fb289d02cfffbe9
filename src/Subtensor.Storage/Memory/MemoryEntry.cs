using Subtensor.Core.Types;

namespace Subtensor.Storage.Memory;

/// <summary>One key-value pair of a <see cref="MemoryStore"/> column; ordered by key bytes only.</summary>
internal sealed record MemoryEntry(byte[] Key, byte[] Value)
{
    public static readonly IComparer<MemoryEntry> KeyOrder =
        Comparer<MemoryEntry>.Create((x, y) => ByteArrayComparer.Instance.Compare(x.Key, y.Key));

    public static MemoryEntry Probe(ReadOnlySpan<byte> key) => new(key.ToArray(), []);
}
