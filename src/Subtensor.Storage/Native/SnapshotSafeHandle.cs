namespace Subtensor.Storage.Native;

/// <summary>Owns a <c>rocksdb_snapshot_t</c>; released with <c>rocksdb_release_snapshot</c> before its database closes.</summary>
internal sealed class SnapshotSafeHandle : DependentSafeHandle
{
    public SnapshotSafeHandle(nint native, RocksDbSafeHandle db)
        : base(native, db)
    {
    }

    protected override void Destroy(nint native) => RocksDbNative.rocksdb_release_snapshot(Parent(0).DangerousGetHandle(), native);
}
