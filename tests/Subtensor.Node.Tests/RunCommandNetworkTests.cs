using System.CommandLine;
using Subtensor.Node.Cli;
using Subtensor.Node.Service;
using Subtensor.Runtime;
using Subtensor.Runtime.Genesis;

namespace Subtensor.Node.Tests;

/// <summary>The run command's networking and finality flags: parsing, defaults, and one-line errors.</summary>
[Collection("Console")]
public sealed class RunCommandNetworkTests : IDisposable
{
    private const string AliceAddress = "/ip4/127.0.0.1/tcp/30333/p2p/12D3KooWEyoppNCUx8Yx66oV9fJnriXwCcXwDDUA2kj6vnc6iDEp";
    private readonly string _base = Directory.CreateTempSubdirectory("run-network-").FullName;

    public void Dispose() => Directory.Delete(_base, recursive: true);

    private NodeConfiguration Resolve(params string[] args)
    {
        var root = new RootCommand();
        var run = new RunCommand();
        run.AddTo(root);
        var parse = root.Parse([.. args, "--base-path", _base]);
        Assert.Empty(parse.Errors);
        return run.Resolve(parse);
    }

    [Fact]
    public void Defaults_listen_on_both_wildcards_of_port_30333_with_grandpa_on_non_dev_chains()
    {
        var config = Resolve("--chain", "local");
        Assert.Equal(30333, config.Network.Port);
        Assert.True(config.Network.PortIsDefault);
        Assert.Equal(["/ip4/0.0.0.0/tcp/30333", "/ip6/::/tcp/30333"], config.Network.EffectiveListenAddresses(config.Network.Port).Select(a => a.ToString()));
        Assert.True(config.GrandpaEnabled);
        Assert.False(config.IsDev);
        Assert.Equal(32, config.Network.InPeers);
        Assert.Equal(8, config.Network.OutPeers);
    }

    [Fact]
    public void Dev_has_instant_finality_no_grandpa_and_may_fall_back_from_a_busy_default_port()
    {
        var config = Resolve("--dev");
        Assert.False(config.GrandpaEnabled);
        Assert.True(config.InstantFinality);
        Assert.True(config.Network.AllowPortFallback);
        Assert.Empty(config.Network.Bootnodes);
    }

    [Fact]
    public void Peers_addresses_slots_and_node_key_are_taken_from_the_flags()
    {
        var config = Resolve(
            "--chain", "local", "--port", "40000", "--bootnodes", AliceAddress, "--reserved-nodes", AliceAddress, "--reserved-only",
            "--in-peers", "3", "--out-peers", "2", "--public-addr", "/ip4/1.2.3.4/tcp/40000", "--listen-addr", "/ip4/127.0.0.1/tcp/0",
            "--node-key", new string('0', 63) + "1");
        Assert.Equal(40000, config.Network.Port);
        Assert.False(config.Network.PortIsDefault);
        Assert.Equal([AliceAddress], config.Network.Bootnodes.Select(a => a.ToString()));
        Assert.Equal([AliceAddress], config.Network.ReservedNodes.Select(a => a.ToString()));
        Assert.True(config.Network.ReservedOnly);
        Assert.Equal((3, 2), (config.Network.InPeers, config.Network.OutPeers));
        Assert.Equal(["/ip4/1.2.3.4/tcp/40000"], config.Network.PublicAddresses.Select(a => a.ToString()));
        Assert.Equal(["/ip4/127.0.0.1/tcp/0"], config.Network.EffectiveListenAddresses(40000).Select(a => a.ToString()));
        Assert.Equal(new string('0', 63) + "1", config.Network.NodeKeyHex);
    }

    [Fact]
    public void Local_fast_runs_250_ms_slots_and_local_keeps_12_s()
    {
        var fast = Resolve("--chain", "local-fast").Spec;
        var local = Resolve("--chain", "local").Spec;
        Assert.True(FastBlocks.IsEnabled(fast));
        Assert.False(FastBlocks.IsEnabled(local));
        Assert.Equal(250ul, 2 * FastBlocks.CreateRuntime(fast).Timestamp.MinimumPeriodMs);
        Assert.Equal(12_000ul, 2 * FastBlocks.CreateRuntime(local).Timestamp.MinimumPeriodMs);
        Assert.NotEqual(local.Id, fast.Id);

        // The genesis :code (whose AuraApi_slot_duration entry point smoldot reads) comes from the runtime the chain runs, so the
        // node and anything building local-fast blocks in-process (PrebuiltChain) agree on the genesis hash.
        Assert.Equal(SubtensorChainSpecs.Code(FastBlocks.CreateRuntime(fast)), fast.Genesis.Code);
        Assert.Equal(SubtensorChainSpecs.Code(new SubtensorRuntime()), local.Genesis.Code);
        Assert.NotEqual(local.Genesis.Code, fast.Genesis.Code);
    }

    [Theory]
    [InlineData("--bootnodes", "/ip4/127.0.0.1/tcp/30333", "must end in /p2p/")]
    [InlineData("--bootnodes", "not-an-address", "not a multiaddr")]
    [InlineData("--reserved-nodes", "/ip4/127.0.0.1/tcp/1", "must end in /p2p/")]
    [InlineData("--listen-addr", "/dns/localhost/tcp/1", "expected /ip4/")]
    [InlineData("--node-key", "xyz", "invalid --node-key")]
    [InlineData("--sync", "warp", "not supported yet")]
    [InlineData("--sync", "turbo", "invalid --sync")]
    [InlineData("--port", "70000", "invalid --port")]
    public void Bad_network_flags_are_one_line_errors(string flag, string value, string expected)
    {
        var (code, _, stderr) = CliHarness.Run("--chain", "local", "--base-path", _base, flag, value);
        Assert.Equal(1, code);
        Assert.Contains(expected, stderr, StringComparison.Ordinal);
        Assert.Single(stderr.Trim().Split('\n'));
    }
}
