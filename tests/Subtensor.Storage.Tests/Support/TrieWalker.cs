using Subtensor.Core.Types;
using Subtensor.Trie;

namespace Subtensor.Storage.Tests.Support;

/// <summary>Walks a real Substrate trie node by node from its root, checking every stored node's hash.</summary>
public static class TrieWalker
{
    /// <summary>Adds every stored node (hashed nodes and V1 value blobs) of the trie under <paramref name="root"/>; throws if one is missing.</summary>
    public static void CollectNodes(ITrieNodeReader reader, Hash256 root, ISet<Hash256> nodes)
    {
        if (root == TrieConstants.EmptyRoot)
        {
            return;
        }

        var pending = new Stack<Hash256>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            var hash = pending.Pop();
            var encoding = Fetch(reader, hash);
            nodes.Add(hash);
            Visit(TrieNodeCodec.Decode(encoding), reader, nodes, pending);
        }
    }

    private static void Visit(DecodedTrieNode node, ITrieNodeReader reader, ISet<Hash256> nodes, Stack<Hash256> pending)
    {
        if (node.ValueHash is { } valueHash)
        {
            Fetch(reader, valueHash);
            nodes.Add(valueHash);
        }

        foreach (var child in node.Children ?? [])
        {
            if (child is not { } reference)
            {
                continue;
            }

            if (reference.IsHash)
            {
                pending.Push(reference.Hash);
            }
            else
            {
                Visit(TrieNodeCodec.Decode(reference.Inline.Span), reader, nodes, pending);
            }
        }
    }

    private static byte[] Fetch(ITrieNodeReader reader, Hash256 hash)
    {
        var bytes = reader.GetNode(hash) ?? throw new InvalidOperationException($"trie node {hash} is missing");
        return Hash256.Blake2(bytes) == hash ? bytes : throw new InvalidOperationException($"trie node {hash} is stored with other bytes");
    }
}
