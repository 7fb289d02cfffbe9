using System.Collections.Concurrent;
using Subtensor.Core.Types;
using Subtensor.Network.Host;
using Subtensor.Network.Identity;
using Subtensor.Network.Kademlia;
using Subtensor.Network.Peers;
using Subtensor.Network.Multiformats;
using Subtensor.Network.Protocols;
using Subtensor.Network.Service;
using Subtensor.Network.Substrate;
using Subtensor.Network.Sync;
using Subtensor.Network.Tests.Support;

namespace Subtensor.Network.Tests.Service;

/// <summary>In-process network services over loopback TCP: handshakes, slots, gossip, discovery and punishment.</summary>
public sealed class NetworkServiceTests
{
    [Fact]
    public async Task Peers_exchange_block_announce_handshakes_and_become_sync_peers()
    {
        var chainA = new TestChain();
        chainA.Grow(7);
        await using var a = await TestNode.StartAsync(chainA, withSync: false);
        await using var b = await TestNode.StartAsync(new TestChain(), c => c with { Role = NodeRole.Authority }, withSync: false);
        var connected = new TaskCompletionSource<ConnectedPeer>(TaskCreationOptions.RunContinuationsAsynchronously);
        b.Network.PeerConnected += (_, p) => connected.TrySetResult(p);

        await b.Network.ConnectAsync(a.Address);
        var seenByB = await connected.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(a.PeerId, seenByB.PeerId);
        Assert.Equal(7u, seenByB.BestNumber);
        Assert.Equal(chainA.BestHash, seenByB.BestHash);
        Assert.Equal(NodeRole.Full, seenByB.Roles);

        await Wait.UntilAsync(() => a.Network.PeerCount == 1, "A to count B as a sync peer");
        var seenByA = Assert.Single(a.Network.Peers);
        Assert.Equal(b.PeerId, seenByA.PeerId);
        Assert.Equal(NodeRole.Authority, seenByA.Roles);
        Assert.Equal(0u, seenByA.BestNumber);
        Assert.Equal(PeerSlot.Inbound, seenByA.Slot);
        Assert.Equal(PeerSlot.Outbound, Assert.Single(b.Network.Peers).Slot);
    }

    [Fact]
    public async Task A_peer_on_another_genesis_is_refused_and_banned()
    {
        await using var a = await TestNode.StartAsync(new TestChain(Hash256.Blake2([1])), withSync: false);
        await using var b = await TestNode.StartAsync(new TestChain(), withSync: false);
        Assert.NotEqual(a.Chain.GenesisHash, b.Chain.GenesisHash);

        await b.Network.ConnectAsync(a.Address);
        await Wait.UntilAsync(() => a.Network.Peerset.IsBanned(b.PeerId), "A to ban B");
        Assert.Equal("Genesis mismatch", a.Network.Peerset.BanOf(b.PeerId)!.Reason);
        await Wait.UntilAsync(() => a.Network.ConnectionCount == 0 && b.Network.ConnectionCount == 0, "the connection to close");
        Assert.Equal(0, a.Network.PeerCount);
        Assert.Equal(0, b.Network.PeerCount);
    }

    [Fact]
    public async Task Reserved_only_accepts_reserved_peers_and_refuses_others()
    {
        await using var reserved = await TestNode.StartAsync(new TestChain(), withSync: false);
        await using var stranger = await TestNode.StartAsync(new TestChain(), c => c with { EnableKademlia = false }, withSync: false);
        await using var guarded = await TestNode.StartAsync(new TestChain(), c => c with { ReservedOnly = true, ReservedNodes = [reserved.Address] }, withSync: false);

        // The guarded node dials its reserved peer itself.
        await Wait.UntilAsync(() => guarded.Network.Peers.Any(p => p.PeerId == reserved.PeerId), "the reserved peer to connect");
        Assert.Equal(PeerSlot.Reserved, guarded.Network.Peers.Single().Slot);

        await stranger.Network.ConnectAsync(guarded.Address);
        await Task.Delay(300);
        Assert.DoesNotContain(guarded.Network.Peers, p => p.PeerId == stranger.PeerId);
        Assert.Equal(0, stranger.Network.PeerCount);
    }

    [Fact]
    public async Task In_peer_slots_limit_inbound_sync_peers()
    {
        // No outbound slots: the hub would otherwise dial the refused peer back as an outbound peer (as Substrate does).
        await using var hub = await TestNode.StartAsync(new TestChain(), c => c with { InPeers = 1, OutPeers = 0 }, withSync: false);
        await using var first = await TestNode.StartAsync(new TestChain(), c => c with { EnableKademlia = false }, withSync: false);
        await using var second = await TestNode.StartAsync(new TestChain(), c => c with { EnableKademlia = false }, withSync: false);
        await first.Network.ConnectAsync(hub.Address);
        await Wait.UntilAsync(() => hub.Network.PeerCount == 1, "the first peer");
        await second.Network.ConnectAsync(hub.Address);
        await Task.Delay(300);
        Assert.Equal(first.PeerId, Assert.Single(hub.Network.Peers).PeerId);
        Assert.Equal(0, second.Network.PeerCount);
    }

    [Fact]
    public async Task Transactions_gossip_across_three_nodes_once_each()
    {
        // No discovery: A and C must only reach each other through B.
        await using var a = await TestNode.StartAsync(new TestChain(), cfg => cfg with { EnableKademlia = false }, withSync: false);
        await using var b = await TestNode.StartAsync(new TestChain(), cfg => cfg with { EnableKademlia = false }, withSync: false);
        await using var c = await TestNode.StartAsync(new TestChain(), cfg => cfg with { EnableKademlia = false }, withSync: false);
        var received = new ConcurrentDictionary<PeerId, int>();
        foreach (var node in new[] { a, b, c })
        {
            var pool = new ConcurrentDictionary<Hash256, byte>();
            var self = node;
            node.Network.TransactionsReceived += (_, e) =>
            {
                received.AddOrUpdate(self.PeerId, e.Extrinsics.Count, (_, n) => n + e.Extrinsics.Count);
                var fresh = e.Extrinsics.Where(x => pool.TryAdd(Hash256.Blake2(x), 0)).ToList();
                self.Network.PropagateTransactions(fresh); // what the node does after the pool accepted them
            };
        }

        await a.Network.ConnectAsync(b.Address);
        await c.Network.ConnectAsync(b.Address);
        await Wait.UntilAsync(() => b.Network.PeerCount == 2 && a.Network.PeerCount == 1 && c.Network.PeerCount == 1, "a line A-B-C");
        await Task.Delay(200); // transactions substreams open right after the block announces

        byte[] tx = [0x10, 0xDE, 0xAD, 0xBE, 0xEF];
        a.Network.PropagateTransactions([tx]);
        await Wait.UntilAsync(() => received.ContainsKey(c.PeerId), "C to receive the transaction through B");
        a.Network.PropagateTransactions([tx]); // already known by B: not sent again
        await Task.Delay(300);
        Assert.Equal(1, received[b.PeerId]);
        Assert.Equal(1, received[c.PeerId]);
        Assert.False(received.ContainsKey(a.PeerId)); // B knows A has it; C only knows B
    }

    [Fact]
    public async Task Grandpa_messages_reach_peers_once()
    {
        await using var a = await TestNode.StartAsync(new TestChain(), withSync: false);
        await using var b = await TestNode.StartAsync(new TestChain(), withSync: false);
        var messages = new ConcurrentQueue<byte[]>();
        b.Network.GrandpaMessageReceived += (_, e) => messages.Enqueue(e.Message);
        await a.Network.ConnectAsync(b.Address);
        await Wait.UntilAsync(() => a.Network.PeerCount == 1 && b.Network.PeerCount == 1, "the peers");
        byte[] vote = [0, 1, 2, 3, 4];
        a.Network.SendGrandpaMessage(null, vote);
        a.Network.SendGrandpaMessage(b.PeerId, vote);
        a.Network.SendGrandpaMessage(b.PeerId, [9]);
        await Wait.UntilAsync(() => messages.Count >= 2, "the messages");
        await Task.Delay(200);
        Assert.Equal([vote, [9]], messages.ToArray());
    }

    [Fact]
    public async Task A_peer_sending_garbage_announces_is_banned_and_disconnected()
    {
        await using var victim = await TestNode.StartAsync(new TestChain(), withSync: false);
        var (rogue, announces) = await OpenRawBlockAnnouncesAsync(victim);
        await using (rogue)
        {
            await announces.SendAsync(new byte[] { 1, 2, 3 }, CancellationToken.None);
            await Wait.UntilAsync(() => victim.Network.Peerset.IsBanned(rogue.PeerId), "the rogue to be banned");
            Assert.Contains("Malformed block announce", victim.Network.Peerset.BanOf(rogue.PeerId)!.Reason, StringComparison.Ordinal);
            await Wait.UntilAsync(() => rogue.Connections.Count == 0, "the rogue to be disconnected");

            // It cannot come back while banned.
            var again = await rogue.DialAsync(victim.Address);
            await Wait.UntilAsync(() => again.IsClosed, "the banned peer's new connection to be closed");
        }
    }

    [Fact]
    public async Task A_peer_sending_an_oversized_frame_is_banned()
    {
        await using var victim = await TestNode.StartAsync(new TestChain(), withSync: false);
        var (rogue, announces) = await OpenRawBlockAnnouncesAsync(victim);
        await using (rogue)
        {
            // A length prefix of 2 MiB, over the 1 MiB block-announce limit; the body never needs to arrive.
            var prefix = new byte[UnsignedVarint.EncodedLength(2 * 1024 * 1024)];
            UnsignedVarint.Write(2 * 1024 * 1024, prefix);
            await announces.Stream.WriteAsync(prefix);
            await announces.Stream.FlushAsync();
            await Wait.UntilAsync(() => victim.Network.Peerset.IsBanned(rogue.PeerId), "the rogue to be banned");
            Assert.Equal(0, victim.Network.PeerCount);
        }
    }

    [Fact]
    public async Task Kademlia_finds_a_peer_beyond_the_bootnode()
    {
        await using var b = await TestNode.StartAsync(new TestChain(), withSync: false);
        await using var a = await TestNode.StartAsync(new TestChain(), c => c with { Bootnodes = [b.Address] }, withSync: false);
        await Wait.UntilAsync(() => b.Network.RoutingTable.Contains(a.PeerId), "B to learn A through identify");
        await using var c = await TestNode.StartAsync(new TestChain(), c => c with { Bootnodes = [b.Address] }, withSync: false);

        await Wait.UntilAsync(() => c.Network.Peers.Any(p => p.PeerId == a.PeerId), "C to discover and connect to A");
        Assert.True(c.Network.RoutingTable.Contains(a.PeerId));
        Assert.Contains(c.Network.Peerset.Addresses(a.PeerId), address => address.Equals(a.Network.ListenAddresses[0]));
    }

    [Fact]
    public async Task Find_node_returns_the_closest_known_peers()
    {
        await using var b = await TestNode.StartAsync(new TestChain(), withSync: false);
        var known = Enumerable.Range(0, 5).Select(_ => NodeKey.Generate().PeerId).ToList();
        foreach (var peer in known)
        {
            b.Network.RoutingTable.AddOrUpdate(peer, [Multiaddr.Parse("/ip4/10.0.0.1/tcp/30333")], connected: false);
        }

        await using var client = new Libp2pHost(NodeKey.Generate());
        var connection = await client.DialAsync(b.Address);
        var answer = await KademliaProtocol.FindNodeAsync(connection, b.Network.Names.Kademlia, known[0].ToBytes(), TimeSpan.FromSeconds(5), CancellationToken.None);
        Assert.Equal(known[0], answer[0].Id); // a peer is closest to itself
        Assert.Equal(5, answer.Count);
    }

    [Fact]
    public async Task State_requests_are_served_through_the_state_server()
    {
        var server = new FixedStateServer();
        await using var a = await TestNode.StartAsync(new TestChain(), withSync: false, stateServer: server);
        await using var b = await TestNode.StartAsync(new TestChain(), withSync: false);
        await b.Network.ConnectAsync(a.Address);
        await Wait.UntilAsync(() => b.Network.PeerCount == 1, "the peers");
        var response = await b.Network.RequestStateAsync(a.PeerId, new StateRequest { Block = a.Chain.GenesisHash, NoProof = true });
        Assert.Equal([0x42], Assert.Single(Assert.Single(response.Entries).Entries).Value);
        Assert.Equal(a.Chain.GenesisHash, server.LastBlock);
        await Assert.ThrowsAnyAsync<IOException>(() => a.Network.RequestStateAsync(b.PeerId, new StateRequest { Block = a.Chain.GenesisHash }));
    }

    /// <summary>A bare libp2p host that opens block announces to <paramref name="victim"/> with a valid handshake.</summary>
    private static async Task<(Libp2pHost Host, NotificationsSubstream Substream)> OpenRawBlockAnnouncesAsync(TestNode victim)
    {
        var rogue = new Libp2pHost(NodeKey.Generate());
        var handshake = new BlockAnnouncesHandshake(NodeRole.Full, 0, victim.Chain.GenesisHash, victim.Chain.GenesisHash);
        foreach (var name in victim.Network.Names.BlockAnnounces)
        {
            // Accept the victim's own block-announces substream so that it keeps us as a peer, then just drain it.
            rogue.SetHandler(name, async (_, stream, ct) =>
            {
                var accepted = await NotificationsSubstream.AcceptAsync(stream, 1024, _ => handshake.Encode(), ct);
                while (accepted is not null && await accepted.ReceiveAsync(1 << 20, ct) is not null)
                {
                }
            });
        }

        var connection = await rogue.DialAsync(victim.Address);
        var substream = await NotificationsSubstream.OpenAsync(connection, victim.Network.Names.BlockAnnounces, handshake.Encode(), 1024, CancellationToken.None);
        Assert.Equal(victim.Chain.GenesisHash, BlockAnnouncesHandshake.Decode(substream.RemoteHandshake).GenesisHash);
        return (rogue, substream);
    }

    private sealed class FixedStateServer : IStateRequestServer
    {
        public Hash256? LastBlock { get; private set; }

        public StateResponse? Serve(StateRequest request)
        {
            LastBlock = request.Block;
            return new StateResponse([new KeyValueStateEntry([], [new StateEntry([1], [0x42])], true)], []);
        }
    }
}
