using System.Collections.Concurrent;
using Serilog;
using Subtensor.Core.Scale;
using Subtensor.Core.Types;
using Subtensor.Network.Host;
using Subtensor.Network.Identity;
using Subtensor.Network.Kademlia;
using Subtensor.Network.Multiformats;
using Subtensor.Network.Peers;
using Subtensor.Network.Protocols;
using Subtensor.Network.Substrate;
using Subtensor.Network.Sync;
using Subtensor.Network.Yamux;

namespace Subtensor.Network.Service;

/// <summary>
/// The node's network: a libp2p host speaking Substrate's protocols, named from the genesis hash (with the legacy protocol-id names as
/// fallbacks): block announces, transactions and GRANDPA notifications, <c>sync/2</c> and <c>state/2</c> request-response, Kademlia
/// discovery. A peer becomes a sync peer once the block-announce handshakes are exchanged; the <see cref="Peerset"/> gives it a slot
/// (or refuses it), and a peer that sends malformed, oversized or useless data is reported, banned and disconnected.
/// </summary>
public sealed class NetworkService : IAsyncDisposable
{
    /// <summary>sc-network-sync <c>MAX_BLOCK_ANNOUNCE_SIZE</c>.</summary>
    public const int MaxBlockAnnounceSize = 1024 * 1024;

    /// <summary>sc-network-transactions <c>MAX_TRANSACTIONS_SIZE</c>.</summary>
    public const int MaxTransactionsSize = 16 * 1024 * 1024;

    /// <summary>sc-consensus-grandpa's notification limit.</summary>
    public const int MaxGrandpaMessageSize = 1024 * 1024;

    public const int MaxHandshakeSize = 1024;

    /// <summary>sc-network-sync block request limits: request 1 MiB, response 16 MiB.</summary>
    public const int MaxBlockRequestSize = 1024 * 1024;

    public const int MaxBlockResponseSize = 16 * 1024 * 1024;

    private readonly NetworkConfiguration _config;
    private readonly IChainBackend _chain;
    private readonly IStateRequestServer? _stateServer;
    private readonly ILogger _log;
    private readonly Libp2pHost _host;
    private readonly BlockRequestHandler _blockRequests;
    private readonly KademliaDiscovery _discovery;
    private readonly object _gate = new();
    private readonly Dictionary<PeerId, PeerSession> _sessions = [];
    private readonly ConcurrentDictionary<PeerId, byte> _dialing = new();
    private readonly ConcurrentDictionary<Libp2pConnection, DateTimeOffset> _discoveryConnections = new();
    private readonly CancellationTokenSource _shutdown = new();
    private readonly TimeProvider _time;
    private Task? _maintenance;
    private Task? _randomWalk;
    private int _started;
    private int _disposed;

    public NetworkService(NetworkConfiguration config, IChainBackend chain, IStateRequestServer? stateServer = null, ILogger? logger = null, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(chain);
        _config = config;
        _chain = chain;
        _stateServer = stateServer;
        _time = time ?? TimeProvider.System;
        _log = (logger ?? Serilog.Core.Logger.None).ForContext("SourceContext", "network");
        Names = new ProtocolNames(config.GenesisHash, config.ProtocolId, config.ForkId);
        _host = new Libp2pHost(config.NodeKey, config.Host with { ExternalAddresses = [.. config.Host.ExternalAddresses, .. config.PublicAddresses] }, logger);
        _blockRequests = new BlockRequestHandler(chain);

        var reserved = config.ReservedNodes.Select(a => a.PeerId ?? throw new ArgumentException($"reserved node {a} has no /p2p/ peer id", nameof(config))).ToList();
        Peerset = new Peerset(
            new PeersetOptions
            {
                InPeers = config.InPeers,
                OutPeers = config.OutPeers,
                ReservedPeers = reserved,
                ReservedOnly = config.ReservedOnly,
                BanDuration = config.BanDuration,
            },
            _time,
            logger);
        Peerset.PeerBanned += (_, ban) => _ = DisconnectAsync(ban.Peer, "banned: " + ban.Reason);
        foreach (var address in config.ReservedNodes)
        {
            Peerset.AddReserved(address.PeerId!, address);
        }

        RoutingTable = new KBucketsTable(config.NodeKey.PeerId);
        _discovery = new KademliaDiscovery(RoutingTable, QueryKademliaAsync, logger);
        _discovery.PeerDiscovered += (_, peer) =>
        {
            foreach (var address in peer.Addresses)
            {
                Peerset.AddAddress(peer.Id, address);
            }
        };
        foreach (var bootnode in config.Bootnodes)
        {
            var peer = bootnode.PeerId ?? throw new ArgumentException($"bootnode {bootnode} has no /p2p/ peer id", nameof(config));
            Peerset.AddAddress(peer, bootnode);
            RoutingTable.AddOrUpdate(peer, [bootnode], connected: false);
        }

        foreach (var name in Names.BlockAnnounces)
        {
            _host.SetHandler(name, ServeBlockAnnouncesAsync);
        }

        foreach (var name in Names.Transactions)
        {
            _host.SetHandler(name, (c, s, ct) => ServeNotificationsAsync(c, s, NotificationKind.Transactions, ct));
        }

        foreach (var name in Names.Grandpa)
        {
            _host.SetHandler(name, (c, s, ct) => ServeNotificationsAsync(c, s, NotificationKind.Grandpa, ct));
        }

        var sync = RequestResponse.CreateHandler(MaxBlockRequestSize, ServeBlockRequestAsync);
        foreach (var name in Names.Sync)
        {
            _host.SetHandler(name, sync);
        }

        var state = RequestResponse.CreateHandler(MaxBlockRequestSize, ServeStateRequestAsync);
        foreach (var name in Names.State)
        {
            _host.SetHandler(name, state);
        }

        if (config.EnableKademlia)
        {
            var kad = KademliaProtocol.CreateHandler(RoutingTable);
            foreach (var name in Names.Kademlia)
            {
                _host.SetHandler(name, kad);
            }
        }

        _host.ConnectionEstablished += OnConnectionEstablished;
        _host.ConnectionClosed += OnConnectionClosed;
    }

    public PeerId LocalPeerId => _host.PeerId;

    public ProtocolNames Names { get; }

    public Peerset Peerset { get; }

    public KBucketsTable RoutingTable { get; }

    public NodeRole Role => _config.Role;

    /// <summary>Bound listen addresses with the ports the OS chose (<c>system_localListenAddresses</c> adds <c>/p2p/&lt;id&gt;</c>).</summary>
    public IReadOnlyList<Multiaddr> ListenAddresses => _host.ListenAddresses;

    public IReadOnlyList<Multiaddr> PublicAddresses => _config.PublicAddresses;

    /// <summary>Sync peers (block announces open), for <c>system_peers</c>.</summary>
    public IReadOnlyList<ConnectedPeer> Peers
    {
        get
        {
            lock (_gate)
            {
                return [.. _sessions.Values.Where(s => s.Opened && !s.IsClosed).Select(s => s.ToConnectedPeer())];
            }
        }
    }

    /// <summary>Number of sync peers (<c>system_health.peers</c>).</summary>
    public int PeerCount
    {
        get
        {
            lock (_gate)
            {
                return _sessions.Values.Count(s => s.Opened && !s.IsClosed);
            }
        }
    }

    /// <summary>Open libp2p connections, sync peers or not.</summary>
    public int ConnectionCount => _host.Connections.Count;

    /// <summary>A peer opened block announces with us (its handshake carries its best block).</summary>
    public event EventHandler<ConnectedPeer>? PeerConnected;

    public event EventHandler<PeerId>? PeerDisconnected;

    public event EventHandler<BlockAnnounceEventArgs>? BlockAnnounceReceived;

    public event EventHandler<TransactionsEventArgs>? TransactionsReceived;

    public event EventHandler<GrandpaMessageEventArgs>? GrandpaMessageReceived;

    /// <summary>Listens on the configured addresses and starts dialling, housekeeping and discovery.</summary>
    public Task StartAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        if (Interlocked.Exchange(ref _started, 1) != 0)
        {
            throw new InvalidOperationException("the network service is already started");
        }

        // Like libp2p, a listen address that cannot be bound is reported and skipped (an IPv6 wildcard on a host without IPv6); only when
        // none can be bound does the node refuse to start.
        Exception? lastError = null;
        foreach (var address in _config.ListenAddresses)
        {
            try
            {
                _host.Listen(address);
            }
            catch (Exception ex) when (ex is System.Net.Sockets.SocketException or ArgumentException or IOException)
            {
                lastError = ex;
                _log.Warning("Cannot listen on {Address}: {Reason}", address, ex.Message);
            }
        }

        if (_config.ListenAddresses.Count > 0 && _host.ListenAddresses.Count == 0)
        {
            throw new IOException($"could not listen on any of {string.Join(", ", _config.ListenAddresses)}: {lastError?.Message}", lastError);
        }

        _log.Information("🏷  Local node identity is: {PeerId}", LocalPeerId);
        _maintenance = Task.Run(() => MaintenanceLoopAsync(_shutdown.Token), CancellationToken.None);
        if (_config.EnableKademlia)
        {
            _randomWalk = Task.Run(() => RandomWalkLoopAsync(_shutdown.Token), CancellationToken.None);
        }

        return Task.CompletedTask;
    }

    public async Task StopAsync()
    {
        await _shutdown.CancelAsync().ConfigureAwait(false);
        await BackgroundLoops.AwaitStoppedAsync(_maintenance, _randomWalk).ConfigureAwait(false);

        List<PeerSession> sessions;
        lock (_gate)
        {
            sessions = [.. _sessions.Values];
        }

        foreach (var session in sessions)
        {
            ClosePeer(session, "shutting down", closeConnection: false);
        }

        await _host.DisposeAsync().ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await StopAsync().ConfigureAwait(false);
        _shutdown.Dispose();
    }

    /// <summary>Dials an address (ending in <c>/p2p/&lt;id&gt;</c>) and tries to make the peer a sync peer (--reserved-nodes at runtime, tests).</summary>
    public async Task ConnectAsync(Multiaddr address, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(address);
        var peer = address.PeerId ?? throw new ArgumentException("the address needs a /p2p/ peer id", nameof(address));
        Peerset.AddAddress(peer, address);
        await DialForSlotAsync(peer, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reserved peers (--reserved-nodes and <c>system_addReservedPeer</c>).</summary>
    public IReadOnlyList<PeerId> ReservedPeers => [.. Peerset.KnownPeers.Where(Peerset.IsReserved)];

    /// <summary>Makes a peer reserved (<c>system_addReservedPeer</c>): always connected, outside the slots. The address needs a /p2p/ tail.</summary>
    public void AddReservedPeer(Multiaddr address)
    {
        ArgumentNullException.ThrowIfNull(address);
        var peer = address.PeerId ?? throw new ArgumentException("the address needs a /p2p/ peer id", nameof(address));
        if (peer.Equals(LocalPeerId))
        {
            throw new ArgumentException("cannot reserve the local peer", nameof(address));
        }

        Peerset.AddReserved(peer, address);
        if (!Peerset.IsBanned(peer))
        {
            _ = DialForSlotAsync(peer, _shutdown.Token);
        }
    }

    /// <summary>
    /// Removes a reserved peer (<c>system_removeReservedPeer</c>). In reserved-only mode it is disconnected; otherwise it stays
    /// connected only if an ordinary slot is free, as in Substrate.
    /// </summary>
    public async Task RemoveReservedPeerAsync(PeerId peer)
    {
        ArgumentNullException.ThrowIfNull(peer);
        Peerset.RemoveReserved(peer);
        if (_config.ReservedOnly && HasSession(peer))
        {
            await DisconnectAsync(peer, "no longer reserved").ConfigureAwait(false);
        }
    }

    /// <summary>Announces a block to every sync peer not known to have it (is_best: whether it is our new best block).</summary>
    public void AnnounceBlock(byte[] header, bool isBest)
    {
        var summary = HeaderSummary.Decode(header);
        var message = new BlockAnnounce(summary, isBest).Encode();
        foreach (var session in OpenSessions())
        {
            if (session.KnownBlocks.Add(summary.Hash) && !session.BlockAnnounces.Enqueue(message))
            {
                _log.Debug("Block announce queue of {Peer} is full; dropping the announce of {Block}", session.Peer, summary);
            }
        }
    }

    /// <summary>Sends extrinsics (each with its length prefix) to every sync peer that does not know them yet.</summary>
    public void PropagateTransactions(IReadOnlyList<byte[]> extrinsics)
    {
        ArgumentNullException.ThrowIfNull(extrinsics);
        if (extrinsics.Count == 0)
        {
            return;
        }

        var hashes = extrinsics.Select(e => Hash256.Blake2(e)).ToArray();
        foreach (var session in OpenSessions())
        {
            var fresh = new List<byte[]>();
            for (var i = 0; i < extrinsics.Count; i++)
            {
                if (session.KnownTransactions.Add(hashes[i]))
                {
                    fresh.Add(extrinsics[i]);
                }
            }

            if (fresh.Count > 0)
            {
                session.Transactions.Enqueue(TransactionsMessage.Encode(fresh));
            }
        }
    }

    /// <summary>Gossips a GRANDPA message to one peer or (null) to every sync peer, skipping peers that already have it.</summary>
    public void SendGrandpaMessage(PeerId? target, byte[] message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var hash = Hash256.Blake2(message);
        foreach (var session in OpenSessions())
        {
            if ((target is null || session.Peer.Equals(target)) && session.KnownGossip.Add(hash))
            {
                session.Grandpa.Enqueue(message);
            }
        }
    }

    /// <summary>Sends a <c>sync/2</c> request. Throws <see cref="Libp2pProtocolException"/> for an undecodable answer, IO errors for refusals.</summary>
    public async Task<BlockResponse> RequestBlocksAsync(PeerId peer, BlockRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var connection = ConnectionOf(peer) ?? throw new IOException($"not connected to {peer}");
        var bytes = await RequestResponse.SendRequestAsync(connection, Names.Sync, request.Encode(), MaxBlockResponseSize, _config.BlockRequestTimeout, cancellationToken)
            .ConfigureAwait(false);
        return BlockResponse.Decode(bytes);
    }

    /// <summary>Sends a <c>state/2</c> request.</summary>
    public async Task<StateResponse> RequestStateAsync(PeerId peer, StateRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var connection = ConnectionOf(peer) ?? throw new IOException($"not connected to {peer}");
        var bytes = await RequestResponse.SendRequestAsync(connection, Names.State, request.Encode(), MaxBlockResponseSize, _config.StateRequestTimeout, cancellationToken)
            .ConfigureAwait(false);
        return StateResponse.Decode(bytes);
    }

    /// <summary>Applies a reputation change; a peer that ends up banned is disconnected.</summary>
    public void ReportPeer(PeerId peer, ReputationChange change)
    {
        if (Peerset.Report(peer, change))
        {
            _ = DisconnectAsync(peer, "reputation: " + change.Reason);
        }
    }

    /// <summary>Closes every connection to <paramref name="peer"/>.</summary>
    public async Task DisconnectAsync(PeerId peer, string reason)
    {
        PeerSession? session;
        lock (_gate)
        {
            _sessions.TryGetValue(peer, out session);
        }

        if (session is not null)
        {
            ClosePeer(session, reason, closeConnection: true);
        }

        foreach (var connection in _host.Connections.Where(c => c.RemotePeerId.Equals(peer)))
        {
            await connection.CloseAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Runs one Kademlia random walk now (the loop also runs them on its own schedule).</summary>
    public Task<IReadOnlyList<KadPeer>> RandomWalkAsync(CancellationToken cancellationToken = default) => _discovery.RandomWalkAsync(cancellationToken);

    private IEnumerable<PeerSession> OpenSessions()
    {
        lock (_gate)
        {
            return [.. _sessions.Values.Where(s => s.Opened && !s.IsClosed)];
        }
    }

    private Libp2pConnection? ConnectionOf(PeerId peer)
    {
        lock (_gate)
        {
            if (_sessions.TryGetValue(peer, out var session) && !session.IsClosed && !session.Connection.IsClosed)
            {
                return session.Connection;
            }
        }

        return _host.Connections.FirstOrDefault(c => c.RemotePeerId.Equals(peer) && !c.IsClosed);
    }

    private BlockAnnouncesHandshake LocalHandshake()
    {
        var info = _chain.Info;
        return new BlockAnnouncesHandshake(_config.Role, info.BestNumber, info.BestHash, _config.GenesisHash);
    }

    private byte[] RoleHandshake() => [(byte)_config.Role];

    // ---- connections -------------------------------------------------------------------------------------------------------------

    private void OnConnectionEstablished(object? sender, Libp2pConnection connection)
    {
        var peer = connection.RemotePeerId;
        if (Peerset.IsBanned(peer))
        {
            _log.Debug("Refusing connection from banned peer {Peer}", peer);
            _ = connection.CloseAsync();
            return;
        }

        _ = Task.Run(() => IdentifyAsync(connection), CancellationToken.None);
    }

    private async Task IdentifyAsync(Libp2pConnection connection)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_shutdown.Token);
            timeout.CancelAfter(TimeSpan.FromSeconds(10));
            var info = await _host.IdentifyAsync(connection, timeout.Token).ConfigureAwait(false);
            var peer = connection.RemotePeerId;
            var addresses = info.ListenAddresses.Where(a => a.Components.Count >= 2 && a.Components[0].Value is not ("0.0.0.0" or "::")).ToList();
            foreach (var address in addresses)
            {
                Peerset.AddAddress(peer, address);
            }

            if (_config.EnableKademlia && info.Protocols.Any(p => Names.Kademlia.Contains(p)) && addresses.Count > 0 && !connection.IsClosed)
            {
                RoutingTable.AddOrUpdate(peer, addresses, connected: true);
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            _log.Debug("identify with {Peer} failed: {Reason}", connection.RemotePeerId, ex.Message);
        }
    }

    private void OnConnectionClosed(object? sender, Libp2pConnection connection)
    {
        _discoveryConnections.TryRemove(connection, out _);
        PeerSession? session = null;
        lock (_gate)
        {
            if (_sessions.TryGetValue(connection.RemotePeerId, out var s) && ReferenceEquals(s.Connection, connection))
            {
                session = s;
            }
        }

        if (session is not null)
        {
            ClosePeer(session, "connection closed: " + (connection.Session.CloseReason ?? "?"), closeConnection: false);
        }

        if (!_host.Connections.Any(c => c.RemotePeerId.Equals(connection.RemotePeerId) && !ReferenceEquals(c, connection)))
        {
            RoutingTable.SetConnected(connection.RemotePeerId, false);
        }
    }

    private async Task DialForSlotAsync(PeerId peer, CancellationToken cancellationToken)
    {
        if (peer.Equals(LocalPeerId) || !_dialing.TryAdd(peer, 0))
        {
            return;
        }

        try
        {
            lock (_gate)
            {
                if (_sessions.TryGetValue(peer, out var existing) && !existing.IsClosed)
                {
                    return;
                }
            }

            var slot = Peerset.TryReserveOutbound(peer);
            if (slot is null)
            {
                return;
            }

            Libp2pConnection connection;
            try
            {
                connection = ConnectionOf(peer) ?? await DialAnyAsync(peer, cancellationToken).ConfigureAwait(false);
                Peerset.DialSucceeded(peer);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                _log.Debug("Dialling {Peer} failed: {Reason}", peer, ex.Message);
                Peerset.DialFailed(peer);
                Peerset.Release(peer);
                return;
            }

            var session = BindSession(connection, slot.Value);
            if (session is null)
            {
                return;
            }

            await OpenBlockAnnouncesAsync(session).ConfigureAwait(false);
        }
        finally
        {
            _dialing.TryRemove(peer, out _);
        }
    }

    private async Task<Libp2pConnection> DialAnyAsync(PeerId peer, CancellationToken cancellationToken)
    {
        var addresses = Peerset.Addresses(peer);
        if (addresses.Count == 0)
        {
            throw new IOException($"no known address of {peer}");
        }

        Exception? last = null;
        foreach (var address in addresses)
        {
            try
            {
                return await _host.DialAsync(address.WithPeerId(peer), cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException and not OperationCanceledException)
            {
                last = ex;
            }
        }

        throw new IOException($"every address of {peer} failed: {last?.Message}", last);
    }

    /// <summary>
    /// Binds a peer to a connection. When the peer already has a session on another live connection (both sides dialled at once), both
    /// ends keep the connection dialled by the smaller peer id, so they agree without talking; the loser is closed.
    /// </summary>
    private PeerSession? BindSession(Libp2pConnection connection, PeerSlot slot)
    {
        var peer = connection.RemotePeerId;
        PeerSession? replaced = null;
        PeerSession session;
        lock (_gate)
        {
            if (_sessions.TryGetValue(peer, out var existing) && !existing.IsClosed && !existing.Connection.IsClosed)
            {
                if (ReferenceEquals(existing.Connection, connection))
                {
                    return existing;
                }

                if (!Prefer(connection, existing.Connection))
                {
                    _ = connection.CloseAsync();
                    return null;
                }

                replaced = existing;
                slot = existing.Slot;
            }

            session = new PeerSession(peer, connection, slot, _shutdown.Token);
            _sessions[peer] = session;
        }

        if (replaced is not null)
        {
            ClosePeer(replaced, "duplicate connection", closeConnection: true, keepSlot: true);
        }

        return session;
    }

    private bool Prefer(Libp2pConnection candidate, Libp2pConnection existing)
    {
        var candidateDialer = candidate.Direction == ConnectionDirection.Outbound ? LocalPeerId : candidate.RemotePeerId;
        var existingDialer = existing.Direction == ConnectionDirection.Outbound ? LocalPeerId : existing.RemotePeerId;
        return candidateDialer.Bytes.SequenceCompareTo(existingDialer.Bytes) < 0;
    }

    private void ClosePeer(PeerSession session, string reason, bool closeConnection, bool keepSlot = false)
    {
        if (!session.TryClose())
        {
            return;
        }

        var removed = false;
        lock (_gate)
        {
            if (_sessions.TryGetValue(session.Peer, out var current) && ReferenceEquals(current, session))
            {
                _sessions.Remove(session.Peer);
                removed = true;
            }
        }

        if (removed && !keepSlot)
        {
            Peerset.Release(session.Peer);
        }

        if (session.Opened)
        {
            _log.Debug("Peer {Peer} disconnected: {Reason}", session.Peer, reason);
            Raise(PeerDisconnected, session.Peer);
        }

        if (closeConnection)
        {
            _ = session.Connection.CloseAsync();
        }
    }

    // ---- block announces ---------------------------------------------------------------------------------------------------------

    private async Task OpenBlockAnnouncesAsync(PeerSession session)
    {
        NotificationsSubstream substream;
        BlockAnnouncesHandshake sentHandshake;
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(session.Cancellation.Token);
            timeout.CancelAfter(_config.NotificationOpenTimeout);
            sentHandshake = LocalHandshake();
            substream = await NotificationsSubstream.OpenAsync(session.Connection, Names.BlockAnnounces, sentHandshake.Encode(), MaxHandshakeSize, timeout.Token)
                .ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            _log.Debug("Opening block announces to {Peer} failed: {Reason}", session.Peer, ex.Message);
            if (session.Slot != PeerSlot.Inbound)
            {
                Peerset.DialFailed(session.Peer); // back off before trying a peer that refused us (full, reserved-only) again
            }

            if (ex is MultistreamSelect.ProtocolNotSupportedException && !session.IsClosed)
            {
                // Not a Substrate node of our chain (a bootnode of another stack, a js-libp2p peer): no sync peer, but identify, ping and
                // Kademlia stay usable on the connection until the discovery housekeeping closes it.
                ClosePeer(session, "block announces not supported", closeConnection: false);
                _discoveryConnections.TryAdd(session.Connection, _time.GetUtcNow());
                return;
            }

            ClosePeer(session, "block announces refused", closeConnection: !session.IsClosed);
            return;
        }

        BlockAnnouncesHandshake remote;
        try
        {
            remote = BlockAnnouncesHandshake.Decode(substream.RemoteHandshake);
        }
        catch (Libp2pProtocolException ex)
        {
            await substream.DisposeAsync().ConfigureAwait(false);
            ReportAndClose(session, ReputationChange.Fatal("Bad block-announces handshake: " + ex.Message));
            return;
        }

        if (remote.GenesisHash != _config.GenesisHash)
        {
            await substream.DisposeAsync().ConfigureAwait(false);
            _log.Information("Peer {Peer} is on another chain (genesis {Genesis}); disconnecting", session.Peer, remote.GenesisHash);
            ReportAndClose(session, ReputationChange.GenesisMismatch);
            return;
        }

        session.SetHandshake(remote);
        session.BlockAnnounces.Attach(substream, session.Cancellation.Token, error => OnOutboundEnded(session, "block announces", error));
        if (session.IsClosed)
        {
            return;
        }

        session.MarkOpened();

        // Our best may have moved while the handshake was in flight, before announces could reach this peer: announce it now.
        var info = _chain.Info;
        if (info.BestHash != sentHandshake.BestHash && _chain.Header(info.BestHash) is { } bestHeader && session.KnownBlocks.Add(info.BestHash))
        {
            session.BlockAnnounces.Enqueue(new BlockAnnounce(HeaderSummary.Decode(bestHeader), isBest: true).Encode());
        }

        _log.Debug("Peer {Peer} connected ({Slot}, {Roles}, best #{Number} {Hash})", session.Peer, session.Slot, remote.Roles, remote.BestNumber, remote.BestHash);
        Raise(PeerConnected, session.ToConnectedPeer());
        session.ReleaseInbound();
        _ = OpenNotificationsAsync(session, NotificationKind.Transactions);
        _ = OpenNotificationsAsync(session, NotificationKind.Grandpa);
    }

    private async Task OpenNotificationsAsync(PeerSession session, NotificationKind kind)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(session.Cancellation.Token);
            timeout.CancelAfter(_config.NotificationOpenTimeout);
            var names = kind == NotificationKind.Transactions ? Names.Transactions : Names.Grandpa;
            var substream = await NotificationsSubstream.OpenAsync(session.Connection, names, RoleHandshake(), MaxHandshakeSize, timeout.Token).ConfigureAwait(false);
            var queue = kind == NotificationKind.Transactions ? session.Transactions : session.Grandpa;
            queue.Attach(substream, session.Cancellation.Token, error => OnOutboundEnded(session, kind.ToString(), error));
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            _log.Debug("Opening {Kind} notifications to {Peer} failed: {Reason}", kind, session.Peer, ex.Message);
        }
    }

    private void OnOutboundEnded(PeerSession session, string what, Exception? error)
    {
        if (!session.IsClosed)
        {
            ClosePeer(session, $"{what} substream ended{(error is null ? string.Empty : ": " + error.Message)}", closeConnection: true);
        }
    }

    private async Task ServeBlockAnnouncesAsync(Libp2pConnection connection, YamuxStream stream, CancellationToken cancellationToken)
    {
        var peer = connection.RemotePeerId;
        PeerSession? session = null;
        var created = false;
        ReputationChange? refusal = null;
        var accepted = await NotificationsSubstream.AcceptAsync(stream, MaxHandshakeSize, bytes =>
        {
            BlockAnnouncesHandshake remote;
            try
            {
                remote = BlockAnnouncesHandshake.Decode(bytes);
            }
            catch (Libp2pProtocolException ex)
            {
                refusal = ReputationChange.Fatal("Bad block-announces handshake: " + ex.Message);
                return null;
            }

            if (remote.GenesisHash != _config.GenesisHash)
            {
                refusal = ReputationChange.GenesisMismatch;
                return null;
            }

            lock (_gate)
            {
                if (_sessions.TryGetValue(peer, out var existing) && ReferenceEquals(existing.Connection, connection) && !existing.IsClosed)
                {
                    session = existing;
                }
            }

            if (session is null)
            {
                var slot = Peerset.TryAcceptInbound(peer);
                if (slot is null)
                {
                    return null;
                }

                session = BindSession(connection, slot.Value);
                if (session is null)
                {
                    return null;
                }

                created = true;
            }

            session.SetHandshake(remote);
            return LocalHandshake().Encode();
        }, cancellationToken).ConfigureAwait(false);

        if (accepted is null)
        {
            if (refusal is { } change)
            {
                _log.Information("Refused block announces from {Peer}: {Reason}", peer, change.Reason);
                ReportPeer(peer, change);
                await connection.CloseAsync().ConfigureAwait(false);
            }

            return;
        }

        var current = session!;
        if (created)
        {
            _ = OpenBlockAnnouncesAsync(current);
        }

        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, current.Cancellation.Token);
        try
        {
            while (true)
            {
                var bytes = await accepted.ReceiveAsync(MaxBlockAnnounceSize, linked.Token).ConfigureAwait(false);
                await current.WhenOpened.WaitAsync(linked.Token).ConfigureAwait(false);
                if (bytes is null)
                {
                    break;
                }

                BlockAnnounce announce;
                try
                {
                    announce = BlockAnnounce.Decode(bytes);
                }
                catch (ScaleDecodeException ex)
                {
                    ReportAndClose(current, ReputationChange.Fatal("Malformed block announce: " + ex.Message));
                    return;
                }

                current.KnownBlocks.Add(announce.Header.Hash);
                if (announce.IsBest || announce.Header.Number > current.BestNumber)
                {
                    current.UpdateBest(announce.Header.Hash, announce.Header.Number);
                }

                Raise(BlockAnnounceReceived, new BlockAnnounceEventArgs(peer, announce));
            }
        }
        catch (Libp2pProtocolException ex)
        {
            ReportAndClose(current, ReputationChange.Fatal("Block announces: " + ex.Message));
            return;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            _log.Debug("Block announces from {Peer} ended: {Reason}", peer, ex.Message);
        }

        ClosePeer(current, "block announces closed by the peer", closeConnection: true);
    }

    // ---- transactions and grandpa -------------------------------------------------------------------------------------------------

    private async Task ServeNotificationsAsync(Libp2pConnection connection, YamuxStream stream, NotificationKind kind, CancellationToken cancellationToken)
    {
        var peer = connection.RemotePeerId;
        PeerSession? session = null;
        var accepted = await NotificationsSubstream.AcceptAsync(stream, MaxHandshakeSize, _ =>
        {
            lock (_gate)
            {
                if (_sessions.TryGetValue(peer, out var existing) && ReferenceEquals(existing.Connection, connection) && !existing.IsClosed)
                {
                    session = existing;
                }
            }

            return session is null ? null : RoleHandshake();
        }, cancellationToken).ConfigureAwait(false);
        if (accepted is null)
        {
            return;
        }

        var current = session!;
        var limit = kind == NotificationKind.Transactions ? MaxTransactionsSize : MaxGrandpaMessageSize;
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, current.Cancellation.Token);
        try
        {
            while (await accepted.ReceiveAsync(limit, linked.Token).ConfigureAwait(false) is { } bytes)
            {
                await current.WhenOpened.WaitAsync(linked.Token).ConfigureAwait(false);
                if (kind == NotificationKind.Grandpa)
                {
                    current.KnownGossip.Add(Hash256.Blake2(bytes));
                    Raise(GrandpaMessageReceived, new GrandpaMessageEventArgs(peer, bytes));
                    continue;
                }

                IReadOnlyList<byte[]> extrinsics;
                try
                {
                    extrinsics = TransactionsMessage.Decode(bytes);
                }
                catch (ScaleDecodeException ex)
                {
                    ReportAndClose(current, ReputationChange.Fatal("Malformed transactions: " + ex.Message));
                    return;
                }

                foreach (var extrinsic in extrinsics)
                {
                    current.KnownTransactions.Add(Hash256.Blake2(extrinsic));
                }

                Raise(TransactionsReceived, new TransactionsEventArgs(peer, extrinsics));
            }
        }
        catch (Libp2pProtocolException ex)
        {
            ReportAndClose(current, ReputationChange.Fatal($"{kind} notifications: {ex.Message}"));
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            _log.Debug("{Kind} notifications from {Peer} ended: {Reason}", kind, peer, ex.Message);
        }
    }

    private void ReportAndClose(PeerSession session, ReputationChange change)
    {
        _log.Information("Peer {Peer} misbehaved: {Reason}", session.Peer, change.Reason);
        Peerset.Report(session.Peer, change);
        ClosePeer(session, change.Reason, closeConnection: true);
    }

    // ---- request-response ----------------------------------------------------------------------------------------------------------

    private Task<byte[]?> ServeBlockRequestAsync(PeerId peer, byte[] bytes, CancellationToken cancellationToken)
    {
        if (Peerset.IsBanned(peer))
        {
            return Task.FromResult<byte[]?>(null);
        }

        BlockRequest request;
        try
        {
            request = BlockRequest.Decode(bytes);
        }
        catch (Libp2pProtocolException ex)
        {
            ReportPeer(peer, ReputationChange.Fatal("Malformed block request: " + ex.Message));
            return Task.FromResult<byte[]?>(null);
        }

        var response = _blockRequests.Handle(request);
        return Task.FromResult<byte[]?>(response.Encode(request.SupportMultipleJustifications));
    }

    private Task<byte[]?> ServeStateRequestAsync(PeerId peer, byte[] bytes, CancellationToken cancellationToken)
    {
        if (_stateServer is null || Peerset.IsBanned(peer))
        {
            return Task.FromResult<byte[]?>(null);
        }

        StateRequest request;
        try
        {
            request = StateRequest.Decode(bytes);
        }
        catch (Libp2pProtocolException ex)
        {
            ReportPeer(peer, ReputationChange.Fatal("Malformed state request: " + ex.Message));
            return Task.FromResult<byte[]?>(null);
        }

        return Task.FromResult(_stateServer.Serve(request)?.Encode());
    }

    // ---- housekeeping and discovery -------------------------------------------------------------------------------------------------

    private async Task MaintenanceLoopAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(_config.MaintenanceInterval, _time);
        do
        {
            try
            {
                Peerset.Tick();
                var candidates = Peerset.DialCandidates(
                    peer => _dialing.ContainsKey(peer) || HasSession(peer),
                    LocalPeerId);
                foreach (var peer in candidates)
                {
                    _ = DialForSlotAsync(peer, cancellationToken);
                }

                var now = _time.GetUtcNow();
                foreach (var (connection, opened) in _discoveryConnections)
                {
                    if (now - opened > TimeSpan.FromSeconds(30) && !HasSession(connection.RemotePeerId))
                    {
                        _discoveryConnections.TryRemove(connection, out _);
                        _ = connection.CloseAsync();
                    }
                }
            }
            catch (Exception ex) when (ex is not OutOfMemoryException and not OperationCanceledException)
            {
                _log.Warning(ex, "network housekeeping failed");
            }
        }
        while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false));
    }

    private bool HasSession(PeerId peer)
    {
        lock (_gate)
        {
            return _sessions.TryGetValue(peer, out var s) && !s.IsClosed;
        }
    }

    private async Task RandomWalkLoopAsync(CancellationToken cancellationToken)
    {
        var delay = _config.RandomWalkInitialDelay;
        while (!cancellationToken.IsCancellationRequested)
        {
            await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(TimeSpan.FromSeconds(30));
                var found = await _discovery.RandomWalkAsync(timeout.Token).ConfigureAwait(false);
                _log.Debug("kad: random walk done; {Found} peers near the target, {Table} in the routing table", found.Count, RoutingTable.Count);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                _log.Debug("kad: random walk failed: {Reason}", ex.Message);
            }

            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, _config.RandomWalkMaxInterval.Ticks));
        }
    }

    private async Task<IReadOnlyList<KadPeer>> QueryKademliaAsync(KadPeer target, byte[] key, CancellationToken cancellationToken)
    {
        if (Peerset.IsBanned(target.Id))
        {
            return [];
        }

        var connection = ConnectionOf(target.Id);
        if (connection is null)
        {
            foreach (var address in target.Addresses)
            {
                Peerset.AddAddress(target.Id, address);
            }

            connection = await DialAnyAsync(target.Id, cancellationToken).ConfigureAwait(false);
            _discoveryConnections[connection] = _time.GetUtcNow();
        }

        var peers = await KademliaProtocol.FindNodeAsync(connection, Names.Kademlia, key, TimeSpan.FromSeconds(10), cancellationToken).ConfigureAwait(false);
        RoutingTable.AddOrUpdate(target.Id, target.Addresses, connected: true);
        return peers;
    }

    private void Raise<T>(EventHandler<T>? handlers, T args)
    {
        try
        {
            handlers?.Invoke(this, args);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            _log.Error(ex, "a network event handler failed");
        }
    }

    private enum NotificationKind
    {
        Transactions,
        Grandpa,
    }
}
