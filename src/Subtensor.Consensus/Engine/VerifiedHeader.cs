using Subtensor.Core.Types;

namespace Subtensor.Consensus.Engine;

/// <summary>A header whose seal checked out: the header with the seal removed (what the runtime executes), the slot and the author.</summary>
public sealed record VerifiedHeader(Header PreSealHeader, ulong Slot, int AuthorityIndex);
