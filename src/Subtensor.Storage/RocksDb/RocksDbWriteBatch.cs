using Subtensor.Storage.KeyValue;
using Subtensor.Storage.Native;

namespace Subtensor.Storage.RocksDb;

/// <summary>A native <c>rocksdb_writebatch_t</c>: puts and deletes are copied into it immediately.</summary>
internal sealed unsafe class RocksDbWriteBatch : IWriteBatch
{
    public RocksDbWriteBatch(RocksDbStore store)
    {
        Store = store;
        Handle = RocksDbNative.rocksdb_writebatch_create();
    }

    public RocksDbStore Store { get; }

    public WriteBatchSafeHandle Handle { get; }

    public int Count => RocksDbNative.rocksdb_writebatch_count(Handle);

    public void Put(int column, ReadOnlySpan<byte> key, ReadOnlySpan<byte> value)
    {
        var cf = Store.ColumnHandle(column);
        fixed (byte* k = key)
        fixed (byte* v = value)
        {
            RocksDbNative.rocksdb_writebatch_put_cf(Handle, cf, k, (nuint)key.Length, v, (nuint)value.Length);
        }
    }

    public void Delete(int column, ReadOnlySpan<byte> key)
    {
        var cf = Store.ColumnHandle(column);
        fixed (byte* k = key)
        {
            RocksDbNative.rocksdb_writebatch_delete_cf(Handle, cf, k, (nuint)key.Length);
        }
    }

    public void Clear() => RocksDbNative.rocksdb_writebatch_clear(Handle);

    public void Dispose() => Handle.Dispose();
}
