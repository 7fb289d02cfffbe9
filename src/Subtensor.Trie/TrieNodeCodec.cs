using Subtensor.Core.Scale;
using Subtensor.Core.Types;
using Subtensor.Trie.Codec;

namespace Subtensor.Trie;

/// <summary>
/// The Substrate trie node codec (polkadot-sdk <c>sp-trie</c> <c>NodeCodec</c>). Decoding accepts the V0 and V1 node
/// kinds alike, so a trie part-way through a V0→V1 migration reads correctly.
/// </summary>
public static class TrieNodeCodec
{
    /// <summary>
    /// Decodes a node. Throws <see cref="InvalidTrieNodeException"/> on a bad header, a nonzero padding nibble, an
    /// empty children bitmap, a truncated field or trailing bytes.
    /// </summary>
    public static DecodedTrieNode Decode(ReadOnlySpan<byte> encoding)
    {
        var offset = 0;
        var (kind, nibbleCount) = NodeHeader.Decode(encoding, ref offset);
        if (kind == TrieNodeKind.Empty)
        {
            EnsureEnd(encoding, offset);
            return new DecodedTrieNode(kind, [], null, null, null);
        }

        var packed = Nibbles.PackedLength(nibbleCount);
        if (encoding.Length - offset < packed)
        {
            throw new InvalidTrieNodeException($"partial key of {nibbleCount} nibbles is truncated", offset);
        }

        if ((nibbleCount & 1) == 1 && (encoding[offset] & 0xF0) != 0)
        {
            throw new InvalidTrieNodeException("nonzero padding nibble in the partial key", offset);
        }

        var partial = new byte[nibbleCount];
        var pad = nibbleCount & 1;
        for (var i = 0; i < nibbleCount; i++)
        {
            partial[i] = (byte)Nibbles.At(encoding[offset..], i + pad);
        }

        offset += packed;
        var isBranch = kind is TrieNodeKind.BranchWithoutValue or TrieNodeKind.BranchWithValue or TrieNodeKind.HashedValueBranch;
        ushort bitmap = 0;
        if (isBranch)
        {
            if (encoding.Length - offset < 2)
            {
                throw new InvalidTrieNodeException("truncated children bitmap", offset);
            }

            bitmap = (ushort)(encoding[offset] | (encoding[offset + 1] << 8));
            if (bitmap == 0)
            {
                throw new InvalidTrieNodeException("branch bitmap without a child", offset);
            }

            offset += 2;
        }

        byte[]? value = null;
        Hash256? valueHash = null;
        var reader = new ScaleReader(encoding[offset..]);
        try
        {
            switch (kind)
            {
                case TrieNodeKind.HashedValueLeaf or TrieNodeKind.HashedValueBranch:
                    valueHash = new Hash256(reader.ReadBytes(Hash256.Length));
                    break;
                case TrieNodeKind.Leaf or TrieNodeKind.BranchWithValue:
                    value = reader.ReadByteVec();
                    break;
            }

            TrieChildReference?[]? children = null;
            if (isBranch)
            {
                children = new TrieChildReference?[16];
                for (var i = 0; i < 16; i++)
                {
                    if ((bitmap & (1 << i)) == 0)
                    {
                        continue;
                    }

                    var child = reader.ReadByteSequence();
                    children[i] = child.Length == Hash256.Length
                        ? TrieChildReference.FromHash(new Hash256(child))
                        : TrieChildReference.FromInline(child.ToArray());
                }
            }

            EnsureEnd(encoding, offset + reader.Position);
            return new DecodedTrieNode(kind, partial, value, valueHash, children);
        }
        catch (ScaleDecodeException e)
        {
            throw new InvalidTrieNodeException(e.Reason, offset + e.Offset);
        }
    }

    /// <summary>Encodes a node from its parts (the inverse of <see cref="Decode"/>).</summary>
    public static byte[] Encode(DecodedTrieNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        if (node.Kind == TrieNodeKind.Empty)
        {
            return [TrieConstants.EmptyNode];
        }

        var writer = new ScaleWriter(64);
        NodeEncoder.WriteHeader(writer, node.Kind, node.PartialKey);
        if (node.IsBranch)
        {
            var children = node.Children ?? throw new ArgumentException("a branch needs children", nameof(node));
            ushort bitmap = 0;
            for (var i = 0; i < 16; i++)
            {
                if (children[i] is not null)
                {
                    bitmap |= (ushort)(1 << i);
                }
            }

            NodeEncoder.WriteBitmap(writer, bitmap);
        }

        if (node.ValueHash is { } valueHash)
        {
            NodeEncoder.WriteHashedValue(writer, valueHash);
        }
        else if (node.Value is { } value)
        {
            NodeEncoder.WriteInlineValue(writer, value);
        }

        if (node.Children is { } slots)
        {
            Span<byte> hash = stackalloc byte[Hash256.Length];
            foreach (var child in slots)
            {
                if (child is not { } c)
                {
                    continue;
                }

                if (c.IsHash)
                {
                    c.Hash.CopyTo(hash);
                    NodeEncoder.WriteChild(writer, hash);
                }
                else
                {
                    NodeEncoder.WriteChild(writer, c.Inline.Span);
                }
            }
        }

        return writer.ToArray();
    }

    private static void EnsureEnd(ReadOnlySpan<byte> encoding, int offset)
    {
        if (offset != encoding.Length)
        {
            throw new InvalidTrieNodeException($"{encoding.Length - offset} trailing bytes after the node", offset);
        }
    }
}
