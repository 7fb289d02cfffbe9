namespace Subtensor.Consensus.Grandpa;

/// <summary>One voter: its key and its voting weight.</summary>
public sealed record GrandpaAuthority(AuthorityId Id, ulong Weight);
