using Subtensor.Storage.Chain;

namespace Subtensor.Client.Blockchain;

/// <summary>Blocks that became final, in ascending order; the last one is the new finalized head.</summary>
public sealed record FinalizedEvent(IReadOnlyList<BlockRef> Blocks);
