using System.Text.Json.Nodes;
using Subtensor.Client.Blockchain;
using Subtensor.Core.Types;
using Subtensor.Rpc.JsonRpc;
using Subtensor.Rpc.Modules;
using Subtensor.Rpc.Server;

namespace Subtensor.Rpc.Tests.Modules;

/// <summary>Two chains from one genesis without automatic finality: one imports the other's longer fork.</summary>
public sealed class ForkTests : IAsyncLifetime
{
    private TestChain _node = null!;
    private TestChain _other = null!;
    private ChainHeadV1Rpc _chainHead = null!;
    private RpcServer _server = null!;

    public async Task InitializeAsync()
    {
        _node = new TestChain(finalizeEveryBlock: false);
        _other = new TestChain(finalizeEveryBlock: false);
        _other.NowMs = _node.NowMs + 60_000;
        var services = new RpcServices(_node.Client, _node.Pool, _node.Keystore, new FakeNodeInfo());
        var registry = new RpcMethodRegistry();
        _chainHead = new ChainHeadV1Rpc(services);
        _chainHead.Register(registry);
        new ChainRpc(services).Register(registry);
        _server = new RpcServer(registry, new RpcServerOptions { Port = 0, Methods = RpcMethodsMode.Unsafe });
        await _server.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _node.Dispose();
        _other.Dispose();
    }

    private void ImportFromOther(Hash256 hash)
    {
        var result = _node.Importer.Import(new BlockImportParams(_other.Client.GetHeader(hash)!, _other.Client.GetBody(hash)!, null, BlockOrigin.NetworkBroadcast));
        Assert.True(result.IsImported, result.Reason);
    }

    private static string Event(JsonNode? e) => e!["event"]!.GetValue<string>();

    [Fact]
    public async Task Follow_reports_forks_reorgs_and_pruned_blocks()
    {
        await using var ws = await WsClient.Connect(new Uri($"ws://127.0.0.1:{_server.LocalEndPoint!.Port}"));
        var follow = await ws.Subscribe("chainHead_v1_follow", false);
        var all = await ws.Subscribe("chain_subscribeAllHeads");
        var genesis = _node.Client.GenesisHash.ToString();
        Assert.Equal(genesis, (await ws.Next(follow)).Result!["finalizedBlockHashes"]![0]!.GetValue<string>());
        Assert.Equal("bestBlockChanged", Event((await ws.Next(follow)).Result));
        Assert.Equal(1, _chainHead.ActiveFollows);

        var a1 = _node.AuthorNext().Hash.ToString();
        var b1 = _other.AuthorNext().Hash;
        var b2 = _other.AuthorNext().Hash;
        Assert.NotEqual(a1, b1.ToString());
        ImportFromOther(b1);
        ImportFromOther(b2);
        Assert.Equal(b2, _node.Client.Best.Hash);

        var events = new List<JsonNode>();
        for (var i = 0; i < 5; i++)
        {
            events.Add((await ws.Next(follow)).Result!);
        }

        Assert.Equal(["newBlock", "bestBlockChanged", "newBlock", "newBlock", "bestBlockChanged"], events.Select(Event));
        Assert.Equal(a1, events[0]["blockHash"]!.GetValue<string>());
        Assert.Equal(b1.ToString(), events[2]["blockHash"]!.GetValue<string>());
        Assert.Equal(genesis, events[2]["parentBlockHash"]!.GetValue<string>());
        Assert.Equal(b1.ToString(), events[3]["parentBlockHash"]!.GetValue<string>());
        Assert.Equal(b2.ToString(), events[4]["bestBlockHash"]!.GetValue<string>());

        _node.Client.Finalize(b2);
        var finalized = (await ws.Next(follow)).Result!;
        Assert.Equal("finalized", Event(finalized));
        Assert.Equal([b1.ToString(), b2.ToString()], finalized["finalizedBlockHashes"]!.AsArray().Select(h => h!.GetValue<string>()));
        Assert.Equal([a1], finalized["prunedBlockHashes"]!.AsArray().Select(h => h!.GetValue<string>()));

        // chain_allHead sees the fork blocks too: initial best, then a1, b1, b2.
        var heads = new List<uint>();
        for (var i = 0; i < 4; i++)
        {
            heads.Add(Convert.ToUInt32((await ws.Next(all)).Result!["number"]!.GetValue<string>(), 16));
        }

        Assert.Equal([0u, 1u, 1u, 2u], heads);
    }

    [Fact]
    public async Task Disconnect_ends_follow_subscriptions()
    {
        await using (var ws = await WsClient.Connect(new Uri($"ws://127.0.0.1:{_server.LocalEndPoint!.Port}")))
        {
            for (var i = 0; i < ChainHeadV1Rpc.MaxFollowsPerConnection; i++)
            {
                await ws.Subscribe("chainHead_v1_follow", i % 2 == 0);
            }

            Assert.Equal(ChainHeadV1Rpc.MaxFollowsPerConnection, _chainHead.ActiveFollows);
            var tooMany = await ws.Request("chainHead_v1_follow", true);
            Assert.Equal(-32800, tooMany["error"]!["code"]!.GetValue<int>());

            // Another connection has its own allowance.
            await using var other = await WsClient.Connect(new Uri($"ws://127.0.0.1:{_server.LocalEndPoint!.Port}"));
            await other.Subscribe("chainHead_v1_follow", true);
            Assert.Equal(ChainHeadV1Rpc.MaxFollowsPerConnection + 1, _chainHead.ActiveFollows);
            Assert.True((await other.Call("chainHead_v1_unfollow", (await other.Subscribe("chainHead_v1_follow", false))))!.GetValue<bool>());
        }

        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (_chainHead.ActiveFollows > 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        Assert.Equal(0, _chainHead.ActiveFollows);
        _node.AuthorNext();
    }
}
