using Subtensor.Core.Types;
using Subtensor.Network.Host;
using Subtensor.Network.Identity;
using Subtensor.Network.Peers;
using Subtensor.Network.Substrate;

namespace Subtensor.Network.Service;

/// <summary>
/// A sync peer bound to one connection: its slot, handshake, best block, the outbound queues of the three notification protocols, and
/// what it is known to have (blocks, transactions, gossip) so nothing is sent twice.
/// </summary>
internal sealed class PeerSession
{
    private readonly object _gate = new();
    private int _closed;

    public PeerSession(PeerId peer, Libp2pConnection connection, PeerSlot slot, CancellationToken shutdown)
    {
        Peer = peer;
        Connection = connection;
        Slot = slot;
        Cancellation = CancellationTokenSource.CreateLinkedTokenSource(shutdown);
    }

    public PeerId Peer { get; }

    public Libp2pConnection Connection { get; }

    public PeerSlot Slot { get; }

    public CancellationTokenSource Cancellation { get; }

    public BlockAnnouncesHandshake? Handshake { get; private set; }

    public Hash256 BestHash { get; private set; }

    public uint BestNumber { get; private set; }

    private readonly TaskCompletionSource _opened = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>True once our block-announces substream is open: the peer counts as connected.</summary>
    public bool Opened { get; private set; }

    /// <summary>Completes when the peer is opened (or closed): inbound notifications wait for it so that "connected" comes first.</summary>
    public Task WhenOpened => _opened.Task;

    public void MarkOpened() => Opened = true;

    /// <summary>Lets inbound notifications through (after the "connected" event went out).</summary>
    public void ReleaseInbound() => _opened.TrySetResult();

    public bool IsClosed => Volatile.Read(ref _closed) != 0;

    public OutboundNotifications BlockAnnounces { get; } = new(256);

    public OutboundNotifications Transactions { get; } = new(1024);

    public OutboundNotifications Grandpa { get; } = new(4096);

    public KnownSet KnownBlocks { get; } = new(1024);

    public KnownSet KnownTransactions { get; } = new(10240);

    public KnownSet KnownGossip { get; } = new(8192);

    public void SetHandshake(BlockAnnouncesHandshake handshake)
    {
        lock (_gate)
        {
            Handshake ??= handshake;
            if (BestHash.IsZero)
            {
                BestHash = handshake.BestHash;
                BestNumber = handshake.BestNumber;
            }
        }

        KnownBlocks.Add(handshake.BestHash);
    }

    public void UpdateBest(Hash256 hash, uint number)
    {
        lock (_gate)
        {
            BestHash = hash;
            BestNumber = number;
        }
    }

    /// <summary>Marks the session closed; true for the first caller only.</summary>
    public bool TryClose()
    {
        if (Interlocked.Exchange(ref _closed, 1) != 0)
        {
            return false;
        }

        _opened.TrySetResult();
        BlockAnnounces.Complete();
        Transactions.Complete();
        Grandpa.Complete();
        Cancellation.Cancel();
        return true;
    }

    public ConnectedPeer ToConnectedPeer()
    {
        lock (_gate)
        {
            return new ConnectedPeer(Peer, Handshake?.Roles ?? NodeRole.None, BestHash, BestNumber, Slot);
        }
    }
}
