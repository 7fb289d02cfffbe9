using Subtensor.Core.Types;

namespace Subtensor.Storage.Chain;

/// <summary>An imported block above the last finalized one that may still become final.</summary>
internal readonly record struct UnfinalizedBlock(uint Number, Hash256 Parent);
