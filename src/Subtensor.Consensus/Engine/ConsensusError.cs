namespace Subtensor.Consensus.Engine;

/// <summary>Why a header failed consensus verification.</summary>
public enum ConsensusError
{
    MissingPreDigest,
    MissingSeal,
    BadSeal,
    SlotNotIncreasing,
    SlotInFuture,
    WrongAuthor,
    NoAuthorities,
}
