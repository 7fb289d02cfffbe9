namespace Subtensor.Storage.RocksDb;

/// <summary>How a RocksDB database is opened and tuned. The defaults suit a node on a small machine.</summary>
public sealed record RocksDbOptions
{
    /// <summary>Size of the shared LRU block cache in bytes; 0 disables the block cache.</summary>
    public long BlockCacheBytes { get; init; } = 128L << 20;

    public RocksDbCompression Compression { get; init; } = RocksDbCompression.Lz4;

    /// <summary>Table files kept open at once; -1 keeps all open.</summary>
    public int MaxOpenFiles { get; init; } = 512;

    /// <summary>Memtable size per column family, in bytes.</summary>
    public long WriteBufferBytes { get; init; } = 64L << 20;

    /// <summary>Bloom filter bits per key (full filters); 0 disables filters.</summary>
    public double BloomBitsPerKey { get; init; } = 10;

    /// <summary>A Bloom filter over each memtable's keys, so lookups of absent keys skip the memtable search.</summary>
    public bool MemtableBloom { get; init; } = true;

    /// <summary>Background threads for flushes and compactions.</summary>
    public int Parallelism { get; init; } = Math.Max(2, Environment.ProcessorCount);

    /// <summary>Create the database and missing column families when absent.</summary>
    public bool CreateIfMissing { get; init; } = true;

    /// <summary>
    /// fsync the write-ahead log on every write. Without it a committed write survives a process crash (it is in the
    /// OS page cache) but the last writes may be lost on power failure; the database stays consistent either way.
    /// </summary>
    public bool SyncWrites { get; init; }

    /// <summary>Info log files (LOG, LOG.old.*) RocksDB keeps in the database directory.</summary>
    public int KeepLogFiles { get; init; } = 3;

    public static RocksDbOptions Default { get; } = new();
}
