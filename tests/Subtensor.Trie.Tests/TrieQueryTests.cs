using Subtensor.Core.Types;

namespace Subtensor.Trie.Tests;

public class TrieQueryTests
{
    private static (MutableTrie Trie, Model Model, MemoryTrieNodeStore Store) RandomTrie(Random random, int count, TrieLayout layout)
    {
        var model = new Model();
        foreach (var (k, v) in TestData.RandomEntries(random, count))
        {
            model.Map[k] = v;
        }

        var store = new MemoryTrieNodeStore();
        var changes = TrieRootBuilder.Build(model.Map, layout);
        store.Apply(changes);
        return (new MutableTrie(store, changes.Root, layout), model, store);
    }

    private static IEnumerable<byte[]> Probes(Random random, Model model)
    {
        yield return [];
        yield return [0xff, 0xff, 0xff];
        foreach (var k in model.Map.Keys.Take(30))
        {
            yield return k;
            if (k.Length > 0)
            {
                yield return k[..^1];
                var bumped = (byte[])k.Clone();
                bumped[^1] ^= 0x01;
                yield return bumped;
            }

            yield return [.. k, 0x00];
        }

        for (var i = 0; i < 30; i++)
        {
            var p = new byte[random.Next(0, 4)];
            random.NextBytes(p);
            yield return p;
        }
    }

    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    [InlineData(13)]
    public void NextKey_matches_the_sorted_model(int seed)
    {
        var random = new Random(seed);
        for (var round = 0; round < 60; round++)
        {
            var (trie, model, _) = RandomTrie(random, random.Next(0, 120), TrieLayout.V1);
            foreach (var probe in Probes(random, model))
            {
                var expected = model.NextKey(probe);
                var actual = trie.NextKey(probe);
                Assert.Equal(expected is null ? null : Hex.ToHex(expected), actual is null ? null : Hex.ToHex(actual));
            }

            // walking NextKey from the empty key visits every key in order
            var walked = new List<byte[]>();
            var cursor = model.Map.ContainsKey([]) ? [] : trie.NextKey([]);
            while (cursor is not null)
            {
                walked.Add(cursor);
                cursor = trie.NextKey(cursor);
            }

            Assert.Equal(model.Map.Keys.Select(k => Hex.ToHex(k)), walked.Select(k => Hex.ToHex(k)));
        }
    }

    [Theory]
    [InlineData(21)]
    [InlineData(22)]
    public void Enumerate_with_prefix_matches_the_model(int seed)
    {
        var random = new Random(seed);
        for (var round = 0; round < 60; round++)
        {
            var (trie, model, _) = RandomTrie(random, random.Next(0, 120), TrieLayout.V0);
            foreach (var probe in Probes(random, model))
            {
                var expected = model.Map.Where(p => p.Key.AsSpan().StartsWith(probe)).Select(p => Hex.ToHex(p.Key) + "=" + Hex.ToHex(p.Value));
                var actual = trie.Enumerate(probe).Select(p => Hex.ToHex(p.Key) + "=" + Hex.ToHex(p.Value));
                Assert.Equal(expected, actual);
            }
        }
    }

    [Theory]
    [InlineData(31, TrieLayout.V0)]
    [InlineData(32, TrieLayout.V1)]
    public void ClearPrefix_with_and_without_limits_matches_the_model(int seed, TrieLayout layout)
    {
        var random = new Random(seed);
        for (var round = 0; round < 200; round++)
        {
            var (trie, model, store) = RandomTrie(random, random.Next(0, 80), layout);
            var probes = Probes(random, model).ToList();
            for (var step = 0; step < 4; step++)
            {
                var prefix = probes[random.Next(probes.Count)];
                uint? limit = random.Next(3) == 0 ? null : (uint)random.Next(0, 6);
                var matching = model.KeysWithPrefix(prefix);
                var expectedRemoved = limit is { } l ? Math.Min(l, (uint)matching.Count) : (uint)matching.Count;
                foreach (var k in matching.Take((int)expectedRemoved))
                {
                    model.Map.Remove(k);
                }

                var result = trie.ClearPrefix(prefix, limit);
                Assert.Equal(expectedRemoved, result.Removed);
                Assert.Equal(expectedRemoved == matching.Count, result.AllRemoved);
                if (random.Next(2) == 0)
                {
                    var changes = trie.Commit();
                    store.Apply(changes);
                    Assert.Equal(model.Root(layout), changes.Root);
                }
            }

            var final = trie.Commit();
            store.Apply(final);
            Assert.Equal(model.Root(layout), final.Root);
            var expectedNodes = model.Map.Count == 0 ? 0 : TrieRootBuilder.Build(model.Map, layout).Inserted.Count;
            Assert.Equal(expectedNodes, store.ReferenceCount);
        }
    }

    [Fact]
    public void ClearPrefix_reports_completion()
    {
        var trie = new MutableTrie(TrieLayout.V0);
        foreach (var k in new[] { "aa1", "aa2", "aa3", "ab1" })
        {
            trie.Set(TestData.Utf8(k), [1]);
        }

        Assert.Equal(new ClearPrefixResult(2, false), trie.ClearPrefix(TestData.Utf8("aa"), 2));
        Assert.Equal(new ClearPrefixResult(1, true), trie.ClearPrefix(TestData.Utf8("aa"), 2));
        Assert.Equal(new ClearPrefixResult(0, true), trie.ClearPrefix(TestData.Utf8("aa"), 2));
        Assert.Equal(new ClearPrefixResult(0, true), trie.ClearPrefix(TestData.Utf8("zz")));
        Assert.Equal(TestData.Utf8("ab1"), Assert.Single(trie.Keys()));
        Assert.Equal(new ClearPrefixResult(1, true), trie.ClearPrefix([]));
        Assert.True(trie.IsEmpty);
    }
}
