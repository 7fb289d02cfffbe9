namespace Subtensor.Consensus.Grandpa;

/// <summary>finality-grandpa <c>Message</c> variants, with their SCALE indices.</summary>
public enum VoteKind : byte
{
    Prevote = 0,
    Precommit = 1,
    PrimaryPropose = 2,
}
