using Microsoft.Win32.SafeHandles;

namespace Subtensor.Storage.Native;

/// <summary>
/// Owns an open <c>rocksdb_t</c>; released with <c>rocksdb_close</c>. Column families, snapshots and iterators
/// hold a reference on it (<see cref="DependentSafeHandle"/>), so the database closes only after the last of them.
/// </summary>
internal sealed class RocksDbSafeHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public RocksDbSafeHandle(nint db)
        : base(ownsHandle: true) => SetHandle(db);

    protected override bool ReleaseHandle()
    {
        RocksDbNative.rocksdb_close(handle);
        return true;
    }
}
