using System.Text.Json;
using System.Text.Json.Nodes;
using Subtensor.Core.Crypto;
using Subtensor.Core.Types;
using Subtensor.Rpc.JsonRpc;
using Subtensor.Runtime.Extrinsics;

namespace Subtensor.Rpc.Modules;

/// <summary>
/// <c>system_*</c> (sc-rpc <c>system</c>) and <c>system_accountNextIndex</c> / <c>account_nextIndex</c>
/// (substrate-frame-rpc-system): node identity, chain spec facts, health, peers and the next usable account nonce.
/// </summary>
public sealed class SystemRpc
{
    private readonly RpcServices _services;
    private readonly StateAccess _state;

    public SystemRpc(RpcServices services)
    {
        _services = services ?? throw new ArgumentNullException(nameof(services));
        _state = new StateAccess(services.Client);
    }

    public void Register(RpcMethodRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        var node = _services.Node;
        var spec = _services.Client.Spec;
        registry.Add("system_name", RpcJson.Sync(_ => node.ImplementationName));
        registry.Add("system_version", RpcJson.Sync(_ => node.ImplementationVersion));
        registry.Add("system_chain", RpcJson.Sync(_ => spec.Name));
        registry.Add("system_chainType", RpcJson.Sync(_ => ChainType(spec)));
        registry.Add("system_properties", RpcJson.Sync(_ => Properties(spec.PropertiesJson)));
        registry.Add("system_health", RpcJson.Sync(_ => new JsonObject
        {
            ["peers"] = node.PeerCount,
            ["isSyncing"] = node.IsSyncing,
            ["shouldHavePeers"] = node.ShouldHavePeers,
        }));
        registry.Add("system_localPeerId", RpcJson.Sync(_ => node.LocalPeerId));
        registry.Add("system_localListenAddresses", RpcJson.Sync(_ => new JsonArray(node.ListenAddresses.Select(a => (JsonNode?)JsonValue.Create(a)).ToArray())));
        registry.Add("system_peers", RpcJson.Sync(_ => node.Peers()), isUnsafe: true);
        registry.Add("system_nodeRoles", RpcJson.Sync(_ => new JsonArray(node.Roles.Select(r => (JsonNode?)JsonValue.Create(r)).ToArray())));
        registry.Add("system_syncState", RpcJson.Sync(_ =>
        {
            var (starting, current, highest) = node.SyncState;
            return new JsonObject { ["startingBlock"] = starting, ["currentBlock"] = current, ["highestBlock"] = highest ?? current };
        }));
        registry.Add("system_accountNextIndex", RpcJson.Sync(p => AccountNextIndex(ParseAccount(p, 0, "account"))), aliases: "account_nextIndex");
    }

    /// <summary>
    /// substrate-frame-rpc-system <c>nonce</c>: the runtime's <c>AccountNonceApi_account_nonce</c> at the best block,
    /// then one more for each ready pool transaction of the account that provides the next (account, nonce) tag.
    /// </summary>
    public uint AccountNextIndex(AccountId32 account)
    {
        var best = _services.Client.Best.Hash;
        var raw = _state.Call(best, "AccountNonceApi_account_nonce", account.ToArray());
        var nonce = Core.Scale.ScaleCodec.Decode(raw, (ref Core.Scale.ScaleReader r) => r.ReadU32());
        var provided = new HashSet<byte[]>(ByteArrayComparer.Instance);
        foreach (var tx in _services.Pool.ReadyTransactions())
        {
            if (tx.Validity.Provides.Count > 0)
            {
                provided.Add(tx.Validity.Provides[0]);
            }
        }

        while (nonce < uint.MaxValue && provided.Contains(SubtensorTransactionExtensions.NonceTag(account, nonce)))
        {
            nonce++;
        }

        return nonce;
    }

    /// <summary>An <c>AccountId32</c> parameter as serde reads it: an SS58 address.</summary>
    internal static AccountId32 ParseAccount(RpcParams p, int index, string name)
    {
        var text = p.RequiredString(index, name);
        try
        {
            var (publicKey, _) = Ss58.Decode(text);
            return publicKey.Length == AccountId32.Length
                ? new AccountId32(publicKey)
                : throw RpcException.InvalidParams($"parameter '{name}': an SS58 account id holds 32 bytes, got {publicKey.Length}");
        }
        catch (Ss58Exception e)
        {
            throw RpcException.InvalidParams($"parameter '{name}': {e.Message}");
        }
    }

    /// <summary>sc-chain-spec <c>ChainType</c> serde: a unit variant name, or <c>{"Custom": name}</c>.</summary>
    private static JsonNode ChainType(ChainSpec.ChainSpec spec) => spec.ChainType switch
    {
        Subtensor.ChainSpec.ChainType.Development => JsonValue.Create("Development"),
        Subtensor.ChainSpec.ChainType.Local => JsonValue.Create("Local"),
        Subtensor.ChainSpec.ChainType.Live => JsonValue.Create("Live"),
        _ => new JsonObject { ["Custom"] = spec.CustomChainType ?? "" },
    };

    /// <summary>The chain spec's <c>properties</c> object (empty when the spec has none).</summary>
    internal static JsonNode Properties(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return new JsonObject();
        }

        try
        {
            return JsonNode.Parse(json) ?? new JsonObject();
        }
        catch (JsonException)
        {
            return new JsonObject();
        }
    }
}
