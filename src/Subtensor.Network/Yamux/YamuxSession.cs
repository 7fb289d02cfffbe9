using System.Collections.Concurrent;
using System.Diagnostics;
using System.Threading.Channels;
using Serilog;

namespace Subtensor.Network.Yamux;

/// <summary>
/// A yamux session (<c>/yamux/1.0.0</c>, hashicorp/yamux spec.md) over a secured connection. The dialer's streams have
/// odd ids, the listener's even ids. A single reader task parses frames; a single writer task drains a queue, so the
/// reader never blocks on the socket. Any protocol violation sends GoAway(protocol error) and closes the session.
/// </summary>
public sealed class YamuxSession : IAsyncDisposable
{
    public const string ProtocolId = "/yamux/1.0.0";

    private const int WriteBatchBytes = 256 * 1024;

    private readonly Stream _transport;
    private readonly bool _isClient;
    private readonly Action<YamuxStream>? _onInboundStream;
    private readonly ILogger _log;
    private readonly object _gate = new();
    private readonly Dictionary<uint, YamuxStream> _streams = [];
    private readonly Channel<OutboundFrame> _outbound = Channel.CreateUnbounded<OutboundFrame>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ConcurrentDictionary<uint, TaskCompletionSource> _pings = new();
    private readonly CancellationTokenSource _shutdown = new();
    private readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private uint _nextStreamId;
    private int _nextPingId;
    private int _inboundCount;
    private int _outboundCount;
    private int _pendingControl;
    private bool _remoteGoAway;
    private bool _localGoAway;
    private string? _closeReason;
    private Task _writer = Task.CompletedTask;
    private int _started;

    /// <param name="transport">The secured byte stream (Noise) the session runs over; the session owns and disposes it.</param>
    /// <param name="isClient">True on the dialer side (odd stream ids).</param>
    /// <param name="onInboundStream">Called on the reader task for every accepted remote stream; must not block.</param>
    public YamuxSession(Stream transport, bool isClient, YamuxOptions? options = null, Action<YamuxStream>? onInboundStream = null, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(transport);
        Options = options ?? new YamuxOptions();
        Options.Validate();
        _transport = transport;
        _isClient = isClient;
        _onInboundStream = onInboundStream;
        _log = logger ?? Serilog.Core.Logger.None;
        _nextStreamId = isClient ? 1u : 2u;
    }

    public YamuxOptions Options { get; }

    public bool IsClient => _isClient;

    /// <summary>Completes when the session has ended, whatever the reason.</summary>
    public Task Completion => _completion.Task;

    /// <summary>Why the session ended (null while open).</summary>
    public string? CloseReason
    {
        get
        {
            lock (_gate)
            {
                return _closeReason;
            }
        }
    }

    public bool IsClosed => CloseReason is not null;

    /// <summary>Streams currently tracked (open in at least one direction).</summary>
    public int StreamCount
    {
        get
        {
            lock (_gate)
            {
                return _streams.Count;
            }
        }
    }

    /// <summary>Starts the reader, writer and keep-alive tasks.</summary>
    public void Start()
    {
        if (Interlocked.Exchange(ref _started, 1) != 0)
        {
            throw new InvalidOperationException("yamux session already started");
        }

        _writer = Task.Run(WriteLoopAsync);
        _ = Task.Run(ReadLoopAsync);
        if (Options.KeepAliveInterval > TimeSpan.Zero)
        {
            _ = Task.Run(KeepAliveLoopAsync);
        }
    }

    /// <summary>Opens a stream (sends SYN); data may be written at once.</summary>
    public YamuxStream OpenStream()
    {
        YamuxStream stream;
        lock (_gate)
        {
            if (_closeReason is not null)
            {
                throw new IOException($"yamux session closed ({_closeReason})");
            }

            if (_remoteGoAway || _localGoAway)
            {
                throw new IOException("yamux session is going away; no new streams");
            }

            if (_outboundCount >= Options.MaxOutboundStreams)
            {
                throw new IOException($"yamux: {Options.MaxOutboundStreams} outbound streams already open");
            }

            if (_nextStreamId > uint.MaxValue - 2)
            {
                throw new IOException("yamux: stream ids exhausted");
            }

            var id = _nextStreamId;
            _nextStreamId += 2;
            stream = new YamuxStream(this, id, isOutbound: true, Options.ReceiveWindow);
            _streams.Add(id, stream);
            _outboundCount++;
        }

        stream.SendOpenFrame(YamuxFlags.Syn);
        return stream;
    }

    /// <summary>Measures a round trip with a yamux Ping frame.</summary>
    public async Task<TimeSpan> PingAsync(CancellationToken cancellationToken)
    {
        var id = (uint)Interlocked.Increment(ref _nextPingId);
        var answer = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _pings[id] = answer;
        var watch = Stopwatch.StartNew();
        try
        {
            EnqueueControl(new YamuxFrameHeader(YamuxFrameType.Ping, YamuxFlags.Syn, 0, id));
            await answer.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
            return watch.Elapsed;
        }
        finally
        {
            _pings.TryRemove(id, out _);
        }
    }

    /// <summary>Sends GoAway(normal), lets queued frames drain briefly, then closes the transport.</summary>
    public async Task CloseAsync()
    {
        lock (_gate)
        {
            if (_closeReason is not null)
            {
                return;
            }

            _localGoAway = true;
        }

        EnqueueControl(new YamuxFrameHeader(YamuxFrameType.GoAway, YamuxFlags.None, 0, (uint)YamuxGoAwayCode.Normal));
        await TerminateAsync("closed locally", null).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync() => await CloseAsync().ConfigureAwait(false);

    internal void EnqueueControl(YamuxFrameHeader header)
    {
        if (Interlocked.Increment(ref _pendingControl) > Options.MaxPendingControlFrames)
        {
            _ = TerminateAsync("peer does not read: too many control frames queued", YamuxGoAwayCode.ProtocolError);
            return;
        }

        if (!_outbound.Writer.TryWrite(new OutboundFrame(header, null, null, true)))
        {
            Interlocked.Decrement(ref _pendingControl);
        }
    }

    /// <summary>Queues a frame of stream data (or a FIN); the task reports whether it reached the socket.</summary>
    internal Task<bool> EnqueueData(YamuxFrameHeader header, byte[]? payload)
    {
        var written = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!_outbound.Writer.TryWrite(new OutboundFrame(header, payload, written, false)))
        {
            return Task.FromResult(false);
        }

        return written.Task;
    }

    internal void RemoveStream(YamuxStream stream)
    {
        lock (_gate)
        {
            if (_streams.Remove(stream.Id))
            {
                if (stream.IsOutbound)
                {
                    _outboundCount--;
                }
                else
                {
                    _inboundCount--;
                }
            }
        }
    }

    private async Task ReadLoopAsync()
    {
        var header = new byte[YamuxFrameHeader.Size];
        try
        {
            while (true)
            {
                var first = await _transport.ReadAsync(header, _shutdown.Token).ConfigureAwait(false);
                if (first == 0)
                {
                    await TerminateAsync("remote closed the connection", null).ConfigureAwait(false);
                    return;
                }

                if (first < header.Length)
                {
                    await _transport.ReadExactlyAsync(header.AsMemory(first), _shutdown.Token).ConfigureAwait(false);
                }

                var frame = YamuxFrameHeader.Read(header);
                switch (frame.Type)
                {
                    case YamuxFrameType.Data:
                        await HandleDataAsync(frame).ConfigureAwait(false);
                        break;
                    case YamuxFrameType.WindowUpdate:
                        HandleWindowUpdate(frame);
                        break;
                    case YamuxFrameType.Ping:
                        HandlePing(frame);
                        break;
                    case YamuxFrameType.GoAway:
                        if (frame.Length != (uint)YamuxGoAwayCode.Normal)
                        {
                            await TerminateAsync($"remote sent GoAway with code {frame.Length}", null).ConfigureAwait(false);
                            return;
                        }

                        lock (_gate)
                        {
                            _remoteGoAway = true;
                        }

                        break;
                }
            }
        }
        catch (Libp2pProtocolException ex)
        {
            await TerminateAsync("protocol violation: " + ex.Message, YamuxGoAwayCode.ProtocolError).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or OperationCanceledException or InvalidOperationException)
        {
            await TerminateAsync("transport: " + ex.Message, null).ConfigureAwait(false);
        }
    }

    private async Task HandleDataAsync(YamuxFrameHeader frame)
    {
        if (frame.StreamId == 0)
        {
            throw new Libp2pProtocolException("yamux: Data frame on stream 0");
        }

        if (frame.Length > Options.ReceiveWindow)
        {
            throw new Libp2pProtocolException($"yamux: Data frame of {frame.Length} bytes exceeds the {Options.ReceiveWindow}-byte window");
        }

        var payload = frame.Length == 0 ? [] : new byte[frame.Length];
        if (payload.Length > 0)
        {
            await _transport.ReadExactlyAsync(payload, _shutdown.Token).ConfigureAwait(false);
        }

        var stream = Resolve(frame);
        stream?.OnData(payload, frame.Flags);
    }

    private void HandleWindowUpdate(YamuxFrameHeader frame)
    {
        if (frame.StreamId == 0)
        {
            throw new Libp2pProtocolException("yamux: WindowUpdate frame on stream 0");
        }

        var stream = Resolve(frame);
        stream?.OnWindowUpdate(frame.Length, frame.Flags);
    }

    /// <summary>Finds the frame's stream, creating it for a SYN; null for unknown or refused streams (frame ignored).</summary>
    private YamuxStream? Resolve(YamuxFrameHeader frame)
    {
        if ((frame.Flags & YamuxFlags.Syn) == 0)
        {
            lock (_gate)
            {
                return _streams.GetValueOrDefault(frame.StreamId);
            }
        }

        var remoteParityOdd = !_isClient;
        if ((frame.StreamId % 2 == 1) != remoteParityOdd)
        {
            throw new Libp2pProtocolException($"yamux: remote opened stream {frame.StreamId} with our id parity");
        }

        YamuxStream? stream = null;
        lock (_gate)
        {
            if (_streams.ContainsKey(frame.StreamId))
            {
                throw new Libp2pProtocolException($"yamux: SYN for already open stream {frame.StreamId}");
            }

            if (!_localGoAway && _closeReason is null && _inboundCount < Options.MaxInboundStreams)
            {
                stream = new YamuxStream(this, frame.StreamId, isOutbound: false, Options.ReceiveWindow);
                _streams.Add(frame.StreamId, stream);
                _inboundCount++;
            }
        }

        if (stream is null)
        {
            _log.Debug("yamux: refusing inbound stream {StreamId} (limit {Limit} or going away)", frame.StreamId, Options.MaxInboundStreams);
            EnqueueControl(new YamuxFrameHeader(YamuxFrameType.WindowUpdate, YamuxFlags.Rst, frame.StreamId, 0));
            return null;
        }

        stream.SendOpenFrame(YamuxFlags.Ack);
        try
        {
            _onInboundStream?.Invoke(stream);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            _log.Warning(ex, "yamux: inbound stream callback failed; resetting stream {StreamId}", frame.StreamId);
            stream.Reset();
        }

        return stream;
    }

    private void HandlePing(YamuxFrameHeader frame)
    {
        if ((frame.Flags & YamuxFlags.Syn) != 0)
        {
            EnqueueControl(new YamuxFrameHeader(YamuxFrameType.Ping, YamuxFlags.Ack, 0, frame.Length));
        }
        else if ((frame.Flags & YamuxFlags.Ack) != 0 && _pings.TryGetValue(frame.Length, out var answer))
        {
            answer.TrySetResult();
        }
    }

    private async Task WriteLoopAsync()
    {
        var batch = new byte[WriteBatchBytes + YamuxFrameHeader.Size];
        var written = new List<OutboundFrame>();
        var reader = _outbound.Reader;
        try
        {
            while (await reader.WaitToReadAsync(_shutdown.Token).ConfigureAwait(false))
            {
                var size = 0;
                while (size < WriteBatchBytes && reader.TryRead(out var frame))
                {
                    var payloadLength = frame.Payload?.Length ?? 0;
                    if (size + YamuxFrameHeader.Size + payloadLength > batch.Length)
                    {
                        await FlushBatchAsync(batch, size, written).ConfigureAwait(false);
                        size = 0;
                        if (YamuxFrameHeader.Size + payloadLength > batch.Length)
                        {
                            batch = new byte[YamuxFrameHeader.Size + payloadLength];
                        }
                    }

                    frame.Header.Write(batch.AsSpan(size));
                    frame.Payload?.CopyTo(batch, size + YamuxFrameHeader.Size);
                    size += YamuxFrameHeader.Size + payloadLength;
                    written.Add(frame);
                }

                await FlushBatchAsync(batch, size, written).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or OperationCanceledException or InvalidOperationException)
        {
            foreach (var frame in written)
            {
                frame.Written?.TrySetResult(false);
            }

            _ = TerminateAsync("transport write failed: " + ex.Message, null);
        }

        while (reader.TryRead(out var rest))
        {
            rest.Written?.TrySetResult(false);
        }
    }

    private async Task FlushBatchAsync(byte[] batch, int size, List<OutboundFrame> frames)
    {
        if (size == 0)
        {
            return;
        }

        await _transport.WriteAsync(batch.AsMemory(0, size), _shutdown.Token).ConfigureAwait(false);
        await _transport.FlushAsync(_shutdown.Token).ConfigureAwait(false);
        foreach (var frame in frames)
        {
            if (frame.IsControl)
            {
                Interlocked.Decrement(ref _pendingControl);
            }

            frame.Written?.TrySetResult(true);
        }

        frames.Clear();
    }

    private async Task KeepAliveLoopAsync()
    {
        try
        {
            while (!_shutdown.IsCancellationRequested)
            {
                await Task.Delay(Options.KeepAliveInterval, _shutdown.Token).ConfigureAwait(false);
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_shutdown.Token);
                timeout.CancelAfter(Options.PingTimeout);
                try
                {
                    await PingAsync(timeout.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (!_shutdown.IsCancellationRequested)
                {
                    await TerminateAsync("keep-alive ping timed out", null).ConfigureAwait(false);
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // session closed
        }
    }

    /// <summary>Ends the session once: optionally sends GoAway(code), fails every stream, drains the writer briefly, closes the transport.</summary>
    private async Task TerminateAsync(string reason, YamuxGoAwayCode? goAway)
    {
        YamuxStream[] streams;
        lock (_gate)
        {
            if (_closeReason is not null)
            {
                return;
            }

            _closeReason = reason;
            streams = [.. _streams.Values];
            _streams.Clear();
        }

        if (goAway is { } code)
        {
            _log.Warning("yamux: closing connection: {Reason}", reason);
            _outbound.Writer.TryWrite(new OutboundFrame(new YamuxFrameHeader(YamuxFrameType.GoAway, YamuxFlags.None, 0, (uint)code), null, null, true));
        }
        else
        {
            _log.Debug("yamux: connection closed: {Reason}", reason);
        }

        _outbound.Writer.TryComplete();
        foreach (var stream in streams)
        {
            stream.OnSessionClosed(reason);
        }

        foreach (var ping in _pings.Values)
        {
            ping.TrySetException(new IOException($"yamux session closed ({reason})"));
        }

        try
        {
            await _writer.WaitAsync(TimeSpan.FromSeconds(2)).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // the peer does not read; give up on the queued frames
        }

        await _shutdown.CancelAsync().ConfigureAwait(false);
        await _transport.DisposeAsync().ConfigureAwait(false);
        _completion.TrySetResult();
    }

    private readonly record struct OutboundFrame(YamuxFrameHeader Header, byte[]? Payload, TaskCompletionSource<bool>? Written, bool IsControl);
}
