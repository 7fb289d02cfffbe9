using System.Text.Json.Nodes;
using Subtensor.ChainSpec.Wasm;
using Subtensor.Core.Types;
using Subtensor.TestSupport;
using Subtensor.Trie;

namespace Subtensor.ChainSpec.Tests;

public class GenesisBlockBuilderTests
{
    private static readonly string Big = "0x" + string.Concat(Enumerable.Repeat("ab", 40));

    [Theory]
    [InlineData(0, TrieLayout.V0)]
    [InlineData(1, TrieLayout.V1)]
    [InlineData(2, TrieLayout.V1)]
    public void State_version_comes_from_the_runtime_version_section(byte systemVersion, TrieLayout expected)
    {
        var spec = SpecJson.Parse(SpecJson.Raw(SpecJson.TopWithCode(systemVersion, ("0x0102", Big), ("0x0103", "0x01"))));
        var genesis = GenesisBlockBuilder.Build(spec);
        Assert.Equal(expected, genesis.StateVersion);
        Assert.Equal(systemVersion, genesis.RuntimeVersion!.SystemVersion);

        var entries = spec.Genesis.Raw!.Top;
        Assert.Equal(TrieRootBuilder.Root(entries, expected), genesis.StateRoot);
        Assert.Equal(Hash256.Zero, genesis.Header.ParentHash);
        Assert.Equal(0u, genesis.Header.Number);
        Assert.Equal(TrieConstants.EmptyRoot, genesis.Header.ExtrinsicsRoot);
        Assert.Empty(genesis.Header.Digest.Logs);
        Assert.Equal(Hash256.Blake2(genesis.Header.Encode()), genesis.Hash);
    }

    [Fact]
    public void Explicit_state_version_overrides_the_runtime()
    {
        var spec = SpecJson.Parse(SpecJson.Raw(SpecJson.TopWithCode(1, ("0x0102", Big))));
        var v1 = GenesisBlockBuilder.Build(spec);
        var v0 = GenesisBlockBuilder.Build(spec, TrieLayout.V0);
        Assert.Equal(TrieLayout.V0, v0.StateVersion);
        Assert.Null(v0.RuntimeVersion);
        Assert.NotEqual(v1.StateRoot, v0.StateRoot);
        Assert.Equal(TrieRootBuilder.Root(spec.Genesis.Raw!.Top, TrieLayout.V0), v0.StateRoot);
    }

    [Fact]
    public void Child_tries_match_an_incremental_top_and_child_trie()
    {
        var children = new JsonObject
        {
            ["0x6b696473"] = new JsonObject { ["0x01"] = "0x05", ["0x0102"] = Big },
            ["0x656d707479"] = new JsonObject(),
        };
        var spec = SpecJson.Parse(SpecJson.Raw(SpecJson.TopWithCode(1, ("0x0102", Big)), children));
        var genesis = GenesisBlockBuilder.Build(spec);

        var top = new MutableTrie(TrieLayout.V1);
        foreach (var (k, v) in spec.Genesis.Raw!.Top)
        {
            top.Set(k, v);
        }

        var child = new ChildTrie(top, "kids"u8, EmptyTrieNodeReader.Instance);
        child.Set([1], [5]);
        child.Set([1, 2], Hex.Parse(Big));
        child.Commit();
        new ChildTrie(top, "empty"u8, EmptyTrieNodeReader.Instance).Commit();
        Assert.Equal(top.Commit().Root, genesis.StateRoot);
        Assert.Null(top.Get(ChildTrie.PrefixedStorageKey("empty"u8)));

        var nodes = genesis.Storage.TrieNodes(TrieLayout.V1);
        Assert.Equal(2, nodes.Count);
        Assert.Equal(genesis.StateRoot, nodes[^1].Root);
    }

    [Fact]
    public void Missing_code_fails_with_its_path()
    {
        var spec = SpecJson.Parse(SpecJson.Raw(new Dictionary<string, string> { ["0x01"] = "0x02" }));
        var e = Assert.Throws<ChainSpecException>(() => GenesisBlockBuilder.Build(spec));
        Assert.Equal("$.genesis.raw.top[\"0x3a636f6465\"]", e.JsonPath);
        Assert.Contains("--state-version", e.Message, StringComparison.Ordinal);
        Assert.Equal(TrieLayout.V0, GenesisBlockBuilder.Build(spec, TrieLayout.V0).StateVersion);
    }

    [Theory]
    [InlineData("0x0061736d01000000", "runtime_version")]
    [InlineData("0x1234", "not a WASM module")]
    [InlineData("0x52bc537646db8e05ffffffff", "decompress")]
    public void Unreadable_code_fails_with_its_path(string code, string reason)
    {
        var spec = SpecJson.Parse(SpecJson.Raw(new Dictionary<string, string> { ["0x3a636f6465"] = code }));
        var e = Assert.Throws<ChainSpecException>(() => GenesisBlockBuilder.Build(spec));
        Assert.Equal("$.genesis.raw.top[\"0x3a636f6465\"]", e.JsonPath);
        Assert.Contains(reason, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Child_storage_keys_in_the_top_map_are_rejected()
    {
        var key = Hex.ToHex(ChildTrie.PrefixedStorageKey([1]));
        var spec = SpecJson.Parse(SpecJson.Raw(SpecJson.TopWithCode(1, (key, "0x" + new string('0', 64)))));
        var e = Assert.Throws<ChainSpecException>(() => GenesisBlockBuilder.Build(spec));
        Assert.Equal($"$.genesis.raw.top[\"{key}\"]", e.JsonPath);
    }

    [Fact]
    public void Forms_without_storage_are_refused_clearly()
    {
        var hashOnly = SpecJson.Parse("""{"name":"a","id":"a","bootNodes":[],"genesis":{"stateRootHash":"0x1234"}}""");
        Assert.Equal("$.genesis.stateRootHash", Assert.Throws<ChainSpecException>(() => GenesisBlockBuilder.Build(hashOnly)).JsonPath);
        var runtime = SpecJson.Parse("""{"name":"a","id":"a","bootNodes":[],"genesis":{"runtimeGenesis":{"code":"0x00","config":{}}}}""");
        Assert.Equal("$.genesis.runtimeGenesis", Assert.Throws<ChainSpecException>(() => GenesisBlockBuilder.Build(runtime)).JsonPath);
    }

    [Fact]
    public void Runtime_genesis_goes_through_the_runtime_builder_and_gets_code()
    {
        var code = MinimalRuntimeCode.Build(SpecJson.Version(1));
        var json = """{"name":"a","id":"a","bootNodes":[],"genesis":{"runtimeGenesis":{"code":"CODE","patch":{"x":1}}}}""".Replace("CODE", Hex.ToHex(code), StringComparison.Ordinal);
        var genesis = GenesisBlockBuilder.Build(SpecJson.Parse(json), runtimeGenesis: new FakeRuntimeGenesis());
        Assert.Equal(code, genesis.Storage.Code);
        Assert.Equal(new byte[] { 1 }, genesis.Storage.Top[[0xee]]);
        Assert.Equal(TrieLayout.V1, genesis.StateVersion);
    }

    private sealed class FakeRuntimeGenesis : IRuntimeGenesisBuilder
    {
        public GenesisStorage BuildStorage(byte[] code, System.Text.Json.JsonElement config, bool isPatch)
        {
            Assert.True(isPatch);
            var storage = new GenesisStorage();
            storage.Top[[0xee]] = [(byte)config.GetProperty("x").GetInt32()];
            return storage;
        }
    }

    [Fact]
    public void Bittensor_testnet_raw_spec_gives_the_known_genesis_hash()
    {
        // Subtensor chainspecs/raw_spec_testfinney.json (public domain). Expected hash: smoldot 3.4.1
        // chainSpec_v1_genesisHash over this file (also Bittensor's published testnet genesis hash).
        var path = Path.Combine(TestVectors.RepositoryRoot, "tests", "Subtensor.ChainSpec.Tests", "TestData", "raw_spec_testfinney.json");
        var spec = ChainSpec.Load(path);
        Assert.Equal("Bittensor", spec.Name);
        var genesis = GenesisBlockBuilder.Build(spec);
        Assert.Equal("node-subtensor", genesis.RuntimeVersion!.SpecName);
        Assert.Equal(103u, genesis.RuntimeVersion.SpecVersion);
        Assert.Equal(TrieLayout.V1, genesis.StateVersion);
        Assert.Equal(Hash256.Parse("0x8f9cf856bf558a14440e75569c9e58594757048d7b3a84b5d25f6bd978263105"), genesis.Hash);
    }
}
