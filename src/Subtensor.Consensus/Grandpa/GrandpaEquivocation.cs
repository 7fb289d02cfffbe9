namespace Subtensor.Consensus.Grandpa;

/// <summary>Proof that a voter signed two different votes of one kind in one round (sp-consensus-grandpa <c>Equivocation</c>).</summary>
public sealed record GrandpaEquivocation(ulong SetId, ulong Round, VoteKind Kind, AuthorityId Voter, SignedVote First, SignedVote Second);
