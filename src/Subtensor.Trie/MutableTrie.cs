using Subtensor.Core.Scale;
using Subtensor.Core.Types;
using Subtensor.Trie.Codec;

namespace Subtensor.Trie;

/// <summary>
/// An incremental Substrate trie over an <see cref="ITrieNodeReader"/> (polkadot-sdk <c>TrieDBMut</c>'s role). Nodes
/// are loaded by hash on first use and changed in memory; <see cref="Commit"/> encodes what changed and returns the
/// <see cref="TrieNodeChanges"/> for the store. New values take the form <see cref="Layout"/> gives them (V1: by hash
/// from 33 bytes); untouched nodes keep their encoding, so tries mixing V0 and V1 nodes keep their root.
/// Not thread-safe; do not change the trie while enumerating it.
/// </summary>
public sealed class MutableTrie
{
    private readonly ITrieNodeReader _reader;
    private readonly List<Hash256> _deleted = [];
    private readonly ScaleWriter _writer = new(256);
    private TrieNode? _root;

    /// <summary>An empty trie held in memory.</summary>
    public MutableTrie(TrieLayout layout)
        : this(EmptyTrieNodeReader.Instance, TrieConstants.EmptyRoot, layout)
    {
    }

    /// <summary>The trie with root <paramref name="root"/>, reading its nodes from <paramref name="reader"/>.</summary>
    public MutableTrie(ITrieNodeReader reader, Hash256 root, TrieLayout layout)
    {
        ArgumentNullException.ThrowIfNull(reader);
        _reader = reader;
        Layout = layout;
        RootHash = root;
        _root = root == TrieConstants.EmptyRoot ? null : TrieNode.Unloaded(root);
    }

    public TrieLayout Layout { get; }

    /// <summary>The root as of the last <see cref="Commit"/> (or construction).</summary>
    public Hash256 RootHash { get; private set; }

    /// <summary>True when changes have been made since the last commit.</summary>
    public bool HasUncommittedChanges => _root is { Dirty: true } || (_root is null && RootHash != TrieConstants.EmptyRoot);

    public bool IsEmpty => _root is null;

    /// <summary>The value at <paramref name="key"/>, or null. The array may be shared with the trie: do not modify it.</summary>
    public byte[]? Get(ReadOnlySpan<byte> key)
    {
        var node = _root;
        var offset = 0;
        var total = key.Length * 2;
        while (node is not null)
        {
            Load(node);
            var partial = node.Partial;
            if (total - offset < partial.Length)
            {
                return null;
            }

            for (var i = 0; i < partial.Length; i++)
            {
                if (Nibbles.At(key, offset + i) != partial[i])
                {
                    return null;
                }
            }

            offset += partial.Length;
            if (offset == total)
            {
                return ReadValue(node);
            }

            node = node.Children?[Nibbles.At(key, offset)];
            offset++;
        }

        return null;
    }

    public bool Contains(ReadOnlySpan<byte> key) => Get(key) is not null;

    /// <summary>Inserts or replaces the value at <paramref name="key"/> (an empty value is a value).</summary>
    public void Set(ReadOnlySpan<byte> key, ReadOnlySpan<byte> value)
    {
        var hashed = TrieConstants.IsHashedValue(Layout, value.Length);
        var newValue = new PendingValue(value.ToArray(), hashed, hashed ? Hash256.Blake2(value) : default);
        var changed = false;
        _root = Insert(_root, Nibbles.FromKey(key), 0, newValue, ref changed);
    }

    /// <summary>Removes <paramref name="key"/>; returns whether it was present.</summary>
    public bool Remove(ReadOnlySpan<byte> key)
    {
        var changed = false;
        _root = Delete(_root, Nibbles.FromKey(key), 0, ref changed);
        return changed;
    }

    /// <summary>
    /// Removes keys starting with <paramref name="prefix"/> in key order, at most <paramref name="limit"/> of them
    /// (all when null); reports how many were removed and whether none with the prefix remain.
    /// </summary>
    public ClearPrefixResult ClearPrefix(ReadOnlySpan<byte> prefix, uint? limit = null)
    {
        var nibbles = Nibbles.FromKey(prefix);
        if (limit is { } max)
        {
            var keys = new List<byte[]>();
            foreach (var key in Keys(prefix.ToArray()))
            {
                keys.Add(key);
                if ((uint)keys.Count > max)
                {
                    break;
                }
            }

            if ((uint)keys.Count > max)
            {
                for (var i = 0; i < (int)max; i++)
                {
                    Remove(keys[i]);
                }

                return new ClearPrefixResult(max, false);
            }
        }

        uint removed = 0;
        var changed = false;
        _root = ClearSubtree(_root, nibbles, 0, ref removed, ref changed);
        return new ClearPrefixResult(removed, true);
    }

    /// <summary>The smallest key strictly greater than <paramref name="key"/>, or null.</summary>
    public byte[]? NextKey(ReadOnlySpan<byte> key)
    {
        if (_root is null)
        {
            return null;
        }

        var path = new List<byte>(key.Length * 2 + 2);
        return Seek(_root, path, Nibbles.FromKey(key)) ? Nibbles.ToKey(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(path)) : null;
    }

    /// <summary>Key/value pairs whose key starts with <paramref name="prefix"/>, in key order.</summary>
    public IEnumerable<KeyValuePair<byte[], byte[]>> Enumerate(byte[]? prefix = null)
    {
        foreach (var (key, node) in EnumerateNodes(prefix ?? []))
        {
            yield return new(key, ReadValue(node)!);
        }
    }

    /// <summary>Keys starting with <paramref name="prefix"/>, in order (values are not read).</summary>
    public IEnumerable<byte[]> Keys(byte[]? prefix = null)
    {
        foreach (var (key, _) in EnumerateNodes(prefix ?? []))
        {
            yield return key;
        }
    }

    /// <summary>
    /// Encodes every changed node and returns the root with the nodes to insert and the nodes no longer referenced,
    /// each counted per occurrence. The empty trie's root node is never stored.
    /// </summary>
    public TrieNodeChanges Commit()
    {
        var inserted = new List<KeyValuePair<Hash256, byte[]>>();
        if (_root is null)
        {
            RootHash = TrieConstants.EmptyRoot;
        }
        else
        {
            CommitNode(_root, isRoot: true, inserted);
            RootHash = _root.Hash;
        }

        var deleted = _deleted.ToArray();
        _deleted.Clear();
        return new TrieNodeChanges(RootHash, inserted, deleted);
    }

    private void Load(TrieNode node)
    {
        if (node.Loaded)
        {
            return;
        }

        byte[] encoding;
        if (node.SmallEncoding is { } small)
        {
            encoding = small;
        }
        else
        {
            encoding = _reader.GetNode(node.Hash) ?? throw new MissingTrieNodeException(node.Hash);
            if (encoding.Length < TrieConstants.InlineLimit)
            {
                node.SmallEncoding = encoding;
            }
        }

        var decoded = TrieNodeCodec.Decode(encoding);
        if (decoded.Kind == TrieNodeKind.Empty)
        {
            throw new InvalidTrieNodeException("the empty node cannot appear inside a trie", 0);
        }

        node.Partial = decoded.PartialKey;
        node.HasValue = decoded.HasValue;
        node.ValueHashed = decoded.ValueHash is not null;
        node.ValueHash = decoded.ValueHash ?? default;
        node.Value = decoded.Value;
        if (decoded.Children is { } refs)
        {
            node.Children = new TrieNode?[16];
            for (var i = 0; i < 16; i++)
            {
                if (refs[i] is { } r)
                {
                    node.Children[i] = r.IsHash ? TrieNode.Unloaded(r.Hash) : TrieNode.UnloadedInline(r.Inline.ToArray());
                }
            }
        }

        node.Loaded = true;
    }

    private byte[]? ReadValue(TrieNode node)
    {
        if (!node.HasValue)
        {
            return null;
        }

        if (!node.ValueHashed || node.Value is not null)
        {
            return node.Value;
        }

        return _reader.GetNode(node.ValueHash) ?? throw new MissingTrieNodeException(node.ValueHash);
    }

    // The node's encoding changes: the stored copy at this position is no longer referenced.
    private void MarkDirty(TrieNode node)
    {
        if (node.Dirty)
        {
            return;
        }

        Release(node);
        node.Dirty = true;
        node.SmallEncoding = null;
        node.HasHash = false;
    }

    // The node leaves the trie (or its stored copy is replaced).
    private void Release(TrieNode node)
    {
        if (node.InStore)
        {
            _deleted.Add(node.Hash);
            node.InStore = false;
        }
    }

    private void ReleaseValue(TrieNode node)
    {
        if (node.HasValue && node.ValueHashed && !node.ValueNew)
        {
            _deleted.Add(node.ValueHash);
        }
    }

    private static void AssignValue(TrieNode node, PendingValue value)
    {
        node.HasValue = true;
        node.Value = value.Bytes;
        node.ValueHashed = value.Hashed;
        node.ValueHash = value.Hash;
        node.ValueNew = value.Hashed;
    }

    private static void ClearValue(TrieNode node)
    {
        node.HasValue = false;
        node.Value = null;
        node.ValueHashed = false;
        node.ValueNew = false;
        node.ValueHash = default;
    }

    private static bool SameValue(TrieNode node, PendingValue value)
    {
        if (!node.HasValue || node.ValueHashed != value.Hashed)
        {
            return false;
        }

        return value.Hashed ? node.ValueHash == value.Hash : node.Value.AsSpan().SequenceEqual(value.Bytes);
    }

    private static TrieNode NewLeaf(ReadOnlySpan<byte> partial, PendingValue value)
    {
        var leaf = new TrieNode { Loaded = true, Dirty = true, Partial = partial.ToArray() };
        AssignValue(leaf, value);
        return leaf;
    }

    private TrieNode Insert(TrieNode? node, byte[] key, int offset, PendingValue value, ref bool changed)
    {
        if (node is null)
        {
            changed = true;
            return NewLeaf(key.AsSpan(offset), value);
        }

        Load(node);
        var partial = node.Partial;
        var rest = key.AsSpan(offset);
        var common = Nibbles.CommonPrefix(partial, rest);
        if (common == partial.Length)
        {
            if (common == rest.Length)
            {
                if (SameValue(node, value))
                {
                    return node;
                }

                changed = true;
                MarkDirty(node);
                ReleaseValue(node);
                AssignValue(node, value);
                return node;
            }

            var nibble = rest[common];
            var child = node.Children?[nibble];
            var newChild = Insert(child, key, offset + common + 1, value, ref changed);
            if (!changed)
            {
                return node;
            }

            MarkDirty(node);
            node.Children ??= new TrieNode?[16];
            node.Children[nibble] = newChild;
            return node;
        }

        // The key leaves this node's partial key part-way: a new branch takes the common part.
        changed = true;
        var branch = new TrieNode { Loaded = true, Dirty = true, Partial = partial[..common], Children = new TrieNode?[16] };
        MarkDirty(node);
        branch.Children[partial[common]] = node;
        node.Partial = partial[(common + 1)..];
        if (common == rest.Length)
        {
            AssignValue(branch, value);
        }
        else
        {
            branch.Children[rest[common]] = NewLeaf(rest[(common + 1)..], value);
        }

        return branch;
    }

    private TrieNode? Delete(TrieNode? node, byte[] key, int offset, ref bool changed)
    {
        if (node is null)
        {
            return null;
        }

        Load(node);
        var partial = node.Partial;
        var rest = key.AsSpan(offset);
        if (!rest.StartsWith(partial))
        {
            return node;
        }

        if (rest.Length == partial.Length)
        {
            if (!node.HasValue)
            {
                return node;
            }

            changed = true;
            MarkDirty(node);
            ReleaseValue(node);
            ClearValue(node);
            return Normalize(node);
        }

        var nibble = rest[partial.Length];
        if (node.Children?[nibble] is not { } child)
        {
            return node;
        }

        var newChild = Delete(child, key, offset + partial.Length + 1, ref changed);
        if (!changed)
        {
            return node;
        }

        MarkDirty(node);
        node.Children[nibble] = newChild;
        return Normalize(node);
    }

    // Restores the no-extension invariants after a removal: no valueless leaf, no valueless branch with one child.
    private TrieNode? Normalize(TrieNode node)
    {
        var count = node.ChildCount(out var only);
        if (count == 0)
        {
            node.Children = null;
            if (node.HasValue)
            {
                return node;
            }

            Release(node);
            return null;
        }

        if (count > 1 || node.HasValue)
        {
            return node;
        }

        var child = node.Children![only]!;
        Load(child);
        MarkDirty(child);
        var merged = new byte[node.Partial.Length + 1 + child.Partial.Length];
        node.Partial.CopyTo(merged, 0);
        merged[node.Partial.Length] = (byte)only;
        child.Partial.CopyTo(merged, node.Partial.Length + 1);
        child.Partial = merged;
        Release(node);
        return child;
    }

    private TrieNode? ClearSubtree(TrieNode? node, byte[] prefix, int offset, ref uint removed, ref bool changed)
    {
        if (node is null)
        {
            return null;
        }

        Load(node);
        var partial = node.Partial;
        var rest = prefix.AsSpan(offset);
        var common = Nibbles.CommonPrefix(partial, rest);
        if (common == rest.Length)
        {
            changed = true;
            removed += ReleaseSubtree(node);
            return null;
        }

        if (common < partial.Length || node.Children?[rest[common]] is not { } child)
        {
            return node;
        }

        var nibble = rest[common];
        var newChild = ClearSubtree(child, prefix, offset + common + 1, ref removed, ref changed);
        if (!changed)
        {
            return node;
        }

        MarkDirty(node);
        node.Children[nibble] = newChild;
        return Normalize(node);
    }

    private uint ReleaseSubtree(TrieNode root)
    {
        uint count = 0;
        var stack = new Stack<TrieNode>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            Load(node);
            if (node.HasValue)
            {
                count++;
                ReleaseValue(node);
            }

            Release(node);
            if (node.Children is { } children)
            {
                foreach (var child in children)
                {
                    if (child is not null)
                    {
                        stack.Push(child);
                    }
                }
            }
        }

        return count;
    }

    // Depth-first search for the first key strictly greater than the target; path collects the nibbles walked.
    private bool Seek(TrieNode node, List<byte> path, byte[] target)
    {
        Load(node);
        var start = path.Count;
        path.AddRange(node.Partial);
        var n = Math.Min(path.Count, target.Length);
        var order = 0;
        for (var i = start; i < n && order == 0; i++)
        {
            order = path[i].CompareTo(target[i]);
        }

        if (order > 0 || (order == 0 && path.Count > target.Length))
        {
            LeftmostKey(node, path);
            return true;
        }

        if (order == 0 && node.Children is { } children)
        {
            var from = 0;
            if (path.Count < target.Length)
            {
                var t = target[path.Count];
                if (children[t] is { } exact)
                {
                    path.Add(t);
                    if (Seek(exact, path, target))
                    {
                        return true;
                    }

                    path.RemoveRange(path.Count - 1, 1);
                }

                from = t + 1;
            }

            for (var i = from; i < 16; i++)
            {
                if (children[i] is { } next)
                {
                    path.Add((byte)i);
                    Load(next);
                    path.AddRange(next.Partial);
                    LeftmostKey(next, path);
                    return true;
                }
            }
        }

        path.RemoveRange(start, path.Count - start);
        return false;
    }

    // Appends the path to the smallest key of the subtree at node (whose partial key is already in path).
    private void LeftmostKey(TrieNode node, List<byte> path)
    {
        while (!node.HasValue)
        {
            var children = node.Children ?? throw new InvalidTrieNodeException("a node without value or children", 0);
            var i = 0;
            while (children[i] is null)
            {
                i++;
            }

            node = children[i]!;
            path.Add((byte)i);
            Load(node);
            path.AddRange(node.Partial);
        }
    }

    // In-order (key order) walk of the nodes with a value under a byte prefix.
    private IEnumerable<(byte[] Key, TrieNode Node)> EnumerateNodes(byte[] prefix)
    {
        var target = Nibbles.FromKey(prefix);
        var node = _root;
        var path = new List<byte>();
        while (true)
        {
            if (node is null)
            {
                yield break;
            }

            Load(node);
            var remaining = target.Length - path.Count;
            var common = Nibbles.CommonPrefix(node.Partial, target.AsSpan(path.Count));
            path.AddRange(node.Partial);
            if (common == remaining)
            {
                break;
            }

            if (common < node.Partial.Length)
            {
                yield break;
            }

            var nibble = target[path.Count];
            path.Add(nibble);
            node = node.Children?[nibble];
        }

        // node's subtree holds exactly the keys with the prefix; path is node's full path.
        var stack = new Stack<(TrieNode Node, int ParentLength, int Nibble)>();
        stack.Push((node, -1, -1));
        while (stack.Count > 0)
        {
            var (current, parentLength, nibble) = stack.Pop();
            if (parentLength >= 0)
            {
                Load(current);
                path.RemoveRange(parentLength, path.Count - parentLength);
                path.Add((byte)nibble);
                path.AddRange(current.Partial);
            }

            if (current.HasValue)
            {
                yield return (Nibbles.ToKey(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(path)), current);
            }

            if (current.Children is { } children)
            {
                for (var i = 15; i >= 0; i--)
                {
                    if (children[i] is { } child)
                    {
                        stack.Push((child, path.Count, i));
                    }
                }
            }
        }
    }

    private void CommitNode(TrieNode node, bool isRoot, List<KeyValuePair<Hash256, byte[]>> inserted)
    {
        if (!node.Dirty)
        {
            if (node.SmallEncoding is { } small)
            {
                if (isRoot && !node.InStore)
                {
                    if (!node.HasHash)
                    {
                        node.Hash = Hash256.Blake2(small);
                        node.HasHash = true;
                    }

                    inserted.Add(new(node.Hash, small));
                    node.InStore = true;
                }
                else if (!isRoot)
                {
                    Release(node);
                }
            }

            return;
        }

        if (node.Children is { } children)
        {
            foreach (var child in children)
            {
                if (child is not null)
                {
                    CommitNode(child, isRoot: false, inserted);
                }
            }
        }

        _writer.Clear();
        var hasChildren = node.Children is not null;
        NodeEncoder.WriteHeader(_writer, NodeEncoder.Kind(hasChildren, node.HasValue, node.ValueHashed), node.Partial);
        if (node.Children is { } slots)
        {
            ushort bitmap = 0;
            for (var i = 0; i < 16; i++)
            {
                if (slots[i] is not null)
                {
                    bitmap |= (ushort)(1 << i);
                }
            }

            NodeEncoder.WriteBitmap(_writer, bitmap);
        }

        if (node.HasValue)
        {
            if (node.ValueHashed)
            {
                NodeEncoder.WriteHashedValue(_writer, node.ValueHash);
            }
            else
            {
                NodeEncoder.WriteInlineValue(_writer, node.Value);
            }
        }

        if (node.Children is { } refs)
        {
            Span<byte> hash = stackalloc byte[Hash256.Length];
            foreach (var child in refs)
            {
                if (child is null)
                {
                    continue;
                }

                if (child.SmallEncoding is { } inline)
                {
                    NodeEncoder.WriteChild(_writer, inline);
                }
                else
                {
                    child.Hash.CopyTo(hash);
                    NodeEncoder.WriteChild(_writer, hash);
                }
            }
        }

        var encoding = _writer.WrittenSpan;
        node.SmallEncoding = encoding.Length < TrieConstants.InlineLimit ? encoding.ToArray() : null;
        if (encoding.Length >= TrieConstants.InlineLimit || isRoot)
        {
            node.Hash = Hash256.Blake2(encoding);
            node.HasHash = true;
            node.InStore = true;
            inserted.Add(new(node.Hash, node.SmallEncoding ?? encoding.ToArray()));
        }
        else
        {
            node.HasHash = false;
            node.InStore = false;
        }

        if (node.HasValue && node.ValueHashed && node.ValueNew)
        {
            inserted.Add(new(node.ValueHash, node.Value!));
            node.ValueNew = false;
        }

        node.Dirty = false;
    }

    private readonly record struct PendingValue(byte[] Bytes, bool Hashed, Hash256 Hash);
}
