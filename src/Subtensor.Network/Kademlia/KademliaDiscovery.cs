using Serilog;
using Subtensor.Network.Identity;

namespace Subtensor.Network.Kademlia;

/// <summary>
/// Iterative FIND_NODE lookups over a <see cref="KBucketsTable"/> (Kademlia paper §2.3: α = 3 parallel queries, stop when the k closest
/// known peers have all answered). Peers learned on the way are reported through <see cref="PeerDiscovered"/>; the network service
/// supplies <c>query</c>, which reaches a peer (dialling it if needed) and asks it.
/// </summary>
public sealed class KademliaDiscovery
{
    public const int Alpha = 3;
    private const int MaxRounds = 10;

    private readonly KBucketsTable _table;
    private readonly Func<KadPeer, byte[], CancellationToken, Task<IReadOnlyList<KadPeer>>> _query;
    private readonly ILogger _log;

    public KademliaDiscovery(KBucketsTable table, Func<KadPeer, byte[], CancellationToken, Task<IReadOnlyList<KadPeer>>> query, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(query);
        _table = table;
        _query = query;
        _log = (logger ?? Serilog.Core.Logger.None).ForContext("SourceContext", "kad");
    }

    /// <summary>A peer (with addresses) heard of during a lookup.</summary>
    public event EventHandler<KadPeer>? PeerDiscovered;

    /// <summary>A lookup of a random peer id, which refreshes the table and finds new peers (libp2p's random walk).</summary>
    public Task<IReadOnlyList<KadPeer>> RandomWalkAsync(CancellationToken cancellationToken)
    {
        var random = new byte[38];
        "\x00\x24\x08\x01\x12\x20"u8.CopyTo(random); // identity multihash of a protobuf ed25519 key, like a real peer id
        System.Security.Cryptography.RandomNumberGenerator.Fill(random.AsSpan(6));
        return LookupAsync(random, cancellationToken);
    }

    /// <summary>Finds the peers closest to <paramref name="target"/> (peer id bytes); returns them closest first.</summary>
    public async Task<IReadOnlyList<KadPeer>> LookupAsync(byte[] target, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        var targetKey = KBucketsTable.KeyOf(target);
        var comparer = new KBucketsTable.DistanceComparer(targetKey);
        var candidates = new Dictionary<PeerId, (KadPeer Peer, byte[] Key)>();
        foreach (var peer in _table.Closest(targetKey))
        {
            candidates[peer.Id] = (peer, KBucketsTable.KeyOf(peer.Id.Bytes));
        }

        var queried = new HashSet<PeerId>();
        for (var round = 0; round < MaxRounds; round++)
        {
            var closest = candidates.Values.OrderBy(c => c.Key, comparer).Take(KBucketsTable.K).ToList();
            var batch = closest.Where(c => !queried.Contains(c.Peer.Id) && c.Peer.Addresses.Count > 0).Take(Alpha).ToList();
            if (batch.Count == 0)
            {
                break;
            }

            foreach (var entry in batch)
            {
                queried.Add(entry.Peer.Id);
            }

            var answers = await Task.WhenAll(batch.Select(async entry =>
            {
                try
                {
                    return await _query(entry.Peer, target, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    _log.Debug("kad: FIND_NODE to {Peer} failed: {Reason}", entry.Peer.Id, ex.Message);
                    candidates.Remove(entry.Peer.Id);
                    return (IReadOnlyList<KadPeer>)[];
                }
            })).ConfigureAwait(false);

            foreach (var peer in answers.SelectMany(a => a))
            {
                if (peer.Id.Equals(_table.Local) || peer.Addresses.Count == 0)
                {
                    continue;
                }

                if (!candidates.ContainsKey(peer.Id))
                {
                    candidates[peer.Id] = (peer, KBucketsTable.KeyOf(peer.Id.Bytes));
                }

                PeerDiscovered?.Invoke(this, peer);
            }
        }

        return [.. candidates.Values.OrderBy(c => c.Key, comparer).Take(KBucketsTable.K).Select(c => c.Peer)];
    }
}
