using Subtensor.Core.Types;
using Subtensor.Rpc.Modules;
using Subtensor.Trie;

namespace Subtensor.Rpc.Tests.Modules;

public sealed class TrieWalkerTests
{
    private static (MemoryTrieNodeStore Store, Hash256 Before, Hash256 After) TwoVersions(
        IEnumerable<(byte[] Key, byte[] Value)> initial, IEnumerable<(byte[] Key, byte[]? Value)> changes, TrieLayout layout)
    {
        var store = new MemoryTrieNodeStore();
        var trie = new MutableTrie(store, TrieConstants.EmptyRoot, layout);
        foreach (var (k, v) in initial)
        {
            trie.Set(k, v);
        }

        var first = trie.Commit();
        store.Apply(first);
        var second = new MutableTrie(store, first.Root, layout);
        foreach (var (k, v) in changes)
        {
            if (v is null)
            {
                second.Remove(k);
            }
            else
            {
                second.Set(k, v);
            }
        }

        var changed = second.Commit();
        store.Apply(changed with { Deleted = [] });
        return (store, first.Root, changed.Root);
    }

    [Theory]
    [InlineData(TrieLayout.V0)]
    [InlineData(TrieLayout.V1)]
    public void Diff_finds_exactly_the_changed_entries(TrieLayout layout)
    {
        var initial = Enumerable.Range(0, 200).Select(i => (Key: new byte[] { (byte)(i % 7), (byte)i, 0xAA }, Value: new byte[i % 40 + 1])).ToList();
        var changes = new List<(byte[] Key, byte[]? Value)>
        {
            (initial[3].Key, null),                               // removed
            (initial[10].Key, Enumerable.Repeat((byte)9, 50).ToArray()), // changed (and hashed in V1)
            (initial[11].Key, initial[11].Value),                 // rewritten with the same value: not a change
            ([0x01], [1, 2, 3]),                                  // new key splitting an existing branch
            ([0x06, 0xFF, 0xAA, 0x01], [4]),                      // new key below an existing one
            ([0x09], [5]),                                        // new subtree
        };
        var (store, before, after) = TwoVersions(initial.Select(x => (x.Key, x.Value)), changes, layout);

        var diff = new TrieWalker(store).Diff(before, after);
        var expected = changes.Where(c => c.Key != initial[11].Key).OrderBy(c => c.Key, ByteArrayComparer.Instance).ToList();
        Assert.Equal(expected.Select(c => Hex.ToHex(c.Key)), diff.Select(d => Hex.ToHex(d.Key)));
        Assert.Equal(expected.Select(c => c.Value is null ? "null" : Hex.ToHex(c.Value)), diff.Select(d => d.Value is null ? "null" : Hex.ToHex(d.Value)));
        Assert.Empty(new TrieWalker(store).Diff(after, after));
        Assert.Equal(initial.Count, new TrieWalker(store).Diff(TrieConstants.EmptyRoot, before).Count);
    }

    [Fact]
    public void Closest_descendant_merkle_value()
    {
        var (store, root, _) = TwoVersions([([0x12, 0x34], [1]), ([0x12, 0x35], [2]), ([0x40], Enumerable.Repeat((byte)7, 40).ToArray())], [], TrieLayout.V1);
        var walker = new TrieWalker(store);
        Assert.Equal(root.ToArray(), walker.ClosestDescendantMerkleValue(root, []));
        Assert.Null(walker.ClosestDescendantMerkleValue(root, [0x77]));
        Assert.Null(walker.ClosestDescendantMerkleValue(TrieConstants.EmptyRoot, []));

        // 0x12 is a prefix of both 0x1234 and 0x1235: its closest descendant is their branch (an inline node here).
        var branch = walker.ClosestDescendantMerkleValue(root, [0x12])!;
        var leaf = walker.ClosestDescendantMerkleValue(root, [0x12, 0x34])!;
        Assert.NotEqual(branch, leaf);
        Assert.True(branch.Length < 32, "small nodes are inline: their Merkle value is the encoding");
        Assert.Equal(branch, TrieNodeCodec.Encode(TrieNodeCodec.Decode(branch)));
    }
}
