using System.Text.Json.Nodes;
using Subtensor.Core.Types;
using Subtensor.Trie;

namespace Subtensor.Rpc.Tests.Modules;

/// <summary>A chain whose genesis holds a default child trie.</summary>
public sealed class ChildStateRpcTests : IAsyncLifetime
{
    private readonly RpcTestNode _node = new(null, withChildTrie: true);

    private static string Prefixed => Hex.ToHex([.. TrieConstants.DefaultChildStorageKeyPrefix, .. TestChain.ChildId]);

    public Task InitializeAsync() => _node.InitializeAsync();

    public Task DisposeAsync() => _node.DisposeAsync();

    [Fact]
    public async Task Child_storage_reads_keys_and_proofs()
    {
        Assert.Equal("0xbbbb", (await _node.Call("childstate_getStorage", Prefixed, "0x0102"))!.GetValue<string>());
        Assert.Null(await _node.Call("childstate_getStorage", Prefixed, "0x09"));
        Assert.Equal(Hash256.Blake2([0xbb, 0xbb]).ToString(), (await _node.Call("childstate_getStorageHash", Prefixed, "0x0102"))!.GetValue<string>());
        Assert.Equal(3, (await _node.Call("childstate_getStorageSize", Prefixed, "0x02"))!.GetValue<int>());
        var entries = (await _node.Call("childstate_getStorageEntries", Prefixed, new JsonArray("0x01", "0x09")))!.AsArray();
        Assert.Equal("0xaa", entries[0]!.GetValue<string>());
        Assert.Null(entries[1]);

        var keys = (await _node.Call("childstate_getKeys", Prefixed, "0x01"))!.AsArray().Select(k => k!.GetValue<string>());
        Assert.Equal(["0x01", "0x0102", "0x0103"], keys);
        var page = (await _node.Call("childstate_getKeysPaged", Prefixed, "0x", 2, "0x01"))!.AsArray().Select(k => k!.GetValue<string>());
        Assert.Equal(["0x0102", "0x0103"], page);
        var pageAt = (await _node.Call("childstate_getKeysPagedAt", Prefixed, (JsonNode?)null, 10, "0x0103"))!.AsArray().Select(k => k!.GetValue<string>());
        Assert.Equal(["0x02"], pageAt);

        var unprefixed = await _node.Error("childstate_getStorage", Hex.ToHex(TestChain.ChildId), "0x01");
        Assert.Equal(4003, unprefixed["code"]!.GetValue<int>());
        var missingChild = Hex.ToHex([.. TrieConstants.DefaultChildStorageKeyPrefix, .. "nope"u8.ToArray()]);
        Assert.Null(await _node.Call("childstate_getStorage", missingChild, "0x01"));
        Assert.Empty((await _node.Call("childstate_getKeys", missingChild, "0x"))!.AsArray());

        // The proof holds the top-trie path to the child root and the child-trie path to the keys.
        var client = _node.Chain.Client;
        var best = client.Best.Hash;
        var proofJson = (await _node.Call("state_getChildReadProof", Prefixed, new JsonArray("0x0102", "0x09")))!;
        var proof = new StorageProof(proofJson["proof"]!.AsArray().Select(n => Hex.Parse(n!.GetValue<string>())));
        var rootKey = Hex.Parse(Prefixed);
        var top = StorageProof.Verify(client.GetHeader(best)!.StateRoot, proof, [rootKey]);
        var childRoot = new Hash256(top[rootKey]!);
        var values = StorageProof.Verify(childRoot, proof, [[0x01, 0x02], [0x09]]);
        Assert.Equal(new byte[] { 0xbb, 0xbb }, values.Single(kv => kv.Key.Length == 2).Value);
        Assert.Null(values.Single(kv => kv.Key.Length == 1).Value);
    }
}
