using Subtensor.Core.Types;
using Subtensor.Storage.Chain;

namespace Subtensor.Client.Blockchain;

/// <summary>
/// A block was imported. When it became the new best block, <see cref="Retracted"/> lists the blocks that left the
/// best chain (newest first) and <see cref="Enacted"/> the blocks that joined it (oldest first, ending with this one).
/// </summary>
public sealed record BlockImportedEvent(
    Hash256 Hash,
    Header Header,
    IReadOnlyList<byte[]> Extrinsics,
    BlockOrigin Origin,
    bool IsNewBest,
    IReadOnlyList<BlockRef> Retracted,
    IReadOnlyList<BlockRef> Enacted);
