namespace Subtensor.Storage.RocksDb;

/// <summary>Block compression; values are RocksDB's C API constants (<c>rocksdb_*_compression</c>).</summary>
public enum RocksDbCompression
{
    None = 0,
    Snappy = 1,
    Zlib = 2,
    Bz2 = 3,
    Lz4 = 4,
    Lz4hc = 5,
    Zstd = 7,
}
