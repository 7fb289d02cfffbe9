namespace Subtensor.Storage.Chain;

/// <summary>Why a block commit, finalization or best-block change was refused.</summary>
public enum BlockCommitError
{
    InvalidHeader,
    AlreadyKnown,
    UnknownParent,
    GenesisMissing,
    GenesisAlreadyPresent,
    GenesisMismatch,
    NotDescendantOfFinalized,
    StateRootMismatch,
    InvalidStateChanges,
    InvalidTarget,
}
