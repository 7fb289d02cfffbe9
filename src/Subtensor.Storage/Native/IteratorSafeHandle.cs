using System.Runtime.InteropServices;

namespace Subtensor.Storage.Native;

/// <summary>
/// Owns a <c>rocksdb_iterator_t</c>. It keeps alive the database, the read options it was created with (RocksDB's
/// iterator points into them for its bounds), the bound buffers and the snapshot, if any.
/// </summary>
internal sealed class IteratorSafeHandle : DependentSafeHandle
{
    public IteratorSafeHandle(nint native, params SafeHandle[] parents)
        : base(native, parents)
    {
    }

    protected override void Destroy(nint native) => RocksDbNative.rocksdb_iter_destroy(native);
}
