using System.Threading.Channels;
using Subtensor.Core.Types;

namespace Subtensor.TransactionPool;

/// <summary>The status stream of one submitted transaction; completes after a final status.</summary>
public sealed class TransactionWatcher : IDisposable
{
    private readonly Channel<TransactionStatus> _events = Channel.CreateUnbounded<TransactionStatus>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Action<TransactionWatcher> _detach;
    private int _done;

    internal TransactionWatcher(Hash256 hash, Action<TransactionWatcher> detach)
    {
        Hash = hash;
        _detach = detach;
    }

    public Hash256 Hash { get; }

    public ChannelReader<TransactionStatus> Events => _events.Reader;

    internal void Publish(TransactionStatus status)
    {
        if (Volatile.Read(ref _done) != 0)
        {
            return;
        }

        _events.Writer.TryWrite(status);
        if (status.IsFinal && Interlocked.Exchange(ref _done, 1) == 0)
        {
            _events.Writer.TryComplete();
        }
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _done, 1) == 0)
        {
            _events.Writer.TryComplete();
        }

        _detach(this);
    }
}
