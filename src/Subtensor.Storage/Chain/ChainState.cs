using System.Collections.Immutable;
using Subtensor.Core.Types;

namespace Subtensor.Storage.Chain;

/// <summary>
/// The in-memory mirror of the database's chain records, replaced as a whole after each successful write.
/// </summary>
internal sealed record ChainState(
    BlockRef? Genesis,
    BlockRef? Best,
    BlockRef? Finalized,
    uint StateFloor,
    uint BlocksFloor,
    ImmutableDictionary<Hash256, UnfinalizedBlock> Unfinalized)
{
    public static ChainState Empty { get; } = new(null, null, null, 0, 0, ImmutableDictionary<Hash256, UnfinalizedBlock>.Empty);
}
