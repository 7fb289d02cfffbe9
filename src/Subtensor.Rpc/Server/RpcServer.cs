using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Subtensor.Rpc.JsonRpc;

namespace Subtensor.Rpc.Server;

/// <summary>
/// JSON-RPC over HTTP POST and WebSocket on one port (Kestrel), as Substrate serves it: CORS, request/response
/// size limits, a connection limit, per-connection subscription limits, and the safe/unsafe method policy.
/// </summary>
public sealed class RpcServer : IAsyncDisposable
{
    private static readonly Serilog.ILogger Log = Serilog.Log.ForContext<RpcServer>();
    private readonly RpcServerOptions _options;
    private readonly RpcDispatcher _dispatcher;
    private readonly CorsPolicy _cors;
    private readonly CancellationTokenSource _stopping = new();
    private WebApplication? _app;
    private int _connections;

    public RpcServer(RpcMethodRegistry registry, RpcServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(registry);
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _dispatcher = new RpcDispatcher(registry, options.AllowUnsafe, options.MaxBatchSize);
        _cors = new CorsPolicy(options);
    }

    /// <summary>The bound endpoint once started (useful with port 0).</summary>
    public IPEndPoint? LocalEndPoint { get; private set; }

    public RpcDispatcher Dispatcher => _dispatcher;

    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Services.Configure<KestrelServerOptions>(k =>
        {
            k.AddServerHeader = false;
            k.Limits.MaxRequestBodySize = _options.MaxRequestSize;
            k.Listen(_options.External ? IPAddress.IPv6Any : IPAddress.Loopback, _options.Port);
        });
        builder.WebHost.UseKestrelCore();
        var app = builder.Build();
        app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.FromSeconds(30) });
        app.Run(HandleAsync);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        _app = app;

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("RPC server did not report its address");
        var uri = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal));
        LocalEndPoint = new IPEndPoint(_options.External ? IPAddress.IPv6Any : IPAddress.Loopback, uri.Port);
        Log.Information("Running JSON-RPC server: addr={Address}, allowed origins={Cors}, methods={Methods}",
            LocalEndPoint, _options.CorsAll ? "all" : string.Join(",", _options.CorsOrigins ?? RpcServerOptions.DefaultCorsOrigins),
            _options.AllowUnsafe ? "unsafe" : "safe");
    }

    private async Task HandleAsync(HttpContext context)
    {
        var origin = context.Request.Headers.Origin.FirstOrDefault();
        if (!_cors.Allows(origin))
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return;
        }

        if (!string.IsNullOrEmpty(origin))
        {
            context.Response.Headers.AccessControlAllowOrigin = origin;
            context.Response.Headers.Vary = "Origin";
        }

        if (Interlocked.Increment(ref _connections) > _options.MaxConnections)
        {
            Interlocked.Decrement(ref _connections);
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            await context.Response.WriteAsync("Too many connections", context.RequestAborted).ConfigureAwait(false);
            return;
        }

        try
        {
            if (context.WebSockets.IsWebSocketRequest)
            {
                using var socket = await context.WebSockets.AcceptWebSocketAsync().ConfigureAwait(false);
                await new WebSocketRpcConnection(socket, _dispatcher, _options).RunAsync(_stopping.Token).ConfigureAwait(false);
                return;
            }

            await HandleHttpAsync(context).ConfigureAwait(false);
        }
        finally
        {
            Interlocked.Decrement(ref _connections);
        }
    }

    private async Task HandleHttpAsync(HttpContext context)
    {
        var request = context.Request;
        if (HttpMethods.IsOptions(request.Method))
        {
            context.Response.Headers.AccessControlAllowMethods = "POST, GET, OPTIONS";
            context.Response.Headers.AccessControlAllowHeaders = "content-type";
            context.Response.StatusCode = StatusCodes.Status200OK;
            return;
        }

        if (HttpMethods.IsGet(request.Method) && request.Path == "/health")
        {
            var health = await _dispatcher.HandleAsync(
                """{"jsonrpc":"2.0","id":0,"method":"system_health","params":[]}"""u8.ToArray(), null, context.RequestAborted).ConfigureAwait(false);
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(ExtractResult(health), context.RequestAborted).ConfigureAwait(false);
            return;
        }

        if (!HttpMethods.IsPost(request.Method))
        {
            context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            return;
        }

        byte[] body;
        try
        {
            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer, context.RequestAborted).ConfigureAwait(false);
            body = buffer.ToArray();
        }
        catch (Microsoft.AspNetCore.Http.BadHttpRequestException)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return;
        }

        var response = await _dispatcher.HandleAsync(body, null, context.RequestAborted).ConfigureAwait(false);
        context.Response.ContentType = "application/json; charset=utf-8";
        if (response is null)
        {
            context.Response.StatusCode = StatusCodes.Status200OK;
            return;
        }

        await context.Response.WriteAsync(response, context.RequestAborted).ConfigureAwait(false);
    }

    private static string ExtractResult(string? response)
    {
        if (response is null)
        {
            return "{}";
        }

        var node = System.Text.Json.Nodes.JsonNode.Parse(response);
        return node?["result"]?.ToJsonString() ?? response;
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        if (_app is not null)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await _app.StopAsync(timeout.Token).ConfigureAwait(false);
            await _app.DisposeAsync().ConfigureAwait(false);
        }

        _stopping.Dispose();
    }
}
