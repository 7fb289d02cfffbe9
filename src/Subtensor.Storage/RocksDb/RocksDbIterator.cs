using Subtensor.Storage.KeyValue;
using Subtensor.Storage.Native;

namespace Subtensor.Storage.RocksDb;

/// <summary>A native <c>rocksdb_iterator_t</c>. Key and value spans point into RocksDB memory until the next move.</summary>
internal sealed unsafe class RocksDbIterator : IKeyValueIterator
{
    private readonly IteratorSafeHandle _handle;

    public RocksDbIterator(IteratorSafeHandle handle) => _handle = handle;

    public bool IsValid { get; private set; }

    public ReadOnlySpan<byte> Key
    {
        get
        {
            EnsureValid();
            var key = RocksDbNative.rocksdb_iter_key(_handle, out var length);
            return new ReadOnlySpan<byte>(key, checked((int)length));
        }
    }

    public ReadOnlySpan<byte> Value
    {
        get
        {
            EnsureValid();
            var value = RocksDbNative.rocksdb_iter_value(_handle, out var length);
            return new ReadOnlySpan<byte>(value, checked((int)length));
        }
    }

    public void SeekToFirst()
    {
        RocksDbNative.rocksdb_iter_seek_to_first(_handle);
        AfterMove();
    }

    public void SeekToLast()
    {
        RocksDbNative.rocksdb_iter_seek_to_last(_handle);
        AfterMove();
    }

    public void Seek(ReadOnlySpan<byte> key)
    {
        fixed (byte* k = key)
        {
            RocksDbNative.rocksdb_iter_seek(_handle, k, (nuint)key.Length);
        }

        AfterMove();
    }

    public void SeekForPrev(ReadOnlySpan<byte> key)
    {
        fixed (byte* k = key)
        {
            RocksDbNative.rocksdb_iter_seek_for_prev(_handle, k, (nuint)key.Length);
        }

        AfterMove();
    }

    public void Next()
    {
        EnsureValid();
        RocksDbNative.rocksdb_iter_next(_handle);
        AfterMove();
    }

    public void Prev()
    {
        EnsureValid();
        RocksDbNative.rocksdb_iter_prev(_handle);
        AfterMove();
    }

    public void Dispose() => _handle.Dispose();

    private void AfterMove()
    {
        IsValid = RocksDbNative.rocksdb_iter_valid(_handle) != 0;
        if (!IsValid)
        {
            RocksDbNative.rocksdb_iter_get_error(_handle, out var err);
            RocksDbError.ThrowIfSet(err, "iterate");
        }
    }

    private void EnsureValid()
    {
        if (!IsValid)
        {
            throw new InvalidOperationException("the iterator is not positioned on an entry");
        }
    }
}
