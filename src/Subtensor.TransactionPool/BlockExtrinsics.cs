using Subtensor.Core.Types;

namespace Subtensor.TransactionPool;

/// <summary>A block the pool is told about: its hash, number and encoded extrinsics.</summary>
public sealed record BlockExtrinsics(Hash256 Hash, ulong Number, IReadOnlyList<byte[]> Extrinsics);
