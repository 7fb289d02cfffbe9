using Microsoft.Win32.SafeHandles;

namespace Subtensor.Storage.Native;

/// <summary>Owns a <c>rocksdb_flushoptions_t</c>; released with <c>rocksdb_flushoptions_destroy</c>.</summary>
internal sealed class FlushOptionsSafeHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public FlushOptionsSafeHandle()
        : base(ownsHandle: true)
    {
    }

    protected override bool ReleaseHandle()
    {
        RocksDbNative.rocksdb_flushoptions_destroy(handle);
        return true;
    }
}
