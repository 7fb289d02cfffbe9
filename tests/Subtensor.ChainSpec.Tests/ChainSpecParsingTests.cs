using Subtensor.Core.Types;

namespace Subtensor.ChainSpec.Tests;

public class ChainSpecParsingTests
{
    private const string Full = """
        {
          "name": "Bittensor", "id": "bittensor", "chainType": {"Custom": "Staging"},
          "bootNodes": ["/dns/boot.example/tcp/30333/p2p/12D3KooWPM4mLcKJGtyVtkggqdG84zWrd7Rij6PGQDoijh1X86Vr"],
          "telemetryEndpoints": [["wss://telemetry.example/submit/", 0]],
          "protocolId": "bittensor", "forkId": null,
          "properties": {"ss58Format": 42, "tokenDecimals": 9, "tokenSymbol": "TAO"},
          "forkBlocks": [[5, "0x1111111111111111111111111111111111111111111111111111111111111111"]],
          "badBlocks": ["0x2222222222222222222222222222222222222222222222222222222222222222"],
          "codeSubstitutes": {"2585476": "0x0061736d01000000"},
          "consensusEngine": null,
          "someExtension": {"anything": [1, 2]},
          "genesis": {"raw": {"top": {"0x01": "0x02", "0x": "0x"}, "childrenDefault": {"0xaa": {"0x05": "0x06"}}}}
        }
        """;

    [Fact]
    public void Reads_every_client_field()
    {
        var spec = SpecJson.Parse(Full);
        Assert.Equal("Bittensor", spec.Name);
        Assert.Equal("bittensor", spec.Id);
        Assert.Equal(ChainType.Custom, spec.ChainType);
        Assert.Equal("Staging", spec.CustomChainType);
        Assert.Single(spec.BootNodes);
        Assert.Equal(new TelemetryEndpoint("wss://telemetry.example/submit/", 0), Assert.Single(spec.TelemetryEndpoints!));
        Assert.Equal("bittensor", spec.ProtocolId);
        Assert.Null(spec.ForkId);
        Assert.Contains("\"ss58Format\": 42", spec.PropertiesJson, StringComparison.Ordinal);
        var fork = Assert.Single(spec.ForkBlocks!);
        Assert.Equal(5u, fork.Number);
        Assert.Equal(Hash256.Parse("0x" + new string('2', 64)), Assert.Single(spec.BadBlocks!));
        Assert.Equal(Hex.Parse("0x0061736d01000000"), spec.CodeSubstitutes[2585476]);
        Assert.Equal(GenesisFormat.Raw, spec.Genesis.Format);
        var raw = spec.Genesis.Raw!;
        Assert.Equal(2, raw.Top.Count);
        Assert.Equal(Array.Empty<byte>(), raw.Top[[]]);
        Assert.Equal(new byte[] { 6 }, raw.ChildrenDefault[[0xaa]][[5]]);
    }

    [Fact]
    public void Chain_type_defaults_to_live_and_reads_named_types()
    {
        Assert.Equal(ChainType.Live, SpecJson.Parse("""{"name":"a","id":"a","bootNodes":[],"genesis":{"raw":{"top":{},"childrenDefault":{}}}}""").ChainType);
        Assert.Equal(ChainType.Development, SpecJson.Parse("""{"name":"a","id":"a","chainType":"Development","bootNodes":[],"genesis":{"raw":{"top":{},"childrenDefault":{}}}}""").ChainType);
    }

    [Fact]
    public void Reads_runtime_genesis_and_state_root_hash_forms()
    {
        var runtime = SpecJson.Parse("""{"name":"a","id":"a","bootNodes":[],"genesis":{"runtimeGenesis":{"code":"0x0061","patch":{"balances":{}}}}}""");
        Assert.Equal(GenesisFormat.RuntimeGenesis, runtime.Genesis.Format);
        Assert.True(runtime.Genesis.IsPatch);
        Assert.Equal(new byte[] { 0, 0x61 }, runtime.Genesis.Code);
        Assert.True(runtime.Genesis.RuntimeGenesisConfig!.Value.TryGetProperty("balances", out _));
        var hashOnly = SpecJson.Parse("""{"name":"a","id":"a","bootNodes":[],"genesis":{"stateRootHash":"0x1234"}}""");
        Assert.Equal(GenesisFormat.StateRootHash, hashOnly.Genesis.Format);
    }

    [Theory]
    [InlineData("""{"name":"a","id":"a","bootNodes":[],"genesis":{"raw":{"top":{"0x0g":"0x00"},"childrenDefault":{}}}}""", "$.genesis.raw.top[\"0x0g\"]", "invalid hex")]
    [InlineData("""{"name":"a","id":"a","bootNodes":[],"genesis":{"raw":{"top":{"0x00":"0x123"},"childrenDefault":{}}}}""", "$.genesis.raw.top[\"0x00\"]", "odd number")]
    [InlineData("""{"name":"a","id":"a","bootNodes":[],"genesis":{"raw":{"top":{"0x00":"00"},"childrenDefault":{}}}}""", "$.genesis.raw.top[\"0x00\"]", "0x")]
    [InlineData("""{"name":"a","id":"a","bootNodes":[],"genesis":{"raw":{"top":{"0x00":5},"childrenDefault":{}}}}""", "$.genesis.raw.top[\"0x00\"]", "expected a 0x-prefixed hex string")]
    [InlineData("""{"name":"a","id":"a","bootNodes":[],"genesis":{"raw":{"top":{"0x00":"0x01","0x00":"0x02"},"childrenDefault":{}}}}""", "$.genesis.raw.top[\"0x00\"]", "duplicate key")]
    [InlineData("""{"name":"a","id":"a","bootNodes":[],"genesis":{"raw":{"top":{"0xAB":"0x01","0xab":"0x02"},"childrenDefault":{}}}}""", "$.genesis.raw.top[\"0xab\"]", "duplicate storage key")]
    [InlineData("""{"name":"a","name":"b","id":"a","bootNodes":[],"genesis":{"raw":{"top":{},"childrenDefault":{}}}}""", "$.name", "duplicate key")]
    [InlineData("""{"name":"a","id":"a","bootNodes":[],"properties":{"x":1,"x":2},"genesis":{"raw":{"top":{},"childrenDefault":{}}}}""", "$.properties.x", "duplicate key")]
    [InlineData("""{"name":"a","id":"a","bootNodes":[],"genesis":{"raw":{"top":{},"childrenDefault":{"0x01":{"0x02":"0x","0x02":"0x"}}}}}""", "$.genesis.raw.childrenDefault[\"0x01\"][\"0x02\"]", "duplicate key")]
    [InlineData("""{"name":"a","id":"a","bootNodes":[]}""", "$.genesis", "missing")]
    [InlineData("""{"id":"a","bootNodes":[],"genesis":{"raw":{"top":{},"childrenDefault":{}}}}""", "$.name", "missing")]
    [InlineData("""{"name":"a","id":"a","genesis":{"raw":{"top":{},"childrenDefault":{}}}}""", "$.bootNodes", "missing")]
    [InlineData("""{"name":"a","id":"a","bootNodes":[],"genesis":{"raw":{"top":{}}}}""", "$.genesis.raw.childrenDefault", "missing")]
    [InlineData("""{"name":"a","id":"a","bootNodes":[],"genesis":{"raw":{"top":{},"childrenDefault":{},"extra":1}}}""", "$.genesis.raw.extra", "unknown field")]
    [InlineData("""{"name":"a","id":"a","bootNodes":[],"genesis":{"raw":{"top":{},"childrenDefault":{}},"stateRootHash":"0x"}}""", "$.genesis", "exactly one")]
    [InlineData("""{"name":"a","id":"a","bootNodes":[],"genesis":{"plain":{}}}""", "$.genesis.plain", "unknown genesis form")]
    [InlineData("""{"name":"a","id":"a","chainType":"Mainnet","bootNodes":[],"genesis":{"raw":{"top":{},"childrenDefault":{}}}}""", "$.chainType", "unknown chain type")]
    [InlineData("""{"name":"a","id":"a","bootNodes":["not-a-multiaddr"],"genesis":{"raw":{"top":{},"childrenDefault":{}}}}""", "$.bootNodes[0]", "multiaddress")]
    [InlineData("""{"name":"a","id":"a","bootNodes":[],"badBlocks":["0x00"],"genesis":{"raw":{"top":{},"childrenDefault":{}}}}""", "$.badBlocks[0]", "32 bytes")]
    [InlineData("""{"name":"a","id":"a","bootNodes":[],"telemetryEndpoints":[["x", 300]],"genesis":{"raw":{"top":{},"childrenDefault":{}}}}""", "$.telemetryEndpoints[0]", "verbosity")]
    [InlineData("""{"name":"a","id":"a","bootNodes":[],"codeSubstitutes":{"abc":"0x00"},"genesis":{"raw":{"top":{},"childrenDefault":{}}}}""", "$.codeSubstitutes.abc", "block number")]
    [InlineData("""{"name":"a","id":"a","bootNodes":[],"genesis":{"runtimeGenesis":{"code":"0x00"}}}""", "$.genesis.runtimeGenesis", "missing patch or config")]
    [InlineData("""{"name":"a",}""", "$", "invalid JSON")]
    [InlineData("""[1,2]""", "$", "expected an object")]
    public void Malformed_specs_fail_with_the_json_path(string json, string path, string reason)
    {
        var e = Assert.Throws<ChainSpecException>(() => SpecJson.Parse(json));
        Assert.Equal(path, e.JsonPath);
        Assert.Contains(reason, e.Message, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void Missing_file_is_a_chain_spec_error()
    {
        var e = Assert.Throws<ChainSpecException>(() => ChainSpec.Load("/nonexistent/spec.json"));
        Assert.Contains("cannot read", e.Message, StringComparison.Ordinal);
    }
}
