using Microsoft.Win32.SafeHandles;

namespace Subtensor.Storage.Native;

/// <summary>Owns a <c>rocksdb_writeoptions_t</c>; released with <c>rocksdb_writeoptions_destroy</c>.</summary>
internal sealed class WriteOptionsSafeHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public WriteOptionsSafeHandle()
        : base(ownsHandle: true)
    {
    }

    protected override bool ReleaseHandle()
    {
        RocksDbNative.rocksdb_writeoptions_destroy(handle);
        return true;
    }
}
