namespace Subtensor.Consensus.Engine;

/// <summary>This node may author in <see cref="Slot"/> as the authority at <see cref="AuthorityIndex"/>.</summary>
public sealed record SlotClaim(ulong Slot, int AuthorityIndex, byte[] AuthorityPublicKey);
