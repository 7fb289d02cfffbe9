namespace Subtensor.Storage.Chain;

/// <summary>
/// What <see cref="ChainDatabase.Revert"/> did: the best block before and after, and every block it removed (the
/// reverted part of the best chain and any fork above the new best block's height), highest first.
/// </summary>
public sealed record RevertResult(BlockRef PreviousBest, BlockRef Best, IReadOnlyList<BlockRef> Removed)
{
    /// <summary>How many blocks the best chain went back (Substrate's <c>Backend::revert</c> count).</summary>
    public uint Count => PreviousBest.Number - Best.Number;
}
