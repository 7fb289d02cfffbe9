using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Serilog;
using Subtensor.Network.Identity;
using Subtensor.Network.Multiformats;
using Subtensor.Network.MultistreamSelect;
using Subtensor.Network.Noise;
using Subtensor.Network.Protocols;
using Subtensor.Network.Transport;
using Subtensor.Network.Yamux;

namespace Subtensor.Network.Host;

/// <summary>
/// A libp2p host: listens and dials over TCP, upgrades every connection with multistream-select → Noise → multistream-select
/// → Yamux, serves registered protocols on inbound substreams and answers identify and ping. A misbehaving connection is
/// closed with a logged reason; it never takes the host down.
/// </summary>
public sealed class Libp2pHost : IAsyncDisposable
{
    private readonly HostOptions _options;
    private readonly ILogger _log;
    private readonly ConcurrentDictionary<string, ProtocolHandler> _handlers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Libp2pConnection, byte> _connections = new();
    private readonly List<Socket> _listeners = [];
    private readonly List<Multiaddr> _listenAddresses = [];
    private readonly CancellationTokenSource _shutdown = new();
    private int _pendingUpgrades;
    private int _disposed;

    public Libp2pHost(NodeKey identity, HostOptions? options = null, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(identity);
        Identity = identity;
        _options = options ?? new HostOptions();
        _log = (logger ?? Serilog.Core.Logger.None).ForContext("SourceContext", "libp2p");
        SetHandler(IdentifyProtocol.ProtocolId, (connection, stream, ct) => IdentifyProtocol.ServeAsync(this, connection, stream, ct));
        SetHandler(PingProtocol.ProtocolId, PingProtocol.ServeAsync);
    }

    public NodeKey Identity { get; }

    public PeerId PeerId => Identity.PeerId;

    public HostOptions Options => _options;

    /// <summary>Fired once a connection is upgraded and registered.</summary>
    public event EventHandler<Libp2pConnection>? ConnectionEstablished;

    /// <summary>Fired once a connection has ended.</summary>
    public event EventHandler<Libp2pConnection>? ConnectionClosed;

    /// <summary>The addresses we listen on, with the ports the OS chose.</summary>
    public IReadOnlyList<Multiaddr> ListenAddresses
    {
        get
        {
            lock (_listenAddresses)
            {
                return [.. _listenAddresses];
            }
        }
    }

    public IReadOnlyCollection<Libp2pConnection> Connections => [.. _connections.Keys];

    /// <summary>Protocols with a registered handler, as identify announces them.</summary>
    public IReadOnlyCollection<string> Protocols => [.. _handlers.Keys.Order(StringComparer.Ordinal)];

    public void SetHandler(string protocol, ProtocolHandler handler)
    {
        ArgumentException.ThrowIfNullOrEmpty(protocol);
        ArgumentNullException.ThrowIfNull(handler);
        _handlers[protocol] = handler;
    }

    public bool RemoveHandler(string protocol) => _handlers.TryRemove(protocol, out _);

    /// <summary>Starts listening on a TCP multiaddr and returns the bound address (port 0 becomes the chosen port).</summary>
    public Multiaddr Listen(Multiaddr address)
    {
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        var socket = TcpTransport.Listen(address);
        var bound = Multiaddr.FromEndPoint((IPEndPoint)socket.LocalEndPoint!);
        lock (_listenAddresses)
        {
            _listeners.Add(socket);
            _listenAddresses.Add(bound);
        }

        _log.Information("libp2p: listening on {Address}/p2p/{PeerId}", bound, PeerId);
        _ = Task.Run(() => AcceptLoopAsync(socket));
        return bound;
    }

    /// <summary>Dials <paramref name="address"/>; a <c>/p2p/</c> tail makes the handshake check the remote's identity.</summary>
    public async Task<Libp2pConnection> DialAsync(Multiaddr address, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(address);
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        if (_connections.Count >= _options.MaxConnections)
        {
            throw new IOException($"connection limit of {_options.MaxConnections} reached");
        }

        var expected = address.PeerId;
        var socket = await TcpTransport.ConnectAsync(address, _options.DialTimeout, cancellationToken).ConfigureAwait(false);
        try
        {
            return await UpgradeAsync(socket, ConnectionDirection.Outbound, expected, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>Asks the peer for its identify record.</summary>
    public Task<IdentifyInfo> IdentifyAsync(Libp2pConnection connection, CancellationToken cancellationToken = default)
        => IdentifyProtocol.RequestAsync(connection, _options.MaxIdentifyMessage, cancellationToken);

    /// <summary>One <c>/ipfs/ping/1.0.0</c> round trip.</summary>
    public Task<TimeSpan> PingAsync(Libp2pConnection connection, CancellationToken cancellationToken = default)
        => PingProtocol.PingAsync(connection, cancellationToken);

    /// <summary>The identify record we send.</summary>
    public IdentifyInfo LocalIdentify(Libp2pConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        return new IdentifyInfo
        {
            ProtocolVersion = _options.ProtocolVersion,
            AgentVersion = _options.AgentVersion,
            PublicKey = Identity.PublicKey,
            ListenAddresses = [.. ListenAddresses.Select(a => Dialable(a, connection.LocalAddress)).Distinct(), .. _options.ExternalAddresses],
            ObservedAddress = connection.RemoteAddress,
            Protocols = [.. Protocols],
        };
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _shutdown.CancelAsync().ConfigureAwait(false);
        lock (_listenAddresses)
        {
            foreach (var listener in _listeners)
            {
                listener.Dispose();
            }

            _listeners.Clear();
        }

        await Task.WhenAll(_connections.Keys.Select(c => c.CloseAsync())).ConfigureAwait(false);
        _shutdown.Dispose();
    }

    private async Task AcceptLoopAsync(Socket listener)
    {
        while (!_shutdown.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await listener.AcceptAsync(_shutdown.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException)
            {
                return;
            }
            catch (SocketException ex)
            {
                _log.Warning("libp2p: accept failed: {Message}", ex.Message);
                continue;
            }

            if (_connections.Count >= _options.MaxConnections)
            {
                _log.Debug("libp2p: dropping inbound connection from {Remote}: {Limit} connections open", SafeRemote(socket), _options.MaxConnections);
                socket.Dispose();
                continue;
            }

            if (Interlocked.Increment(ref _pendingUpgrades) > _options.MaxPendingInboundUpgrades)
            {
                Interlocked.Decrement(ref _pendingUpgrades);
                _log.Debug("libp2p: dropping inbound connection from {Remote}: too many handshakes in progress", SafeRemote(socket));
                socket.Dispose();
                continue;
            }

            _ = Task.Run(async () =>
            {
                try
                {
                    socket.NoDelay = true;
                    await UpgradeAsync(socket, ConnectionDirection.Inbound, null, _shutdown.Token).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OutOfMemoryException)
                {
                    _log.Information("libp2p: inbound connection from {Remote} failed its handshake: {Reason}", SafeRemote(socket), Describe(ex));
                    socket.Dispose();
                }
                finally
                {
                    Interlocked.Decrement(ref _pendingUpgrades);
                }
            });
        }
    }

    private async Task<Libp2pConnection> UpgradeAsync(Socket socket, ConnectionDirection direction, PeerId? expected, CancellationToken cancellationToken)
    {
        var local = Multiaddr.FromEndPoint((IPEndPoint)socket.LocalEndPoint!);
        var remote = Multiaddr.FromEndPoint((IPEndPoint)socket.RemoteEndPoint!);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.UpgradeTimeout);
        var raw = new ReadBufferedStream(new NetworkStream(socket, ownsSocket: true));
        NoiseSecureStream secure;
        try
        {
            if (direction == ConnectionDirection.Outbound)
            {
                await Multistream.SelectAsync(raw, [NoiseHandshake.ProtocolId], timeout.Token).ConfigureAwait(false);
                secure = await NoiseHandshake.InitiateAsync(raw, Identity, expected, timeout.Token).ConfigureAwait(false);
            }
            else
            {
                await Multistream.ListenAsync(raw, [NoiseHandshake.ProtocolId], timeout.Token).ConfigureAwait(false);
                secure = await NoiseHandshake.RespondAsync(raw, Identity, timeout.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            await raw.DisposeAsync().ConfigureAwait(false);
            throw new TimeoutException($"connection upgrade with {remote} timed out");
        }
        catch
        {
            await raw.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        Libp2pConnection? connection = null;
        try
        {
            if (direction == ConnectionDirection.Outbound)
            {
                await Multistream.SelectAsync(secure, [YamuxSession.ProtocolId], timeout.Token).ConfigureAwait(false);
            }
            else
            {
                await Multistream.ListenAsync(secure, [YamuxSession.ProtocolId], timeout.Token).ConfigureAwait(false);
            }

            var session = new YamuxSession(
                secure,
                isClient: direction == ConnectionDirection.Outbound,
                _options.Yamux,
                stream => OnInboundStream(connection!, stream),
                _log.ForContext("Peer", secure.RemotePeerId.ToString()));
            connection = new Libp2pConnection(this, session, secure.RemotePublicKey, local, remote, direction, _options.StreamNegotiationTimeout);
            _connections[connection] = 0;
            _ = connection.Completion.ContinueWith(
                _ => OnConnectionClosed(connection), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            session.Start();
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            await secure.DisposeAsync().ConfigureAwait(false);
            throw new TimeoutException($"muxer negotiation with {remote} timed out");
        }
        catch
        {
            await secure.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        _log.Debug("libp2p: connection established: {Connection}", connection);
        Raise(ConnectionEstablished, connection);
        return connection;
    }

    private void OnConnectionClosed(Libp2pConnection connection)
    {
        _connections.TryRemove(connection, out _);
        _log.Debug("libp2p: connection {Connection} ended: {Reason}", connection, connection.Session.CloseReason);
        Raise(ConnectionClosed, connection);
    }

    private void Raise(EventHandler<Libp2pConnection>? handlers, Libp2pConnection connection)
    {
        try
        {
            handlers?.Invoke(this, connection);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            _log.Error(ex, "libp2p: a connection event handler failed for {Connection}", connection);
        }
    }

    private void OnInboundStream(Libp2pConnection connection, YamuxStream stream)
        => _ = Task.Run(() => ServeStreamAsync(connection, stream));

    private async Task ServeStreamAsync(Libp2pConnection connection, YamuxStream stream)
    {
        try
        {
            string protocol;
            using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(_shutdown.Token))
            {
                timeout.CancelAfter(_options.StreamNegotiationTimeout);
                protocol = await Multistream.ListenAsync(stream, [.. _handlers.Keys], timeout.Token).ConfigureAwait(false);
            }

            stream.Protocol = protocol;
            if (_handlers.TryGetValue(protocol, out var handler))
            {
                await handler(connection, stream, _shutdown.Token).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            _log.Debug("libp2p: substream {StreamId} ({Protocol}) from {Peer} ended with an error: {Reason}", stream.Id, stream.Protocol ?? "negotiating", connection.RemotePeerId, Describe(ex));
            stream.Reset();
        }
        finally
        {
            await stream.DisposeAsync().ConfigureAwait(false);
        }
    }

    // 0.0.0.0 / :: are not dialable; identify announces such a listener with the IP of the connection's local end instead.
    private static Multiaddr Dialable(Multiaddr listen, Multiaddr local)
        => listen.Components.Count == 2 && listen.Components[0].Value is "0.0.0.0" or "::" && local.Components.Count >= 1
            ? new Multiaddr([local.Components[0], listen.Components[1]])
            : listen;

    private static string SafeRemote(Socket socket)
    {
        try
        {
            return socket.RemoteEndPoint?.ToString() ?? "?";
        }
        catch (ObjectDisposedException)
        {
            return "?";
        }
    }

    private static string Describe(Exception ex) => $"{ex.GetType().Name}: {ex.Message}";
}
