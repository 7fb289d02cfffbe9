using System.Buffers.Binary;
using System.Security.Cryptography;
using Subtensor.Network.Tests.Support;
using Subtensor.Network.Yamux;

namespace Subtensor.Network.Tests.Yamux;

public sealed class YamuxSessionTests : IAsyncLifetime
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);
    private readonly List<YamuxStream> _accepted = [];
    private readonly SemaphoreSlim _acceptedSignal = new(0);
    private LoopbackPair _pair = null!;
    private YamuxSession _client = null!;
    private YamuxSession _server = null!;
    private Func<YamuxStream, Task>? _serverHandler;

    public async Task InitializeAsync()
    {
        _pair = await LoopbackPair.CreateAsync();
    }

    public async Task DisposeAsync()
    {
        if (_client is not null)
        {
            await _client.DisposeAsync();
        }

        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        await _pair.DisposeAsync();
    }

    [Fact]
    public void Header_layout_is_big_endian_with_version_zero()
    {
        var bytes = new byte[12];
        new YamuxFrameHeader(YamuxFrameType.WindowUpdate, YamuxFlags.Syn | YamuxFlags.Fin, 3, 0x40000).Write(bytes);
        Assert.Equal("000100050000000300040000", Convert.ToHexStringLower(bytes));
        var decoded = YamuxFrameHeader.Read(bytes);
        Assert.Equal(YamuxFrameType.WindowUpdate, decoded.Type);
        Assert.Equal(YamuxFlags.Syn | YamuxFlags.Fin, decoded.Flags);
        Assert.Equal(3u, decoded.StreamId);
        Assert.Equal(0x40000u, decoded.Length);
        Assert.Throws<Libp2pProtocolException>(() => YamuxFrameHeader.Read(Convert.FromHexString("010000000000000000000000")));
        Assert.Throws<Libp2pProtocolException>(() => YamuxFrameHeader.Read(Convert.FromHexString("000400000000000000000000")));
        Assert.Throws<Libp2pProtocolException>(() => YamuxFrameHeader.Read(Convert.FromHexString("000000100000000000000000")));
    }

    [Fact]
    public async Task Client_streams_are_odd_and_server_streams_even()
    {
        Start(echo: true);
        var a = _client.OpenStream();
        var b = _client.OpenStream();
        var c = _server.OpenStream();
        Assert.Equal(1u, a.Id);
        Assert.Equal(3u, b.Id);
        Assert.Equal(2u, c.Id);
        await a.WriteAsync("x"u8.ToArray());
        await AcceptAsync();
    }

    [Fact]
    public async Task Many_concurrent_streams_echo_their_own_data()
    {
        Start(echo: true);
        using var cts = new CancellationTokenSource(Limit);
        var results = await Task.WhenAll(Enumerable.Range(0, 100).Select(async i =>
        {
            var data = RandomNumberGenerator.GetBytes(20_000 + i * 997);
            var stream = _client.OpenStream();
            var writer = Task.Run(async () =>
            {
                await stream.WriteAsync(data, cts.Token);
                await stream.CloseWriteAsync(cts.Token);
            });
            var echo = new byte[data.Length];
            await stream.ReadExactlyAsync(echo, cts.Token);
            await writer;
            Assert.Equal(0, await stream.ReadAsync(new byte[1], cts.Token));
            await stream.DisposeAsync();
            return data.AsSpan().SequenceEqual(echo);
        }));
        Assert.All(results, Assert.True);
        Assert.Equal(100, _accepted.Count);
    }

    [Fact]
    public async Task Large_transfer_respects_the_window_and_applies_back_pressure()
    {
        Start(echo: false);
        using var cts = new CancellationTokenSource(Limit);
        var stream = _client.OpenStream();
        var window = new byte[YamuxOptions.InitialWindow];
        await stream.WriteAsync(window, cts.Token);
        await stream.FlushAsync(cts.Token);
        var remote = await AcceptAsync();

        // The peer's window is used up: the next write must wait until the server reads.
        var blocked = stream.WriteAsync(new byte[1], cts.Token).AsTask();
        await Task.Delay(300);
        Assert.False(blocked.IsCompleted);
        Assert.Equal(YamuxOptions.InitialWindow, remote.Buffered);

        var total = 16 * 1024 * 1024;
        var data = RandomNumberGenerator.GetBytes(total);
        var writer = Task.Run(async () =>
        {
            await blocked;
            await stream.WriteAsync(data, cts.Token);
            await stream.CloseWriteAsync(cts.Token);
        });

        var prefix = new byte[YamuxOptions.InitialWindow + 1];
        await remote.ReadExactlyAsync(prefix, cts.Token);
        var received = new byte[total];
        var offset = 0;
        while (offset < total)
        {
            var read = await remote.ReadAsync(received.AsMemory(offset), cts.Token);
            Assert.NotEqual(0, read);
            offset += read;
            Assert.True(remote.Buffered <= YamuxOptions.InitialWindow);
        }

        await writer;
        Assert.Equal(0, await remote.ReadAsync(new byte[1], cts.Token));
        Assert.Equal(data, received);
    }

    [Fact]
    public async Task Larger_receive_window_is_granted_with_the_syn()
    {
        Start(echo: false, clientOptions: new YamuxOptions { ReceiveWindow = 1024 * 1024, KeepAliveInterval = TimeSpan.Zero });
        using var cts = new CancellationTokenSource(Limit);
        var stream = _server.OpenStream();
        await stream.WriteAsync("hi"u8.ToArray(), cts.Token);
        var atClient = await AcceptOnClientAsync();
        var buffer = new byte[2];
        await atClient.ReadExactlyAsync(buffer, cts.Token);

        // The client accepted with a 1 MiB window, so the server may send 1 MiB before any window update.
        await atClient.WriteAsync(new byte[1], cts.Token);
        var big = new byte[(1024 * 1024) - 2];
        await stream.WriteAsync(big, cts.Token).AsTask().WaitAsync(cts.Token);
        await stream.FlushAsync(cts.Token);
    }

    [Fact]
    public async Task Reset_fails_reads_and_writes_on_both_sides()
    {
        Start(echo: false);
        using var cts = new CancellationTokenSource(Limit);
        var stream = _client.OpenStream();
        await stream.WriteAsync("a"u8.ToArray(), cts.Token);
        var remote = await AcceptAsync();
        var pendingRead = remote.ReadAsync(new byte[10], cts.Token).AsTask();
        Assert.Equal(1, await pendingRead);

        var read = remote.ReadAsync(new byte[10], cts.Token).AsTask();
        stream.Reset();
        await Assert.ThrowsAsync<YamuxStreamResetException>(() => read);
        await Assert.ThrowsAsync<YamuxStreamResetException>(async () => await remote.WriteAsync(new byte[1], cts.Token));
        await Assert.ThrowsAsync<YamuxStreamResetException>(async () => await stream.WriteAsync(new byte[1], cts.Token));
        await WaitUntilAsync(() => _client.StreamCount == 0 && _server.StreamCount == 0);
    }

    [Fact]
    public async Task GoAway_closes_the_peer_session_and_its_streams()
    {
        Start(echo: false);
        using var cts = new CancellationTokenSource(Limit);
        var stream = _client.OpenStream();
        await stream.WriteAsync("a"u8.ToArray(), cts.Token);
        var remote = await AcceptAsync();
        await remote.ReadExactlyAsync(new byte[1], cts.Token);
        var read = remote.ReadAsync(new byte[1], cts.Token).AsTask();

        await _client.CloseAsync();
        await _server.Completion.WaitAsync(cts.Token);
        Assert.NotNull(_server.CloseReason);
        await Assert.ThrowsAnyAsync<IOException>(() => read);
        Assert.Throws<IOException>(() => _server.OpenStream());
        Assert.Throws<IOException>(() => _client.OpenStream());
    }

    [Fact]
    public async Task Half_close_lets_the_other_direction_continue()
    {
        Start(echo: false);
        using var cts = new CancellationTokenSource(Limit);
        var stream = _client.OpenStream();
        await stream.WriteAsync("question"u8.ToArray(), cts.Token);
        await stream.CloseWriteAsync(cts.Token);
        var remote = await AcceptAsync();
        var question = new byte[8];
        await remote.ReadExactlyAsync(question, cts.Token);
        Assert.Equal(0, await remote.ReadAsync(new byte[1], cts.Token));
        await remote.WriteAsync("answer"u8.ToArray(), cts.Token);
        await remote.CloseWriteAsync(cts.Token);
        var answer = new byte[6];
        await stream.ReadExactlyAsync(answer, cts.Token);
        Assert.Equal("answer"u8.ToArray(), answer);
        Assert.Equal(0, await stream.ReadAsync(new byte[1], cts.Token));
        await Assert.ThrowsAsync<InvalidOperationException>(async () => await stream.WriteAsync(new byte[1], cts.Token));
        await WaitUntilAsync(() => _client.StreamCount == 0 && _server.StreamCount == 0);
    }

    [Fact]
    public async Task Ping_round_trips()
    {
        Start(echo: false);
        using var cts = new CancellationTokenSource(Limit);
        var rtt = await _client.PingAsync(cts.Token);
        Assert.True(rtt >= TimeSpan.Zero);
        await _server.PingAsync(cts.Token);
    }

    [Fact]
    public async Task Inbound_stream_limit_resets_the_excess()
    {
        Start(echo: false, serverOptions: new YamuxOptions { MaxInboundStreams = 2, KeepAliveInterval = TimeSpan.Zero });
        using var cts = new CancellationTokenSource(Limit);
        // OpenStream sends the SYN; the third is refused with RST (writing to it could already fail, so nothing is written).
        var streams = Enumerable.Range(0, 3).Select(_ => _client.OpenStream()).ToArray();
        await Assert.ThrowsAsync<YamuxStreamResetException>(async () => await streams[2].ReadExactlyAsync(new byte[1], cts.Token));
        Assert.Equal(2, _server.StreamCount);
        Assert.False(_server.IsClosed);
    }

    [Theory]
    [InlineData("010000000000000000000000", "unsupported version")]
    [InlineData("000000000000000000000000", "stream 0")]
    [InlineData("000100010000000200000000", "parity")]
    [InlineData("000000000000000200100000", "exceeds")]
    public async Task Protocol_violations_close_the_session_with_goaway(string header, string reason)
    {
        _server = new YamuxSession(_pair.Listener, isClient: false, new YamuxOptions { KeepAliveInterval = TimeSpan.Zero });
        _server.Start();
        using var cts = new CancellationTokenSource(Limit);
        await _pair.Dialer.WriteAsync(Convert.FromHexString(header), cts.Token);
        await _server.Completion.WaitAsync(cts.Token);
        Assert.Contains(reason, _server.CloseReason, StringComparison.Ordinal);

        var goAway = new byte[12];
        await _pair.Dialer.ReadExactlyAsync(goAway, cts.Token);
        Assert.Equal(YamuxFrameType.GoAway, (YamuxFrameType)goAway[1]);
        Assert.Equal((uint)YamuxGoAwayCode.ProtocolError, BinaryPrimitives.ReadUInt32BigEndian(goAway.AsSpan(8)));
    }

    [Fact]
    public async Task Data_beyond_the_granted_window_is_a_protocol_violation()
    {
        _server = new YamuxSession(_pair.Listener, isClient: false, new YamuxOptions { KeepAliveInterval = TimeSpan.Zero });
        _server.Start();
        using var cts = new CancellationTokenSource(Limit);
        var frame = new byte[12 + YamuxOptions.InitialWindow];
        new YamuxFrameHeader(YamuxFrameType.Data, YamuxFlags.Syn, 1, (uint)YamuxOptions.InitialWindow).Write(frame);
        await _pair.Dialer.WriteAsync(frame, cts.Token);
        new YamuxFrameHeader(YamuxFrameType.Data, YamuxFlags.None, 1, 1).Write(frame);
        await _pair.Dialer.WriteAsync(frame.AsMemory(0, 13), cts.Token);
        await _server.Completion.WaitAsync(cts.Token);
        Assert.Contains("window", _server.CloseReason, StringComparison.Ordinal);
    }

    private void Start(bool echo, YamuxOptions? clientOptions = null, YamuxOptions? serverOptions = null)
    {
        var quiet = new YamuxOptions { KeepAliveInterval = TimeSpan.Zero };
        if (echo)
        {
            _serverHandler = async stream =>
            {
                var buffer = new byte[8192];
                int read;
                while ((read = await stream.ReadAsync(buffer)) > 0)
                {
                    await stream.WriteAsync(buffer.AsMemory(0, read));
                }

                await stream.CloseWriteAsync();
            };
        }

        _client = new YamuxSession(_pair.Dialer, isClient: true, clientOptions ?? quiet, OnClientInbound);
        _server = new YamuxSession(_pair.Listener, isClient: false, serverOptions ?? quiet, OnServerInbound);
        _client.Start();
        _server.Start();
    }

    private readonly SemaphoreSlim _clientAcceptedSignal = new(0);
    private readonly List<YamuxStream> _clientAccepted = [];

    private void OnClientInbound(YamuxStream stream)
    {
        lock (_clientAccepted)
        {
            _clientAccepted.Add(stream);
        }

        _clientAcceptedSignal.Release();
    }

    private void OnServerInbound(YamuxStream stream)
    {
        lock (_accepted)
        {
            _accepted.Add(stream);
        }

        _acceptedSignal.Release();
        if (_serverHandler is { } handler)
        {
            _ = Task.Run(() => handler(stream));
        }
    }

    private async Task<YamuxStream> AcceptAsync()
    {
        Assert.True(await _acceptedSignal.WaitAsync(Limit));
        lock (_accepted)
        {
            return _accepted[^1];
        }
    }

    private async Task<YamuxStream> AcceptOnClientAsync()
    {
        Assert.True(await _clientAcceptedSignal.WaitAsync(Limit));
        lock (_clientAccepted)
        {
            return _clientAccepted[^1];
        }
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + Limit;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "condition not reached in time");
            await Task.Delay(20);
        }
    }
}
