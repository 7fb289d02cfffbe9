using System.Threading.Channels;
using Serilog;
using Subtensor.Rpc.JsonRpc;

namespace Subtensor.Rpc.Modules;

/// <summary>
/// The worker behind one subscription: chain and pool events are posted from their (lock-holding) raisers without
/// blocking, and handled in order on a background task that reads state and sends notifications. Disposing it (on
/// unsubscribe or disconnect) unhooks the event sources and stops the task.
/// </summary>
internal sealed class EventPump<T> : IDisposable
{
    private static readonly ILogger Log = Serilog.Log.ForContext<EventPump<T>>();
    private readonly Channel<T> _channel = Channel.CreateUnbounded<T>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource _stop;
    private readonly List<Action> _onDispose = [];
    private int _disposed;

    public EventPump(IRpcSubscriptionSink sink, Func<T, CancellationToken, ValueTask<bool>> handle)
    {
        ArgumentNullException.ThrowIfNull(sink);
        ArgumentNullException.ThrowIfNull(handle);
        _stop = CancellationTokenSource.CreateLinkedTokenSource(sink.Closed);
        Completion = Task.Run(() => RunAsync(handle, _stop.Token));
    }

    /// <summary>Ends when the subscription stops (disposed, closed, or the handler returned false).</summary>
    public Task Completion { get; }

    public bool Post(T item) => _channel.Writer.TryWrite(item);

    /// <summary>Registers an action run once on dispose (unhooking an event).</summary>
    public void OnDispose(Action action)
    {
        lock (_onDispose)
        {
            _onDispose.Add(action);
        }
    }

    private async Task RunAsync(Func<T, CancellationToken, ValueTask<bool>> handle, CancellationToken token)
    {
        try
        {
            await foreach (var item in _channel.Reader.ReadAllAsync(token).ConfigureAwait(false))
            {
                bool more;
                try
                {
                    more = await handle(item, token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (token.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    Log.Debug(e, "subscription event handler failed");
                    more = true;
                }

                if (!more)
                {
                    _channel.Writer.TryComplete();
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // unsubscribed or disconnected
        }
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        List<Action> actions;
        lock (_onDispose)
        {
            actions = [.. _onDispose];
        }

        foreach (var action in actions)
        {
            action();
        }

        _channel.Writer.TryComplete();
        // Not disposed: the loop may still observe the token; the linked registration goes with the sink.
        _stop.Cancel();
    }
}
