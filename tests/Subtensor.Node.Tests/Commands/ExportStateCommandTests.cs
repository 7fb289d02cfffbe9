using System.Text;
using System.Text.Json;
using Subtensor.ChainSpec;
using Subtensor.Runtime.Genesis;

namespace Subtensor.Node.Tests.Commands;

[Collection("Console")]
public sealed class ExportStateCommandTests : IDisposable
{
    private readonly TempBasePath _dir = new();

    public void Dispose() => _dir.Dispose();

    private string Base()
    {
        var path = _dir.Sub("base");
        ChainTemplate.CopyTo(path);
        return path;
    }

    [Fact]
    public void Export_state_at_block_3_is_a_raw_spec_whose_genesis_state_root_is_block_3s()
    {
        var run = CliHarness.Run("export-state", "--chain", "dev", "--base-path", Base(), "3");
        CommandAssert.Success(run);
        var spec = ChainSpec.ChainSpec.Parse(Encoding.UTF8.GetBytes(run.Stdout));
        Assert.Equal(GenesisFormat.Raw, spec.Genesis.Format);
        Assert.Equal("bittensor", spec.Id);
        var genesis = GenesisBlockBuilder.Build(spec, runtimeGenesis: new SubtensorGenesisBuilder(TestChain.Runtime));
        Assert.Equal(ChainTemplate.Headers[3].StateRoot, genesis.StateRoot);
        Assert.NotEqual(ChainTemplate.Headers[2].StateRoot, genesis.StateRoot);

        using var json = JsonDocument.Parse(run.Stdout);
        var raw = json.RootElement.GetProperty("genesis").GetProperty("raw");
        Assert.Equal(JsonValueKind.Object, raw.GetProperty("childrenDefault").ValueKind);
        Assert.DoesNotContain(raw.GetProperty("top").EnumerateObject(), p => p.Name.StartsWith("0x3a6368696c645f73746f726167653a", StringComparison.Ordinal)); // ":child_storage:"
        Assert.Equal("Bittensor", json.RootElement.GetProperty("name").GetString());
    }

    [Fact]
    public void The_default_is_the_best_block_and_a_hash_names_a_block_too()
    {
        var basePath = Base();
        var best = CliHarness.Run("export-state", "--chain", "dev", "--base-path", basePath);
        var byHash = CliHarness.Run("export-state", "--chain", "dev", "--base-path", basePath, ChainTemplate.Hashes[^1].ToString());
        CommandAssert.Success(best);
        CommandAssert.Success(byHash);
        Assert.Equal(best.Stdout, byHash.Stdout);
        var spec = ChainSpec.ChainSpec.Parse(Encoding.UTF8.GetBytes(best.Stdout));
        Assert.Equal(ChainTemplate.Headers[^1].StateRoot, GenesisBlockBuilder.Build(spec).StateRoot);
    }

    [Fact]
    public void Unknown_blocks_and_bad_names_are_one_line_errors_with_nothing_on_stdout()
    {
        var basePath = Base();
        var unknown = CliHarness.Run("export-state", "--chain", "dev", "--base-path", basePath, "9");
        CommandAssert.OneLineError(unknown, "no block #9");
        Assert.Empty(unknown.Stdout);
        CommandAssert.OneLineError(CliHarness.Run("export-state", "--chain", "dev", "--base-path", basePath, "0x1234"), "invalid block hash");
        CommandAssert.OneLineError(CliHarness.Run("export-state", "--chain", "dev", "--base-path", basePath, "0x" + new string('a', 64)), "is not in the database");
        CommandAssert.OneLineError(CliHarness.Run("export-state", "--chain", "dev", "--base-path", basePath, "-3"), "");
    }
}
