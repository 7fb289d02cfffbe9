using System.Net;
using System.Net.Http.Headers;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using Subtensor.Rpc.JsonRpc;
using Subtensor.Rpc.Server;

namespace Subtensor.Rpc.Tests;

public sealed class RpcServerTests : IAsyncLifetime
{
    private RpcServer _server = null!;
    private RpcServer _safeServer = null!;
    private readonly HttpClient _http = new();
    private int _ticksStopped;

    private RpcMethodRegistry Registry()
    {
        var registry = new RpcMethodRegistry();
        registry.Add("test_add", (p, _) => ValueTask.FromResult<JsonNode?>(JsonValue.Create(p.RequiredUInt(0, "a") + p.RequiredUInt(1, "b"))));
        registry.Add("test_hex", (p, _) => ValueTask.FromResult<JsonNode?>(JsonValue.Create(p.RequiredBytes(0, "data").Length)), aliases: "test_hexAlias");
        registry.Add("test_secret", (_, _) => ValueTask.FromResult<JsonNode?>(JsonValue.Create("unsafe")), isUnsafe: true);
        registry.Add("test_throw", (_, _) => throw new RpcException(1010, "Invalid Transaction", JsonValue.Create("Transaction is outdated")));
        registry.AddSubscription("test_subscribeTicks", "test_unsubscribeTicks", "test_tick", (p, sink, _) =>
        {
            var count = (int)(p.OptionalUInt(0, "count") ?? 3);
            // Send immediately: the server must still deliver these after the subscribe response.
            for (var i = 0; i < count; i++)
            {
                sink.TrySend(JsonValue.Create(i));
            }

            return ValueTask.FromResult<IDisposable>(new Stop(() => Interlocked.Increment(ref _ticksStopped)));
        });
        return registry;
    }

    public async Task InitializeAsync()
    {
        _server = new RpcServer(Registry(), new RpcServerOptions { Port = 0, MaxRequestSize = 4096, MaxSubscriptionsPerConnection = 2, Methods = RpcMethodsMode.Unsafe });
        await _server.StartAsync();
        _safeServer = new RpcServer(Registry(), new RpcServerOptions { Port = 0, Methods = RpcMethodsMode.Safe });
        await _safeServer.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        await _safeServer.DisposeAsync();
        _http.Dispose();
    }

    private Uri HttpUri(RpcServer s) => new($"http://127.0.0.1:{s.LocalEndPoint!.Port}/");

    private async Task<(HttpStatusCode Status, string Body)> Post(RpcServer s, string body, string? origin = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, HttpUri(s)) { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }

        using var response = await _http.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Http_single_call_and_errors()
    {
        var ok = JsonNode.Parse((await Post(_server, """{"jsonrpc":"2.0","id":7,"method":"test_add","params":[2,40]}""")).Body)!;
        Assert.Equal(42, ok["result"]!.GetValue<int>());
        Assert.Equal(7, ok["id"]!.GetValue<int>());

        var named = JsonNode.Parse((await Post(_server, """{"jsonrpc":"2.0","id":"x","method":"test_add","params":{"a":1,"b":"0x10"}}""")).Body)!;
        Assert.Equal(17, named["result"]!.GetValue<int>());
        Assert.Equal("x", named["id"]!.GetValue<string>());

        var missing = JsonNode.Parse((await Post(_server, """{"jsonrpc":"2.0","id":1,"method":"nope_nope","params":[]}""")).Body)!;
        Assert.Equal(-32601, missing["error"]!["code"]!.GetValue<int>());

        var badParams = JsonNode.Parse((await Post(_server, """{"jsonrpc":"2.0","id":1,"method":"test_hex","params":["0xabc"]}""")).Body)!;
        Assert.Equal(-32602, badParams["error"]!["code"]!.GetValue<int>());
        Assert.Contains("odd", badParams["error"]!["message"]!.GetValue<string>(), StringComparison.Ordinal);

        var parse = JsonNode.Parse((await Post(_server, "{not json")).Body)!;
        Assert.Equal(-32700, parse["error"]!["code"]!.GetValue<int>());

        var invalid = JsonNode.Parse((await Post(_server, """{"id":1,"method":"test_add"}""")).Body)!;
        Assert.Equal(-32600, invalid["error"]!["code"]!.GetValue<int>());

        var custom = JsonNode.Parse((await Post(_server, """{"jsonrpc":"2.0","id":1,"method":"test_throw"}""")).Body)!;
        Assert.Equal(1010, custom["error"]!["code"]!.GetValue<int>());
        Assert.Equal("Transaction is outdated", custom["error"]!["data"]!.GetValue<string>());

        var alias = JsonNode.Parse((await Post(_server, """{"jsonrpc":"2.0","id":1,"method":"test_hexAlias","params":["0xabcd"]}""")).Body)!;
        Assert.Equal(2, alias["result"]!.GetValue<int>());
    }

    [Fact]
    public async Task Http_batch_keeps_order_and_drops_notifications()
    {
        var (_, body) = await Post(_server, """
            [{"jsonrpc":"2.0","id":1,"method":"test_add","params":[1,1]},
             {"jsonrpc":"2.0","method":"test_add","params":[5,5]},
             {"jsonrpc":"2.0","id":2,"method":"nope"},
             {"jsonrpc":"2.0","id":3,"method":"test_add","params":[2,2]}]
            """);
        var array = JsonNode.Parse(body)!.AsArray();
        Assert.Equal(3, array.Count);
        Assert.Equal(2, array[0]!["result"]!.GetValue<int>());
        Assert.Equal(-32601, array[1]!["error"]!["code"]!.GetValue<int>());
        Assert.Equal(4, array[2]!["result"]!.GetValue<int>());

        var (status, empty) = await Post(_server, """{"jsonrpc":"2.0","method":"test_add","params":[1,1]}""");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("", empty);
    }

    [Fact]
    public async Task Safe_mode_hides_unsafe_methods()
    {
        var unsafeOk = JsonNode.Parse((await Post(_server, """{"jsonrpc":"2.0","id":1,"method":"test_secret"}""")).Body)!;
        Assert.Equal("unsafe", unsafeOk["result"]!.GetValue<string>());
        var refused = JsonNode.Parse((await Post(_safeServer, """{"jsonrpc":"2.0","id":1,"method":"test_secret"}""")).Body)!;
        Assert.Equal(-32601, refused["error"]!["code"]!.GetValue<int>());
        Assert.Contains("unsafe", refused["error"]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cors_and_size_limits()
    {
        Assert.Equal(HttpStatusCode.Forbidden, (await Post(_server, """{"jsonrpc":"2.0","id":1,"method":"test_add","params":[1,2]}""", "https://evil.example")).Status);
        Assert.Equal(HttpStatusCode.OK, (await Post(_server, """{"jsonrpc":"2.0","id":1,"method":"test_add","params":[1,2]}""", "http://localhost:3000")).Status);
        var big = """{"jsonrpc":"2.0","id":1,"method":"test_hex","params":["0x""" + new string('a', 8000) + "\"]}";
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, (await Post(_server, big)).Status);
    }

    [Fact]
    public async Task WebSocket_subscription_notifications_follow_the_response_and_unsubscribe_works()
    {
        using var ws = new ClientWebSocket();
        await ws.ConnectAsync(new Uri($"ws://127.0.0.1:{_server.LocalEndPoint!.Port}"), CancellationToken.None);
        await Send(ws, """{"jsonrpc":"2.0","id":1,"method":"test_subscribeTicks","params":[3]}""");
        var response = await Receive(ws);
        var id = response["result"]!.GetValue<string>();
        Assert.Equal(16, id.Length);
        for (var i = 0; i < 3; i++)
        {
            var n = await Receive(ws);
            Assert.Equal("test_tick", n["method"]!.GetValue<string>());
            Assert.Equal(id, n["params"]!["subscription"]!.GetValue<string>());
            Assert.Equal(i, n["params"]!["result"]!.GetValue<int>());
        }

        await Send(ws, $$"""{"jsonrpc":"2.0","id":2,"method":"test_unsubscribeTicks","params":["{{id}}"]}""");
        Assert.True((await Receive(ws))["result"]!.GetValue<bool>());
        await Send(ws, $$"""{"jsonrpc":"2.0","id":3,"method":"test_unsubscribeTicks","params":["{{id}}"]}""");
        Assert.False((await Receive(ws))["result"]!.GetValue<bool>());
        Assert.True(Volatile.Read(ref _ticksStopped) >= 1);

        // Per-connection subscription limit (2).
        for (var i = 0; i < 2; i++)
        {
            await Send(ws, """{"jsonrpc":"2.0","id":10,"method":"test_subscribeTicks","params":[0]}""");
            Assert.NotNull((await Receive(ws))["result"]);
        }

        await Send(ws, """{"jsonrpc":"2.0","id":11,"method":"test_subscribeTicks","params":[0]}""");
        Assert.Equal(-32006, (await Receive(ws))["error"]!["code"]!.GetValue<int>());
    }

    [Fact]
    public async Task Subscriptions_over_http_are_refused_and_disconnect_stops_subscriptions()
    {
        var http = JsonNode.Parse((await Post(_server, """{"jsonrpc":"2.0","id":1,"method":"test_subscribeTicks","params":[1]}""")).Body)!;
        Assert.Equal(-32601, http["error"]!["code"]!.GetValue<int>());

        var before = Volatile.Read(ref _ticksStopped);
        using (var ws = new ClientWebSocket())
        {
            await ws.ConnectAsync(new Uri($"ws://127.0.0.1:{_server.LocalEndPoint!.Port}"), CancellationToken.None);
            await Send(ws, """{"jsonrpc":"2.0","id":1,"method":"test_subscribeTicks","params":[0]}""");
            Assert.NotNull((await Receive(ws))["result"]);
            await ws.CloseAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
        }

        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (Volatile.Read(ref _ticksStopped) == before && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        Assert.True(Volatile.Read(ref _ticksStopped) > before, "closing the socket must stop its subscriptions");
    }

    private static Task Send(ClientWebSocket ws, string text)
        => ws.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, CancellationToken.None);

    private static async Task<JsonNode> Receive(ClientWebSocket ws)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        WebSocketReceiveResult result;
        do
        {
            result = await ws.ReceiveAsync(buffer, timeout.Token);
            message.Write(buffer, 0, result.Count);
        }
        while (!result.EndOfMessage);
        return JsonNode.Parse(message.ToArray())!;
    }

    private sealed class Stop(Action action) : IDisposable
    {
        public void Dispose() => action();
    }
}
