using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Serilog;
using Subtensor.Client.Blockchain;
using Subtensor.Core.Scale;
using Subtensor.Core.Types;
using Subtensor.Rpc.JsonRpc;
using Subtensor.TransactionPool;

namespace Subtensor.Rpc.Modules;

/// <summary>
/// The new API's transaction groups (json-rpc-interface-spec, sc-rpc-spec-v2 <c>transaction</c>):
/// <c>transactionWatch_v1_submitAndWatch/unwatch</c>, whose failures are events rather than errors, and
/// <c>transaction_v1_broadcast/stop</c> (unsafe, as in Substrate), which keeps resubmitting a transaction until it is
/// finalized, usurped or stopped.
/// </summary>
public sealed class TransactionV1Rpc
{
    private const string IdAlphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private static readonly ILogger Log = Serilog.Log.ForContext<TransactionV1Rpc>();
    private readonly RpcServices _services;
    private readonly ConcurrentDictionary<string, CancellationTokenSource> _broadcasts = new(StringComparer.Ordinal);

    public TransactionV1Rpc(RpcServices services) => _services = services ?? throw new ArgumentNullException(nameof(services));

    /// <summary>Broadcasts still running (for tests and metrics).</summary>
    public int ActiveBroadcasts => _broadcasts.Count;

    public void Register(RpcMethodRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        registry.AddSubscription("transactionWatch_v1_submitAndWatch", "transactionWatch_v1_unwatch", "transactionWatch_v1_watchEvent",
            (p, sink, _) => ValueTask.FromResult(SubmitAndWatch(p.RequiredBytes(0, "bytes"), sink)));
        registry.Add("transaction_v1_broadcast", RpcJson.Sync(p => Broadcast(p.RequiredBytes(0, "bytes"))), isUnsafe: true);
        registry.Add("transaction_v1_stop", RpcJson.Sync(p =>
        {
            var id = p.RequiredString(0, "operation_id");
            if (!_broadcasts.TryRemove(id, out var stop))
            {
                throw new RpcException(RpcErrorCodes.InvalidParams, "Invalid operation id");
            }

            stop.Cancel();
            return null;
        }), isUnsafe: true);
    }

    private IDisposable SubmitAndWatch(byte[] raw, IRpcSubscriptionSink sink)
    {
        byte[] extrinsic;
        try
        {
            extrinsic = AuthorRpc.DecodeOpaque(raw);
        }
        catch (ScaleDecodeException)
        {
            sink.TrySend(Event("invalid", "Extrinsic bytes cannot be decoded"));
            return EmptyDisposable.Instance;
        }

        TransactionWatcher watcher;
        try
        {
            watcher = AuthorRpc.Guard(() => _services.Pool.SubmitAndWatch(extrinsic, TransactionSource.External));
        }
        catch (RpcException e)
        {
            sink.TrySend(Event("invalid", ErrorText(e)));
            return EmptyDisposable.Instance;
        }

        _services.Node.BroadcastTransaction(extrinsic);
        return new WatchSubscription(watcher, sink, status => ToEvent(status, watcher.Hash));
    }

    /// <summary>sc-rpc-spec-v2 <c>handle_event</c>: pool statuses as the new API's transaction events.</summary>
    private JsonNode? ToEvent(TransactionStatus status, Hash256 tx) => status.Kind switch
    {
        TransactionStatusKind.Ready or TransactionStatusKind.Future => new JsonObject { ["event"] = "validated" },
        TransactionStatusKind.InBlock => new JsonObject { ["event"] = "bestChainBlockIncluded", ["block"] = BlockRef(status.Block!.Value, tx) },
        TransactionStatusKind.Retracted => new JsonObject { ["event"] = "bestChainBlockIncluded", ["block"] = null },
        TransactionStatusKind.Finalized => new JsonObject { ["event"] = "finalized", ["block"] = BlockRef(status.Block!.Value, tx) },
        TransactionStatusKind.FinalityTimeout => Event("dropped", "Maximum number of finality watchers has been reached"),
        TransactionStatusKind.Usurped => Event("invalid", "Extrinsic was rendered invalid by another extrinsic"),
        TransactionStatusKind.Dropped => Event("dropped", "Extrinsic dropped from the pool due to exceeding limits"),
        TransactionStatusKind.Invalid => Event("invalid", "Extrinsic marked as invalid"),
        _ => null,
    };

    /// <summary><c>{hash, index}</c>: the block and the transaction's position in its body.</summary>
    private JsonObject BlockRef(Hash256 block, Hash256 tx)
    {
        var body = _services.Client.GetBody(block) ?? [];
        var index = 0;
        for (var i = 0; i < body.Count; i++)
        {
            if (Hash256.Blake2(body[i]) == tx)
            {
                index = i;
                break;
            }
        }

        return new JsonObject { ["hash"] = RpcJson.Hash(block), ["index"] = index };
    }

    private static JsonObject Event(string name, string error) => new() { ["event"] = name, ["error"] = error };

    /// <summary>sc-rpc-spec-v2's wording for a refused submission.</summary>
    private static string ErrorText(RpcException e)
    {
        var detail = e.Data?.GetValue<string>() ?? "";
        return e.Code switch
        {
            (int)TransactionPoolErrorKind.InvalidTransaction when detail.StartsWith("Custom error: ", StringComparison.Ordinal) =>
                "Invalid transaction with custom error: " + detail["Custom error: ".Length..],
            (int)TransactionPoolErrorKind.InvalidTransaction => "Invalid transaction: " + detail,
            (int)TransactionPoolErrorKind.UnknownValidity => "Unknown transaction validity: " + detail,
            (int)TransactionPoolErrorKind.TemporarilyBanned => "Transaction is temporarily banned",
            (int)TransactionPoolErrorKind.AlreadyImported => "Transaction is already imported",
            (int)TransactionPoolErrorKind.TooLowPriority => "The priority of the transaction is too low",
            (int)TransactionPoolErrorKind.CycleDetected => "The transaction contains a cyclic dependency",
            (int)TransactionPoolErrorKind.ImmediatelyDropped => "The transaction could not enter the pool because of the limit",
            (int)TransactionPoolErrorKind.NoTagsProvided => "Transaction does not provide any tags, so the pool cannot identify it",
            _ => "Verification error: " + e.Message,
        };
    }

    /// <summary>
    /// Starts broadcasting: the transaction goes into the pool (and so to peers) and is submitted again after each new
    /// best block while it is dropped or invalid, until it is finalized, usurped, or stopped. Invalid bytes are
    /// silently ignored, as the spec asks; the operation still counts until stopped.
    /// </summary>
    private JsonNode Broadcast(byte[] raw)
    {
        string id;
        var stop = new CancellationTokenSource();
        do
        {
            id = NewId();
        }
        while (!_broadcasts.TryAdd(id, stop));

        _ = Task.Run(() => BroadcastAsync(raw, stop.Token));
        return JsonValue.Create(id);
    }

    private async Task BroadcastAsync(byte[] raw, CancellationToken token)
    {
        byte[] extrinsic;
        try
        {
            extrinsic = AuthorRpc.DecodeOpaque(raw);
        }
        catch (ScaleDecodeException)
        {
            return;
        }

        var client = _services.Client;
        var newBest = new SemaphoreSlim(0);
        Action<BlockImportedEvent> onImported = e =>
        {
            if (e.IsNewBest)
            {
                newBest.Release();
            }
        };
        client.BlockImported += onImported;
        try
        {
            while (!token.IsCancellationRequested)
            {
                TransactionWatcher watcher;
                try
                {
                    watcher = _services.Pool.SubmitAndWatch(extrinsic, TransactionSource.External);
                }
                catch (TransactionPoolException e)
                {
                    Log.Debug("transaction_v1_broadcast: not accepted ({Reason})", e.Message);
                    return;
                }

                _services.Node.BroadcastTransaction(extrinsic);
                using (watcher)
                {
                    var done = false;
                    await foreach (var status in watcher.Events.ReadAllAsync(token).ConfigureAwait(false))
                    {
                        if (status.Kind is TransactionStatusKind.Finalized or TransactionStatusKind.FinalityTimeout or TransactionStatusKind.Usurped)
                        {
                            done = true;
                            break;
                        }

                        if (status.Kind is TransactionStatusKind.Dropped or TransactionStatusKind.Invalid)
                        {
                            break;
                        }
                    }

                    if (done)
                    {
                        return;
                    }
                }

                // Dropped or invalid now: it may become valid again on a later best block.
                while (newBest.CurrentCount > 0)
                {
                    await newBest.WaitAsync(token).ConfigureAwait(false);
                }

                await newBest.WaitAsync(token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            // transaction_v1_stop
        }
        catch (Exception e) when (StateAccess.IsClientError(e))
        {
            Log.Debug("transaction_v1_broadcast stopped: {Reason}", e.Message);
        }
        finally
        {
            // The semaphore is not disposed: an import raising the event concurrently may still release it.
            client.BlockImported -= onImported;
        }
    }

    private static string NewId()
    {
        Span<char> chars = stackalloc char[16];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = IdAlphabet[RandomNumberGenerator.GetInt32(IdAlphabet.Length)];
        }

        return new string(chars);
    }

    private sealed class EmptyDisposable : IDisposable
    {
        public static readonly EmptyDisposable Instance = new();

        public void Dispose()
        {
        }
    }
}
