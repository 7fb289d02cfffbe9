using System.Globalization;
using System.Numerics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Serilog;
using Subtensor.Client.Blockchain;
using Subtensor.Core.Scale;
using Subtensor.Core.Types;
using Subtensor.Rpc.JsonRpc;

namespace Subtensor.Rpc.Modules;

/// <summary>
/// <c>chain_*</c> (sc-rpc <c>chain</c>): headers, blocks, canonical hashes, the finalized head, and the new/all/finalized
/// head subscriptions with Substrate's aliases. Unknown blocks answer null, as Substrate does.
/// </summary>
public sealed class ChainRpc
{
    private static readonly ILogger Log = Serilog.Log.ForContext<ChainRpc>();
    private readonly ChainClient _client;

    public ChainRpc(RpcServices services)
    {
        ArgumentNullException.ThrowIfNull(services);
        _client = services.Client;
    }

    public void Register(RpcMethodRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        registry.Add("chain_getHeader", RpcJson.Sync(p => GetHeader(p.OptionalHash(0, "hash"))));
        registry.Add("chain_getBlock", RpcJson.Sync(p => GetBlock(p.OptionalHash(0, "hash"))));
        registry.Add("chain_getBlockHash", RpcJson.Sync(p => GetBlockHash(p.Raw(0, "hash"))), aliases: "chain_getHead");
        registry.Add("chain_getFinalizedHead", RpcJson.Sync(_ => RpcJson.Hash(_client.Finalized.Hash)), aliases: "chain_getFinalisedHead");

        registry.AddSubscription("chain_subscribeAllHeads", "chain_unsubscribeAllHeads", "chain_allHead",
            (_, sink, _) => ValueTask.FromResult(SubscribeHeads(sink, bestOnly: false)));
        registry.AddSubscription("chain_subscribeNewHeads", "chain_unsubscribeNewHeads", "chain_newHead",
            (_, sink, _) => ValueTask.FromResult(SubscribeHeads(sink, bestOnly: true)),
            subscribeAliases: ["subscribe_newHead", "chain_subscribeNewHead"],
            unsubscribeAliases: ["unsubscribe_newHead", "chain_unsubscribeNewHead"]);
        registry.AddSubscription("chain_subscribeFinalizedHeads", "chain_unsubscribeFinalizedHeads", "chain_finalizedHead",
            (_, sink, _) => ValueTask.FromResult(SubscribeFinalized(sink)),
            subscribeAliases: ["chain_subscribeFinalisedHeads"],
            unsubscribeAliases: ["chain_unsubscribeFinalisedHeads"]);
    }

    private JsonNode? GetHeader(Hash256? hash)
    {
        var header = _client.GetHeader(hash ?? _client.Best.Hash);
        return header is null ? null : RpcJson.Header(header);
    }

    /// <summary>sp-runtime <c>SignedBlock</c>: <c>{block:{header, extrinsics}, justifications}</c>; null without the body.</summary>
    private JsonNode? GetBlock(Hash256? hash)
    {
        var at = hash ?? _client.Best.Hash;
        var header = _client.GetHeader(at);
        var body = header is null ? null : _client.GetBody(at);
        if (header is null || body is null)
        {
            return null;
        }

        return new JsonObject
        {
            ["block"] = new JsonObject { ["header"] = RpcJson.Header(header), ["extrinsics"] = RpcJson.HexArray(body) },
            ["justifications"] = Justifications(_client.GetJustifications(at)),
        };
    }

    /// <summary>
    /// <c>Justifications</c> serde: <c>[[engineId, data]]</c> where both are plain byte vectors (arrays of numbers);
    /// the stored form is SCALE <c>Vec&lt;([u8; 4], Vec&lt;u8&gt;)&gt;</c>.
    /// </summary>
    internal static JsonNode? Justifications(byte[]? stored)
    {
        if (stored is null)
        {
            return null;
        }

        try
        {
            var list = ScaleCodec.Decode(stored, (ref ScaleReader r) => r.ReadVec((ref ScaleReader x) => (x.ReadFixed(4), x.ReadByteVec()), 5));
            var array = new JsonArray();
            foreach (var (engine, data) in list)
            {
                array.Add(new JsonArray(RpcJson.ByteArray(engine), RpcJson.ByteArray(data)));
            }

            return array;
        }
        catch (ScaleDecodeException e)
        {
            Log.Warning("Stored justifications do not decode: {Reason}", e.Message);
            return null;
        }
    }

    /// <summary><c>ListOrValue&lt;NumberOrHex&gt;</c>: nothing → best hash; a number or hex → its canonical hash or null; a list → a list.</summary>
    private JsonNode? GetBlockHash(JsonNode? param)
    {
        if (param is null)
        {
            return RpcJson.Hash(_client.Best.Hash);
        }

        if (param is JsonArray list)
        {
            var result = new JsonArray();
            foreach (var item in list)
            {
                result.Add(CanonicalHash(item));
            }

            return result;
        }

        return CanonicalHash(param);
    }

    private JsonValue? CanonicalHash(JsonNode? item)
    {
        var number = NumberOrHex(item);
        if (number > uint.MaxValue)
        {
            throw new RpcException(RpcErrorCodes.ChainBase + 1, $"`{number}` > u32::MAX, the max block number is u32.");
        }

        return _client.GetCanonicalHash((uint)number) is { } hash ? RpcJson.Hash(hash) : null;
    }

    /// <summary>sp-rpc <c>NumberOrHex</c>: a JSON unsigned integer (u64) or a 0x-prefixed hex string (U256).</summary>
    internal static BigInteger NumberOrHex(JsonNode? item)
    {
        switch (item?.GetValueKind())
        {
            case JsonValueKind.Number when item.AsValue().TryGetValue<ulong>(out var n):
                return n;
            case JsonValueKind.String:
            {
                var s = item.GetValue<string>();
                if (s.StartsWith("0x", StringComparison.Ordinal) && s.Length is > 2 and <= 66 &&
                    BigInteger.TryParse("0" + s[2..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var h))
                {
                    return h;
                }

                break;
            }
        }

        throw RpcException.InvalidParams("invalid type: expected a block number or a 0x-prefixed hex number");
    }

    /// <summary>Heads in import order (all or new best), starting with the current best header.</summary>
    private IDisposable SubscribeHeads(IRpcSubscriptionSink sink, bool bestOnly)
    {
        var pump = new EventPump<Header>(sink, (header, _) => ValueTask.FromResult(sink.TrySend(RpcJson.Header(header))));
        Action<BlockImportedEvent> onImported = e =>
        {
            if (!bestOnly || e.IsNewBest)
            {
                pump.Post(e.Header);
            }
        };
        _client.BlockImported += onImported;
        pump.OnDispose(() => _client.BlockImported -= onImported);

        // Events hooked first: a block imported meanwhile may be sent twice, never skipped (as Substrate notes).
        pump.Post(_client.BestHeader);
        return pump;
    }

    /// <summary>Finalized heads: the current one, then the new head of each finality notification.</summary>
    private IDisposable SubscribeFinalized(IRpcSubscriptionSink sink)
    {
        // Handled on the pump's single task only.
        long sent = -1;
        var pump = new EventPump<Storage.Chain.BlockRef>(sink, (block, _) =>
        {
            if (block.Number <= sent || _client.GetHeader(block.Hash) is not { } header)
            {
                return ValueTask.FromResult(true);
            }

            sent = block.Number;
            return ValueTask.FromResult(sink.TrySend(RpcJson.Header(header)));
        });
        Action<FinalizedEvent> onFinalized = e => pump.Post(e.Blocks[^1]);
        _client.BlocksFinalized += onFinalized;
        pump.OnDispose(() => _client.BlocksFinalized -= onFinalized);
        pump.Post(_client.Finalized);
        return pump;
    }
}
