using Subtensor.Core.Types;

namespace Subtensor.ChainSpec;

/// <summary>A block the chain must contain at a height (<c>forkBlocks</c> entry <c>[number, hash]</c>).</summary>
public sealed record ForkBlock(uint Number, Hash256 Hash);
