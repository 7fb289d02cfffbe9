using System.Threading.Channels;
using Subtensor.Network.Protocols;

namespace Subtensor.Network.Service;

/// <summary>
/// The sending half of one notifications protocol towards one peer: a bounded queue that fills before the substream is open and a writer
/// that drains it once attached. A full queue drops new notifications (the peer is too slow), as sc-network's bounded channels do.
/// </summary>
internal sealed class OutboundNotifications(int capacity)
{
    private readonly Channel<byte[]> _queue = Channel.CreateBounded<byte[]>(new BoundedChannelOptions(capacity)
    {
        FullMode = BoundedChannelFullMode.Wait,
        SingleReader = true,
    });

    public bool IsOpen { get; private set; }

    /// <summary>Queues a notification; false when the queue is full or closed (it is dropped).</summary>
    public bool Enqueue(byte[] notification) => _queue.Writer.TryWrite(notification);

    /// <summary>Starts writing queued notifications to <paramref name="substream"/>; <paramref name="onEnd"/> runs when writing stops.</summary>
    public void Attach(NotificationsSubstream substream, CancellationToken cancellationToken, Action<Exception?> onEnd)
    {
        IsOpen = true;
        _ = Task.Run(async () =>
        {
            Exception? error = null;
            try
            {
                await foreach (var notification in _queue.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
                {
                    await substream.SendAsync(notification, cancellationToken).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                error = ex;
            }
            finally
            {
                IsOpen = false;
                await substream.DisposeAsync().ConfigureAwait(false);
                onEnd(error);
            }
        }, CancellationToken.None);
    }

    public void Complete() => _queue.Writer.TryComplete();
}
