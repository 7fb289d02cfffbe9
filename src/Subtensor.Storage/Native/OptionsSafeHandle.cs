using Microsoft.Win32.SafeHandles;

namespace Subtensor.Storage.Native;

/// <summary>Owns a <c>rocksdb_options_t</c>; released with <c>rocksdb_options_destroy</c>.</summary>
internal sealed class OptionsSafeHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public OptionsSafeHandle()
        : base(ownsHandle: true)
    {
    }

    protected override bool ReleaseHandle()
    {
        RocksDbNative.rocksdb_options_destroy(handle);
        return true;
    }
}
