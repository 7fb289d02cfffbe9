using Microsoft.Win32.SafeHandles;

namespace Subtensor.Storage.Native;

/// <summary>Owns a <c>rocksdb_block_based_table_options_t</c>; released with <c>rocksdb_block_based_options_destroy</c>.</summary>
internal sealed class BlockBasedTableOptionsSafeHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public BlockBasedTableOptionsSafeHandle()
        : base(ownsHandle: true)
    {
    }

    protected override bool ReleaseHandle()
    {
        RocksDbNative.rocksdb_block_based_options_destroy(handle);
        return true;
    }
}
