using Subtensor.Core.Types;
using Subtensor.Trie;

namespace Subtensor.Rpc.Modules;

/// <summary>
/// Node-level reads of a committed trie that the key/value interface cannot answer: the Merkle value of the closest
/// descendant of a key (<c>chainHead_v1_storage</c> <c>closestDescendantMerkleValue</c>) and the changed entries
/// between two roots (storage subscriptions without keys), skipping subtrees whose references are equal.
/// </summary>
internal sealed class TrieWalker(ITrieNodeReader reader)
{
    /// <summary>
    /// The Merkle value (spec <c>defn-merkle-value</c>: the node hash, or the encoding itself for an inline node) of the
    /// node at <paramref name="key"/> or, if none, of its closest descendant; null when the key has no descendant.
    /// </summary>
    public byte[]? ClosestDescendantMerkleValue(Hash256 root, ReadOnlySpan<byte> key)
    {
        if (root == TrieConstants.EmptyRoot)
        {
            return null;
        }

        var nibbles = ToNibbles(key);
        TrieChildReference reference = TrieChildReference.FromHash(root);
        var offset = 0;
        while (true)
        {
            var node = Load(reference);
            var partial = node.PartialKey;
            var rest = nibbles.Length - offset;
            if (rest <= partial.Length)
            {
                return partial.AsSpan(0, rest).SequenceEqual(nibbles.AsSpan(offset)) ? MerkleValue(reference) : null;
            }

            if (!nibbles.AsSpan(offset, partial.Length).SequenceEqual(partial))
            {
                return null;
            }

            offset += partial.Length;
            if (node.Children?[nibbles[offset]] is not { } child)
            {
                return null;
            }

            reference = child;
            offset++;
        }
    }

    /// <summary>Entries that differ from <paramref name="before"/> to <paramref name="after"/> (value null = removed), in key order.</summary>
    public List<KeyValuePair<byte[], byte[]?>> Diff(Hash256 before, Hash256 after)
    {
        var changes = new List<KeyValuePair<byte[], byte[]?>>();
        Diff(Root(before), Root(after), [], changes);
        return changes;
    }

    private static TrieChildReference? Root(Hash256 root) => root == TrieConstants.EmptyRoot ? null : TrieChildReference.FromHash(root);

    private void Diff(TrieChildReference? a, TrieChildReference? b, List<byte> path, List<KeyValuePair<byte[], byte[]?>> changes)
    {
        if (a == b)
        {
            return;
        }

        if (a is null || b is null)
        {
            var present = (a ?? b)!.Value;
            foreach (var (key, value) in Enumerate(present, path))
            {
                changes.Add(new(key, a is null ? value : null));
            }

            return;
        }

        var nodeA = Load(a.Value);
        var nodeB = Load(b.Value);
        if (!nodeA.PartialKey.AsSpan().SequenceEqual(nodeB.PartialKey))
        {
            MergeDiff(Enumerate(a.Value, path).ToList(), Enumerate(b.Value, path).ToList(), changes);
            return;
        }

        var full = new List<byte>(path);
        full.AddRange(nodeA.PartialKey);
        if (full.Count % 2 == 0 && !SameValue(nodeA, nodeB))
        {
            changes.Add(new(ToKey(full), ValueOf(nodeB)));
        }

        for (var i = 0; i < 16; i++)
        {
            var childA = nodeA.Children?[i];
            var childB = nodeB.Children?[i];
            if (childA is null && childB is null)
            {
                continue;
            }

            full.Add((byte)i);
            Diff(childA, childB, full, changes);
            full.RemoveAt(full.Count - 1);
        }
    }

    private static void MergeDiff(List<KeyValuePair<byte[], byte[]>> before, List<KeyValuePair<byte[], byte[]>> after, List<KeyValuePair<byte[], byte[]?>> changes)
    {
        int i = 0, j = 0;
        while (i < before.Count || j < after.Count)
        {
            var c = i == before.Count ? 1 : j == after.Count ? -1 : ByteArrayComparer.Instance.Compare(before[i].Key, after[j].Key);
            if (c < 0)
            {
                changes.Add(new(before[i++].Key, null));
            }
            else if (c > 0)
            {
                changes.Add(new(after[j].Key, after[j].Value));
                j++;
            }
            else
            {
                if (!before[i].Value.AsSpan().SequenceEqual(after[j].Value))
                {
                    changes.Add(new(after[j].Key, after[j].Value));
                }

                i++;
                j++;
            }
        }
    }

    /// <summary>Every (key, value) under <paramref name="reference"/>, whose node starts at nibble path <paramref name="path"/>.</summary>
    private IEnumerable<KeyValuePair<byte[], byte[]>> Enumerate(TrieChildReference reference, List<byte> path)
    {
        var node = Load(reference);
        var full = new List<byte>(path);
        full.AddRange(node.PartialKey);
        if (node.HasValue && full.Count % 2 == 0)
        {
            yield return new(ToKey(full), ValueOf(node)!);
        }

        for (var i = 0; i < 16; i++)
        {
            if (node.Children?[i] is not { } child)
            {
                continue;
            }

            full.Add((byte)i);
            foreach (var entry in Enumerate(child, full))
            {
                yield return entry;
            }

            full.RemoveAt(full.Count - 1);
        }
    }

    private bool SameValue(DecodedTrieNode a, DecodedTrieNode b)
    {
        if (!a.HasValue || !b.HasValue)
        {
            return a.HasValue == b.HasValue;
        }

        if (a.ValueHash is { } ha && b.ValueHash is { } hb)
        {
            return ha == hb;
        }

        return ValueOf(a)!.AsSpan().SequenceEqual(ValueOf(b));
    }

    private byte[]? ValueOf(DecodedTrieNode node)
    {
        if (node.Value is { } inline)
        {
            return inline;
        }

        return node.ValueHash is { } hash
            ? reader.GetNode(hash) ?? throw new MissingTrieNodeException(hash)
            : null;
    }

    private DecodedTrieNode Load(TrieChildReference reference)
    {
        if (!reference.IsHash)
        {
            return TrieNodeCodec.Decode(reference.Inline.Span);
        }

        var encoding = reader.GetNode(reference.Hash) ?? throw new MissingTrieNodeException(reference.Hash);
        return TrieNodeCodec.Decode(encoding);
    }

    private static byte[] MerkleValue(TrieChildReference reference) => reference.IsHash ? reference.Hash.ToArray() : reference.Inline.ToArray();

    private static byte[] ToNibbles(ReadOnlySpan<byte> key)
    {
        var nibbles = new byte[key.Length * 2];
        for (var i = 0; i < key.Length; i++)
        {
            nibbles[2 * i] = (byte)(key[i] >> 4);
            nibbles[(2 * i) + 1] = (byte)(key[i] & 0x0F);
        }

        return nibbles;
    }

    private static byte[] ToKey(List<byte> nibbles)
    {
        var key = new byte[nibbles.Count / 2];
        for (var i = 0; i < key.Length; i++)
        {
            key[i] = (byte)((nibbles[2 * i] << 4) | nibbles[(2 * i) + 1]);
        }

        return key;
    }
}
