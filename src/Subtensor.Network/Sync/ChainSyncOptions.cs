namespace Subtensor.Network.Sync;

/// <summary>Limits of <see cref="ChainSync"/>, Substrate's defaults (sc-network-sync <c>chain_sync.rs</c>).</summary>
public sealed record ChainSyncOptions
{
    /// <summary>Blocks asked per request (<c>MAX_BLOCKS_TO_REQUEST</c>).</summary>
    public uint MaxBlocksPerRequest { get; init; } = 64;

    /// <summary>How far past the last queued block ranges may be downloaded (<c>MAX_DOWNLOAD_AHEAD</c>).</summary>
    public uint MaxDownloadAhead { get; init; } = 2048;

    /// <summary>No new ranges while this many blocks wait for (or are in) the import queue (<c>MAX_IMPORTING_BLOCKS</c>).</summary>
    public int MaxImportingBlocks { get; init; } = 2048;

    /// <summary>Behind the peers' median best by more than this, the node is "major syncing" (<c>MAJOR_SYNC_BLOCKS</c>).</summary>
    public uint MajorSyncBlocks { get; init; } = 5;

    /// <summary>Longest side chain fetched backwards by hash before giving up.</summary>
    public int MaxForkLength { get; init; } = 4096;
}
