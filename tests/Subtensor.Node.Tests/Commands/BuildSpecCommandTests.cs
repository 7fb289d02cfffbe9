using System.Text;
using System.Text.Json;
using Subtensor.ChainSpec;
using Subtensor.Network.Identity;
using Subtensor.Runtime.Genesis;
using Subtensor.TestSupport;

namespace Subtensor.Node.Tests.Commands;

[Collection("Console")]
public sealed class BuildSpecCommandTests : IDisposable
{
    private readonly TempBasePath _dir = new();

    public void Dispose() => _dir.Dispose();

    private static string Committed(string name) => File.ReadAllText(Path.Combine(TestVectors.RepositoryRoot, "chainspec", name));

    [Theory]
    [InlineData("dev")]
    [InlineData("local")]
    [InlineData("testnet")]
    public void The_committed_chainspec_files_are_what_build_spec_prints(string chain)
    {
        var plain = CliHarness.Run("build-spec", "--chain", chain, "--disable-default-bootnode");
        CommandAssert.Success(plain);
        Assert.Equal(Committed($"plain_spec_{chain}.json"), plain.Stdout);

        var raw = CliHarness.Run("build-spec", "--chain", chain, "--disable-default-bootnode", "--raw");
        CommandAssert.Success(raw);
        Assert.Equal(Committed($"raw_spec_{chain}.json"), raw.Stdout);
    }

    [Fact]
    public void Plain_to_raw_round_trips_through_files()
    {
        var plainFile = _dir.Sub("plain.json");
        File.WriteAllText(plainFile, CliHarness.Run("build-spec", "--dev", "--disable-default-bootnode").Stdout);
        var raw = CliHarness.Run("build-spec", "--chain", plainFile, "--raw", "--disable-default-bootnode");
        CommandAssert.Success(raw);
        Assert.Equal(Committed("raw_spec_dev.json"), raw.Stdout);

        var rawFile = Path.Combine(TestVectors.RepositoryRoot, "chainspec", "raw_spec_local.json");
        var again = CliHarness.Run("build-spec", "--chain", rawFile, "--raw", "--disable-default-bootnode");
        CommandAssert.Success(again);
        Assert.Equal(Committed("raw_spec_local.json"), again.Stdout);
        var a = GenesisBlockBuilder.Build(ChainSpec.ChainSpec.Parse(Encoding.UTF8.GetBytes(again.Stdout)));
        var b = GenesisBlockBuilder.Build(ChainSpec.ChainSpec.Load(rawFile));
        Assert.Equal(b.Hash, a.Hash);
    }

    [Fact]
    public void Without_boot_nodes_the_local_node_is_added_unless_disabled()
    {
        const string secret = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";
        var run = CliHarness.Run("build-spec", "--chain", "local", "--node-key", secret);
        CommandAssert.Success(run);
        using var json = JsonDocument.Parse(run.Stdout);
        var bootNodes = json.RootElement.GetProperty("bootNodes").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Equal([$"/ip4/127.0.0.1/tcp/30333/p2p/{NodeKey.ParseHex(secret).PeerId}"], bootNodes);

        // the key of the base path is used (never created)
        var basePath = _dir.Sub("base");
        var keyFile = Path.Combine(basePath, "chains", "bittensor", "network", NodeKey.SecretFileName);
        Directory.CreateDirectory(Path.GetDirectoryName(keyFile)!);
        File.WriteAllText(keyFile, secret);
        var fromBase = CliHarness.Run("build-spec", "--chain", "local", "--base-path", basePath);
        Assert.Contains(NodeKey.ParseHex(secret).PeerId.ToString(), fromBase.Stdout, StringComparison.Ordinal);

        var testnet = CliHarness.Run("build-spec", "--chain", "testnet", "--node-key", secret);
        Assert.DoesNotContain("/ip4/127.0.0.1", testnet.Stdout, StringComparison.Ordinal);
        Assert.Contains("bootnode.test.chain.opentensor.ai", testnet.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_chains_and_keys_are_one_line_errors()
    {
        CommandAssert.OneLineError(CliHarness.Run("build-spec"), "no chain given");
        CommandAssert.OneLineError(CliHarness.Run("build-spec", "--chain", "mainnet"), "neither a built-in chain");
        var bad = _dir.Sub("bad.json");
        File.WriteAllText(bad, "{\"name\": 1}");
        CommandAssert.OneLineError(CliHarness.Run("build-spec", "--chain", bad), "invalid chain spec");
        CommandAssert.OneLineError(CliHarness.Run("build-spec", "--dev", "--node-key", "abc"), "invalid node key");
        CommandAssert.OneLineError(CliHarness.Run("build-spec", "--dev", "--raw", "--bogus"), "--bogus");
    }
}
