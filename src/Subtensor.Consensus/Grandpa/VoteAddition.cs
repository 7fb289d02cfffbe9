namespace Subtensor.Consensus.Grandpa;

/// <summary>What adding a vote to a <see cref="VotingRound"/> did.</summary>
internal enum VoteAddition
{
    New,
    Duplicate,
    Equivocation,
}
