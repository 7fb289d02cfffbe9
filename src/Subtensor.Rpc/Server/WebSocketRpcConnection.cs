using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Serilog;
using Subtensor.Rpc.JsonRpc;

namespace Subtensor.Rpc.Server;

/// <summary>
/// One WebSocket client: reads requests (processed concurrently, bounded), writes responses and subscription
/// notifications through one ordered outbound queue, and owns the client's subscriptions.
/// </summary>
internal sealed class WebSocketRpcConnection
{
    private const int MaxConcurrentRequests = 32;
    private const string IdAlphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private static readonly ILogger Log = Serilog.Log.ForContext<WebSocketRpcConnection>();

    private readonly WebSocket _socket;
    private readonly RpcDispatcher _dispatcher;
    private readonly RpcServerOptions _options;
    private readonly Channel<string> _outbound;
    private readonly ConcurrentDictionary<string, (Sink Sink, IDisposable Subscription)> _subscriptions = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _closed = new();
    private readonly SemaphoreSlim _concurrency = new(MaxConcurrentRequests);

    public WebSocketRpcConnection(WebSocket socket, RpcDispatcher dispatcher, RpcServerOptions options)
    {
        _socket = socket;
        _dispatcher = dispatcher;
        _options = options;
        _outbound = Channel.CreateBounded<string>(new BoundedChannelOptions(options.MaxQueuedMessages)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
    }

    public async Task RunAsync(CancellationToken serverStopping)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(serverStopping, _closed.Token);
        var writer = WriteLoopAsync(linked.Token);
        var inFlight = new List<Task>();
        try
        {
            var buffer = new byte[64 * 1024];
            var message = new MemoryStream();
            while (!linked.IsCancellationRequested && _socket.State == WebSocketState.Open)
            {
                var result = await _socket.ReceiveAsync(buffer, linked.Token).ConfigureAwait(false);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }

                message.Write(buffer, 0, result.Count);
                if (message.Length > _options.MaxRequestSize)
                {
                    Enqueue(ErrorText(RpcErrorCodes.OversizedRequest, $"Request is too big (max {_options.MaxRequestSize} bytes)"));
                    break;
                }

                if (!result.EndOfMessage)
                {
                    continue;
                }

                var payload = message.ToArray();
                message.SetLength(0);
                await _concurrency.WaitAsync(linked.Token).ConfigureAwait(false);
                inFlight.RemoveAll(t => t.IsCompleted);
                inFlight.Add(ProcessAsync(payload, linked.Token));
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or IOException)
        {
            Log.Debug("WebSocket connection ended: {Reason}", e.Message);
        }
        finally
        {
            try
            {
                await Task.WhenAll(inFlight).WaitAsync(TimeSpan.FromSeconds(5), CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception e) when (e is TimeoutException or OperationCanceledException or WebSocketException)
            {
                Log.Debug("requests still running at disconnect: {Reason}", e.Message);
            }

            foreach (var id in _subscriptions.Keys.ToList())
            {
                Detach(id);
            }

            _outbound.Writer.TryComplete();
            await _closed.CancelAsync().ConfigureAwait(false);
            try
            {
                await writer.ConfigureAwait(false);
            }
            catch (Exception e) when (e is WebSocketException or OperationCanceledException or IOException)
            {
                Log.Debug("WebSocket writer ended: {Reason}", e.Message);
            }

            if (_socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                try
                {
                    await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None).ConfigureAwait(false);
                }
                catch (Exception e) when (e is WebSocketException or IOException)
                {
                    Log.Debug("WebSocket close failed: {Reason}", e.Message);
                }
            }

            _closed.Dispose();
            _concurrency.Dispose();
        }
    }

    private async Task ProcessAsync(byte[] payload, CancellationToken cancellationToken)
    {
        try
        {
            var scope = new RequestScope(this);
            var response = await _dispatcher.HandleAsync(payload, scope, cancellationToken).ConfigureAwait(false);
            if (response is not null)
            {
                if (Encoding.UTF8.GetByteCount(response) > _options.MaxResponseSize)
                {
                    response = ErrorText(RpcErrorCodes.OversizedRequest, $"Response is too big (max {_options.MaxResponseSize} bytes)");
                }

                Enqueue(response);
            }

            scope.ActivatePending();
        }
        catch (OperationCanceledException)
        {
            // connection closing
        }
        finally
        {
            try
            {
                _concurrency.Release();
            }
            catch (ObjectDisposedException)
            {
                // connection already torn down
            }
        }
    }

    private async Task WriteLoopAsync(CancellationToken cancellationToken)
    {
        await foreach (var text in _outbound.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            await _socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, cancellationToken).ConfigureAwait(false);
        }
    }

    private void Enqueue(string text)
    {
        if (!_outbound.Writer.TryWrite(text))
        {
            // A client that does not read its messages is disconnected rather than buffered without bound.
            Log.Warning("RPC client is too slow ({Max} queued messages); disconnecting", _options.MaxQueuedMessages);
            _closed.Cancel();
        }
    }

    private bool Detach(string subscriptionId)
    {
        if (!_subscriptions.TryRemove(subscriptionId, out var entry))
        {
            return false;
        }

        entry.Sink.Close();
        entry.Subscription.Dispose();
        return true;
    }

    private static string ErrorText(int code, string message)
        => new JsonObject { ["jsonrpc"] = "2.0", ["error"] = new JsonObject { ["code"] = code, ["message"] = message }, ["id"] = null }.ToJsonString();

    private static string NewSubscriptionId()
    {
        Span<char> chars = stackalloc char[16];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = IdAlphabet[RandomNumberGenerator.GetInt32(IdAlphabet.Length)];
        }

        return new string(chars);
    }

    /// <summary>The connection as seen by one request: sinks it creates start flowing after its response.</summary>
    private sealed class RequestScope(WebSocketRpcConnection owner) : IRpcConnection
    {
        private readonly List<Sink> _pending = [];

        public IRpcSubscriptionSink CreateSink(string notificationMethod)
        {
            var sink = new Sink(owner, NewSubscriptionId(), notificationMethod);
            lock (_pending)
            {
                _pending.Add(sink);
            }

            return sink;
        }

        public bool Attach(IRpcSubscriptionSink sink, IDisposable subscription)
        {
            if (owner._subscriptions.Count >= owner._options.MaxSubscriptionsPerConnection)
            {
                Discard(sink);
                return false;
            }

            return owner._subscriptions.TryAdd(sink.SubscriptionId, ((Sink)sink, subscription));
        }

        public bool Detach(string subscriptionId) => owner.Detach(subscriptionId);

        public void Discard(IRpcSubscriptionSink sink)
        {
            lock (_pending)
            {
                _pending.Remove((Sink)sink);
            }

            ((Sink)sink).Close();
        }

        public void ActivatePending()
        {
            List<Sink> sinks;
            lock (_pending)
            {
                sinks = [.. _pending];
                _pending.Clear();
            }

            foreach (var sink in sinks)
            {
                sink.Activate();
            }
        }
    }

    /// <summary>Queues notifications; before activation they are held so they never overtake the subscribe response.</summary>
    private sealed class Sink(WebSocketRpcConnection owner, string id, string method) : IRpcSubscriptionSink
    {
        private readonly CancellationTokenSource _closed = new();
        private readonly object _gate = new();
        private List<string>? _held = [];

        public string SubscriptionId => id;

        public object Connection => owner;

        public CancellationToken Closed => _closed.Token;

        public bool TrySend(JsonNode? result)
        {
            var text = new JsonObject
            {
                ["jsonrpc"] = "2.0",
                ["method"] = method,
                ["params"] = new JsonObject { ["subscription"] = id, ["result"] = result },
            }.ToJsonString();
            lock (_gate)
            {
                if (_closed.IsCancellationRequested)
                {
                    return false;
                }

                if (_held is not null)
                {
                    _held.Add(text);
                    return true;
                }
            }

            owner.Enqueue(text);
            return true;
        }

        public void Activate()
        {
            lock (_gate)
            {
                if (_held is null)
                {
                    return;
                }

                foreach (var text in _held)
                {
                    owner.Enqueue(text);
                }

                _held = null;
            }
        }

        public void Close()
        {
            lock (_gate)
            {
                if (!_closed.IsCancellationRequested)
                {
                    _closed.Cancel();
                }

                _held = null;
            }
        }
    }
}
