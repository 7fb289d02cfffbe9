using System.Text.Json.Nodes;
using Subtensor.Core.Types;
using Subtensor.TestSupport;

namespace Subtensor.Rpc.Tests.Modules;

[Collection(RpcNodeCollection.Name)]
public sealed class SystemRpcTests(RpcTestNode node)
{
    /// <summary>Namespaces of finney's method list that this node does not serve (Frontier, archive, offchain, tracing, dry-run, log and peer admin).</summary>
    private static readonly string[] Deferred =
    [
        "eth_", "net_", "web3_", "debug_", "archive_unstable_", "offchain_", "state_traceBlock", "system_dryRun", "system_addLogFilter",
        "system_resetLogFilter", "system_addReservedPeer", "system_removeReservedPeer", "system_reservedPeers", "system_unstable_networkState",
        "delegateInfo_", "neuronInfo_", "subnetInfo_", "stakeInfo_", "swap_",
    ];

    [Fact]
    public async Task Rpc_methods_lists_finneys_substrate_methods_sorted()
    {
        var methods = (await node.Call("rpc_methods"))!["methods"]!.AsArray().Select(m => m!.GetValue<string>()).ToList();
        Assert.Equal(methods.Order(StringComparer.Ordinal), methods);
        using var finney = TestVectors.Json("subtensor_rpc_methods.json");
        var expected = finney.RootElement.GetProperty("methods").EnumerateArray().Select(m => m.GetString()!)
            .Where(m => !Deferred.Any(d => m.StartsWith(d, StringComparison.Ordinal)))
            .ToList();
        Assert.True(expected.Count > 70, $"only {expected.Count} expected methods");
        Assert.Empty(expected.Except(methods));
        Assert.Contains("rpc_methods", methods);

        // Unsafe methods are listed by a safe server too (Substrate refuses them at call time).
        var safe = (await node.Request("rpc_methods", safe: true))["result"]!["methods"]!.AsArray().Select(m => m!.GetValue<string>());
        Assert.Contains("author_insertKey", safe);
    }

    [Fact]
    public async Task System_identity_and_spec_facts()
    {
        Assert.Equal("Subtensor.NET", (await node.Call("system_name"))!.GetValue<string>());
        Assert.Equal("0.1.0-test", (await node.Call("system_version"))!.GetValue<string>());
        Assert.Equal(node.Chain.Client.Spec.Name, (await node.Call("system_chain"))!.GetValue<string>());
        Assert.Equal(node.Chain.Client.Spec.ChainType.ToString(), (await node.Call("system_chainType"))!.GetValue<string>());
        var properties = (await node.Call("system_properties"))!.AsObject();
        Assert.Equal(JsonNode.Parse(node.Chain.Client.Spec.PropertiesJson!)!.ToJsonString(), properties.ToJsonString());
        Assert.True(properties.ContainsKey("ss58Format"));

        var health = (await node.Call("system_health"))!.AsObject();
        Assert.Equal(["peers", "isSyncing", "shouldHavePeers"], health.Select(kv => kv.Key));
        Assert.Equal(1, health["peers"]!.GetValue<int>());
        Assert.False(health["isSyncing"]!.GetValue<bool>());

        Assert.Equal(node.Node.LocalPeerId, (await node.Call("system_localPeerId"))!.GetValue<string>());
        Assert.Equal(node.Node.ListenAddresses[0], (await node.Call("system_localListenAddresses"))![0]!.GetValue<string>());
        Assert.Equal("Authority", (await node.Call("system_nodeRoles"))![0]!.GetValue<string>());
        var sync = (await node.Call("system_syncState"))!.AsObject();
        Assert.Equal(0, sync["startingBlock"]!.GetValue<int>());
        Assert.Equal(5, sync["currentBlock"]!.GetValue<int>());
        Assert.Equal(5, sync["highestBlock"]!.GetValue<int>());
        Assert.Equal("12D3KooWPeer", (await node.Call("system_peers"))![0]!["peerId"]!.GetValue<string>());
    }

    [Fact]
    public async Task Account_next_index_counts_ready_pool_transactions()
    {
        var chain = node.Chain;
        var address = TestChain.Address("Charlie");
        var onChain = chain.Nonce("Charlie");
        Assert.Equal(onChain, (await node.Call("system_accountNextIndex", address))!.GetValue<uint>());

        chain.Pool.Submit(chain.Transfer("Charlie", "Dave", 1_000_000_000));
        chain.Pool.Submit(chain.Transfer("Charlie", "Dave", 1_000_000_000, nonce: onChain + 1));
        Assert.Equal(onChain + 2, (await node.Call("system_accountNextIndex", address))!.GetValue<uint>());
        Assert.Equal(onChain + 2, (await node.Call("account_nextIndex", address))!.GetValue<uint>());

        // A gap (nonce + 3 is future, not ready) is not counted.
        var future = chain.Pool.Submit(chain.Transfer("Charlie", "Dave", 1_000_000_000, nonce: onChain + 3));
        Assert.Equal(onChain + 2, (await node.Call("account_nextIndex", address))!.GetValue<uint>());
        chain.Pool.Remove([future]);

        chain.AuthorNext();
        Assert.Equal(onChain + 2, chain.Nonce("Charlie"));
        Assert.Equal(onChain + 2, (await node.Call("system_accountNextIndex", address))!.GetValue<uint>());

        var bad = await node.Error("system_accountNextIndex", "not-an-address");
        Assert.Equal(-32602, bad["code"]!.GetValue<int>());
    }
}
