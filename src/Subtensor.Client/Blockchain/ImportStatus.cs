namespace Subtensor.Client.Blockchain;

/// <summary>Outcome of a block import (sc-consensus <c>ImportResult</c> plus the failure kinds).</summary>
public enum ImportStatus
{
    Imported,
    AlreadyKnown,
    UnknownParent,

    /// <summary>The block is invalid (header, seal, body or state root); its sender misbehaved.</summary>
    Invalid,

    /// <summary>The parent's state is gone (pruned or on a discarded fork) or the block is below finality.</summary>
    Unsupported,
}
