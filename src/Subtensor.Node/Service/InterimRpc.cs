using System.Globalization;
using System.Text.Json.Nodes;
using Subtensor.Core.Scale;
using Subtensor.Core.Types;
using Subtensor.Rpc.JsonRpc;
using Subtensor.Rpc.Modules;
using Subtensor.TransactionPool;

namespace Subtensor.Node.Service;

/// <summary>
/// The few <c>system_*</c>, <c>chain_*</c> and <c>author_*</c> methods the multi-node tests and the devnet need, with Substrate's JSON,
/// registered only when the full RPC module set has not registered them already (it replaces all of these when it lands).
/// </summary>
internal static class InterimRpc
{
    public static void RegisterMissing(RpcMethodRegistry registry, RpcServices services)
    {
        var node = services.Node;
        var client = services.Client;
        Add(registry, "system_name", _ => node.ImplementationName);
        Add(registry, "system_version", _ => node.ImplementationVersion);
        Add(registry, "system_chain", _ => client.Spec.Name);
        Add(registry, "system_localPeerId", _ => node.LocalPeerId);
        Add(registry, "system_localListenAddresses", _ => new JsonArray([.. node.ListenAddresses.Select(a => (JsonNode?)JsonValue.Create(a))]));
        Add(registry, "system_nodeRoles", _ => new JsonArray([.. node.Roles.Select(r => (JsonNode?)JsonValue.Create(r))]));
        Add(registry, "system_peers", _ => node.Peers(), isUnsafe: true);
        Add(registry, "system_syncState", _ =>
        {
            var (starting, current, highest) = node.SyncState;
            return new JsonObject { ["startingBlock"] = starting, ["currentBlock"] = current, ["highestBlock"] = highest ?? current };
        });
        Add(registry, "chain_getFinalizedHead", _ => client.Finalized.Hash.ToString(), "chain_getFinalisedHead");
        Add(registry, "chain_getHeader", p =>
        {
            var hash = p.OptionalHash(0, "hash") ?? client.Best.Hash;
            return client.GetHeader(hash) is { } header ? HeaderJson(header) : null;
        });
        Add(registry, "chain_getBlock", p =>
        {
            var hash = p.OptionalHash(0, "hash") ?? client.Best.Hash;
            if (client.GetHeader(hash) is not { } header || client.GetBody(hash) is not { } body)
            {
                return null;
            }

            return new JsonObject
            {
                ["block"] = new JsonObject
                {
                    ["header"] = HeaderJson(header),
                    ["extrinsics"] = new JsonArray([.. body.Select(x => (JsonNode?)JsonValue.Create(Hex.ToHex(x)))]),
                },
                ["justifications"] = client.GetJustifications(hash) is { } j ? JustificationsJson(j) : null,
            };
        });
        Add(registry, "author_submitExtrinsic", p =>
        {
            var extrinsic = p.RequiredBytes(0, "extrinsic");
            Hash256 hash;
            try
            {
                hash = services.Pool.Submit(extrinsic, TransactionSource.External);
            }
            catch (TransactionPoolException e)
            {
                throw new RpcException((int)e.Kind, e.Message, e.Detail is null ? null : JsonValue.Create(e.Detail));
            }

            node.BroadcastTransaction(extrinsic);
            return hash.ToString();
        });
        Add(registry, "author_pendingExtrinsics", _ => new JsonArray([.. services.Pool.Pending().Select(t => (JsonNode?)JsonValue.Create(Hex.ToHex(t.Bytes)))]));
    }

    /// <summary>sp-runtime's header JSON: hex number, digest logs as SCALE hex.</summary>
    public static JsonObject HeaderJson(Header header) => new()
    {
        ["parentHash"] = header.ParentHash.ToString(),
        ["number"] = "0x" + header.Number.ToString("x", CultureInfo.InvariantCulture),
        ["stateRoot"] = header.StateRoot.ToString(),
        ["extrinsicsRoot"] = header.ExtrinsicsRoot.ToString(),
        ["digest"] = new JsonObject { ["logs"] = new JsonArray([.. header.Digest.Logs.Select(l => (JsonNode?)JsonValue.Create(Hex.ToHex(ScaleCodec.Encode(l))))]) },
    };

    private static JsonArray JustificationsJson(byte[] stored)
    {
        var reader = new ScaleReader(stored);
        var count = reader.ReadLength(5);
        var list = new JsonArray();
        for (var i = 0; i < count; i++)
        {
            var engine = reader.ReadBytes(4).ToArray();
            var data = reader.ReadByteVec();
            list.Add(new JsonArray(Hex.ToHex(engine), Hex.ToHex(data)));
        }

        return list;
    }

    private static void Add(RpcMethodRegistry registry, string name, Func<RpcParams, JsonNode?> handler, string? alias = null, bool isUnsafe = false)
    {
        if (registry.TryGet(name, out _))
        {
            return;
        }

        RpcHandler wrapped = (p, _) => ValueTask.FromResult(handler(p));
        if (alias is not null && !registry.TryGet(alias, out _))
        {
            registry.Add(name, wrapped, isUnsafe, alias);
        }
        else
        {
            registry.Add(name, wrapped, isUnsafe);
        }
    }
}
