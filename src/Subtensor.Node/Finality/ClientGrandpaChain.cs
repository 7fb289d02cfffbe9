using System.Collections.Concurrent;
using Subtensor.Client.Blockchain;
using Subtensor.Consensus.Grandpa;
using Subtensor.Core.Scale;
using Subtensor.Core.Types;

namespace Subtensor.Node.Finality;

/// <summary>
/// The block tree as the GRANDPA voter sees it (<see cref="IGrandpaChain"/> over <see cref="ChainClient"/>): ancestry by walking parent
/// links (decoded links are cached; headers never change), the best chain containing a block by the longest-chain rule over the
/// unfinalized leaves, and the last finalized block.
/// </summary>
internal sealed class ClientGrandpaChain(ChainClient client) : IGrandpaChain
{
    private const int MaxCachedLinks = 1 << 16;
    private readonly ConcurrentDictionary<Hash256, (Hash256 Parent, uint Number)> _links = new();

    public VoteTarget LastFinalized
    {
        get
        {
            var finalized = client.Finalized;
            return new VoteTarget(finalized.Hash, finalized.Number);
        }
    }

    public byte[]? Header(Hash256 hash) => client.Database.GetHeader(hash);

    public IReadOnlyList<Hash256>? Ancestry(Hash256 @base, Hash256 block)
    {
        if (Link(@base) is not { } baseLink)
        {
            return null;
        }

        var route = new List<Hash256>();
        var hash = block;
        if (Link(hash) is not { } current)
        {
            return null;
        }

        var number = current.Number;
        while (number > baseLink.Number)
        {
            route.Add(hash);
            hash = current.Parent;
            number--;
            if (number > baseLink.Number)
            {
                if (Link(hash) is not { } parent)
                {
                    return null;
                }

                current = parent;
            }
        }

        return hash == @base ? route : null;
    }

    public VoteTarget? BestChainContaining(Hash256 @base)
    {
        if (Link(@base) is not { } baseLink)
        {
            return null;
        }

        var best = client.Best;
        if (best.Hash == @base || (best.Number >= baseLink.Number && client.GetCanonicalHash(baseLink.Number) == @base))
        {
            return new VoteTarget(best.Hash, best.Number);
        }

        foreach (var (hash, number) in client.Database.UnfinalizedBlocks.OrderByDescending(e => e.Value))
        {
            if (number < baseLink.Number)
            {
                break;
            }

            if (hash == @base || Ancestry(@base, hash) is not null)
            {
                return new VoteTarget(hash, number);
            }
        }

        return null;
    }

    private (Hash256 Parent, uint Number)? Link(Hash256 hash)
    {
        if (_links.TryGetValue(hash, out var link))
        {
            return link;
        }

        var bytes = client.Database.GetHeader(hash);
        if (bytes is null)
        {
            return null;
        }

        var reader = new ScaleReader(bytes);
        var parent = Hash256.DecodeFrom(ref reader);
        link = (parent, reader.ReadCompactU32());
        if (_links.Count >= MaxCachedLinks)
        {
            _links.Clear();
        }

        _links[hash] = link;
        return link;
    }
}
