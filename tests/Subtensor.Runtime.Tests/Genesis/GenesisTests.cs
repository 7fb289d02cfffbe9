using System.Text;
using System.Text.Json;
using Subtensor.ChainSpec;
using Subtensor.ChainSpec.Wasm;
using Subtensor.Core.Types;
using Subtensor.Runtime.Genesis;
using Subtensor.Runtime.State;
using Subtensor.Runtime.Tests.Support;
using Subtensor.Trie;

namespace Subtensor.Runtime.Tests.Genesis;

public class GenesisTests
{
    private static readonly SubtensorRuntime Rt = TestChain.Runtime;

    [Theory]
    [InlineData("dev")]
    [InlineData("local")]
    [InlineData("testnet")]
    public void Plain_and_raw_specs_give_the_same_genesis_block(string chain)
    {
        var plain = SubtensorChainSpecs.PlainSpec(Rt, chain);
        var raw = SubtensorChainSpecs.RawSpec(Rt, plain);
        var fromPlain = GenesisBlockBuilder.Build(ChainSpec.ChainSpec.Parse(Encoding.UTF8.GetBytes(plain)), runtimeGenesis: new SubtensorGenesisBuilder(Rt));
        var fromRaw = GenesisBlockBuilder.Build(ChainSpec.ChainSpec.Parse(Encoding.UTF8.GetBytes(raw)));
        Assert.Equal(fromPlain.Header.Hash(), fromRaw.Header.Hash());
        // The state version is read from our own :code.
        Assert.Equal(TrieLayout.V1, fromRaw.StateVersion);
        Assert.Equal("node-subtensor", fromRaw.RuntimeVersion!.SpecName);
        Assert.Equal(Rt.Version.Apis, fromRaw.RuntimeVersion.Apis);
        using var doc = JsonDocument.Parse(raw);
        Assert.True(doc.RootElement.GetProperty("genesis").GetProperty("raw").GetProperty("top").TryGetProperty("0x3a636f6465", out _));
    }

    [Fact]
    public void Dev_genesis_holds_balances_authorities_sudo_and_system_items()
    {
        var chain = new TestChain();
        var s = chain.State;
        Assert.Equal(TestChain.Account("Alice"), Rt.Sudo.GetKey(s));
        Assert.Equal([TestChain.Account("Alice").ToArray()], Rt.Aura.Authorities.Get(s));
        using var grandpaOne = Core.Crypto.KeyPairs.FromSuri("//Alice", Core.Crypto.KeyScheme.Ed25519);
        var grandpa = Rt.Grandpa.Authorities.Get(s);
        Assert.Single(grandpa);
        Assert.Equal(grandpaOne.Pair.PublicKey, grandpa[0].Item1);
        Assert.Equal(1UL, grandpa[0].Item2);
        Assert.Equal(SystemHash69(), Rt.System.BlockHash.Get(s, 0));
        Assert.Equal(0u, Rt.Grandpa.SetIdSession.Get(s, 0));
        Assert.True(Rt.Grandpa.SetIdSession.Contains(s, 0));
        Assert.Equal(new byte[] { 1, 0 }, s.Get(Core.Hashing.StorageHashing.StoragePrefix("Balances", ":__STORAGE_VERSION__:")));
        Assert.Equal(Rt.Version.SpecVersion, Rt.System.LastRuntimeUpgrade.Get(s).SpecVersion);
        Assert.Equal(0u, Rt.System.Number.Get(s));
        Assert.Empty(Rt.System.ReadEvents(s));
    }

    private static Hash256 SystemHash69() => Subtensor.Runtime.Pallets.FrameSystem.SystemPallet.Hash69;

    [Fact]
    public void Unknown_sections_and_bad_values_are_refused()
    {
        var state = new OverlayedState(new InMemoryStateBackend());
        Assert.Contains("evmChainId", Assert.Throws<GenesisConfigException>(() => GenesisBuilder.BuildState(Rt, state, """{"evmChainId":{"chainId":42}}""")).Message);
        Assert.Throws<GenesisConfigException>(() => GenesisBuilder.BuildState(Rt, state, """{"balances":{"balances":[["5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY", 10]]}}"""));
        Assert.Throws<GenesisConfigException>(() => GenesisBuilder.BuildState(Rt, state, """{"sudo":{"key":"not an address"}}"""));
        Assert.Throws<GenesisConfigException>(() => GenesisBuilder.BuildState(Rt, state, "{"));
        Assert.Throws<GenesisConfigException>(() => SubtensorChainSpecs.PlainSpec(Rt, "finney"));
    }

    [Fact]
    public void Patch_merges_into_the_defaults()
    {
        var merged = SubtensorChainSpecs.MergePatch(
            System.Text.Json.Nodes.JsonNode.Parse("""{"a":{"x":1,"y":2},"b":[1],"c":3}"""),
            System.Text.Json.Nodes.JsonNode.Parse("""{"a":{"y":5,"z":6},"b":[2,3],"c":null}"""));
        Assert.Equal("""{"a":{"x":1,"y":5,"z":6},"b":[2,3]}""", merged!.ToJsonString());
    }

    [Fact]
    public void Code_blob_carries_the_runtime_version()
    {
        var code = SubtensorChainSpecs.Code(Rt);
        Assert.Equal([0x00, 0x61, 0x73, 0x6d], code[..4]);
        var version = RuntimeBlob.UncompressIfNeeded(code).ReadEmbeddedVersion();
        Assert.Equal(Rt.Version, version);
    }

    [Fact]
    public void Presets_are_listed_and_the_default_config_builds()
    {
        Assert.Equal(["benchmark", "development", "local_testnet"], GenesisBuilder.PresetNames);
        var defaults = GenesisBuilder.DefaultConfigJson(Rt);
        using var doc = JsonDocument.Parse(defaults);
        Assert.Equal(["system", "aura", "grandpa", "balances", "transactionPayment", "subtensorModule", "sudo"], doc.RootElement.EnumerateObject().Select(p => p.Name));
        var state = new OverlayedState(new InMemoryStateBackend());
        GenesisBuilder.BuildState(Rt, state, defaults);
        Assert.Equal(0UL, Rt.Balances.TotalIssuance.Get(state));
        Assert.Null(GenesisBuilder.PresetPatchJson("nope"));
    }
}
