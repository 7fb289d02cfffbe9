using Subtensor.Core.Types;
using Subtensor.Storage.RocksDb;

namespace Subtensor.Storage.Chain;

/// <summary>How a <see cref="ChainDatabase"/> is opened.</summary>
public sealed record ChainDatabaseOptions
{
    /// <summary><c>--state-pruning</c>: which blocks keep their state.</summary>
    public PruningMode StatePruning { get; init; } = PruningMode.DefaultState;

    /// <summary><c>--blocks-pruning</c>: which blocks keep their body and justifications (headers are always kept).</summary>
    public PruningMode BlocksPruning { get; init; } = PruningMode.DefaultBlocks;

    /// <summary>The genesis hash of the chain this node runs; a database of another chain is refused at open.</summary>
    public Hash256? ExpectedGenesis { get; init; }

    /// <summary>
    /// Re-hash every inserted trie node and refuse the commit when a node is not stored under the Blake2-256 hash of its
    /// bytes. Off by default: the trie has just computed those hashes, and re-hashing costs about 10% of a commit.
    /// </summary>
    public bool VerifyInsertedNodes { get; init; }

    /// <summary>Bytes of trie nodes kept in memory in front of the database (recently read and written); 0 disables.</summary>
    public long NodeCacheBytes { get; init; } = 256L << 20;

    /// <summary>RocksDB tuning, for databases opened from a path.</summary>
    public RocksDbOptions RocksDb { get; init; } = RocksDbOptions.Default;
}
