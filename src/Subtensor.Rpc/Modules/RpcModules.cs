using System.Text.Json.Nodes;
using Subtensor.Rpc.JsonRpc;

namespace Subtensor.Rpc.Modules;

/// <summary>The node's RPC surface: every module registered on one registry, plus <c>rpc_methods</c>.</summary>
public static class RpcModules
{
    /// <summary>
    /// Registers system, chain, state, childstate, author, payment, chainSpec_v1, chainHead_v1, transaction_v1 and
    /// transactionWatch_v1, engine (with manual sealing), Subtensor's custom methods its runtime implements, and
    /// <c>rpc_methods</c>. <paramref name="denyUnsafe"/> must match the server's policy: it governs the one
    /// parameter-dependent check Substrate makes inside a safe method (a storage subscription without keys).
    /// </summary>
    public static void Register(RpcMethodRegistry registry, RpcServices services, bool denyUnsafe = false)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(services);
        new SystemRpc(services).Register(registry);
        new ChainRpc(services).Register(registry);
        new StateRpc(services, denyUnsafe).Register(registry);
        new ChildStateRpc(services).Register(registry);
        new AuthorRpc(services).Register(registry);
        new PaymentRpc(services).Register(registry);
        new ChainSpecV1Rpc(services).Register(registry);
        new ChainHeadV1Rpc(services).Register(registry);
        new TransactionV1Rpc(services).Register(registry);
        if (services.ManualSeal is not null)
        {
            new EngineRpc(services).Register(registry);
        }

        new SubtensorRpc(services).Register(registry);
        RegisterRpcMethods(registry);
    }

    /// <summary>
    /// <c>rpc_methods</c> → <c>{"methods": [...]}</c>: every registered name, sorted, unsafe ones included (Substrate
    /// registers them all and refuses unsafe calls at call time).
    /// </summary>
    public static void RegisterRpcMethods(RpcMethodRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        registry.Add("rpc_methods", RpcJson.Sync(_ => new JsonObject
        {
            ["methods"] = new JsonArray(registry.Names(includeUnsafe: true).Select(n => (JsonNode?)JsonValue.Create(n)).ToArray()),
        }));
    }
}
