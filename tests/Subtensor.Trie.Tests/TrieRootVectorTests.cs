using System.Text.Json;
using Subtensor.Core.Types;
using Subtensor.TestSupport;

namespace Subtensor.Trie.Tests;

public class TrieRootVectorTests
{
    private static TrieLayout ParseLayout(string s) => s switch
    {
        "V0" => TrieLayout.V0,
        "V1" => TrieLayout.V1,
        _ => throw new FormatException(s),
    };

    private static List<KeyValuePair<byte[], byte[]>> Utf8Entries(JsonElement obj)
        => obj.EnumerateObject().Select(p => new KeyValuePair<byte[], byte[]>(TestData.Utf8(p.Name), TestData.Utf8(p.Value.GetString()!))).ToList();

    private static Hash256 IncrementalRoot(IEnumerable<KeyValuePair<byte[], byte[]>> entries, TrieLayout layout)
    {
        var trie = new MutableTrie(layout);
        foreach (var (k, v) in entries)
        {
            trie.Set(k, v);
        }

        return trie.Commit().Root;
    }

    [Fact]
    public void Empty_root_matches_vector()
    {
        using var doc = TestVectors.Json("trie_roots.json");
        var expected = Hash256.Parse(doc.RootElement.GetProperty("empty_trie_root").GetString()!);
        Assert.Equal(expected, TrieRootBuilder.Root([], TrieLayout.V0));
        Assert.Equal(expected, TrieRootBuilder.Root([], TrieLayout.V1));
        Assert.Equal(expected, new MutableTrie(TrieLayout.V1).Commit().Root);
        Assert.Equal(expected, TrieConstants.EmptyRoot);
    }

    [Fact]
    public void Child_trie_roots_of_polkadot_tests_match()
    {
        using var doc = TestVectors.Json("trie_roots.json");
        var cases = doc.RootElement.GetProperty("child_trie_roots_polkadot_tests").GetProperty("cases");
        Assert.Equal(10, cases.GetArrayLength());
        foreach (var c in cases.EnumerateArray())
        {
            var entries = Utf8Entries(c.GetProperty("entries_utf8"));
            var expected = Hash256.Parse(c.GetProperty("root_v0").GetString()!);
            Assert.Equal(expected, TrieRootBuilder.Root(entries, TrieLayout.V0));
            Assert.Equal(expected, IncrementalRoot(entries, TrieLayout.V0));
        }
    }

    [Fact]
    public void Smoldot_examples_match()
    {
        using var doc = TestVectors.Json("trie_roots.json");
        var count = 0;
        foreach (var c in doc.RootElement.GetProperty("smoldot_examples").EnumerateArray())
        {
            var layout = ParseLayout(c.GetProperty("layout").GetString()!);
            var entries = Utf8Entries(c.GetProperty("entries_utf8"));
            var expected = Hash256.Parse(c.GetProperty("root").GetString()!);
            Assert.Equal(expected, TrieRootBuilder.Root(entries, layout));
            Assert.Equal(expected, IncrementalRoot(entries, layout));
            count++;
        }

        Assert.Equal(2, count);
    }

    [Fact]
    public void Derived_node_encodings_match()
    {
        using var doc = TestVectors.Json("trie_roots.json");
        var cases = doc.RootElement.GetProperty("derived_node_encodings").GetProperty("cases");
        Assert.Equal(7, cases.GetArrayLength());
        foreach (var c in cases.EnumerateArray())
        {
            var layout = ParseLayout(c.GetProperty("layout").GetString()!);
            var entries = c.GetProperty("entries_hex").EnumerateObject().Select(p => TestData.Pair(p.Name, p.Value.GetString()!)).ToList();
            var rootNode = Hex.Parse(c.GetProperty("root_node_encoding").GetString()!);
            var expected = Hash256.Parse(c.GetProperty("root").GetString()!);
            var built = TrieRootBuilder.Build(entries, layout);
            Assert.Equal(expected, built.Root);
            Assert.Equal(expected, IncrementalRoot(entries, layout));
            if (entries.Count > 0)
            {
                var root = Assert.Single(built.Inserted, n => n.Key == expected);
                Assert.Equal(Hex.ToHex(rootNode), Hex.ToHex(root.Value));
                Assert.Equal(rootNode, TrieNodeCodec.Encode(TrieNodeCodec.Decode(rootNode)));
            }
        }
    }

    public static TheoryData<string> DerivedRootNames()
    {
        using var doc = TestVectors.Json("polkadot-tests-state-trie/derived_roots.json");
        var data = new TheoryData<string>();
        foreach (var p in doc.RootElement.GetProperty("roots").EnumerateObject())
        {
            data.Add(p.Name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(DerivedRootNames))]
    public void Polkadot_tests_state_trie_fixtures_match(string name)
    {
        using var doc = TestVectors.Json("polkadot-tests-state-trie/derived_roots.json");
        var expected = doc.RootElement.GetProperty("roots").GetProperty(name);
        var file = name[..name.IndexOf(' ', StringComparison.Ordinal)];
        var hexKeys = name.Contains("keys hex", StringComparison.Ordinal);
        var (keys, values) = StateTrieFixture.Read(TestVectors.PathOf($"polkadot-tests-state-trie/{file}.yaml"));
        var entries = TestData.Dedup(keys.Select((k, i) => new KeyValuePair<byte[], byte[]>(hexKeys ? Hex.Parse(k) : TestData.Utf8(k), TestData.Utf8(values[i]))));
        Assert.Equal(expected.GetProperty("entries").GetInt32(), entries.Count);
        foreach (var (layout, field) in new[] { (TrieLayout.V0, "root_v0"), (TrieLayout.V1, "root_v1") })
        {
            var root = Hash256.Parse(expected.GetProperty(field).GetString()!);
            Assert.Equal(root, TrieRootBuilder.Root(entries, layout));
            Assert.Equal(root, IncrementalRoot(keys.Select((k, i) => new KeyValuePair<byte[], byte[]>(hexKeys ? Hex.Parse(k) : TestData.Utf8(k), TestData.Utf8(values[i]))), layout));
        }
    }

    [Fact]
    public void All_fixture_files_are_covered()
    {
        using var doc = TestVectors.Json("polkadot-tests-state-trie/derived_roots.json");
        var covered = doc.RootElement.GetProperty("roots").EnumerateObject().Select(p => p.Name[..p.Name.IndexOf(' ', StringComparison.Ordinal)]).ToHashSet();
        var files = Directory.GetFiles(TestVectors.PathOf("polkadot-tests-state-trie"), "*.yaml").Select(Path.GetFileNameWithoutExtension).ToHashSet();
        Assert.Equal(files.Order(), covered.Order());
    }
}
