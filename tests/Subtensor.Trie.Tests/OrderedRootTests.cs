using Subtensor.Core.Types;
using Subtensor.TestSupport;

namespace Subtensor.Trie.Tests;

public class OrderedRootTests
{
    [Fact]
    public void Extrinsics_roots_of_recorded_blocks_match()
    {
        using var doc = TestVectors.Json("extrinsics_root_blocks.json");
        var count = 0;
        foreach (var block in doc.RootElement.GetProperty("blocks").EnumerateArray())
        {
            var extrinsics = block.GetProperty("body_extrinsics_hex").EnumerateArray().Select(e => Hex.Parse(e.GetString()!)).ToList();
            var expected = Hash256.Parse(block.GetProperty("extrinsics_root_v0").GetString()!);
            Assert.Equal(expected, TrieRootBuilder.OrderedRoot(extrinsics, TrieLayout.V0));
            count++;
        }

        Assert.Equal(3, count);
    }

    [Fact]
    public void Ordered_root_sorts_by_encoded_index()
    {
        // 70 items: Compact(64) = 0x0101 sorts before Compact(1) = 0x04.
        var values = Enumerable.Range(0, 70).Select(i => new byte[] { (byte)i }).ToList();
        var trie = new MutableTrie(TrieLayout.V0);
        for (var i = 0; i < values.Count; i++)
        {
            trie.Set(Core.Scale.Compact.Encode((uint)i), values[i]);
        }

        Assert.Equal(trie.Commit().Root, TrieRootBuilder.OrderedRoot(values, TrieLayout.V0));
        Assert.Equal(TrieConstants.EmptyRoot, TrieRootBuilder.OrderedRoot([], TrieLayout.V0));
    }

    [Fact]
    public void Unsorted_or_duplicate_input_is_rejected()
    {
        Assert.Throws<ArgumentException>(() => TrieRootBuilder.RootOfSorted([new([2], [1]), new([1], [1])], TrieLayout.V0));
        Assert.Throws<ArgumentException>(() => TrieRootBuilder.Root([new([1], [1]), new([1], [2])], TrieLayout.V0));
    }
}
