namespace Subtensor.Storage.Chain;

/// <summary>Why the state of a block cannot be read.</summary>
public enum StateUnavailableReason
{
    /// <summary>No such block in the database.</summary>
    UnknownBlock,

    /// <summary>The block is finalized but older than the state pruning window.</summary>
    Pruned,

    /// <summary>The block is on a fork that was abandoned when a sibling was finalized.</summary>
    Discarded,
}
