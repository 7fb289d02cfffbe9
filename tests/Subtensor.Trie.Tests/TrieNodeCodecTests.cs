using Subtensor.Core.Types;

namespace Subtensor.Trie.Tests;

public class TrieNodeCodecTests
{
    private static DecodedTrieNode Leaf(int nibbles) => TrieNodeCodec.Decode(LeafEncoding(nibbles));

    // Built by hand from the spec: header, extra length bytes, packed partial, Compact(1) value 0xaa.
    private static byte[] LeafEncoding(int nibbles)
    {
        var bytes = new List<byte>();
        if (nibbles < 63)
        {
            bytes.Add((byte)(0x40 | nibbles));
        }
        else
        {
            bytes.Add(0x7f);
            var rest = nibbles - 63;
            while (rest >= 255)
            {
                bytes.Add(255);
                rest -= 255;
            }

            bytes.Add((byte)rest);
        }

        bytes.AddRange(new byte[(nibbles + 1) / 2]);
        bytes.Add(0x04);
        bytes.Add(0xaa);
        return [.. bytes];
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(62)]
    [InlineData(63)]
    [InlineData(64)]
    [InlineData(317)]
    [InlineData(318)]
    [InlineData(319)]
    [InlineData(600)]
    public void Partial_key_lengths_round_trip(int nibbles)
    {
        var node = Leaf(nibbles);
        Assert.Equal(TrieNodeKind.Leaf, node.Kind);
        Assert.Equal(nibbles, node.PartialKey.Length);
        Assert.Equal(LeafEncoding(nibbles), TrieNodeCodec.Encode(node));
    }

    [Fact]
    public void Spec_examples_of_length_headers()
    {
        Assert.Equal([0x7f, 0x00], LeafEncoding(63)[..2]);
        Assert.Equal([0x7f, 0xff, 0x00], LeafEncoding(318)[..3]);
        Assert.Equal(TrieNodeKind.Leaf, TrieNodeCodec.Decode(Hex.Parse("0x7f00" + new string('0', 64) + "04aa")).Kind);
    }

    [Theory]
    [InlineData("0x01", "unallowed header")]
    [InlineData("0x0f", "unallowed header")]
    [InlineData("0x41f004aa", "padding")]
    [InlineData("0x800000", "without a child")]
    [InlineData("0x8000", "bitmap")]
    [InlineData("0x4104", "need")]
    [InlineData("0x42aa04bbcc", "trailing")]
    [InlineData("0x0000", "trailing")]
    [InlineData("0x", "empty")]
    [InlineData("0x7fff", "exceeds")]
    [InlineData("0x7f", "truncated")]
    [InlineData("0x42aa08bb", "remaining")]
    [InlineData("0x2201", "")]
    public void Malformed_nodes_are_rejected_with_a_reason(string hex, string reason)
    {
        var e = Assert.Throws<InvalidTrieNodeException>(() => TrieNodeCodec.Decode(Hex.Parse(hex)));
        Assert.Contains(reason, e.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Decodes_every_kind()
    {
        Assert.Equal(TrieNodeKind.Empty, TrieNodeCodec.Decode([0]).Kind);
        var branch = TrieNodeCodec.Decode(Hex.Parse("0x8012001443031404ff1443081904fe"));
        Assert.Equal(TrieNodeKind.BranchWithoutValue, branch.Kind);
        Assert.Equal([1, 4], Enumerable.Range(0, 16).Where(i => branch.Children![i] is not null));
        Assert.Equal(Hex.Parse("0x43031404ff"), branch.Children![1]!.Value.Inline.ToArray());

        var hashedLeaf = TrieNodeCodec.Decode(Hex.Parse("0x22014a1931803561f431decab002e7425f0a8531d5e456a1a47fd9998a2530c0f800"));
        Assert.Equal(TrieNodeKind.HashedValueLeaf, hashedLeaf.Kind);
        Assert.Equal(Hash256.Blake2(new byte[40]), hashedLeaf.ValueHash);
        Assert.Equal([0, 1], hashedLeaf.PartialKey);

        var v1Branch = TrieNodeCodec.Decode(Hex.Parse("0xc20101000401803058f2d1f72a2182db6f582fe75e85948f1a687eb666ddd698836cfafd859e3c"));
        Assert.Equal(TrieNodeKind.BranchWithValue, v1Branch.Kind);
        Assert.True(v1Branch.Children![0]!.Value.IsHash);

        var hashedBranch = new DecodedTrieNode(TrieNodeKind.HashedValueBranch, [1, 2, 3], null, Hash256.Blake2([1]), [null, TrieChildReference.FromHash(Hash256.Blake2([2])), .. new TrieChildReference?[14]]);
        var encoded = TrieNodeCodec.Encode(hashedBranch);
        Assert.Equal(0x13, encoded[0]);
        var back = TrieNodeCodec.Decode(encoded);
        Assert.Equal(TrieNodeKind.HashedValueBranch, back.Kind);
        Assert.Equal(hashedBranch.ValueHash, back.ValueHash);
        Assert.Equal([1, 2, 3], back.PartialKey);
    }
}
