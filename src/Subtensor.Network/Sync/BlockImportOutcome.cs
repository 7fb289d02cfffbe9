namespace Subtensor.Network.Sync;

/// <summary>Result of importing one block (sc-consensus <c>BlockImportStatus</c> / <c>BlockImportError</c>).</summary>
public enum BlockImportOutcome
{
    /// <summary>Imported now.</summary>
    Imported,

    /// <summary>Already in the chain; nothing done.</summary>
    AlreadyKnown,

    /// <summary>The parent is not in the chain; sync fetches the missing ancestors.</summary>
    UnknownParent,

    /// <summary>Verification or execution failed: the block is bad and its origin peer is banned.</summary>
    Invalid,

    /// <summary>A local failure (database, missing state, cancelled): the block is not blamed on anyone.</summary>
    Failed,
}
