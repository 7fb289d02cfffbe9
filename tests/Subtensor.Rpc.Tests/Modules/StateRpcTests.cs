using System.Text.Json.Nodes;
using Subtensor.Core.Scale;
using Subtensor.Core.Types;
using Subtensor.Storage;
using Subtensor.Storage.Chain;
using Subtensor.TestSupport;
using Subtensor.Trie;

namespace Subtensor.Rpc.Tests.Modules;

[Collection(RpcNodeCollection.Name)]
public sealed class StateRpcTests(RpcTestNode node)
{
    private const string SystemNumber = "0x26aa394eea5630e07c48ae0c9558cef702a5c1b19ab7a04f536c519aca4983ac";
    private const string SystemAccountPrefix = "0x26aa394eea5630e07c48ae0c9558cef7b99d880ec681799c0cf30e8886371da9";
    private const string AliceAccount = "0x26aa394eea5630e07c48ae0c9558cef7b99d880ec681799c0cf30e8886371da9de1e86a9a8c739864cf3cc5ec2bea59fd43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d";

    private static string U32Hex(uint n) => Hex.ToHex(BitConverter.GetBytes(n));

    [Fact]
    public async Task Runtime_version_and_metadata_match_the_runtime_and_finneys_layout()
    {
        var version = (await node.Call("state_getRuntimeVersion"))!.AsObject();
        using (var doc = TestVectors.Json("bittensor_recorded_rpc_sample.json"))
        {
            var recorded = doc.RootElement.GetProperty("scenarios").GetProperty("get_block_hash").GetProperty("state_getRuntimeVersion")
                .EnumerateObject().First().Value.GetProperty("result");
            Assert.Equal(recorded.EnumerateObject().Select(p => p.Name), version.Select(kv => kv.Key));
        }

        var runtime = TestChain.Runtime.Version;
        Assert.Equal(runtime.SpecName, version["specName"]!.GetValue<string>());
        Assert.Equal(runtime.SpecVersion, version["specVersion"]!.GetValue<uint>());
        Assert.Equal(1, version["stateVersion"]!.GetValue<int>());
        var apis = version["apis"]!.AsArray();
        Assert.Equal(runtime.Apis.Count, apis.Count);
        Assert.Equal("0xdf6acb689907609b", apis[0]![0]!.GetValue<string>());
        Assert.Equal(runtime.Apis[0].Version, apis[0]![1]!.GetValue<uint>());

        var genesis = node.Chain.Client.GenesisHash.ToString();
        Assert.Equal(version.ToJsonString(), (await node.Call("chain_getRuntimeVersion", genesis))!.ToJsonString());

        var metadata = (await node.Call("state_getMetadata"))!.GetValue<string>();
        Assert.StartsWith("0x6d657461", metadata, StringComparison.Ordinal);
        Assert.Equal(Hex.ToHex(TestChain.Runtime.MetadataV14), metadata);

        var v15 = (await node.Call("state_call", "Metadata_metadata_at_version", "0x0f000000"))!.GetValue<string>();
        Assert.StartsWith("0x01", v15, StringComparison.Ordinal);
        var at = (await node.Call("state_callAt", "Metadata_metadata_versions", "0x", genesis))!.GetValue<string>();
        Assert.Equal("0x080e0000000f000000", at);

        var missing = await node.Error("state_call", "Nope_nothing", "0x");
        Assert.Equal(4003, missing["code"]!.GetValue<int>());
        Assert.Contains("Nope_nothing", missing["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Storage_reads_hashes_sizes_and_queries()
    {
        var chain = node.Chain;
        chain.AuthorNext();
        var best = chain.Client.Best;
        Assert.Equal(U32Hex(best.Number), (await node.Call("state_getStorage", SystemNumber))!.GetValue<string>());
        Assert.Equal(U32Hex(best.Number), (await node.Call("state_getStorageAt", SystemNumber, (JsonNode?)null))!.GetValue<string>());
        var genesisHash = chain.Client.GenesisHash.ToString();
        var aliceAtGenesis = (await node.Call("state_getStorageAt", AliceAccount, genesisHash))!.GetValue<string>();
        Assert.Equal(Hex.ToHex(chain.Client.StateAt(chain.Client.GenesisHash).Get(Hex.Parse(AliceAccount))!), aliceAtGenesis);
        Assert.Null(await node.Call("state_getStorage", "0x0102"));

        var value = Hex.Parse(aliceAtGenesis);
        Assert.Equal(Hash256.Blake2(value).ToString(), (await node.Call("state_getStorageHash", AliceAccount, genesisHash))!.GetValue<string>());
        Assert.Equal(value.Length, (await node.Call("state_getStorageSizeAt", AliceAccount, genesisHash))!.GetValue<int>());
        Assert.Null(await node.Call("state_getStorageHash", "0x0102"));
        Assert.Null(await node.Call("state_getStorageSize", "0x0102"));
        var prefixSize = (await node.Call("state_getStorageSize", SystemAccountPrefix))!.GetValue<long>();
        Assert.True(prefixSize > value.Length);

        var at = (await node.Call("state_queryStorageAt", new JsonArray(SystemNumber, "0x0102")))!.AsArray();
        Assert.Single(at);
        Assert.Equal(best.Hash.ToString(), at[0]!["block"]!.GetValue<string>());
        var changes = at[0]!["changes"]!.AsArray();
        Assert.Equal(SystemNumber, changes[0]![0]!.GetValue<string>());
        Assert.Equal(U32Hex(best.Number), changes[0]![1]!.GetValue<string>());
        Assert.Null(changes[1]![1]);

        // Historic range: System.Number changes at every block.
        var from = chain.Client.GetCanonicalHash(best.Number - 2)!.Value.ToString();
        var range = (await node.Call("state_queryStorage", new JsonArray(SystemNumber), from, best.Hash.ToString()))!.AsArray();
        Assert.Equal(3, range.Count);
        Assert.Equal(U32Hex(best.Number - 1), range[1]!["changes"]![0]![1]!.GetValue<string>());
        var backwards = await node.Error("state_queryStorage", new JsonArray(SystemNumber), best.Hash.ToString(), from);
        Assert.Equal(4001, backwards["code"]!.GetValue<int>());
        Assert.Equal(-32601, (await node.Request("state_queryStorage", new JsonArray(new JsonArray(SystemNumber), from), safe: true))["error"]!["code"]!.GetValue<int>());
    }

    [Fact]
    public async Task Keys_paged_walks_a_map_without_gaps_or_repeats()
    {
        var all = (await node.Call("state_getKeys", SystemAccountPrefix))!.AsArray().Select(k => k!.GetValue<string>()).ToList();
        Assert.True(all.Count >= 4);
        Assert.Equal(all.Order(StringComparer.Ordinal), all);
        Assert.Contains(AliceAccount, all);

        var paged = new List<string>();
        string? start = SystemAccountPrefix;
        while (true)
        {
            var page = (await node.Call("state_getKeysPaged", SystemAccountPrefix, 2, start, (JsonNode?)null))!.AsArray().Select(k => k!.GetValue<string>()).ToList();
            Assert.True(page.Count <= 2);
            paged.AddRange(page);
            if (page.Count < 2)
            {
                break;
            }

            start = page[^1];
        }

        Assert.Equal(all, paged);
        var alias = (await node.Call("state_getKeysPagedAt", SystemAccountPrefix, 1))!.AsArray();
        Assert.Equal(all[0], alias[0]!.GetValue<string>());

        // No prefix: the whole state in key order, starting after the start key.
        var first = (await node.Call("state_getKeysPaged", (JsonNode?)null, 3))!.AsArray().Select(k => k!.GetValue<string>()).ToList();
        var next = (await node.Call("state_getKeysPaged", (JsonNode?)null, 3, first[^1]))!.AsArray().Select(k => k!.GetValue<string>()).ToList();
        Assert.True(string.CompareOrdinal(next[0], first[^1]) > 0);

        var tooMany = await node.Error("state_getKeysPaged", SystemAccountPrefix, 1001);
        Assert.Equal(4002, tooMany["code"]!.GetValue<int>());
        Assert.Equal("count exceeds maximum value. value: 1001, max: 1000", tooMany["message"]!.GetValue<string>());

        var pairs = (await node.Call("state_getPairs", SystemAccountPrefix))!.AsArray();
        Assert.Equal(all, pairs.Select(p => p![0]!.GetValue<string>()));
        Assert.Equal(-32601, (await node.Request("state_getPairs", new JsonArray(SystemAccountPrefix), safe: true))["error"]!["code"]!.GetValue<int>());
    }

    [Fact]
    public async Task Read_proof_verifies_against_the_state_root()
    {
        var chain = node.Chain;
        var best = chain.Client.Best.Hash;
        var absent = "0x26aa394eea5630e07c48ae0c9558cef7ffff";
        var result = (await node.Call("state_getReadProof", new JsonArray(SystemNumber, AliceAccount, absent), best.ToString()))!.AsObject();
        Assert.Equal(best.ToString(), result["at"]!.GetValue<string>());
        var proof = new StorageProof(result["proof"]!.AsArray().Select(n => Hex.Parse(n!.GetValue<string>())));
        var root = chain.Client.GetHeader(best)!.StateRoot;
        var keys = new[] { Hex.Parse(SystemNumber), Hex.Parse(AliceAccount), Hex.Parse(absent) };
        var values = StorageProof.Verify(root, proof, keys);
        Assert.Equal(chain.Client.StateAt(best).Get(keys[0]), values[keys[0]]);
        Assert.Equal(chain.Client.StateAt(best).Get(keys[1]), values[keys[1]]);
        Assert.Null(values[keys[2]]);
        Assert.Throws<StorageProofException>(() => StorageProof.Verify(Hash256.Blake2([1]), proof, keys));
    }

    [Fact]
    public async Task State_at_an_unknown_block_is_a_client_error()
    {
        var unknown = Hash256.Blake2([7, 7]).ToString();
        foreach (var (method, args) in new (string, JsonNode?[])[]
        {
            ("state_getStorage", [SystemNumber, unknown]),
            ("state_getRuntimeVersion", [unknown]),
            ("state_getMetadata", [unknown]),
            ("state_call", ["Core_version", "0x", unknown]),
            ("state_getKeysPaged", [SystemAccountPrefix, 10, null, unknown]),
            ("state_getReadProof", [new JsonArray(SystemNumber), unknown]),
        })
        {
            var error = await node.Error(method, args);
            Assert.Equal(4003, error["code"]!.GetValue<int>());
            Assert.StartsWith("Client error: UnknownBlock", error["message"]!.GetValue<string>(), StringComparison.Ordinal);
        }

        Assert.Equal(-32602, (await node.Error("state_getStorage", 12))["code"]!.GetValue<int>());
        Assert.Equal(-32602, (await node.Error("state_getStorage", "0xzz"))["code"]!.GetValue<int>());
        Assert.Equal(-32602, (await node.Error("state_getStorage"))["code"]!.GetValue<int>());
    }

    [Fact]
    public async Task State_of_a_pruned_block_answers_state_discarded()
    {
        var pruned = new RpcTestNode(new ChainDatabaseOptions { StatePruning = PruningMode.KeepLast(2) });
        await pruned.InitializeAsync();
        try
        {
            for (var i = 0; i < 5; i++)
            {
                pruned.Chain.AuthorNext();
            }

            var one = pruned.Chain.Client.GetCanonicalHash(1)!.Value.ToString();
            var error = await pruned.Error("state_getStorage", SystemNumber, one);
            Assert.Equal(4003, error["code"]!.GetValue<int>());
            Assert.Equal($"Client error: UnknownBlock: State already discarded for {one}", error["message"]!.GetValue<string>());
            Assert.NotNull(await pruned.Call("chain_getHeader", one));
            Assert.Equal(U32Hex(5), (await pruned.Call("state_getStorage", SystemNumber))!.GetValue<string>());
        }
        finally
        {
            await pruned.DisposeAsync();
        }
    }

    [Fact]
    public async Task Storage_and_runtime_version_subscriptions()
    {
        var chain = node.Chain;
        await using var ws = await WsClient.Connect(node.WsUri());
        var storage = await ws.Subscribe("state_subscribeStorage", new JsonArray(SystemNumber, "0x0102"));
        var version = await ws.Subscribe("chain_subscribeRuntimeVersion");

        var (method, initial) = await ws.Next(storage);
        Assert.Equal("state_storage", method);
        Assert.Equal(chain.Client.Best.Hash.ToString(), initial!["block"]!.GetValue<string>());
        Assert.Equal(2, initial["changes"]!.AsArray().Count);
        Assert.Null(initial["changes"]![1]![1]);

        var (versionMethod, current) = await ws.Next(version);
        Assert.Equal("state_runtimeVersion", versionMethod);
        Assert.Equal(TestChain.Runtime.Version.SpecVersion, current!["specVersion"]!.GetValue<uint>());

        var block = chain.AuthorNext();
        var update = (await ws.NextWhere(storage, u => u!["block"]!.GetValue<string>() == block.Hash.ToString()))!;
        var changes = update["changes"]!.AsArray();
        Assert.Single(changes);
        Assert.Equal(U32Hex(block.Number), changes[0]![1]!.GetValue<string>());
        Assert.False(await ws.HasNotification(version, TimeSpan.FromMilliseconds(200)));

        Assert.True((await ws.Call("state_unsubscribeStorage", storage))!.GetValue<bool>());
        Assert.True((await ws.Call("state_unsubscribeRuntimeVersion", version))!.GetValue<bool>());

        // Without keys every changed entry is reported (unsafe: refused by a safe server).
        var everything = await ws.Subscribe("state_subscribeStorage");
        var next = chain.AuthorNext();
        var all = (await ws.Next(everything)).Result!;
        Assert.Equal(next.Hash.ToString(), all["block"]!.GetValue<string>());
        var keys = all["changes"]!.AsArray().Select(c => c![0]!.GetValue<string>()).ToList();
        Assert.Contains(SystemNumber, keys);
        Assert.Equal(keys.Order(StringComparer.Ordinal), keys);

        await using var safe = await WsClient.Connect(node.WsUri(safe: true));
        var refused = await safe.Request("state_subscribeStorage");
        Assert.Equal(-32601, refused["error"]!["code"]!.GetValue<int>());
        Assert.NotNull((await safe.Request("state_subscribeStorage", new JsonArray(SystemNumber)))["result"]);
    }
}
