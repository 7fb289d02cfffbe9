using Subtensor.Core.Types;

namespace Subtensor.Trie.Tests;

public class MutableTriePropertyTests
{
    private static Dictionary<Hash256, int> Multiset(IEnumerable<KeyValuePair<Hash256, byte[]>> nodes)
    {
        var counts = new Dictionary<Hash256, int>();
        foreach (var (h, _) in nodes)
        {
            counts[h] = counts.GetValueOrDefault(h) + 1;
        }

        return counts;
    }

    private static void AssertStoreHoldsExactly(MemoryTrieNodeStore store, Model model, TrieLayout layout)
    {
        var expected = Multiset(TrieRootBuilder.Build(model.Map, layout).Inserted);
        if (model.Map.Count == 0)
        {
            expected.Clear();
        }

        var actual = store.Snapshot();
        Assert.Equal(expected.Count, actual.Count);
        foreach (var (hash, refs) in expected)
        {
            Assert.True(actual.TryGetValue(hash, out var got), $"store lacks {hash}");
            Assert.Equal(refs, got);
        }
    }

    [Theory]
    [InlineData(TrieLayout.V0, 1)]
    [InlineData(TrieLayout.V1, 2)]
    [InlineData(TrieLayout.V0, 3)]
    [InlineData(TrieLayout.V1, 4)]
    public void Random_insert_remove_sequences_match_builder_and_keep_the_store_exact(TrieLayout layout, int seed)
    {
        var random = new Random(seed);
        for (var round = 0; round < 600; round++)
        {
            var store = new MemoryTrieNodeStore();
            var model = new Model();
            var trie = new MutableTrie(store, TrieConstants.EmptyRoot, layout);
            var pool = TestData.RandomEntries(random, random.Next(1, 40)).ToList();
            var operations = random.Next(1, 80);
            for (var op = 0; op < operations; op++)
            {
                var (key, value) = pool[random.Next(pool.Count)];
                if (random.Next(3) == 0)
                {
                    Assert.Equal(model.Map.Remove(key), trie.Remove(key));
                }
                else
                {
                    if (random.Next(3) == 0)
                    {
                        value = TestData.RandomValue(random);
                    }

                    model.Map[key] = value;
                    trie.Set(key, value);
                }

                switch (random.Next(10))
                {
                    case 0:
                        store.Apply(trie.Commit());
                        break;
                    case 1:
                        // reopen from the store: everything is loaded lazily again
                        var changes = trie.Commit();
                        store.Apply(changes);
                        trie = new MutableTrie(store, changes.Root, layout);
                        break;
                }
            }

            var final = trie.Commit();
            store.Apply(final);
            Assert.Equal(model.Root(layout), final.Root);
            AssertStoreHoldsExactly(store, model, layout);

            var reopened = new MutableTrie(store, final.Root, layout);
            foreach (var (k, v) in model.Map)
            {
                Assert.Equal(v, reopened.Get(k));
            }

            Assert.Equal(model.Map.Keys.Select(k => Hex.ToHex(k)), reopened.Keys().Select(k => Hex.ToHex(k)));
        }
    }

    [Fact]
    public void Removing_everything_empties_the_store()
    {
        var random = new Random(7);
        var store = new MemoryTrieNodeStore();
        var entries = TestData.RandomEntries(random, 500);
        var trie = new MutableTrie(store, TrieConstants.EmptyRoot, TrieLayout.V1);
        foreach (var (k, v) in entries)
        {
            trie.Set(k, v);
        }

        store.Apply(trie.Commit());
        Assert.True(store.Count > 0);
        trie = new MutableTrie(store, trie.RootHash, TrieLayout.V1);
        foreach (var k in entries.Keys.OrderBy(_ => random.Next()))
        {
            Assert.True(trie.Remove(k));
        }

        var changes = trie.Commit();
        store.Apply(changes);
        Assert.Equal(TrieConstants.EmptyRoot, changes.Root);
        Assert.Equal(0, store.Count);
        Assert.True(trie.IsEmpty);
    }

    [Fact]
    public void Setting_an_equal_value_changes_nothing()
    {
        var store = new MemoryTrieNodeStore();
        var trie = new MutableTrie(store, TrieConstants.EmptyRoot, TrieLayout.V1);
        var big = new byte[50];
        trie.Set([1, 2], big);
        trie.Set([1, 3], [9]);
        store.Apply(trie.Commit());
        trie.Set([1, 2], new byte[50]);
        trie.Set([1, 3], [9]);
        Assert.False(trie.HasUncommittedChanges);
        var changes = trie.Commit();
        Assert.Empty(changes.Inserted);
        Assert.Empty(changes.Deleted);
    }

    [Fact]
    public void Missing_node_is_reported_with_its_hash()
    {
        var store = new MemoryTrieNodeStore();
        var trie = new MutableTrie(store, TrieConstants.EmptyRoot, TrieLayout.V0);
        for (byte i = 0; i < 40; i++)
        {
            trie.Set([i, i], new byte[20]);
        }

        var changes = trie.Commit();
        var empty = new MemoryTrieNodeStore();
        var e = Assert.Throws<MissingTrieNodeException>(() => new MutableTrie(empty, changes.Root, TrieLayout.V0).Get([1, 1]));
        Assert.Equal(changes.Root, e.Hash);
    }

    [Fact]
    public void Empty_key_and_empty_value_are_stored()
    {
        var entries = new Dictionary<byte[], byte[]>(ByteArrayComparer.Instance)
        {
            [[]] = [],
            [[0x00]] = [],
            [[0x00, 0x00]] = [1],
        };
        var trie = new MutableTrie(TrieLayout.V1);
        foreach (var (k, v) in entries)
        {
            trie.Set(k, v);
        }

        Assert.Equal(TrieRootBuilder.Root(entries, TrieLayout.V1), trie.Commit().Root);
        Assert.Equal(Array.Empty<byte>(), trie.Get([]));
        Assert.Equal(Array.Empty<byte>(), trie.Get([0]));
        Assert.Null(trie.Get([0, 0, 0]));
        Assert.Equal(new byte[] { 0 }, trie.NextKey([]));
    }
}
