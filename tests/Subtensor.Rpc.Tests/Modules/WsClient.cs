using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Channels;

namespace Subtensor.Rpc.Tests.Modules;

/// <summary>A small JSON-RPC WebSocket client: requests by id, notifications queued per subscription id.</summary>
internal sealed class WsClient : IAsyncDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);
    private readonly ClientWebSocket _socket = new();
    private readonly ConcurrentDictionary<int, TaskCompletionSource<JsonObject>> _pending = new();
    private readonly ConcurrentDictionary<string, Channel<JsonObject>> _notifications = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stop = new();
    private Task _reader = Task.CompletedTask;
    private int _nextId;

    public static async Task<WsClient> Connect(Uri uri)
    {
        var client = new WsClient();
        await client._socket.ConnectAsync(uri, CancellationToken.None);
        client._reader = Task.Run(client.ReadLoop);
        return client;
    }

    public async Task<JsonObject> Request(string method, params JsonNode?[] parameters)
    {
        var id = Interlocked.Increment(ref _nextId);
        var tcs = new TaskCompletionSource<JsonObject>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = tcs;
        var text = new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id, ["method"] = method, ["params"] = new JsonArray(parameters) }.ToJsonString();
        await _socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, CancellationToken.None);
        return await tcs.Task.WaitAsync(Timeout);
    }

    public async Task<JsonNode?> Call(string method, params JsonNode?[] parameters)
    {
        var response = await Request(method, parameters);
        Assert.True(response["error"] is null, $"{method} failed: {response["error"]?.ToJsonString()}");
        return response["result"];
    }

    /// <summary>Subscribes and returns the subscription id.</summary>
    public async Task<string> Subscribe(string method, params JsonNode?[] parameters)
        => (await Call(method, parameters))!.GetValue<string>();

    /// <summary>The next notification of a subscription (its <c>params</c> object: method name and result).</summary>
    public async Task<(string Method, JsonNode? Result)> Next(string subscription)
    {
        var message = await Queue(subscription).Reader.ReadAsync().AsTask().WaitAsync(Timeout);
        return (message["method"]!.GetValue<string>(), message["params"]!["result"]);
    }

    /// <summary>The next notification's result, skipping those <paramref name="match"/> rejects.</summary>
    public async Task<JsonNode?> NextWhere(string subscription, Func<JsonNode?, bool> match)
    {
        while (true)
        {
            var (_, result) = await Next(subscription);
            if (match(result))
            {
                return result;
            }
        }
    }

    /// <summary>True when a notification arrives within <paramref name="wait"/>.</summary>
    public async Task<bool> HasNotification(string subscription, TimeSpan wait)
    {
        using var cts = new CancellationTokenSource(wait);
        try
        {
            return await Queue(subscription).Reader.WaitToReadAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private Channel<JsonObject> Queue(string subscription) => _notifications.GetOrAdd(subscription, _ => Channel.CreateUnbounded<JsonObject>());

    private async Task ReadLoop()
    {
        var buffer = new byte[256 * 1024];
        using var message = new MemoryStream();
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var result = await _socket.ReceiveAsync(buffer, _stop.Token);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return;
                }

                message.Write(buffer, 0, result.Count);
                if (!result.EndOfMessage)
                {
                    continue;
                }

                var node = JsonNode.Parse(message.ToArray())!.AsObject();
                message.SetLength(0);
                if (node["id"] is { } id && _pending.TryRemove(id.GetValue<int>(), out var tcs))
                {
                    tcs.TrySetResult(node);
                }
                else if (node["params"]?["subscription"] is { } sub)
                {
                    Queue(sub.GetValue<string>()).Writer.TryWrite(node);
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException)
        {
            // closed
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_socket.State == WebSocketState.Open)
        {
            try
            {
                using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, cts.Token);
            }
            catch (Exception e) when (e is WebSocketException or OperationCanceledException)
            {
                // already gone
            }
        }

        _stop.Cancel();
        await _reader.WaitAsync(TimeSpan.FromSeconds(5)).ContinueWith(_ => { });
        _socket.Dispose();
        _stop.Dispose();
    }
}
