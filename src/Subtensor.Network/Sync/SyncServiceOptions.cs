namespace Subtensor.Network.Sync;

public sealed record SyncServiceOptions
{
    public ChainSyncOptions ChainSync { get; init; } = new();

    /// <summary>Most blocks handed to the import queue at once.</summary>
    public int MaxImportBatch { get; init; } = 256;

    /// <summary>Announce blocks imported from the network to our peers (Substrate's default), except while major-syncing.</summary>
    public bool AnnounceImportedBlocks { get; init; } = true;

    /// <summary>Period of the progress line; zero disables it.</summary>
    public TimeSpan InformantInterval { get; init; } = TimeSpan.FromSeconds(5);
}
