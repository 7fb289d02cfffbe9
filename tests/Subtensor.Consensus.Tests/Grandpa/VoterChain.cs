using Subtensor.Consensus.Grandpa;
using Subtensor.Core.Types;

namespace Subtensor.Consensus.Tests.Grandpa;

/// <summary>One voter's view of the shared tree: its own finalized block.</summary>
internal sealed class VoterChain(TestBlockTree tree) : IGrandpaChain
{
    public VoteTarget LastFinalized { get; set; } = tree.GenesisTarget;

    public IReadOnlyList<Hash256>? Ancestry(Hash256 @base, Hash256 block) => tree.Ancestry(@base, block);

    public VoteTarget? BestChainContaining(Hash256 @base) => tree.BestChainContaining(@base);

    public byte[]? Header(Hash256 hash) => tree.Header(hash);
}
