using System.Collections.Immutable;
using Subtensor.Storage.KeyValue;

namespace Subtensor.Storage.Memory;

/// <summary>
/// An in-memory <see cref="IKeyValueStore"/> with the same semantics as <see cref="RocksDb.RocksDbStore"/>: ordered
/// column families, atomic batches and point-in-time snapshots (immutable sorted sets, swapped on every write).
/// </summary>
public sealed class MemoryStore : IKeyValueStore
{
    private readonly object _writeLock = new();
    private readonly string[] _columns;
    private ImmutableSortedSet<MemoryEntry>[] _data;
    private bool _disposed;

    public MemoryStore(IReadOnlyList<string> columnFamilies)
    {
        ArgumentNullException.ThrowIfNull(columnFamilies);
        _columns = [.. columnFamilies];
        _data = new ImmutableSortedSet<MemoryEntry>[_columns.Length];
        Array.Fill(_data, ImmutableSortedSet.Create(MemoryEntry.KeyOrder));
    }

    public IReadOnlyList<string> ColumnFamilies => _columns;

    /// <summary>Total bytes of keys and values in <paramref name="column"/>.</summary>
    public long ApproximateBytes(int column) => Column(Volatile.Read(ref _data), column).Sum(e => (long)e.Key.Length + e.Value.Length);

    public byte[]? Get(int column, ReadOnlySpan<byte> key) => GetFrom(Current, column, key);

    public byte[]?[] MultiGet(int column, IReadOnlyList<byte[]> keys) => MultiGetFrom(Current, column, keys);

    public IKeyValueIterator CreateIterator(int column, byte[]? lowerBound = null, byte[]? upperBound = null)
        => new MemoryIterator(Column(Current, column), lowerBound, upperBound);

    public void Put(int column, ReadOnlySpan<byte> key, ReadOnlySpan<byte> value)
    {
        using var batch = CreateWriteBatch();
        batch.Put(column, key, value);
        Write(batch);
    }

    public void Delete(int column, ReadOnlySpan<byte> key)
    {
        using var batch = CreateWriteBatch();
        batch.Delete(column, key);
        Write(batch);
    }

    public IWriteBatch CreateWriteBatch() => new MemoryWriteBatch(this);

    public void Write(IWriteBatch batch)
    {
        if (batch is not MemoryWriteBatch memoryBatch || !ReferenceEquals(memoryBatch.Store, this))
        {
            throw new ArgumentException("the batch was not created by this store", nameof(batch));
        }

        lock (_writeLock)
        {
            var data = Current;
            var builders = new ImmutableSortedSet<MemoryEntry>.Builder?[data.Length];
            foreach (var (column, key, value) in memoryBatch.Operations)
            {
                var builder = builders[column] ??= data[column].ToBuilder();
                var entry = new MemoryEntry(key, value ?? []);
                builder.Remove(entry);
                if (value is not null)
                {
                    builder.Add(entry);
                }
            }

            var next = (ImmutableSortedSet<MemoryEntry>[])data.Clone();
            for (var i = 0; i < next.Length; i++)
            {
                if (builders[i] is { } builder)
                {
                    next[i] = builder.ToImmutable();
                }
            }

            Volatile.Write(ref _data, next);
        }
    }

    public IKeyValueSnapshot CreateSnapshot() => new MemorySnapshot(Current);

    public void Flush() => _ = Current;

    public void Compact(int column) => _ = Column(Current, column);

    public void Dispose() => _disposed = true;

    internal void CheckColumn(int column)
    {
        if ((uint)column >= (uint)_columns.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(column), column, $"this store has {_columns.Length} column families");
        }
    }

    internal static byte[]? GetFrom(ImmutableSortedSet<MemoryEntry>[] data, int column, ReadOnlySpan<byte> key)
        => Column(data, column).TryGetValue(MemoryEntry.Probe(key), out var entry) ? (byte[])entry.Value.Clone() : null;

    internal static byte[]?[] MultiGetFrom(ImmutableSortedSet<MemoryEntry>[] data, int column, IReadOnlyList<byte[]> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var results = new byte[]?[keys.Count];
        for (var i = 0; i < results.Length; i++)
        {
            results[i] = GetFrom(data, column, keys[i]);
        }

        return results;
    }

    internal static ImmutableSortedSet<MemoryEntry> Column(ImmutableSortedSet<MemoryEntry>[] data, int column)
    {
        if ((uint)column >= (uint)data.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(column), column, $"this store has {data.Length} column families");
        }

        return data[column];
    }

    private ImmutableSortedSet<MemoryEntry>[] Current
    {
        get
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return Volatile.Read(ref _data);
        }
    }
}
