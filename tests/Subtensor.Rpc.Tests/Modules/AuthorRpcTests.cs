using System.Text.Json.Nodes;
using Subtensor.Core.Crypto;
using Subtensor.Core.Types;

namespace Subtensor.Rpc.Tests.Modules;

[Collection(RpcNodeCollection.Name)]
public sealed class AuthorRpcTests(RpcTestNode node)
{
    [Fact]
    public async Task Submit_puts_the_transaction_in_the_pool_and_a_block()
    {
        var chain = node.Chain;
        var xt = chain.Transfer("Bob", "Ferdie", 3_000_000_000);
        var hash = (await node.Call("author_submitExtrinsic", Hex.ToHex(xt)))!.GetValue<string>();
        Assert.Equal(Hash256.Blake2(xt).ToString(), hash);
        Assert.Contains(node.Node.Broadcast, b => b.AsSpan().SequenceEqual(xt));
        var pending = (await node.Call("author_pendingExtrinsics"))!.AsArray().Select(p => p!.GetValue<string>());
        Assert.Contains(Hex.ToHex(xt), pending);

        var again = await node.Error("author_submitExtrinsic", Hex.ToHex(xt));
        Assert.Equal(1013, again["code"]!.GetValue<int>());
        Assert.Equal("Transaction Already Imported", again["message"]!.GetValue<string>());

        var block = chain.AuthorNext();
        Assert.Contains(chain.Client.GetBody(block.Hash)!, b => b.AsSpan().SequenceEqual(xt));
        Assert.DoesNotContain(Hex.ToHex(xt), (await node.Call("author_pendingExtrinsics"))!.AsArray().Select(p => p!.GetValue<string>()));

        var banned = await node.Error("author_submitExtrinsic", Hex.ToHex(xt));
        Assert.Equal(1012, banned["code"]!.GetValue<int>());
        Assert.Equal("Transaction is temporarily banned", banned["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task Invalid_transactions_get_substrates_codes_and_reasons()
    {
        var chain = node.Chain;
        var badSignature = await node.Error("author_submitExtrinsic", Hex.ToHex(chain.Transfer("Dave", "Eve", 1_000, corruptSignature: true)));
        Assert.Equal(1010, badSignature["code"]!.GetValue<int>());
        Assert.Equal("Invalid Transaction", badSignature["message"]!.GetValue<string>());
        Assert.Equal("Transaction has a bad signature", badSignature["data"]!.GetValue<string>());

        chain.Pool.Submit(chain.Transfer("Dave", "Eve", 1_000_000_000));
        chain.AuthorNext();
        var stale = await node.Error("author_submitExtrinsic", Hex.ToHex(chain.Transfer("Dave", "Eve", 2_000_000_000, nonce: 0)));
        Assert.Equal(1010, stale["code"]!.GetValue<int>());
        Assert.Equal("Transaction is outdated", stale["data"]!.GetValue<string>());

        // A well-framed extrinsic whose content does not decode: the runtime's decode failure is a bad format.
        var garbage = await node.Error("author_submitExtrinsic", "0x0cffffff");
        Assert.Equal(1001, garbage["code"]!.GetValue<int>());
        Assert.StartsWith("Extrinsic has invalid format", garbage["message"]!.GetValue<string>(), StringComparison.Ordinal);

        // Bytes that are not even a length-prefixed extrinsic: sc-rpc's client error on submit, bad format on watch.
        Assert.Equal(1040, (await node.Error("author_submitExtrinsic", "0x1234"))["code"]!.GetValue<int>());
        await using var ws = await WsClient.Connect(node.WsUri());
        var watchGarbage = await ws.Request("author_submitAndWatchExtrinsic", "0x1234");
        Assert.Equal(1001, watchGarbage["error"]!["code"]!.GetValue<int>());
        var watchBad = await ws.Request("author_submitAndWatchExtrinsic", Hex.ToHex(chain.Transfer("Dave", "Eve", 1_000, corruptSignature: true)));
        Assert.Equal(1010, watchBad["error"]!["code"]!.GetValue<int>());
        Assert.Equal("Transaction has a bad signature", watchBad["error"]!["data"]!.GetValue<string>());
        Assert.Equal(-32602, (await node.Error("author_submitExtrinsic", 5))["code"]!.GetValue<int>());
    }

    [Fact]
    public async Task Submit_and_watch_reports_ready_in_block_and_finalized()
    {
        var chain = node.Chain;
        await using var ws = await WsClient.Connect(node.WsUri());
        var xt = chain.Transfer("Ferdie", "Alice", 1_500_000_000);
        var sub = await ws.Subscribe("author_submitAndWatchExtrinsic", Hex.ToHex(xt));
        var (method, ready) = await ws.Next(sub);
        Assert.Equal("author_extrinsicUpdate", method);
        Assert.Equal("ready", ready!.GetValue<string>());

        var block = chain.AuthorNext();
        var inBlock = (await ws.Next(sub)).Result!;
        Assert.Equal(block.Hash.ToString(), inBlock["inBlock"]!.GetValue<string>());
        var finalized = (await ws.Next(sub)).Result!;
        Assert.Equal(block.Hash.ToString(), finalized["finalized"]!.GetValue<string>());
        Assert.True((await ws.Call("author_unwatchExtrinsic", sub))!.GetValue<bool>());
    }

    [Fact]
    public async Task Remove_extrinsic_by_hash_and_by_bytes()
    {
        var chain = node.Chain;
        var first = chain.Transfer("Eve", "Bob", 1_000_000_000);
        var second = chain.Transfer("Eve", "Bob", 1_000_000_000, nonce: chain.Nonce("Eve") + 1);
        chain.Pool.Submit(first);
        chain.Pool.Submit(second);
        var removed = (await node.Call("author_removeExtrinsic", new JsonArray(
            new JsonObject { ["hash"] = Hash256.Blake2(second).ToString() },
            new JsonObject { ["extrinsic"] = Hex.ToHex(first) })))!.AsArray().Select(h => h!.GetValue<string>()).ToList();
        Assert.Equal(2, removed.Count);
        Assert.Contains(Hash256.Blake2(first).ToString(), removed);
        Assert.False(chain.Pool.Contains(Hash256.Blake2(first)));
        Assert.Equal(-32602, (await node.Error("author_removeExtrinsic", new JsonArray(new JsonObject { ["neither"] = 1 })))["code"]!.GetValue<int>());

        var refused = await node.Request("author_removeExtrinsic", new JsonArray(new JsonArray()), safe: true);
        Assert.Equal(-32601, refused["error"]!["code"]!.GetValue<int>());
        Assert.Equal("RPC call is unsafe to be called externally", refused["error"]!["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task Keystore_methods_insert_check_and_rotate()
    {
        using var pair = KeyPairs.FromSuri("//RpcTestKey", KeyScheme.Sr25519);
        var publicKey = Hex.ToHex(pair.Pair.PublicKey);
        Assert.False((await node.Call("author_hasKey", publicKey, "aura"))!.GetValue<bool>());
        Assert.Null(await node.Call("author_insertKey", "aura", "//RpcTestKey", publicKey));
        Assert.True((await node.Call("author_hasKey", publicKey, "aura"))!.GetValue<bool>());

        var wrongPublic = await node.Error("author_insertKey", "aura", "//RpcTestKey", Hex.ToHex(new byte[32]));
        Assert.Equal(1040, wrongPublic["code"]!.GetValue<int>());
        var badType = await node.Error("author_insertKey", "auraX", "//RpcTestKey", publicKey);
        Assert.Equal(1040, badType["code"]!.GetValue<int>());
        Assert.Equal("Invalid key type ID format (should be of length four)", badType["message"]!.GetValue<string>());

        var keys = Hex.Parse((await node.Call("author_rotateKeys"))!.GetValue<string>());
        Assert.Equal(64, keys.Length);
        Assert.True(node.Chain.Keystore.Has("aura", keys.AsSpan(0, 32)));
        Assert.True(node.Chain.Keystore.Has("gran", keys.AsSpan(32, 32)));
        Assert.True((await node.Call("author_hasSessionKeys", Hex.ToHex(keys)))!.GetValue<bool>());
        var unknownKeys = new byte[64];
        unknownKeys[0] = 1;
        Assert.False((await node.Call("author_hasSessionKeys", Hex.ToHex(unknownKeys)))!.GetValue<bool>());
        var malformed = await node.Error("author_hasSessionKeys", "0x0102");
        Assert.Equal("Session keys are not encoded correctly", malformed["message"]!.GetValue<string>());

        foreach (var method in new[] { "author_insertKey", "author_rotateKeys", "author_hasKey", "author_hasSessionKeys", "system_peers", "transaction_v1_broadcast" })
        {
            var refused = await node.Request(method, safe: true);
            Assert.Equal(-32601, refused["error"]!["code"]!.GetValue<int>());
        }

        Assert.NotNull((await node.Request("author_pendingExtrinsics", safe: true))["result"]);
    }

    [Fact]
    public async Task Payment_query_info_and_fee_details()
    {
        var chain = node.Chain;
        var xt = Hex.ToHex(chain.Transfer("Alice", "Bob", 1_000));
        var info = (await node.Call("payment_queryInfo", xt))!.AsObject();
        Assert.Equal(["weight", "class", "partialFee"], info.Select(kv => kv.Key));
        Assert.Equal(["ref_time", "proof_size"], info["weight"]!.AsObject().Select(kv => kv.Key));
        Assert.True(info["weight"]!["ref_time"]!.GetValue<ulong>() > 0);
        Assert.Equal("normal", info["class"]!.GetValue<string>());
        var fee = ulong.Parse(info["partialFee"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(fee > 0);

        var details = (await node.Call("payment_queryFeeDetails", xt, chain.Client.Best.Hash.ToString()))!.AsObject();
        var inclusion = details["inclusionFee"]!.AsObject();
        Assert.Equal(["baseFee", "lenFee", "adjustedWeightFee"], inclusion.Select(kv => kv.Key));
        Assert.Equal(fee, inclusion["baseFee"]!.GetValue<ulong>() + inclusion["lenFee"]!.GetValue<ulong>() + inclusion["adjustedWeightFee"]!.GetValue<ulong>());
        Assert.False(details.ContainsKey("tip"));

        var undecodable = await node.Error("payment_queryInfo", "0xff");
        Assert.Equal(2, undecodable["code"]!.GetValue<int>());
        Assert.Equal("Unable to query dispatch info.", undecodable["message"]!.GetValue<string>());
        var runtimeFails = await node.Error("payment_queryFeeDetails", "0x0cffffff");
        Assert.Equal(1, runtimeFails["code"]!.GetValue<int>());
    }
}
