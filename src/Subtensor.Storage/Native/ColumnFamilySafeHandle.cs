namespace Subtensor.Storage.Native;

/// <summary>Owns a <c>rocksdb_column_family_handle_t</c>; destroyed before its database closes.</summary>
internal sealed class ColumnFamilySafeHandle : DependentSafeHandle
{
    public ColumnFamilySafeHandle(nint native, RocksDbSafeHandle db)
        : base(native, db)
    {
    }

    protected override void Destroy(nint native) => RocksDbNative.rocksdb_column_family_handle_destroy(native);
}
