using Microsoft.Win32.SafeHandles;

namespace Subtensor.Storage.Native;

/// <summary>Owns a <c>rocksdb_readoptions_t</c>; released with <c>rocksdb_readoptions_destroy</c>.</summary>
internal sealed class ReadOptionsSafeHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public ReadOptionsSafeHandle()
        : base(ownsHandle: true)
    {
    }

    protected override bool ReleaseHandle()
    {
        RocksDbNative.rocksdb_readoptions_destroy(handle);
        return true;
    }
}
