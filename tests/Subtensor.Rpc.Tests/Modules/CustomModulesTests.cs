using System.Text.Json.Nodes;
using Subtensor.Core.Scale;
using Subtensor.Core.Types;
using Subtensor.Rpc.JsonRpc;
using Subtensor.Rpc.Modules;
using Subtensor.Rpc.Server;

namespace Subtensor.Rpc.Tests.Modules;

public sealed class CustomModulesTests
{
    private sealed class FakeSeal(TestChain chain) : IManualSeal
    {
        public List<(bool Empty, bool Finalize, Hash256? Parent)> Created { get; } = [];

        public Hash256 CreateBlock(bool createEmpty, bool finalize, Hash256? parentHash)
        {
            Created.Add((createEmpty, finalize, parentHash));
            return chain.AuthorNext().Hash;
        }

        public bool FinalizeBlock(Hash256 hash)
        {
            chain.Client.Finalize(hash);
            return true;
        }
    }

    private static async Task<JsonObject> Post(RpcServer server, string method, params JsonNode?[] parameters)
    {
        using var http = new HttpClient();
        var body = new JsonObject { ["jsonrpc"] = "2.0", ["id"] = 1, ["method"] = method, ["params"] = new JsonArray(parameters) }.ToJsonString();
        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        using var response = await http.PostAsync(new Uri($"http://127.0.0.1:{server.LocalEndPoint!.Port}/"), content);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }

    [Fact]
    public async Task Subtensor_methods_wrap_their_runtime_api_and_return_raw_scale()
    {
        var calls = new List<(Hash256? At, string Method, byte[] Args)>();
        var implemented = new HashSet<string> { "NeuronInfoRuntimeApi_get_neuron_lite", "SubnetInfoRuntimeApi_get_selective_metagraph",
            "SubnetRegistrationRuntimeApi_get_network_registration_cost", "StakeInfoRuntimeApi_get_coldkey_lock", "SwapRuntimeApi_current_alpha_price_all",
            "SubnetInfoRuntimeApi_get_subnet_to_prune", "DelegateInfoRuntimeApi_get_delegate" };
        var rpc = new SubtensorRpc((at, method, args) =>
        {
            calls.Add((at, method, args));
            return method switch
            {
                "SubnetRegistrationRuntimeApi_get_network_registration_cost" => BitConverter.GetBytes(1_234_567_890UL),
                "SwapRuntimeApi_current_alpha_price_all" => new ScaleWriter().WriteCompact(1u).WriteU16(3).WriteU64(42).ToArray(),
                "SubnetInfoRuntimeApi_get_subnet_to_prune" => [1, 7, 0],
                "StakeInfoRuntimeApi_get_coldkey_lock" => throw new RpcException(4003, "Client error: Execution failed: boom"),
                _ => [1, 2, 3, 250],
            };
        }, implemented.Contains);
        var registry = new RpcMethodRegistry();
        var registered = rpc.Register(registry);
        Assert.Equal(7, registered.Count);
        Assert.False(registry.TryGet("neuronInfo_getNeurons", out _));
        await using var server = new RpcServer(registry, new RpcServerOptions { Port = 0 });
        await server.StartAsync();

        var at = Hash256.Blake2([1]).ToString();
        var neuron = await Post(server, "neuronInfo_getNeuronLite", 3, 258, at);
        Assert.Equal("[1,2,3,250]", neuron["result"]!.ToJsonString());
        Assert.Equal("NeuronInfoRuntimeApi_get_neuron_lite", calls[^1].Method);
        Assert.Equal(new byte[] { 3, 0, 2, 1 }, calls[^1].Args);
        Assert.Equal(at, calls[^1].At.ToString());

        await Post(server, "subnetInfo_getSelectiveMetagraph", 1, new JsonArray(0, 5));
        Assert.Equal(new byte[] { 1, 0, 8, 0, 0, 5, 0 }, calls[^1].Args);
        Assert.Null(calls[^1].At);

        Assert.Equal(1_234_567_890UL, (await Post(server, "subnetInfo_getLockCost"))["result"]!.GetValue<ulong>());
        Assert.Equal("[{\"netuid\":3,\"price\":42}]", (await Post(server, "swap_currentAlphaPriceAll"))["result"]!.ToJsonString());
        Assert.Equal(7, (await Post(server, "subnetInfo_getSubnetToPrune"))["result"]!.GetValue<int>());

        var account = Enumerable.Range(0, 32).Select(i => (JsonNode?)JsonValue.Create(i)).ToArray();
        await Post(server, "delegateInfo_getDelegate", new JsonArray(account));
        Assert.Equal(Enumerable.Range(0, 32).Select(i => (byte)i), calls[^1].Args);

        var failed = await Post(server, "stakeInfo_getColdkeyLock", TestChain.Address("Alice"), 1);
        Assert.Equal(1, failed["error"]!["code"]!.GetValue<int>());
        Assert.StartsWith("Unable to get coldkey lock", failed["error"]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(TestChain.Account("Alice").ToArray(), calls[^1].Args[..32]);
        Assert.Equal(-32602, (await Post(server, "neuronInfo_getNeuronLite", 70_000, 1))["error"]!["code"]!.GetValue<int>());

        // The native runtime has Subtensor's info, registration and swap APIs (not yet the stake-lock ones): every
        // wrapper whose API exists is registered and answers from the chain.
        using var chain = new TestChain();
        var real = new RpcMethodRegistry();
        var names = new SubtensorRpc(new RpcServices(chain.Client, chain.Pool, chain.Keystore, new FakeNodeInfo())).Register(real);
        Assert.Equal(SubtensorRpc.Methods.Count - 1, names.Count);
        Assert.DoesNotContain("stakeInfo_getColdkeyLock", names);
        Assert.Contains("subnetInfo_getDynamicInfo", names);
        Assert.Contains("neuronInfo_getNeuronsLite", names);
        Assert.Contains("swap_currentAlphaPrice", names);
        await using var realServer = new RpcServer(real, new RpcServerOptions { Port = 0 });
        await realServer.StartAsync();
        var dynamic = (await Post(realServer, "subnetInfo_getDynamicInfo", 1))["result"]!.AsArray().Select(n => n!.GetValue<byte>()).ToArray();
        Assert.Equal(new byte[] { 1, 4 }, dynamic[..2]); // Some, Compact netuid 1
        Assert.Equal(TestChain.Account("Alice").ToArray(), dynamic[2..34]); // owner hotkey
    }

    [Fact]
    public async Task Engine_methods_drive_manual_sealing()
    {
        using var chain = new TestChain(finalizeEveryBlock: false);
        var seal = new FakeSeal(chain);
        var registry = new RpcMethodRegistry();
        RpcModules.Register(registry, new RpcServices(chain.Client, chain.Pool, chain.Keystore, new FakeNodeInfo(), seal));
        await using var server = new RpcServer(registry, new RpcServerOptions { Port = 0 });
        await server.StartAsync();

        var created = (await Post(server, "engine_createBlock", true, false, (JsonNode?)null))["result"]!.AsObject();
        Assert.Equal(chain.Client.Best.Hash.ToString(), created["hash"]!.GetValue<string>());
        Assert.True(created["aux"]!["is_new_best"]!.GetValue<bool>());
        Assert.Equal((true, false, (Hash256?)null), seal.Created[0]);

        Assert.True((await Post(server, "engine_finalizeBlock", created["hash"]!.GetValue<string>()))["result"]!.GetValue<bool>());
        Assert.Equal(chain.Client.Best.Hash, chain.Client.Finalized.Hash);

        var unknownParent = await Post(server, "engine_createBlock", true, true, Hash256.Blake2([3]).ToString());
        Assert.Equal(13_000, unknownParent["error"]!["code"]!.GetValue<int>());
        Assert.Equal(-32602, (await Post(server, "engine_createBlock", "yes", false))["error"]!["code"]!.GetValue<int>());

        var plain = new RpcMethodRegistry();
        RpcModules.Register(plain, new RpcServices(chain.Client, chain.Pool, chain.Keystore, new FakeNodeInfo()));
        Assert.False(plain.TryGet("engine_createBlock", out _));
    }
}
