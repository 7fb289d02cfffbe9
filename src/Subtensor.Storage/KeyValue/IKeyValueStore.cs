namespace Subtensor.Storage.KeyValue;

/// <summary>
/// A key-value store with named column families, addressed by their index in <see cref="ColumnFamilies"/>.
/// Implemented by <see cref="RocksDb.RocksDbStore"/> and by <see cref="Memory.MemoryStore"/> for tests.
/// Reads are thread-safe; callers serialise their own writes when they need read-modify-write consistency.
/// </summary>
public interface IKeyValueStore : IKeyValueReader, IDisposable
{
    IReadOnlyList<string> ColumnFamilies { get; }

    void Put(int column, ReadOnlySpan<byte> key, ReadOnlySpan<byte> value);

    void Delete(int column, ReadOnlySpan<byte> key);

    IWriteBatch CreateWriteBatch();

    /// <summary>Applies every write in <paramref name="batch"/> atomically: after a crash either all are visible or none.</summary>
    void Write(IWriteBatch batch);

    IKeyValueSnapshot CreateSnapshot();

    /// <summary>Persists in-memory write buffers (memtables) of every column family to disk.</summary>
    void Flush();

    /// <summary>Compacts the whole key range of <paramref name="column"/>, dropping deleted and overwritten data.</summary>
    void Compact(int column);
}
