using Subtensor.Core.Types;

namespace Subtensor.Network.Sync;

/// <summary>The chain's heads as the client reports them (sp-blockchain <c>Info</c>).</summary>
public readonly record struct ChainInfo(Hash256 GenesisHash, Hash256 BestHash, uint BestNumber, Hash256 FinalizedHash, uint FinalizedNumber);
