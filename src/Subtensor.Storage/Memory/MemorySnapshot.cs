using System.Collections.Immutable;
using Subtensor.Storage.KeyValue;

namespace Subtensor.Storage.Memory;

/// <summary>The immutable column sets of a <see cref="MemoryStore"/> at one moment.</summary>
internal sealed class MemorySnapshot : IKeyValueSnapshot
{
    private readonly ImmutableSortedSet<MemoryEntry>[] _data;

    public MemorySnapshot(ImmutableSortedSet<MemoryEntry>[] data) => _data = data;

    public byte[]? Get(int column, ReadOnlySpan<byte> key) => MemoryStore.GetFrom(_data, column, key);

    public byte[]?[] MultiGet(int column, IReadOnlyList<byte[]> keys) => MemoryStore.MultiGetFrom(_data, column, keys);

    public IKeyValueIterator CreateIterator(int column, byte[]? lowerBound = null, byte[]? upperBound = null)
        => new MemoryIterator(MemoryStore.Column(_data, column), lowerBound, upperBound);

    public void Dispose()
    {
    }
}
