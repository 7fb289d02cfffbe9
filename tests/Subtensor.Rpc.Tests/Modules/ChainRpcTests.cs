using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Subtensor.Core.Scale;
using Subtensor.Core.Types;
using Subtensor.TestSupport;

namespace Subtensor.Rpc.Tests.Modules;

[Collection(RpcNodeCollection.Name)]
public sealed class ChainRpcTests(RpcTestNode node)
{
    /// <summary>A header as recorded from finney (bittensor_recorded_rpc_sample.json), for the field layout.</summary>
    private static JsonObject RecordedHeader()
    {
        using var doc = TestVectors.Json("bittensor_recorded_rpc_sample.json");
        var headers = doc.RootElement.GetProperty("scenarios").GetProperty("get_block_hash").GetProperty("chain_getHeader");
        return JsonNode.Parse(headers.EnumerateObject().First().Value.GetProperty("result").GetRawText())!.AsObject();
    }

    /// <summary>Rebuilds the SCALE header from its JSON form, as a client does.</summary>
    private static Header FromJson(JsonNode json)
    {
        var logs = json["digest"]!["logs"]!.AsArray().Select(l => ScaleCodec.Decode(Hex.Parse(l!.GetValue<string>()), (ref ScaleReader r) => DigestItem.DecodeFrom(ref r)));
        return new Header(
            Hash256.Parse(json["parentHash"]!.GetValue<string>()),
            uint.Parse(json["number"]!.GetValue<string>()[2..], NumberStyles.HexNumber, CultureInfo.InvariantCulture),
            Hash256.Parse(json["stateRoot"]!.GetValue<string>()),
            Hash256.Parse(json["extrinsicsRoot"]!.GetValue<string>()),
            new Digest(logs));
    }

    [Fact]
    public async Task Headers_and_blocks_have_substrates_shape()
    {
        var chain = node.Chain;
        chain.Pool.Submit(chain.Transfer("Alice", "Eve", 2_000_000_000));
        var authored = chain.AuthorNext();

        var head = (await node.Call("chain_getHead"))!.GetValue<string>();
        Assert.Equal(chain.Client.Best.Hash.ToString(), head);
        var header = (await node.Call("chain_getHeader", head))!.AsObject();
        Assert.Equal(RecordedHeader().Select(kv => kv.Key).Order(), header.Select(kv => kv.Key).Order());
        Assert.Equal(["logs"], header["digest"]!.AsObject().Select(kv => kv.Key));
        Assert.Equal("0x" + authored.Number.ToString("x", CultureInfo.InvariantCulture), header["number"]!.GetValue<string>());
        Assert.Equal("0x0", (await node.Call("chain_getHeader", chain.Client.GenesisHash.ToString()))!["number"]!.GetValue<string>());
        Assert.Equal(authored.Hash, FromJson(header).Hash());
        Assert.Equal(header.ToJsonString(), (await node.Call("chain_getHeader", (JsonNode?)null))!.ToJsonString());
        Assert.Equal(header.ToJsonString(), (await node.Call("chain_getHeader"))!.ToJsonString());

        var block = (await node.Call("chain_getBlock", head))!.AsObject();
        Assert.Equal(["block", "justifications"], block.Select(kv => kv.Key));
        Assert.Null(block["justifications"]);
        Assert.Equal(header.ToJsonString(), block["block"]!["header"]!.ToJsonString());
        var extrinsics = block["block"]!["extrinsics"]!.AsArray().Select(x => Hex.Parse(x!.GetValue<string>())).ToList();
        Assert.Equal(chain.Client.GetBody(authored.Hash)!.Select(x => Hex.ToHex(x)), extrinsics.Select(x => Hex.ToHex(x)));
        Assert.Equal(2, extrinsics.Count);

        // Unknown blocks are null, not errors.
        var unknown = Hash256.Blake2([9, 9, 9]).ToString();
        Assert.Null(await node.Call("chain_getHeader", unknown));
        Assert.Null(await node.Call("chain_getBlock", unknown));
    }

    [Fact]
    public async Task Block_hash_accepts_numbers_hex_lists_and_nothing()
    {
        var chain = node.Chain;
        chain.AuthorNext();
        var genesis = chain.Client.GenesisHash.ToString();
        var one = chain.Client.GetCanonicalHash(1)!.Value.ToString();
        Assert.Equal(genesis, (await node.Call("chain_getBlockHash", 0))!.GetValue<string>());
        Assert.Equal(genesis, (await node.Call("chain_getBlockHash", "0x0"))!.GetValue<string>());
        Assert.Equal(one, (await node.Call("chain_getBlockHash", "0x01"))!.GetValue<string>());
        Assert.Equal(chain.Client.Best.Hash.ToString(), (await node.Call("chain_getBlockHash"))!.GetValue<string>());
        Assert.Equal(chain.Client.Best.Hash.ToString(), (await node.Call("chain_getBlockHash", (JsonNode?)null))!.GetValue<string>());
        var list = (await node.Call("chain_getBlockHash", new JsonArray(0, 1, 999_999)))!.AsArray();
        Assert.Equal(genesis, list[0]!.GetValue<string>());
        Assert.Equal(one, list[1]!.GetValue<string>());
        Assert.Null(list[2]);
        Assert.Null(await node.Call("chain_getBlockHash", 999_999));

        Assert.Equal(3001, (await node.Error("chain_getBlockHash", 5_000_000_000))["code"]!.GetValue<int>());
        Assert.Equal(-32602, (await node.Error("chain_getBlockHash", "12"))["code"]!.GetValue<int>());
        Assert.Equal(-32602, (await node.Error("chain_getBlockHash", true))["code"]!.GetValue<int>());
        Assert.Equal(-32602, (await node.Error("chain_getHeader", "0x1234"))["code"]!.GetValue<int>());
        Assert.Equal(-32602, (await node.Error("chain_getBlock", 7))["code"]!.GetValue<int>());
        Assert.Equal(-32601, (await node.Error("chain_getNothing"))["code"]!.GetValue<int>());

        var finalized = chain.Client.Finalized.Hash.ToString();
        Assert.Equal(finalized, (await node.Call("chain_getFinalizedHead"))!.GetValue<string>());
        Assert.Equal(finalized, (await node.Call("chain_getFinalisedHead"))!.GetValue<string>());
    }

    [Fact]
    public void Justifications_serialize_as_byte_arrays()
    {
        var w = new ScaleWriter();
        w.WriteCompact(1u).WriteBytes("FRNK"u8).WriteByteVec([1, 2, 255]);
        var json = Subtensor.Rpc.Modules.ChainRpc.Justifications(w.ToArray())!.ToJsonString();
        Assert.Equal("[[[70,82,78,75],[1,2,255]]]", json);
        Assert.Null(Subtensor.Rpc.Modules.ChainRpc.Justifications(null));
    }

    [Fact]
    public async Task Head_subscriptions_push_headers_in_order_and_stop_on_unsubscribe()
    {
        var chain = node.Chain;
        await using var ws = await WsClient.Connect(node.WsUri());
        var newHeads = await ws.Subscribe("chain_subscribeNewHeads");
        var alias = await ws.Subscribe("subscribe_newHead");
        var all = await ws.Subscribe("chain_subscribeAllHeads");
        var finalized = await ws.Subscribe("chain_subscribeFinalisedHeads");

        var start = chain.Client.Best.Number;
        var (method, first) = await ws.Next(newHeads);
        Assert.Equal("chain_newHead", method);
        Assert.Equal(start, FromJson(first!).Number);
        Assert.Equal("chain_newHead", (await ws.Next(alias)).Method);
        Assert.Equal("chain_allHead", (await ws.Next(all)).Method);
        var (finalMethod, initialFinal) = await ws.Next(finalized);
        Assert.Equal("chain_finalizedHead", finalMethod);
        Assert.Equal(chain.Client.Finalized.Number, FromJson(initialFinal!).Number);

        var a = chain.AuthorNext();
        var b = chain.AuthorNext();
        foreach (var sub in new[] { newHeads, alias, all, finalized })
        {
            var x = FromJson((await ws.NextWhere(sub, h => FromJson(h!).Number > start))!);
            var y = FromJson((await ws.Next(sub)).Result!);
            Assert.Equal(a.Hash, x.Hash());
            Assert.Equal(b.Hash, y.Hash());
        }

        Assert.True((await ws.Call("chain_unsubscribeNewHeads", newHeads))!.GetValue<bool>());
        Assert.True((await ws.Call("unsubscribe_newHead", alias))!.GetValue<bool>());
        Assert.True((await ws.Call("chain_unsubscribeFinalizedHeads", finalized))!.GetValue<bool>());
        Assert.False((await ws.Call("chain_unsubscribeNewHeads", newHeads))!.GetValue<bool>());
        chain.AuthorNext();
        Assert.NotNull((await ws.Next(all)).Result);
        Assert.False(await ws.HasNotification(newHeads, TimeSpan.FromMilliseconds(300)));
    }
}
