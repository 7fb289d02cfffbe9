namespace Subtensor.Network.Sync;

/// <summary><c>system_syncState</c>: the best block when sync started, the current best block, and the highest block peers announced.</summary>
public readonly record struct SyncState(uint StartingBlock, uint CurrentBlock, uint HighestBlock);
