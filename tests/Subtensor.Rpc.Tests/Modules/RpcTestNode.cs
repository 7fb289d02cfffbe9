using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Subtensor.Rpc.JsonRpc;
using Subtensor.Rpc.Modules;
using Subtensor.Rpc.Server;
using Subtensor.Storage.Chain;

namespace Subtensor.Rpc.Tests.Modules;

/// <summary>A dev chain served by two RPC servers on OS-chosen loopback ports: one exposing unsafe methods, one safe.</summary>
public sealed class RpcTestNode : IAsyncLifetime
{
    private readonly HttpClient _http = new();
    private readonly ChainDatabaseOptions? _options;

    public RpcTestNode() : this(null)
    {
    }

    private readonly bool _withChildTrie;

    internal RpcTestNode(ChainDatabaseOptions? options, bool withChildTrie = false)
    {
        _options = options;
        _withChildTrie = withChildTrie;
    }

    internal TestChain Chain { get; private set; } = null!;

    internal FakeNodeInfo Node { get; } = new();

    public RpcServer Server { get; private set; } = null!;

    public RpcServer SafeServer { get; private set; } = null!;

    public RpcMethodRegistry Registry { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Chain = new TestChain(_options, withChildTrie: _withChildTrie);
        var services = new RpcServices(Chain.Client, Chain.Pool, Chain.Keystore, Node);
        Registry = new RpcMethodRegistry();
        RpcModules.Register(Registry, services);
        Server = new RpcServer(Registry, new RpcServerOptions { Port = 0, Methods = RpcMethodsMode.Unsafe });
        await Server.StartAsync();
        var safeRegistry = new RpcMethodRegistry();
        RpcModules.Register(safeRegistry, services, denyUnsafe: true);
        SafeServer = new RpcServer(safeRegistry, new RpcServerOptions { Port = 0, Methods = RpcMethodsMode.Safe });
        await SafeServer.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        await SafeServer.DisposeAsync();
        _http.Dispose();
        Chain.Dispose();
    }

    public Uri WsUri(bool safe = false) => new($"ws://127.0.0.1:{(safe ? SafeServer : Server).LocalEndPoint!.Port}");

    /// <summary>One call over HTTP; returns the whole response object.</summary>
    public async Task<JsonObject> Request(string method, JsonArray? parameters = null, bool safe = false)
    {
        var body = new JsonObject { ["jsonrpc"] = "2.0", ["id"] = 1, ["method"] = method, ["params"] = parameters ?? [] }.ToJsonString();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"http://127.0.0.1:{(safe ? SafeServer : Server).LocalEndPoint!.Port}/"))
        {
            Content = new StringContent(body, Encoding.UTF8),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await _http.SendAsync(request);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }

    /// <summary>The result of a successful call (fails the test on an error).</summary>
    public async Task<JsonNode?> Call(string method, params JsonNode?[] parameters)
    {
        var response = await Request(method, new JsonArray(parameters));
        Assert.True(response["error"] is null, $"{method} failed: {response["error"]?.ToJsonString()}");
        return response["result"];
    }

    /// <summary>The error object of a call expected to fail.</summary>
    public async Task<JsonObject> Error(string method, params JsonNode?[] parameters)
    {
        var response = await Request(method, new JsonArray(parameters));
        Assert.True(response["error"] is not null, $"{method} unexpectedly succeeded: {response["result"]?.ToJsonString()}");
        return response["error"]!.AsObject();
    }
}
