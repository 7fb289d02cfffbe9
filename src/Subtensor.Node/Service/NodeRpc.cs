using System.Text.Json.Nodes;
using Subtensor.Rpc.JsonRpc;
using Subtensor.Rpc.Modules;

namespace Subtensor.Node.Service;

/// <summary>Registers the node's RPC methods.</summary>
internal static class NodeRpc
{
    public static void Register(RpcMethodRegistry registry, RpcServices services)
    {
        // Interim set until the full module set lands: enough for health checks and tests.
        registry.Add("rpc_methods", (_, _) => ValueTask.FromResult<JsonNode?>(new JsonObject
        {
            ["methods"] = new JsonArray(registry.Names(includeUnsafe: true).Select(n => (JsonNode?)JsonValue.Create(n)).ToArray()),
        }));
        registry.Add("system_health", (_, _) => ValueTask.FromResult<JsonNode?>(new JsonObject
        {
            ["peers"] = services.Node.PeerCount,
            ["isSyncing"] = services.Node.IsSyncing,
            ["shouldHavePeers"] = services.Node.ShouldHavePeers,
        }));
        registry.Add("chain_getBlockHash", (p, _) => ValueTask.FromResult<JsonNode?>(
            p.OptionalUInt(0, "number") is { } n
                ? services.Client.GetCanonicalHash((uint)n)?.ToString()
                : services.Client.Best.Hash.ToString()));
        InterimRpc.RegisterMissing(registry, services);
    }
}
