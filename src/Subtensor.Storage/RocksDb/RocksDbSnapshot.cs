using Subtensor.Storage.KeyValue;
using Subtensor.Storage.Native;

namespace Subtensor.Storage.RocksDb;

/// <summary>A RocksDB snapshot: reads through it see the database as it was when the snapshot was taken.</summary>
internal sealed class RocksDbSnapshot : IKeyValueSnapshot
{
    private readonly RocksDbStore _store;
    private readonly SnapshotSafeHandle _snapshot;
    private readonly ReadOptionsSafeHandle _readOptions;

    public RocksDbSnapshot(RocksDbStore store, SnapshotSafeHandle snapshot, ReadOptionsSafeHandle readOptions)
    {
        _store = store;
        _snapshot = snapshot;
        _readOptions = readOptions;
    }

    public byte[]? Get(int column, ReadOnlySpan<byte> key) => _store.GetCore(_readOptions, column, key);

    public byte[]?[] MultiGet(int column, IReadOnlyList<byte[]> keys) => _store.MultiGetCore(_readOptions, column, keys);

    public IKeyValueIterator CreateIterator(int column, byte[]? lowerBound = null, byte[]? upperBound = null)
        => _store.CreateIteratorCore(column, lowerBound, upperBound, _snapshot);

    public void Dispose()
    {
        _readOptions.Dispose();
        _snapshot.Dispose();
    }
}
