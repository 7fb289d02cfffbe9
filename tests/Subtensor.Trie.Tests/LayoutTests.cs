using Subtensor.Core.Types;

namespace Subtensor.Trie.Tests;

public class LayoutTests
{
    private static Dictionary<byte[], byte[]> Entries(int valueLength) => new(ByteArrayComparer.Instance)
    {
        [[0x01]] = new byte[valueLength],
        [[0x01, 0x02]] = [5],
        [[0x02]] = Enumerable.Range(0, valueLength).Select(i => (byte)i).ToArray(),
    };

    [Fact]
    public void Values_of_32_bytes_stay_inline_in_both_layouts()
    {
        var entries = Entries(32);
        Assert.Equal(TrieRootBuilder.Root(entries, TrieLayout.V0), TrieRootBuilder.Root(entries, TrieLayout.V1));
        Assert.DoesNotContain(TrieRootBuilder.Build(entries, TrieLayout.V1).Inserted, n => n.Value.Length == 32 && n.Value.AsSpan().SequenceEqual(new byte[32]));
    }

    [Fact]
    public void Values_of_33_bytes_are_hashed_in_v1_only()
    {
        var entries = Entries(33);
        var v0 = TrieRootBuilder.Build(entries, TrieLayout.V0);
        var v1 = TrieRootBuilder.Build(entries, TrieLayout.V1);
        Assert.NotEqual(v0.Root, v1.Root);
        Assert.Contains(v1.Inserted, n => n.Key == Hash256.Blake2(new byte[33]) && n.Value.Length == 33);
        Assert.DoesNotContain(v0.Inserted, n => n.Key == Hash256.Blake2(new byte[33]));
        var rootNode = TrieNodeCodec.Decode(v1.Inserted.Single(n => n.Key == v1.Root).Value);
        Assert.Equal(TrieNodeKind.BranchWithoutValue, rootNode.Kind);
        var kinds = v1.Inserted.Select(n => n.Value).Where(v => v.Length != 33).Select(v => TrieNodeCodec.Decode(v).Kind).ToList();
        Assert.Contains(TrieNodeKind.HashedValueBranch, kinds);
    }

    [Fact]
    public void V0_nodes_keep_their_encoding_under_v1_until_their_value_is_written()
    {
        var store = new MemoryTrieNodeStore();
        var big = new byte[40];
        big[0] = 1;
        var v0 = new MutableTrie(store, TrieConstants.EmptyRoot, TrieLayout.V0);
        v0.Set([0x10], big);
        v0.Set([0x20], [1]);
        var first = v0.Commit();
        store.Apply(first);

        var v1 = new MutableTrie(store, first.Root, TrieLayout.V1);
        v1.Set([0x21], [2]);
        var second = v1.Commit();
        store.Apply(second);
        var allSmall = new Dictionary<byte[], byte[]>(ByteArrayComparer.Instance) { [[0x10]] = big, [[0x20]] = [1], [[0x21]] = [2] };
        // the 40-byte value is still inline: the root is the V0 root, not the V1 one
        Assert.Equal(TrieRootBuilder.Root(allSmall, TrieLayout.V0), second.Root);
        Assert.NotEqual(TrieRootBuilder.Root(allSmall, TrieLayout.V1), second.Root);

        // rewriting the same value migrates it to the hashed form
        v1.Set([0x10], big);
        var third = v1.Commit();
        Assert.Equal(TrieRootBuilder.Root(allSmall, TrieLayout.V1), third.Root);
        Assert.Contains(third.Inserted, n => n.Key == Hash256.Blake2(big));
    }
}
