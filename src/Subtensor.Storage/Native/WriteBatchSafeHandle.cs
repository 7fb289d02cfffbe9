using Microsoft.Win32.SafeHandles;

namespace Subtensor.Storage.Native;

/// <summary>Owns a <c>rocksdb_writebatch_t</c>; released with <c>rocksdb_writebatch_destroy</c>.</summary>
internal sealed class WriteBatchSafeHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public WriteBatchSafeHandle()
        : base(ownsHandle: true)
    {
    }

    protected override bool ReleaseHandle()
    {
        RocksDbNative.rocksdb_writebatch_destroy(handle);
        return true;
    }
}
