namespace Subtensor.Network.Yamux;

/// <summary>
/// One yamux stream as a <see cref="Stream"/>. Reads return 0 after the remote's FIN; writes wait while the remote's window
/// is exhausted (back-pressure). <see cref="CloseWriteAsync"/> half-closes (FIN), <see cref="Reset"/> aborts (RST).
/// Disposing half-closes and discards whatever the remote still sends.
/// </summary>
public sealed class YamuxStream : Stream
{
    private readonly YamuxSession _session;
    private readonly object _lock = new();
    private readonly Queue<byte[]> _buffer = new();
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private int _headOffset;
    private int _buffered;
    private long _receiveWindow;
    private long _unacknowledged;
    private long _sendWindow = YamuxOptions.InitialWindow;
    private bool _remoteClosed;
    private bool _localClosed;
    private bool _reset;
    private bool _detached;
    private bool _removed;
    private string? _failure;
    private TaskCompletionSource? _readWaiter;
    private TaskCompletionSource? _writeWaiter;
    private Task<bool> _lastWrite = Task.FromResult(true);

    internal YamuxStream(YamuxSession session, uint id, bool isOutbound, int receiveWindow)
    {
        _session = session;
        Id = id;
        IsOutbound = isOutbound;
        _receiveWindow = receiveWindow;
    }

    public uint Id { get; }

    /// <summary>True when we opened the stream.</summary>
    public bool IsOutbound { get; }

    public YamuxSession Session => _session;

    /// <summary>The protocol negotiated on the stream, set by the host after multistream-select.</summary>
    public string? Protocol { get; internal set; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    /// <summary>Bytes received and not yet read.</summary>
    internal int Buffered
    {
        get
        {
            lock (_lock)
            {
                return _buffered;
            }
        }
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (buffer.IsEmpty)
        {
            return 0;
        }

        while (true)
        {
            Task wait;
            lock (_lock)
            {
                if (_buffered > 0)
                {
                    return Take(buffer.Span);
                }

                if (_reset)
                {
                    throw new YamuxStreamResetException($"yamux stream {Id} was reset");
                }

                if (_remoteClosed)
                {
                    return 0;
                }

                if (_failure is not null)
                {
                    throw new IOException($"yamux stream {Id}: connection closed ({_failure})");
                }

                _readWaiter ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                wait = _readWaiter.Task;
            }

            await wait.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        => ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer, offset, count).GetAwaiter().GetResult();

    /// <summary>Sends <paramref name="buffer"/>, waiting for window whenever the remote's is exhausted.</summary>
    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var offset = 0;
            while (offset < buffer.Length)
            {
                int chunk;
                Task? wait = null;
                lock (_lock)
                {
                    ThrowIfCannotWrite();
                    if (_sendWindow == 0)
                    {
                        _writeWaiter ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                        wait = _writeWaiter.Task;
                        chunk = 0;
                    }
                    else
                    {
                        chunk = (int)Math.Min(Math.Min(_sendWindow, _session.Options.MaxFramePayload), buffer.Length - offset);
                        _sendWindow -= chunk;
                    }
                }

                if (wait is not null)
                {
                    await wait.WaitAsync(cancellationToken).ConfigureAwait(false);
                    continue;
                }

                // At most two frames of this stream wait for the socket: the previous one must be out before the next is queued.
                if (!await _lastWrite.ConfigureAwait(false))
                {
                    throw new IOException($"yamux stream {Id}: connection closed ({_session.CloseReason})");
                }

                var payload = buffer.Slice(offset, chunk).ToArray();
                _lastWrite = _session.EnqueueData(new YamuxFrameHeader(YamuxFrameType.Data, YamuxFlags.None, Id, (uint)chunk), payload);
                offset += chunk;
            }
        }
        finally
        {
            _writeLock.Release();
        }
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        => WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Write(byte[] buffer, int offset, int count) => WriteAsync(buffer, offset, count).GetAwaiter().GetResult();

    /// <summary>Waits until everything written so far has been handed to the connection.</summary>
    public override async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (!await _lastWrite.WaitAsync(cancellationToken).ConfigureAwait(false))
        {
            throw new IOException($"yamux stream {Id}: connection closed ({_session.CloseReason})");
        }
    }

    public override void Flush() => FlushAsync(CancellationToken.None).GetAwaiter().GetResult();

    /// <summary>Half-closes: sends FIN; the remote can still send until it closes too.</summary>
    public async Task CloseWriteAsync(CancellationToken cancellationToken = default)
    {
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            SendFin();
        }
        finally
        {
            _writeLock.Release();
        }

        await FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Aborts the stream in both directions (RST).</summary>
    public void Reset()
    {
        lock (_lock)
        {
            if (_reset || (_localClosed && _remoteClosed) || _failure is not null)
            {
                return;
            }

            _reset = true;
            WakeAll();
        }

        _session.EnqueueControl(new YamuxFrameHeader(YamuxFrameType.WindowUpdate, YamuxFlags.Rst, Id, 0));
        RemoveIfDone();
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override ValueTask DisposeAsync()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            SendFin();
            lock (_lock)
            {
                _detached = true;
                _buffer.Clear();
                _buffered = 0;
                _headOffset = 0;
            }

            RemoveIfDone();
        }

        base.Dispose(disposing);
    }

    /// <summary>Announces this stream (SYN) or accepts it (ACK), granting any window beyond the initial 256 KiB.</summary>
    internal void SendOpenFrame(YamuxFlags flag)
    {
        var extra = (uint)(_receiveWindow - YamuxOptions.InitialWindow);
        _session.EnqueueControl(new YamuxFrameHeader(YamuxFrameType.WindowUpdate, flag, Id, extra));
    }

    /// <summary>Reader loop: a Data frame for this stream.</summary>
    internal void OnData(byte[] payload, YamuxFlags flags)
    {
        lock (_lock)
        {
            if (_reset)
            {
                return;
            }

            if (payload.Length > _receiveWindow)
            {
                throw new Libp2pProtocolException($"yamux: stream {Id} received {payload.Length} bytes with only {_receiveWindow} window left");
            }

            if (payload.Length > 0 && _remoteClosed)
            {
                throw new Libp2pProtocolException($"yamux: data on stream {Id} after the remote's FIN");
            }

            _receiveWindow -= payload.Length;
            if (payload.Length > 0 && !_detached)
            {
                _buffer.Enqueue(payload);
                _buffered += payload.Length;
            }

            ApplyFlags(flags);
            Wake(ref _readWaiter);
        }

        RemoveIfDone();
    }

    /// <summary>Reader loop: a WindowUpdate frame for this stream.</summary>
    internal void OnWindowUpdate(uint delta, YamuxFlags flags)
    {
        lock (_lock)
        {
            if (_reset)
            {
                return;
            }

            _sendWindow += delta;
            if (_sendWindow > uint.MaxValue)
            {
                throw new Libp2pProtocolException($"yamux: window of stream {Id} grew beyond 2^32-1");
            }

            ApplyFlags(flags);
            Wake(ref _writeWaiter);
            Wake(ref _readWaiter);
        }

        RemoveIfDone();
    }

    /// <summary>The session ended: every waiter fails with <paramref name="reason"/>.</summary>
    internal void OnSessionClosed(string reason)
    {
        lock (_lock)
        {
            _failure ??= reason;
            WakeAll();
        }
    }

    private void ApplyFlags(YamuxFlags flags)
    {
        if ((flags & YamuxFlags.Rst) != 0)
        {
            _reset = true;
            WakeAll();
        }
        else if ((flags & YamuxFlags.Fin) != 0)
        {
            _remoteClosed = true;
        }
    }

    private int Take(Span<byte> destination)
    {
        var copied = 0;
        while (copied < destination.Length && _buffer.Count > 0)
        {
            var head = _buffer.Peek();
            var count = Math.Min(head.Length - _headOffset, destination.Length - copied);
            head.AsSpan(_headOffset, count).CopyTo(destination[copied..]);
            copied += count;
            _headOffset += count;
            if (_headOffset == head.Length)
            {
                _buffer.Dequeue();
                _headOffset = 0;
            }
        }

        _buffered -= copied;
        _unacknowledged += copied;

        // Credit the remote once half of our window has been consumed (as go-yamux and rust-yamux do).
        if (_unacknowledged >= _session.Options.ReceiveWindow / 2 && !_remoteClosed && !_reset)
        {
            var delta = (uint)_unacknowledged;
            _receiveWindow += delta;
            _unacknowledged = 0;
            _session.EnqueueControl(new YamuxFrameHeader(YamuxFrameType.WindowUpdate, YamuxFlags.None, Id, delta));
        }

        return copied;
    }

    private void SendFin()
    {
        lock (_lock)
        {
            if (_localClosed || _reset || _failure is not null)
            {
                return;
            }

            _localClosed = true;
        }

        _lastWrite = _session.EnqueueData(new YamuxFrameHeader(YamuxFrameType.WindowUpdate, YamuxFlags.Fin, Id, 0), null);
        RemoveIfDone();
    }

    private void ThrowIfCannotWrite()
    {
        if (_reset)
        {
            throw new YamuxStreamResetException($"yamux stream {Id} was reset");
        }

        if (_failure is not null)
        {
            throw new IOException($"yamux stream {Id}: connection closed ({_failure})");
        }

        if (_localClosed)
        {
            throw new InvalidOperationException($"yamux stream {Id} is closed for writing");
        }
    }

    private void RemoveIfDone()
    {
        lock (_lock)
        {
            if (_removed || !(_reset || (_localClosed && _remoteClosed)))
            {
                return;
            }

            _removed = true;
        }

        _session.RemoveStream(this);
    }

    private void WakeAll()
    {
        Wake(ref _readWaiter);
        Wake(ref _writeWaiter);
    }

    private static void Wake(ref TaskCompletionSource? waiter)
    {
        waiter?.TrySetResult();
        waiter = null;
    }
}
