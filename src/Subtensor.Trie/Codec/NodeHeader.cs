namespace Subtensor.Trie.Codec;

/// <summary>
/// The node header: kind bits, then the partial-key length in the remaining bits, continued in extra bytes when it
/// does not fit (each 255 adds 255, the first byte below 255 ends it). Source: polkadot-sdk <c>sp-trie/src/node_header.rs</c>.
/// </summary>
internal static class NodeHeader
{
    private static (byte Prefix, int LengthBits) Layout(TrieNodeKind kind) => kind switch
    {
        TrieNodeKind.Leaf => (0b0100_0000, 6),
        TrieNodeKind.BranchWithoutValue => (0b1000_0000, 6),
        TrieNodeKind.BranchWithValue => (0b1100_0000, 6),
        TrieNodeKind.HashedValueLeaf => (0b0010_0000, 5),
        TrieNodeKind.HashedValueBranch => (0b0001_0000, 4),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "the empty node has no length"),
    };

    /// <summary>Bytes the header of a node with <paramref name="nibbleCount"/> partial-key nibbles takes.</summary>
    public static int EncodedLength(TrieNodeKind kind, int nibbleCount)
    {
        if (kind == TrieNodeKind.Empty)
        {
            return 1;
        }

        var max = (1 << Layout(kind).LengthBits) - 1;
        return nibbleCount < max ? 1 : 2 + ((nibbleCount - max) / 255);
    }

    /// <summary>Writes the header and returns its length.</summary>
    public static int Encode(TrieNodeKind kind, int nibbleCount, Span<byte> destination)
    {
        if (kind == TrieNodeKind.Empty)
        {
            destination[0] = TrieConstants.EmptyNode;
            return 1;
        }

        ArgumentOutOfRangeException.ThrowIfNegative(nibbleCount);
        var (prefix, bits) = Layout(kind);
        var max = (1 << bits) - 1;
        if (nibbleCount < max)
        {
            destination[0] = (byte)(prefix | nibbleCount);
            return 1;
        }

        destination[0] = (byte)(prefix | max);
        var rest = nibbleCount - max;
        var o = 1;
        while (rest >= 255)
        {
            destination[o++] = 255;
            rest -= 255;
        }

        destination[o++] = (byte)rest;
        return o;
    }

    /// <summary>Reads a header at <paramref name="offset"/>, advancing it; throws <see cref="InvalidTrieNodeException"/>.</summary>
    public static (TrieNodeKind Kind, int NibbleCount) Decode(ReadOnlySpan<byte> data, ref int offset)
    {
        if (offset >= data.Length)
        {
            throw new InvalidTrieNodeException("empty input", offset);
        }

        var first = data[offset];
        TrieNodeKind kind;
        int bits;
        if (first == TrieConstants.EmptyNode)
        {
            offset++;
            return (TrieNodeKind.Empty, 0);
        }

        switch (first >> 6)
        {
            case 0b01:
                (kind, bits) = (TrieNodeKind.Leaf, 6);
                break;
            case 0b10:
                (kind, bits) = (TrieNodeKind.BranchWithoutValue, 6);
                break;
            case 0b11:
                (kind, bits) = (TrieNodeKind.BranchWithValue, 6);
                break;
            default:
                if ((first >> 5) == 0b001)
                {
                    (kind, bits) = (TrieNodeKind.HashedValueLeaf, 5);
                }
                else if ((first >> 4) == 0b0001)
                {
                    (kind, bits) = (TrieNodeKind.HashedValueBranch, 4);
                }
                else
                {
                    throw new InvalidTrieNodeException($"unallowed header byte 0x{first:x2}", offset);
                }

                break;
        }

        var max = (1 << bits) - 1;
        var count = first & max;
        offset++;
        if (count < max)
        {
            return (kind, count);
        }

        while (true)
        {
            if (offset >= data.Length)
            {
                throw new InvalidTrieNodeException("truncated partial-key length", offset);
            }

            var b = data[offset++];
            count += b;
            if (b < 255)
            {
                return (kind, count);
            }

            if (count > data.Length * 2)
            {
                throw new InvalidTrieNodeException($"partial-key length {count} exceeds the node", offset);
            }
        }
    }
}
