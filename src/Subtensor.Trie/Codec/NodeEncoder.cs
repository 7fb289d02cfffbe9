using Subtensor.Core.Scale;
using Subtensor.Core.Types;

namespace Subtensor.Trie.Codec;

/// <summary>
/// Writes node encodings: header ‖ packed partial key ‖ (bitmap u16 LE) ‖ value ‖ children, where a value is
/// Compact(len) ‖ bytes or a raw 32-byte hash (V1), and each child is Compact(len) ‖ (inline encoding | hash).
/// Source: polkadot-sdk <c>sp-trie/src/node_codec.rs</c>.
/// </summary>
internal static class NodeEncoder
{
    public static TrieNodeKind Kind(bool isBranch, bool hasValue, bool valueHashed)
    {
        if (!isBranch)
        {
            return valueHashed ? TrieNodeKind.HashedValueLeaf : TrieNodeKind.Leaf;
        }

        if (!hasValue)
        {
            return TrieNodeKind.BranchWithoutValue;
        }

        return valueHashed ? TrieNodeKind.HashedValueBranch : TrieNodeKind.BranchWithValue;
    }

    /// <summary>Header and partial key given as nibbles.</summary>
    public static void WriteHeader(ScaleWriter writer, TrieNodeKind kind, ReadOnlySpan<byte> partialNibbles)
    {
        var headerLength = NodeHeader.EncodedLength(kind, partialNibbles.Length);
        var packed = Nibbles.PackedLength(partialNibbles.Length);
        var span = writer.GetSpan(headerLength + packed);
        NodeHeader.Encode(kind, partialNibbles.Length, span);
        Nibbles.Pack(partialNibbles, span[headerLength..]);
        writer.Advance(headerLength + packed);
    }

    /// <summary>Header and partial key given as nibbles <paramref name="from"/>..<paramref name="to"/> of a byte key.</summary>
    public static void WriteHeader(ScaleWriter writer, TrieNodeKind kind, ReadOnlySpan<byte> key, int from, int to)
    {
        var count = to - from;
        var headerLength = NodeHeader.EncodedLength(kind, count);
        var packed = Nibbles.PackedLength(count);
        var span = writer.GetSpan(headerLength + packed);
        NodeHeader.Encode(kind, count, span);
        Nibbles.PackFromKey(key, from, to, span[headerLength..]);
        writer.Advance(headerLength + packed);
    }

    public static void WriteBitmap(ScaleWriter writer, ushort bitmap) => writer.WriteU16(bitmap);

    public static void WriteInlineValue(ScaleWriter writer, ReadOnlySpan<byte> value) => writer.WriteByteVec(value);

    public static void WriteHashedValue(ScaleWriter writer, Hash256 valueHash) => valueHash.EncodeTo(writer);

    /// <summary>A child reference: its inline encoding (shorter than 32 bytes) or its 32-byte hash, length-prefixed.</summary>
    public static void WriteChild(ScaleWriter writer, ReadOnlySpan<byte> reference) => writer.WriteByteVec(reference);
}
