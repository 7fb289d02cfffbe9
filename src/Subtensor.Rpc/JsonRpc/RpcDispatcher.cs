using System.Text.Json;
using System.Text.Json.Nodes;
using Serilog;

namespace Subtensor.Rpc.JsonRpc;

/// <summary>
/// Transport-independent JSON-RPC 2.0 processing: single and batch requests, notifications (no id → no answer),
/// method lookup with the safe/unsafe policy, subscriptions on connections that support them, and error mapping.
/// </summary>
public sealed class RpcDispatcher
{
    private static readonly ILogger Log = Serilog.Log.ForContext<RpcDispatcher>();
    private readonly RpcMethodRegistry _registry;
    private readonly bool _allowUnsafe;
    private readonly int _maxBatch;

    public RpcDispatcher(RpcMethodRegistry registry, bool allowUnsafe, int maxBatchSize = 1024)
    {
        _registry = registry;
        _allowUnsafe = allowUnsafe;
        _maxBatch = maxBatchSize;
    }

    public bool AllowUnsafe => _allowUnsafe;

    /// <summary>Processes one payload; returns the response text, or null when nothing is to be answered.</summary>
    public async ValueTask<string?> HandleAsync(ReadOnlyMemory<byte> payload, IRpcConnection? connection, CancellationToken cancellationToken)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(payload.Span, documentOptions: new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException)
        {
            return Error(null, RpcErrorCodes.ParseError, "Parse error").ToJsonString();
        }

        if (root is JsonArray batch)
        {
            if (batch.Count == 0)
            {
                return Error(null, RpcErrorCodes.InvalidRequest, "Invalid request").ToJsonString();
            }

            if (batch.Count > _maxBatch)
            {
                return Error(null, RpcErrorCodes.OversizedRequest, $"The batch request was too large (max {_maxBatch})").ToJsonString();
            }

            var responses = new JsonArray();
            foreach (var item in batch)
            {
                var response = await HandleOneAsync(item, connection, cancellationToken).ConfigureAwait(false);
                if (response is not null)
                {
                    responses.Add(response);
                }
            }

            return responses.Count == 0 ? null : responses.ToJsonString();
        }

        var single = await HandleOneAsync(root, connection, cancellationToken).ConfigureAwait(false);
        return single?.ToJsonString();
    }

    private async ValueTask<JsonObject?> HandleOneAsync(JsonNode? request, IRpcConnection? connection, CancellationToken cancellationToken)
    {
        if (request is not JsonObject obj)
        {
            return Error(null, RpcErrorCodes.InvalidRequest, "Invalid request");
        }

        var hasId = obj.TryGetPropertyValue("id", out var idNode);
        var id = idNode?.DeepClone();
        if (idNode is not null && idNode.GetValueKind() is not (JsonValueKind.Number or JsonValueKind.String))
        {
            return Error(null, RpcErrorCodes.InvalidRequest, "Invalid request: id must be a number, a string or null");
        }

        if (obj["jsonrpc"]?.GetValueKind() != JsonValueKind.String || obj["jsonrpc"]!.GetValue<string>() != "2.0" ||
            obj["method"]?.GetValueKind() != JsonValueKind.String)
        {
            return Error(id, RpcErrorCodes.InvalidRequest, "Invalid request");
        }

        var name = obj["method"]!.GetValue<string>();
        JsonNode? result;
        try
        {
            var parameters = new RpcParams(obj["params"]);
            result = await InvokeAsync(name, parameters, connection, cancellationToken).ConfigureAwait(false);
        }
        catch (RpcException e)
        {
            return hasId ? Error(id, e.Code, e.Message, e.Data) : null;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e)
        {
            Log.Warning(e, "RPC method {Method} failed", name);
            return hasId ? Error(id, RpcErrorCodes.InternalError, "Internal error", JsonValue.Create(e.Message)) : null;
        }

        if (!hasId)
        {
            return null;
        }

        return new JsonObject { ["jsonrpc"] = "2.0", ["result"] = result, ["id"] = id };
    }

    private async ValueTask<JsonNode?> InvokeAsync(string name, RpcParams parameters, IRpcConnection? connection, CancellationToken cancellationToken)
    {
        if (!_registry.TryGet(name, out var method))
        {
            throw new RpcException(RpcErrorCodes.MethodNotFound, "Method not found");
        }

        if (method.IsUnsafe && !_allowUnsafe)
        {
            throw new RpcException(RpcErrorCodes.UnsafeRpcCalled, "RPC call is unsafe to be called externally");
        }

        if (method.Handler is not null)
        {
            return await method.Handler(parameters, cancellationToken).ConfigureAwait(false);
        }

        if (connection is null)
        {
            throw new RpcException(RpcErrorCodes.MethodNotFound, "Subscriptions are not available over HTTP; use a WebSocket connection");
        }

        if (method.IsUnsubscribe)
        {
            var id = parameters.Raw(0, "subscription");
            var text = id?.GetValueKind() switch
            {
                JsonValueKind.String => id.GetValue<string>(),
                JsonValueKind.Number => id.ToJsonString(),
                _ => throw RpcException.InvalidParams("missing parameter 'subscription'"),
            };
            return connection.Detach(text);
        }

        var sink = connection.CreateSink(method.NotificationName!);
        IDisposable subscription;
        try
        {
            subscription = await method.Subscribe!(parameters, sink, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            connection.Discard(sink);
            throw;
        }

        if (!connection.Attach(sink, subscription))
        {
            subscription.Dispose();
            throw new RpcException(RpcErrorCodes.TooManySubscriptions, "Exceeded max limit of subscriptions per connection");
        }

        return sink.SubscriptionId;
    }

    private static JsonObject Error(JsonNode? id, int code, string message, JsonNode? data = null)
    {
        var error = new JsonObject { ["code"] = code, ["message"] = message };
        if (data is not null)
        {
            error["data"] = data.DeepClone();
        }

        return new JsonObject { ["jsonrpc"] = "2.0", ["error"] = error, ["id"] = id };
    }
}
