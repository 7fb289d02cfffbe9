using System.Text.Json.Nodes;
using Subtensor.Core.Scale;
using Subtensor.Core.Types;

namespace Subtensor.Rpc.Tests.Modules;

[Collection(RpcNodeCollection.Name)]
public sealed class ChainHeadV1RpcTests(RpcTestNode node)
{
    private const string SystemNumber = "0x26aa394eea5630e07c48ae0c9558cef702a5c1b19ab7a04f536c519aca4983ac";
    private const string SystemAccountPrefix = "0x26aa394eea5630e07c48ae0c9558cef7b99d880ec681799c0cf30e8886371da9";

    private static string Event(JsonNode? e) => e!["event"]!.GetValue<string>();

    [Fact]
    public async Task Chain_spec_v1_methods()
    {
        var client = node.Chain.Client;
        Assert.Equal(client.Spec.Name, (await node.Call("chainSpec_v1_chainName"))!.GetValue<string>());
        Assert.Equal(client.GenesisHash.ToString(), (await node.Call("chainSpec_v1_genesisHash"))!.GetValue<string>());
        Assert.Equal((await node.Call("system_properties"))!.ToJsonString(), (await node.Call("chainSpec_v1_properties"))!.ToJsonString());
    }

    [Fact]
    public async Task Follow_reports_initialized_new_blocks_best_and_finalized()
    {
        var chain = node.Chain;
        await using var ws = await WsClient.Connect(node.WsUri());
        var finalizedBefore = chain.Client.Finalized.Hash.ToString();
        var sub = await ws.Subscribe("chainHead_v1_follow", true);

        var (method, initialized) = await ws.Next(sub);
        Assert.Equal("chainHead_v1_followEvent", method);
        Assert.Equal("initialized", Event(initialized));
        Assert.Equal(finalizedBefore, initialized!["finalizedBlockHashes"]![0]!.GetValue<string>());
        var runtime = initialized["finalizedBlockRuntime"]!;
        Assert.Equal("valid", runtime["type"]!.GetValue<string>());
        Assert.Equal(TestChain.Runtime.Version.SpecVersion, runtime["spec"]!["specVersion"]!.GetValue<uint>());
        Assert.Equal(5, runtime["spec"]!["apis"]!["0xdf6acb689907609b"]!.GetValue<int>());
        var best = (await ws.Next(sub)).Result;
        Assert.Equal("bestBlockChanged", Event(best));
        Assert.Equal(finalizedBefore, best!["bestBlockHash"]!.GetValue<string>());

        var block = chain.AuthorNext();
        var newBlock = (await ws.Next(sub)).Result!;
        Assert.Equal("newBlock", Event(newBlock));
        Assert.Equal(block.Hash.ToString(), newBlock["blockHash"]!.GetValue<string>());
        Assert.Equal(finalizedBefore, newBlock["parentBlockHash"]!.GetValue<string>());
        Assert.True(newBlock.AsObject().ContainsKey("newRuntime"));
        Assert.Null(newBlock["newRuntime"]);
        var changed = (await ws.Next(sub)).Result!;
        Assert.Equal("bestBlockChanged", Event(changed));
        Assert.Equal(block.Hash.ToString(), changed["bestBlockHash"]!.GetValue<string>());
        var finalized = (await ws.Next(sub)).Result!;
        Assert.Equal("finalized", Event(finalized));
        Assert.Equal([block.Hash.ToString()], finalized["finalizedBlockHashes"]!.AsArray().Select(h => h!.GetValue<string>()));
        Assert.Empty(finalized["prunedBlockHashes"]!.AsArray());

        // Operations on the pinned block.
        var hash = block.Hash.ToString();
        var header = (await ws.Call("chainHead_v1_header", sub, hash))!.GetValue<string>();
        Assert.Equal(Hex.ToHex(chain.Client.GetHeader(block.Hash)!.Encode()), header);

        var body = (await ws.Call("chainHead_v1_body", sub, hash))!;
        Assert.Equal("started", body["result"]!.GetValue<string>());
        var bodyDone = (await ws.Next(sub)).Result!;
        Assert.Equal("operationBodyDone", Event(bodyDone));
        Assert.Equal(body["operationId"]!.GetValue<string>(), bodyDone["operationId"]!.GetValue<string>());
        Assert.Equal(chain.Client.GetBody(block.Hash)!.Select(x => Hex.ToHex(x)), bodyDone["value"]!.AsArray().Select(x => x!.GetValue<string>()));

        var call = (await ws.Call("chainHead_v1_call", sub, hash, "Core_version", ""))!;
        var callDone = (await ws.Next(sub)).Result!;
        Assert.Equal("operationCallDone", Event(callDone));
        Assert.Equal(call["operationId"]!.GetValue<string>(), callDone["operationId"]!.GetValue<string>());
        Assert.Equal(Hex.ToHex(ScaleCodec.Encode(TestChain.Runtime.Version)), callDone["output"]!.GetValue<string>());
        await ws.Call("chainHead_v1_call", sub, hash, "Nope_nothing", "0x");
        Assert.Equal("operationError", Event((await ws.Next(sub)).Result));

        var storage = (await ws.Call("chainHead_v1_storage", sub, hash, new JsonArray(
            new JsonObject { ["key"] = SystemNumber, ["type"] = "value" },
            new JsonObject { ["key"] = SystemNumber, ["type"] = "hash" },
            new JsonObject { ["key"] = "0x", ["type"] = "closestDescendantMerkleValue" },
            new JsonObject { ["key"] = "0x0102", ["type"] = "value" }), null))!;
        Assert.Equal(0, storage["discardedItems"]!.GetValue<int>());
        var items = (await ws.Next(sub)).Result!;
        Assert.Equal("operationStorageItems", Event(items));
        var list = items["items"]!.AsArray();
        Assert.Equal(3, list.Count);
        var number = chain.Client.StateAt(block.Hash).Get(Hex.Parse(SystemNumber))!;
        Assert.Equal(Hex.ToHex(number), list[0]!["value"]!.GetValue<string>());
        Assert.Equal(Hash256.Blake2(number).ToString(), list[1]!["hash"]!.GetValue<string>());
        Assert.Equal(chain.Client.GetHeader(block.Hash)!.StateRoot.ToString(), list[2]!["closestDescendantMerkleValue"]!.GetValue<string>());
        Assert.Equal("operationStorageDone", Event((await ws.Next(sub)).Result));

        // Errors on blocks that are not pinned, duplicates, calls without runtime.
        var unknown = Hash256.Blake2([4, 2]).ToString();
        Assert.Equal(-32801, (await ws.Request("chainHead_v1_header", sub, unknown))["error"]!["code"]!.GetValue<int>());
        Assert.Equal(-32801, (await ws.Request("chainHead_v1_unpin", sub, unknown))["error"]!["code"]!.GetValue<int>());
        Assert.Equal(-32804, (await ws.Request("chainHead_v1_unpin", sub, new JsonArray(hash, hash)))["error"]!["code"]!.GetValue<int>());
        Assert.Null((await ws.Request("chainHead_v1_header", "no-such-subscription", hash))["result"]);
        Assert.Equal("limitReached", (await ws.Call("chainHead_v1_body", "no-such-subscription", hash))!["result"]!.GetValue<string>());
        Assert.Null(await ws.Call("chainHead_v1_unpin", sub, new JsonArray(hash, finalizedBefore)));
        Assert.Equal(-32801, (await ws.Request("chainHead_v1_header", sub, hash))["error"]!["code"]!.GetValue<int>());

        var noRuntime = await ws.Subscribe("chainHead_v1_follow", false);
        var init = (await ws.Next(noRuntime)).Result!;
        Assert.False(init.AsObject().ContainsKey("finalizedBlockRuntime"));
        var pinned = init["finalizedBlockHashes"]![0]!.GetValue<string>();
        Assert.Equal(-32802, (await ws.Request("chainHead_v1_call", noRuntime, pinned, "Core_version", ""))["error"]!["code"]!.GetValue<int>());
        Assert.Equal(-32602, (await ws.Request("chainHead_v1_follow"))["error"]!["code"]!.GetValue<int>());

        Assert.True((await ws.Call("chainHead_v1_unfollow", sub))!.GetValue<bool>());
        chain.AuthorNext();
        var nextForOther = (await ws.Next(noRuntime)).Result!;
        Assert.Equal("bestBlockChanged", Event(nextForOther));
        Assert.False(nextForOther.AsObject().ContainsKey("newRuntime"));
        Assert.False(await ws.HasNotification(sub, TimeSpan.FromMilliseconds(200)));
    }

    [Fact]
    public async Task Storage_descendants_page_with_continue()
    {
        var chain = node.Chain;
        await using var ws = await WsClient.Connect(node.WsUri());
        var sub = await ws.Subscribe("chainHead_v1_follow", false);
        var finalized = (await ws.Next(sub)).Result!["finalizedBlockHashes"]![0]!.GetValue<string>();
        await ws.Next(sub);

        // The whole state: more entries than one page, so the operation waits for continue at least once.
        var expected = (await node.Call("state_getKeys", "0x", finalized))!.AsArray().Select(k => k!.GetValue<string>()).ToList();
        Assert.True(expected.Count > Subtensor.Rpc.Modules.ChainHeadV1Rpc.StorageItemsPerPage);
        var started = (await ws.Call("chainHead_v1_storage", sub, finalized, new JsonArray(
            new JsonObject { ["key"] = "0x", ["type"] = "descendantsHashes" }), null))!;
        var operation = started["operationId"]!.GetValue<string>();
        var keys = new List<string>();
        var waits = 0;
        while (true)
        {
            var e = (await ws.NextWhere(sub, x => x!["operationId"]?.GetValue<string>() == operation))!;
            if (Event(e) == "operationStorageItems")
            {
                keys.AddRange(e["items"]!.AsArray().Select(i => i!["key"]!.GetValue<string>()));
                Assert.All(e["items"]!.AsArray(), i => Assert.NotNull(i!["hash"]));
            }
            else if (Event(e) == "operationWaitingForContinue")
            {
                waits++;
                Assert.Null(await ws.Call("chainHead_v1_continue", sub, operation));
            }
            else
            {
                Assert.Equal("operationStorageDone", Event(e));
                break;
            }
        }

        Assert.True(waits > 0);
        Assert.Equal(expected, keys);
    }

    [Fact]
    public async Task Continue_is_refused_unless_the_operation_waits_for_it()
    {
        using var operation = new Subtensor.Rpc.Modules.ChainHeadOperation("1", 1, CancellationToken.None);
        Assert.False(operation.SubmitContinue());
        var resumed = operation.BeginWaitForContinue();
        Assert.False(resumed.IsCompleted);
        Assert.True(operation.SubmitContinue());
        await resumed.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.False(operation.SubmitContinue());
    }

    [Fact]
    public async Task Transaction_watch_v1_reports_validated_included_finalized()
    {
        var chain = node.Chain;
        await using var ws = await WsClient.Connect(node.WsUri());
        var xt = chain.Transfer("Bob", "Charlie", 1_200_000_000);
        var sub = await ws.Subscribe("transactionWatch_v1_submitAndWatch", Hex.ToHex(xt));
        var (method, validated) = await ws.Next(sub);
        Assert.Equal("transactionWatch_v1_watchEvent", method);
        Assert.Equal("validated", Event(validated));

        var block = chain.AuthorNext();
        var included = (await ws.Next(sub)).Result!;
        Assert.Equal("bestChainBlockIncluded", Event(included));
        Assert.Equal(block.Hash.ToString(), included["block"]!["hash"]!.GetValue<string>());
        var index = included["block"]!["index"]!.GetValue<int>();
        Assert.Equal(Hash256.Blake2(xt), Hash256.Blake2(chain.Client.GetBody(block.Hash)![index]));
        var finalized = (await ws.Next(sub)).Result!;
        Assert.Equal("finalized", Event(finalized));
        Assert.Equal(index, finalized["block"]!["index"]!.GetValue<int>());

        var garbage = await ws.Subscribe("transactionWatch_v1_submitAndWatch", "0x1234");
        var invalid = (await ws.Next(garbage)).Result!;
        Assert.Equal("invalid", Event(invalid));
        Assert.Equal("Extrinsic bytes cannot be decoded", invalid["error"]!.GetValue<string>());

        var bad = await ws.Subscribe("transactionWatch_v1_submitAndWatch", Hex.ToHex(chain.Transfer("Bob", "Charlie", 1, corruptSignature: true)));
        var badEvent = (await ws.Next(bad)).Result!;
        Assert.Equal("invalid", Event(badEvent));
        Assert.Equal("Invalid transaction: Transaction has a bad signature", badEvent["error"]!.GetValue<string>());
        Assert.Equal(-32602, (await ws.Request("transactionWatch_v1_submitAndWatch", "zz"))["error"]!["code"]!.GetValue<int>());
    }

    [Fact]
    public async Task Transaction_broadcast_submits_until_stopped()
    {
        var chain = node.Chain;
        var xt = chain.Transfer("Charlie", "Bob", 1_100_000_000);
        var id = (await node.Call("transaction_v1_broadcast", Hex.ToHex(xt)))!.GetValue<string>();
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!chain.Pool.Contains(Hash256.Blake2(xt)) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        Assert.True(chain.Pool.Contains(Hash256.Blake2(xt)));
        Assert.Null(await node.Call("transaction_v1_stop", id));
        var again = await node.Error("transaction_v1_stop", id);
        Assert.Equal(-32602, again["code"]!.GetValue<int>());
        Assert.Equal("Invalid operation id", again["message"]!.GetValue<string>());
        chain.AuthorNext();
    }
}
