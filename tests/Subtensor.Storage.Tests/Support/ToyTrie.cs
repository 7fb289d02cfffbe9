using System.Buffers.Binary;
using Subtensor.Core.Types;
using Subtensor.Trie;

namespace Subtensor.Storage.Tests.Support;

/// <summary>
/// A small persistent Merkle tree used to drive the state store before (and besides) the real trie: radix 16,
/// fixed depth, every node hashed (Blake2-256) and stored. Leaves hold only the value, so equal values give equal
/// leaf nodes at several positions, and values that come back re-insert nodes deleted earlier — the cases pruning must
/// count per occurrence. Changes are computed per position, with the same meaning as <see cref="TrieNodeChanges"/>.
/// </summary>
public sealed class ToyTrie
{
    public const int Depth = 3; // keys are 12 bits

    private ToyTrie(Node? root) => RootNode = root;

    public static ToyTrie Empty { get; } = new(null);

    public Node? RootNode { get; }

    public Hash256 Root => RootNode?.Hash ?? Subtensor.Storage.State.StateView.EmptyTrieRoot;

    public sealed class Node
    {
        public Node(byte[] encoded, Node?[]? children)
        {
            Encoded = encoded;
            Children = children;
            Hash = Hash256.Blake2(encoded);
        }

        public Hash256 Hash { get; }

        public byte[] Encoded { get; }

        public Node?[]? Children { get; }
    }

    /// <summary>Applies changes (null value = remove) and returns the new trie and its node changes.</summary>
    public (ToyTrie Trie, TrieNodeChanges Changes) Apply(IEnumerable<KeyValuePair<int, byte[]?>> changes)
    {
        var root = RootNode;
        foreach (var (key, value) in changes)
        {
            root = Set(root, key & 0xfff, 0, value);
        }

        var next = new ToyTrie(root);
        var inserted = new List<KeyValuePair<Hash256, byte[]>>();
        var deleted = new List<Hash256>();
        Diff(RootNode, root, inserted, deleted);
        return (next, new TrieNodeChanges(next.Root, inserted, deleted));
    }

    /// <summary>Every node occurrence of this trie (a hash appears once per position).</summary>
    public IEnumerable<Node> Occurrences()
    {
        var stack = new Stack<Node>();
        if (RootNode is not null)
        {
            stack.Push(RootNode);
        }

        while (stack.Count > 0)
        {
            var node = stack.Pop();
            yield return node;
            foreach (var child in node.Children ?? [])
            {
                if (child is not null)
                {
                    stack.Push(child);
                }
            }
        }
    }

    /// <summary>
    /// Loads the whole tree under <paramref name="root"/> from <paramref name="reader"/>, checking every node's hash,
    /// and returns its key-value pairs and the hashes it visited. Throws when a node is missing or damaged.
    /// </summary>
    public static SortedDictionary<int, string> Load(ITrieNodeReader reader, Hash256 root, ISet<Hash256>? visited = null)
    {
        var result = new SortedDictionary<int, string>();
        if (root == Subtensor.Storage.State.StateView.EmptyTrieRoot)
        {
            return result;
        }

        LoadNode(reader, root, 0, 0, result, visited);
        return result;
    }

    private static void LoadNode(ITrieNodeReader reader, Hash256 hash, int depth, int prefix, SortedDictionary<int, string> result, ISet<Hash256>? visited)
    {
        var bytes = reader.GetNode(hash) ?? throw new InvalidOperationException($"node {hash} at depth {depth} is missing");
        if (Hash256.Blake2(bytes) != hash)
        {
            throw new InvalidOperationException($"node {hash} is stored with other bytes");
        }

        visited?.Add(hash);
        if (depth == Depth)
        {
            result[prefix] = Convert.ToHexString(bytes.AsSpan(1));
            return;
        }

        var bitmap = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(1));
        var offset = 3;
        for (var i = 0; i < 16; i++)
        {
            if ((bitmap & (1 << i)) != 0)
            {
                LoadNode(reader, new Hash256(bytes.AsSpan(offset, 32)), depth + 1, (prefix << 4) | i, result, visited);
                offset += 32;
            }
        }
    }

    private static int Nibble(int key, int depth) => (key >> (4 * (Depth - 1 - depth))) & 0xf;

    private static Node? Set(Node? node, int key, int depth, byte[]? value)
    {
        if (depth == Depth)
        {
            return value is null ? null : new Node([0x01, .. value], null);
        }

        var children = node?.Children is { } existing ? (Node?[])existing.Clone() : new Node?[16];
        var i = Nibble(key, depth);
        children[i] = Set(children[i], key, depth + 1, value);
        return Branch(children);
    }

    private static Node? Branch(Node?[] children)
    {
        ushort bitmap = 0;
        var encoded = new List<byte> { 0x02, 0, 0 };
        for (var i = 0; i < 16; i++)
        {
            if (children[i] is { } child)
            {
                bitmap |= (ushort)(1 << i);
                encoded.AddRange(child.Hash.ToArray());
            }
        }

        if (bitmap == 0)
        {
            return null;
        }

        var bytes = encoded.ToArray();
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(1), bitmap);
        return new Node(bytes, children);
    }

    private static void Diff(Node? before, Node? after, List<KeyValuePair<Hash256, byte[]>> inserted, List<Hash256> deleted)
    {
        if (before?.Hash == after?.Hash)
        {
            return;
        }

        if (before is not null)
        {
            deleted.Add(before.Hash);
        }

        if (after is not null)
        {
            inserted.Add(new KeyValuePair<Hash256, byte[]>(after.Hash, after.Encoded));
        }

        if (before?.Children is not null || after?.Children is not null)
        {
            for (var i = 0; i < 16; i++)
            {
                Diff(before?.Children?[i], after?.Children?[i], inserted, deleted);
            }
        }
    }
}
