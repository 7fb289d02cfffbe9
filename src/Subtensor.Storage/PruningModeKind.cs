namespace Subtensor.Storage;

/// <summary>The three pruning policies of Substrate's <c>--state-pruning</c> / <c>--blocks-pruning</c>.</summary>
public enum PruningModeKind
{
    /// <summary>Keep everything, including the data of blocks on abandoned forks.</summary>
    Archive,

    /// <summary>Keep the data of every finalized (canonical) block; drop abandoned forks.</summary>
    ArchiveCanonical,

    /// <summary>Keep the data of the last N finalized blocks (and of unfinalized blocks that may still become final).</summary>
    Constrained,
}
