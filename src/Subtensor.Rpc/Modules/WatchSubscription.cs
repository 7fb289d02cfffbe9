using System.Text.Json.Nodes;
using Serilog;
using Subtensor.Rpc.JsonRpc;
using Subtensor.TransactionPool;

namespace Subtensor.Rpc.Modules;

/// <summary>
/// Forwards a pool watcher's statuses to a subscription until the final one (or the client leaves); disposing it
/// detaches the watcher from the pool. The transaction itself stays in the pool.
/// </summary>
internal sealed class WatchSubscription : IDisposable
{
    private static readonly ILogger Log = Serilog.Log.ForContext<WatchSubscription>();
    private readonly TransactionWatcher _watcher;
    private readonly CancellationTokenSource _stop;

    public WatchSubscription(TransactionWatcher watcher, IRpcSubscriptionSink sink, Func<TransactionStatus, JsonNode?> toJson)
    {
        _watcher = watcher;
        _stop = CancellationTokenSource.CreateLinkedTokenSource(sink.Closed);
        _ = Task.Run(() => ForwardAsync(sink, toJson, _stop.Token));
    }

    private async Task ForwardAsync(IRpcSubscriptionSink sink, Func<TransactionStatus, JsonNode?> toJson, CancellationToken token)
    {
        try
        {
            await foreach (var status in _watcher.Events.ReadAllAsync(token).ConfigureAwait(false))
            {
                if (toJson(status) is { } json && !sink.TrySend(json))
                {
                    return;
                }

                if (status.IsFinal)
                {
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // unwatched or disconnected
        }
        catch (Exception e) when (StateAccess.IsClientError(e))
        {
            Log.Debug("transaction watch stopped: {Reason}", e.Message);
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _watcher.Dispose();
    }
}
