using Microsoft.Win32.SafeHandles;

namespace Subtensor.Storage.Native;

/// <summary>Owns a <c>rocksdb_cache_t</c>; released with <c>rocksdb_cache_destroy</c>.</summary>
internal sealed class CacheSafeHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public CacheSafeHandle()
        : base(ownsHandle: true)
    {
    }

    protected override bool ReleaseHandle()
    {
        RocksDbNative.rocksdb_cache_destroy(handle);
        return true;
    }
}
