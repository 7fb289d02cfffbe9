using System.Text.Json;
using Subtensor.ChainSpec.Wasm;
using Subtensor.Core.Types;
using Subtensor.Node.Commands;
using Subtensor.Trie;

namespace Subtensor.Node.Tests.Commands;

public sealed class ExportGenesisHeadCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("export-genesis-head-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string WriteSpec(string json)
    {
        var path = Path.Combine(_dir, Guid.NewGuid().ToString("n") + ".json");
        File.WriteAllText(path, json);
        return path;
    }

    private static string ValidSpec(byte systemVersion)
    {
        var code = MinimalRuntimeCode.Build(new RuntimeVersion
        {
            SpecName = "t",
            ImplName = "t",
            Apis = [RuntimeApi.Of("Core", 5)],
            SystemVersion = systemVersion,
        });
        return """{"name":"T","id":"t","bootNodes":[],"genesis":{"raw":{"top":{"0x3a636f6465":"CODE","0x0101":"VALUE"},"childrenDefault":{}}}}"""
            .Replace("CODE", Hex.ToHex(code), StringComparison.Ordinal)
            .Replace("VALUE", "0x" + new string('7', 80), StringComparison.Ordinal);
    }

    private static (int Code, string Out, string Err) Run(string? chain, bool json = false, string? stateVersion = null)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = ExportGenesisHeadCommand.Run(chain, json, stateVersion, output, error);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public void Prints_the_scale_genesis_header()
    {
        var (code, output, error) = Run(WriteSpec(ValidSpec(1)));
        Assert.Equal(0, code);
        Assert.Empty(error);
        var header = Hex.Parse(output.Trim());
        Assert.Equal(98, header.Length);
        Assert.All(header[..32], b => Assert.Equal(0, b));
        Assert.Equal(TrieConstants.EmptyRoot.ToArray(), header[65..97]);
    }

    [Fact]
    public void Json_output_is_consistent_with_the_header()
    {
        var (code, output, _) = Run(WriteSpec(ValidSpec(1)), json: true);
        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(output);
        var root = doc.RootElement;
        var header = Hex.Parse(root.GetProperty("header").GetString()!);
        Assert.Equal(Hash256.Blake2(header).ToString(), root.GetProperty("hash").GetString());
        Assert.Equal(0, root.GetProperty("number").GetInt32());
        Assert.Equal(Hex.ToHex(header.AsSpan(33, 32)), root.GetProperty("stateRoot").GetString());
        Assert.Equal(TrieConstants.EmptyRoot.ToString(), root.GetProperty("extrinsicsRoot").GetString());
    }

    [Fact]
    public void State_version_flag_overrides_the_runtime()
    {
        var path = WriteSpec(ValidSpec(1));
        var announced = Run(path).Out;
        Assert.Equal(announced, Run(path, stateVersion: "1").Out);
        Assert.NotEqual(announced, Run(path, stateVersion: "0").Out);
        Assert.Equal(Run(WriteSpec(ValidSpec(0))).Out.Length, announced.Length);
    }

    [Theory]
    [InlineData("""{"name":"T","id":"t","bootNodes":[],"genesis":{"raw":{"top":{"0x3a636f6465":"0xnothex"},"childrenDefault":{}}}}""", "$.genesis.raw.top[\"0x3a636f6465\"]")]
    [InlineData("""{"name":"T","id":"t","bootNodes":[]}""", "$.genesis")]
    [InlineData("""{"name":"T","id":"t","bootNodes":[],"genesis":{"raw":{"top":{"0x01":"0x"},"childrenDefault":{}}}}""", ":code")]
    [InlineData("not json", "invalid JSON")]
    public void Bad_input_prints_one_line_and_exits_1(string json, string expected)
    {
        var (code, output, error) = Run(WriteSpec(json));
        Assert.Equal(1, code);
        Assert.Empty(output);
        Assert.Single(error.TrimEnd().Split('\n'));
        Assert.StartsWith("error: ", error, StringComparison.Ordinal);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_arguments_and_bad_versions_are_one_line_errors()
    {
        Assert.Equal(1, Run(null).Code);
        Assert.Equal(1, Run(Path.Combine(_dir, "absent.json")).Code);
        var (code, _, error) = Run(WriteSpec(ValidSpec(1)), stateVersion: "2");
        Assert.Equal(1, code);
        Assert.Contains("--state-version", error, StringComparison.Ordinal);
    }
}
