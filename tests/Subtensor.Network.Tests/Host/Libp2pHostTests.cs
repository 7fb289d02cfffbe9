using System.Net;
using System.Net.Sockets;
using System.Text;
using Subtensor.Network.Host;
using Subtensor.Network.Identity;
using Subtensor.Network.Multiformats;
using Subtensor.Network.MultistreamSelect;
using Subtensor.Network.Noise;
using Subtensor.Network.Protocols;
using Subtensor.Network.Yamux;

namespace Subtensor.Network.Tests.Host;

public sealed class Libp2pHostTests : IAsyncLifetime
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);
    private readonly CancellationTokenSource _cts = new(Limit);
    private Libp2pHost _server = null!;
    private Libp2pHost _client = null!;
    private Multiaddr _address = null!;

    public Task InitializeAsync()
    {
        _server = new Libp2pHost(NodeKey.Generate(), new HostOptions { AgentVersion = "test-server/1", UpgradeTimeout = TimeSpan.FromSeconds(5) });
        _client = new Libp2pHost(NodeKey.Generate());
        _address = _server.Listen(Multiaddr.Parse("/ip4/127.0.0.1/tcp/0")).WithPeerId(_server.PeerId);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _client.DisposeAsync();
        await _server.DisposeAsync();
        _cts.Dispose();
    }

    [Fact]
    public async Task Listening_reports_the_os_chosen_port()
    {
        var port = int.Parse(_address.Components[1].Value!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.NotEqual(0, port);
        Assert.Equal(_address.WithoutPeerId(), Assert.Single(_server.ListenAddresses));
        var connection = await _client.DialAsync(_address, _cts.Token);
        Assert.Equal(_server.PeerId, connection.RemotePeerId);
        Assert.Equal(ConnectionDirection.Outbound, connection.Direction);
    }

    [Fact]
    public async Task Identify_returns_the_remote_record()
    {
        var connection = await _client.DialAsync(_address, _cts.Token);
        var info = await _client.IdentifyAsync(connection, _cts.Token);
        Assert.Equal("test-server/1", info.AgentVersion);
        Assert.Equal("/substrate/1.0", info.ProtocolVersion);
        Assert.Equal(_server.Identity.PublicKey, info.PublicKey);
        Assert.Contains(IdentifyProtocol.ProtocolId, info.Protocols);
        Assert.Contains(PingProtocol.ProtocolId, info.Protocols);
        Assert.Equal(_address.WithoutPeerId(), Assert.Single(info.ListenAddresses));
        Assert.Equal(connection.LocalAddress, info.ObservedAddress);

        // And the other way round on the same connection.
        await WaitUntilAsync(() => _server.Connections.Count == 1);
        var back = _server.Connections.Single();
        var clientInfo = await _server.IdentifyAsync(back, _cts.Token);
        Assert.Equal(_client.Identity.PublicKey, clientInfo.PublicKey);
    }

    [Fact]
    public async Task Ping_echoes_over_a_substream()
    {
        var connection = await _client.DialAsync(_address, _cts.Token);
        for (var i = 0; i < 3; i++)
        {
            Assert.True(await _client.PingAsync(connection, _cts.Token) >= TimeSpan.Zero);
        }
    }

    [Fact]
    public async Task Request_response_carries_one_framed_message_each_way()
    {
        var seen = new List<PeerId>();
        _server.SetHandler("/test/sync/2", RequestResponse.CreateHandler(1024, (peer, request, _) =>
        {
            lock (seen)
            {
                seen.Add(peer);
            }

            return Task.FromResult<byte[]?>([.. request.Reverse()]);
        }));
        var connection = await _client.DialAsync(_address, _cts.Token);
        var response = await RequestResponse.SendRequestAsync(connection, ["/test/sync/3", "/test/sync/2"], new byte[] { 1, 2, 3 }, 1024, Limit, _cts.Token);
        Assert.Equal(new byte[] { 3, 2, 1 }, response);
        Assert.Equal(_client.PeerId, Assert.Single(seen));

        // A request above the responder's limit gets no response.
        await Assert.ThrowsAnyAsync<IOException>(() => RequestResponse.SendRequestAsync(connection, ["/test/sync/2"], new byte[2000], 1024, Limit, _cts.Token));

        // The connection survives both.
        Assert.Equal(new byte[] { 9 }, await RequestResponse.SendRequestAsync(connection, ["/test/sync/2"], new byte[] { 9 }, 1024, Limit, _cts.Token));
    }

    [Fact]
    public async Task Notifications_exchange_handshakes_then_messages()
    {
        var received = new List<string>();
        var done = new TaskCompletionSource();
        _server.SetHandler("/test/block-announces/1", async (_, stream, ct) =>
        {
            var substream = await NotificationsSubstream.AcceptAsync(stream, 256, remote => Encoding.ASCII.GetBytes("server:" + Encoding.ASCII.GetString(remote)), ct);
            Assert.NotNull(substream);
            byte[]? message;
            while ((message = await substream.ReceiveAsync(1024, ct)) is not null)
            {
                received.Add(Encoding.ASCII.GetString(message));
            }

            done.SetResult();
        });
        var connection = await _client.DialAsync(_address, _cts.Token);
        await using (var substream = await NotificationsSubstream.OpenAsync(connection, ["/test/block-announces/1"], "hello"u8.ToArray(), 256, _cts.Token))
        {
            Assert.Equal("server:hello", Encoding.ASCII.GetString(substream.RemoteHandshake));
            await substream.SendAsync("one"u8.ToArray(), _cts.Token);
            await substream.SendAsync("two"u8.ToArray(), _cts.Token);
        }

        await done.Task.WaitAsync(_cts.Token);
        Assert.Equal(["one", "two"], received);
    }

    [Fact]
    public async Task Refused_notifications_substream_is_reported()
    {
        _server.SetHandler("/test/tx/1", async (_, stream, ct) => await NotificationsSubstream.AcceptAsync(stream, 256, _ => null, ct));
        var connection = await _client.DialAsync(_address, _cts.Token);
        await Assert.ThrowsAsync<IOException>(() => NotificationsSubstream.OpenAsync(connection, ["/test/tx/1"], "hs"u8.ToArray(), 256, _cts.Token));
    }

    [Fact]
    public async Task Unknown_protocol_is_refused_without_closing_the_connection()
    {
        var connection = await _client.DialAsync(_address, _cts.Token);
        await Assert.ThrowsAsync<ProtocolNotSupportedException>(() => connection.OpenStreamAsync("/nope/1", _cts.Token));
        Assert.False(connection.IsClosed);
        await _client.PingAsync(connection, _cts.Token);
    }

    [Fact]
    public async Task Dialing_with_the_wrong_peer_id_fails_the_handshake()
    {
        var wrong = _address.WithPeerId(NodeKey.Generate().PeerId);
        await Assert.ThrowsAsync<Libp2pProtocolException>(() => _client.DialAsync(wrong, _cts.Token));
        Assert.Empty(_client.Connections);
        await _client.DialAsync(_address, _cts.Token);
    }

    [Theory]
    [InlineData("GET / HTTP/1.1\r\nHost: x\r\n\r\n")]
    [InlineData("\u0013/multistream/1.0.0\n\u0007/noise\n\u0000\u0003abc")]
    [InlineData("\u0013/multistream/1.0.0\n\u0007/noise\n")]
    [InlineData("")]
    public async Task Garbage_and_broken_handshakes_do_not_hurt_the_host(string junk)
    {
        using (var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp))
        {
            await socket.ConnectAsync(ToEndPoint(_address), _cts.Token);
            await socket.SendAsync(Encoding.Latin1.GetBytes(junk), _cts.Token);
            if (junk.Length == 0)
            {
                socket.Shutdown(SocketShutdown.Both);
            }

            // The host either answers multistream-select and then hangs up, or hangs up at once; it never crashes.
            var buffer = new byte[4096];
            using var read = CancellationTokenSource.CreateLinkedTokenSource(_cts.Token);
            read.CancelAfter(TimeSpan.FromSeconds(10));
            try
            {
                while (await socket.ReceiveAsync(buffer, read.Token) > 0)
                {
                }
            }
            catch (SocketException)
            {
                // reset by the host: fine
            }
        }

        var connection = await _client.DialAsync(_address, _cts.Token);
        await _client.PingAsync(connection, _cts.Token);
    }

    [Fact]
    public async Task Oversized_noise_handshake_frame_is_rejected()
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(ToEndPoint(_address), _cts.Token);
        await using var stream = new NetworkStream(socket);
        await Multistream.SelectAsync(stream, [NoiseHandshake.ProtocolId], _cts.Token);

        // A 65535-byte "first message" of zeros: an all-zero (low-order) ephemeral key.
        var frame = new byte[2 + 65535];
        frame[0] = 0xff;
        frame[1] = 0xff;
        await stream.WriteAsync(frame, _cts.Token);
        var buffer = new byte[1024];
        using var read = CancellationTokenSource.CreateLinkedTokenSource(_cts.Token);
        read.CancelAfter(TimeSpan.FromSeconds(10));
        try
        {
            Assert.Equal(0, await stream.ReadAsync(buffer, read.Token));
        }
        catch (IOException)
        {
            // connection reset: the host dropped us, as expected
        }

        var connection = await _client.DialAsync(_address, _cts.Token);
        await _client.PingAsync(connection, _cts.Token);
    }

    [Fact]
    public async Task Handler_failures_reset_only_their_substream()
    {
        _server.SetHandler("/test/boom/1", (_, _, _) => throw new InvalidOperationException("boom"));
        var connection = await _client.DialAsync(_address, _cts.Token);
        var stream = await connection.OpenStreamAsync("/test/boom/1", _cts.Token);
        await Assert.ThrowsAsync<YamuxStreamResetException>(async () => await stream.ReadExactlyAsync(new byte[1], _cts.Token));
        await _client.PingAsync(connection, _cts.Token);
    }

    [Fact]
    public async Task Connections_beyond_the_limit_are_refused()
    {
        await using var limited = new Libp2pHost(NodeKey.Generate(), new HostOptions { MaxConnections = 1 });
        var address = limited.Listen(Multiaddr.Parse("/ip4/127.0.0.1/tcp/0")).WithPeerId(limited.PeerId);
        await _client.DialAsync(address, _cts.Token);
        await WaitUntilAsync(() => limited.Connections.Count == 1);
        await using var other = new Libp2pHost(NodeKey.Generate());
        await Assert.ThrowsAnyAsync<IOException>(() => other.DialAsync(address, _cts.Token));
    }

    [Fact]
    public async Task Closing_a_connection_notifies_both_hosts()
    {
        var closedOnServer = new TaskCompletionSource<Libp2pConnection>();
        _server.ConnectionClosed += (_, c) => closedOnServer.TrySetResult(c);
        var connection = await _client.DialAsync(_address, _cts.Token);
        await WaitUntilAsync(() => _server.Connections.Count == 1);
        await connection.CloseAsync();
        var closed = await closedOnServer.Task.WaitAsync(_cts.Token);
        Assert.Equal(_client.PeerId, closed.RemotePeerId);
        await WaitUntilAsync(() => _client.Connections.Count == 0 && _server.Connections.Count == 0);
    }

    [Fact]
    public async Task Works_over_ipv6_loopback_when_available()
    {
        if (!Socket.OSSupportsIPv6)
        {
            return;
        }

        await using var host = new Libp2pHost(NodeKey.Generate());
        Multiaddr address;
        try
        {
            address = host.Listen(Multiaddr.Parse("/ip6/::1/tcp/0")).WithPeerId(host.PeerId);
        }
        catch (SocketException)
        {
            return; // no IPv6 loopback in this environment
        }

        var connection = await _client.DialAsync(address, _cts.Token);
        Assert.StartsWith("/ip6/::1/tcp/", connection.RemoteAddress.ToString(), StringComparison.Ordinal);
        await _client.PingAsync(connection, _cts.Token);
    }

    [Fact]
    public async Task Dialing_a_closed_port_fails_quickly()
    {
        using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        probe.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var port = ((IPEndPoint)probe.LocalEndPoint!).Port;
        probe.Dispose();
        await Assert.ThrowsAnyAsync<SocketException>(() => _client.DialAsync(Multiaddr.Parse($"/ip4/127.0.0.1/tcp/{port}"), _cts.Token));
    }

    private static IPEndPoint ToEndPoint(Multiaddr address)
    {
        var parts = address.WithoutPeerId().Components;
        return new IPEndPoint(new IPAddress(parts[0].RawValue), int.Parse(parts[1].Value!, System.Globalization.CultureInfo.InvariantCulture));
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
