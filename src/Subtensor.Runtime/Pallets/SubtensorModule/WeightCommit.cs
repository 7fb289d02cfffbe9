using Subtensor.Core.Types;

namespace Subtensor.Runtime.Pallets.SubtensorModule;

/// <summary>
/// One entry of <c>WeightCommits[index][hotkey]</c> (CR v2), stored as SCALE (H256, u64, u64, u64): the hash, the commit
/// block, the subnet's epoch index at commit, and the last epoch index in which it can be revealed (commit epoch +
/// RevealPeriodEpochs; it is revealable from that epoch on and expired after it).
/// </summary>
public sealed record WeightCommit(Hash256 Hash, ulong CommitBlock, ulong CommitEpoch, ulong RevealEpoch);
