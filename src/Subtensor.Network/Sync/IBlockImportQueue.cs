namespace Subtensor.Network.Sync;

/// <summary>
/// The node's block import pipeline as sync sees it (sc-consensus <c>ImportQueue::import_blocks</c>): verifies and imports a batch of
/// blocks in order (justifications verified and applied with their block) and returns one result per block in the same order. A result
/// list shorter than the batch means the rest was not attempted. Calls are never concurrent.
/// </summary>
public interface IBlockImportQueue
{
    Task<IReadOnlyList<BlockImportResult>> ImportBlocksAsync(BlockOrigin origin, IReadOnlyList<IncomingBlock> blocks, CancellationToken cancellationToken);
}
