using System.Numerics;
using System.Security.Cryptography;
using Subtensor.Network.Identity;
using Subtensor.Network.Multiformats;

namespace Subtensor.Network.Kademlia;

/// <summary>
/// A Kademlia routing table (libp2p-kad <c>KBucketsTable</c>): 256 buckets of up to <see cref="K"/> peers keyed by the XOR distance between
/// SHA-256 of the local and remote peer id bytes; bucket i holds distances in [2^i, 2^(i+1)). A full bucket replaces its least recently
/// seen disconnected entry, otherwise the newcomer is dropped. Thread-safe.
/// </summary>
public sealed class KBucketsTable
{
    public const int K = 20;

    private readonly object _gate = new();
    private readonly byte[] _localKey;
    private readonly List<Entry>[] _buckets = new List<Entry>[256];
    private long _clock;

    public KBucketsTable(PeerId local)
    {
        ArgumentNullException.ThrowIfNull(local);
        Local = local;
        _localKey = KeyOf(local.Bytes);
        for (var i = 0; i < _buckets.Length; i++)
        {
            _buckets[i] = [];
        }
    }

    public PeerId Local { get; }

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _buckets.Sum(b => b.Count);
            }
        }
    }

    /// <summary>The Kademlia key of some bytes (a peer id or a lookup target): SHA-256.</summary>
    public static byte[] KeyOf(ReadOnlySpan<byte> bytes) => SHA256.HashData(bytes);

    /// <summary>Index of the bucket for XOR distance <c>a ^ b</c> (the position of its highest set bit), or -1 when equal.</summary>
    public static int BucketIndex(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b)
    {
        for (var i = 0; i < a.Length; i++)
        {
            var x = (byte)(a[i] ^ b[i]);
            if (x != 0)
            {
                return ((a.Length - 1 - i) * 8) + (7 - BitOperations.LeadingZeroCount((uint)x) + 24);
            }
        }

        return -1;
    }

    /// <summary>Inserts or refreshes a peer; returns false when its bucket is full of connected peers (or it is us).</summary>
    public bool AddOrUpdate(PeerId peer, IEnumerable<Multiaddr> addresses, bool connected)
    {
        ArgumentNullException.ThrowIfNull(peer);
        ArgumentNullException.ThrowIfNull(addresses);
        var key = KeyOf(peer.Bytes);
        var index = BucketIndex(_localKey, key);
        if (index < 0)
        {
            return false;
        }

        lock (_gate)
        {
            var bucket = _buckets[index];
            var existing = bucket.FindIndex(e => e.Peer.Equals(peer));
            var plain = addresses.Select(a => a.PeerId is null ? a : a.WithoutPeerId()).Distinct().Take(8).ToList();
            if (existing >= 0)
            {
                var entry = bucket[existing];
                bucket.RemoveAt(existing);
                entry.Connected = connected;
                entry.LastSeen = ++_clock;
                foreach (var address in plain.Where(a => !entry.Addresses.Contains(a)))
                {
                    entry.Addresses.Add(address);
                }

                if (entry.Addresses.Count > 8)
                {
                    entry.Addresses.RemoveRange(0, entry.Addresses.Count - 8);
                }

                bucket.Add(entry);
                return true;
            }

            if (plain.Count == 0)
            {
                return false;
            }

            if (bucket.Count >= K)
            {
                var victim = bucket.FindIndex(e => !e.Connected);
                if (victim < 0)
                {
                    return false;
                }

                bucket.RemoveAt(victim);
            }

            bucket.Add(new Entry(peer, key, plain) { Connected = connected, LastSeen = ++_clock });
            return true;
        }
    }

    public void SetConnected(PeerId peer, bool connected)
    {
        var index = BucketIndex(_localKey, KeyOf(peer.Bytes));
        if (index < 0)
        {
            return;
        }

        lock (_gate)
        {
            if (_buckets[index].Find(e => e.Peer.Equals(peer)) is { } entry)
            {
                entry.Connected = connected;
            }
        }
    }

    public bool Remove(PeerId peer)
    {
        var index = BucketIndex(_localKey, KeyOf(peer.Bytes));
        if (index < 0)
        {
            return false;
        }

        lock (_gate)
        {
            return _buckets[index].RemoveAll(e => e.Peer.Equals(peer)) > 0;
        }
    }

    public bool Contains(PeerId peer)
    {
        var index = BucketIndex(_localKey, KeyOf(peer.Bytes));
        if (index < 0)
        {
            return false;
        }

        lock (_gate)
        {
            return _buckets[index].Exists(e => e.Peer.Equals(peer));
        }
    }

    /// <summary>Up to <paramref name="count"/> peers closest to <paramref name="targetKey"/> (a SHA-256 key) by XOR distance.</summary>
    public IReadOnlyList<KadPeer> Closest(ReadOnlySpan<byte> targetKey, int count = K, PeerId? exclude = null)
    {
        var target = targetKey.ToArray();
        lock (_gate)
        {
            return [.. _buckets.SelectMany(b => b)
                .Where(e => exclude is null || !e.Peer.Equals(exclude))
                .OrderBy(e => e.Key, new DistanceComparer(target))
                .Take(count)
                .Select(e => new KadPeer(e.Peer, [.. e.Addresses], e.Connected ? KadConnectionType.Connected : KadConnectionType.NotConnected))];
        }
    }

    public IReadOnlyList<KadPeer> All()
    {
        lock (_gate)
        {
            return [.. _buckets.SelectMany(b => b).Select(e => new KadPeer(e.Peer, [.. e.Addresses], e.Connected ? KadConnectionType.Connected : KadConnectionType.NotConnected))];
        }
    }

    /// <summary>Orders keys by XOR distance to a target.</summary>
    internal sealed class DistanceComparer(byte[] target) : IComparer<byte[]>
    {
        public int Compare(byte[]? x, byte[]? y)
        {
            ArgumentNullException.ThrowIfNull(x);
            ArgumentNullException.ThrowIfNull(y);
            for (var i = 0; i < target.Length; i++)
            {
                var dx = x[i] ^ target[i];
                var dy = y[i] ^ target[i];
                if (dx != dy)
                {
                    return dx.CompareTo(dy);
                }
            }

            return 0;
        }
    }

    private sealed class Entry(PeerId peer, byte[] key, List<Multiaddr> addresses)
    {
        public PeerId Peer { get; } = peer;

        public byte[] Key { get; } = key;

        public List<Multiaddr> Addresses { get; } = addresses;

        public bool Connected { get; set; }

        public long LastSeen { get; set; }
    }
}
