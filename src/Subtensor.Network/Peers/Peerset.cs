using Serilog;
using Subtensor.Network.Identity;
using Subtensor.Network.Multiformats;

namespace Subtensor.Network.Peers;

/// <summary>
/// Substrate's peerset/peer store: known peers and their addresses, reputation (decaying towards 0 by 1/50 per second), temporary bans,
/// and the inbound/outbound slots of sync peers with reserved peers outside the slots. Thread-safe; the network service asks it
/// whom to accept and whom to dial, and reports misbehaviour to it.
/// </summary>
public sealed class Peerset
{
    /// <summary>Below this reputation a peer is banned (sc-network <c>BANNED_THRESHOLD</c> = 82% of i32::MIN).</summary>
    public const int BannedThreshold = 82 * (int.MinValue / 100);

    /// <summary>sc-network peer store: each second the reputation moves towards 0 by a fiftieth (at least 1).</summary>
    private const int InverseDecrement = 50;
    private const int MaxAddressesPerPeer = 8;
    private const int MaxKnownPeers = 4096;

    private readonly object _gate = new();
    private readonly Dictionary<PeerId, PeerRecord> _peers = [];
    private readonly HashSet<PeerId> _reserved;
    private readonly TimeProvider _time;
    private readonly ILogger _log;
    private DateTimeOffset _lastDecay;

    public Peerset(PeersetOptions? options = null, TimeProvider? time = null, ILogger? logger = null)
    {
        Options = options ?? new PeersetOptions();
        _time = time ?? TimeProvider.System;
        _log = (logger ?? Serilog.Core.Logger.None).ForContext("SourceContext", "peerset");
        _reserved = [.. Options.ReservedPeers];
        _lastDecay = _time.GetUtcNow();
    }

    public PeersetOptions Options { get; }

    /// <summary>Raised (outside the lock) when a peer becomes banned.</summary>
    public event EventHandler<PeerBan>? PeerBanned;

    public int InboundCount
    {
        get
        {
            lock (_gate)
            {
                return _peers.Values.Count(p => p.Slot == PeerSlot.Inbound);
            }
        }
    }

    public int OutboundCount
    {
        get
        {
            lock (_gate)
            {
                return _peers.Values.Count(p => p.Slot == PeerSlot.Outbound);
            }
        }
    }

    public IReadOnlyList<PeerBan> Bans
    {
        get
        {
            lock (_gate)
            {
                var now = _time.GetUtcNow();
                return [.. _peers.Where(p => IsBannedLocked(p.Value, now)).Select(p => BanLocked(p.Key, p.Value, now))];
            }
        }
    }

    public bool IsReserved(PeerId peer)
    {
        lock (_gate)
        {
            return _reserved.Contains(peer);
        }
    }

    public void AddReserved(PeerId peer, Multiaddr? address = null)
    {
        ArgumentNullException.ThrowIfNull(peer);
        lock (_gate)
        {
            _reserved.Add(peer);
            if (address is not null)
            {
                AddAddressLocked(peer, address);
            }
        }
    }

    public void RemoveReserved(PeerId peer)
    {
        lock (_gate)
        {
            _reserved.Remove(peer);
            if (_peers.TryGetValue(peer, out var record) && record.Slot == PeerSlot.Reserved)
            {
                record.Slot = null;
            }
        }
    }

    /// <summary>Remembers an address of <paramref name="peer"/> (the <c>/p2p/</c> tail is dropped).</summary>
    public void AddAddress(PeerId peer, Multiaddr address)
    {
        ArgumentNullException.ThrowIfNull(peer);
        ArgumentNullException.ThrowIfNull(address);
        lock (_gate)
        {
            AddAddressLocked(peer, address);
        }
    }

    public IReadOnlyList<Multiaddr> Addresses(PeerId peer)
    {
        lock (_gate)
        {
            return _peers.TryGetValue(peer, out var record) ? [.. record.Addresses] : [];
        }
    }

    public IReadOnlyList<PeerId> KnownPeers
    {
        get
        {
            lock (_gate)
            {
                return [.. _peers.Keys];
            }
        }
    }

    public int Reputation(PeerId peer)
    {
        lock (_gate)
        {
            return _peers.TryGetValue(peer, out var record) ? record.Reputation : 0;
        }
    }

    /// <summary>Applies a reputation change; returns true when the peer is now banned (the caller disconnects it).</summary>
    public bool Report(PeerId peer, ReputationChange change)
    {
        ArgumentNullException.ThrowIfNull(peer);
        PeerBan? banned = null;
        bool isBanned;
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            var record = GetOrAdd(peer);
            var wasBanned = IsBannedLocked(record, now);
            record.Reputation = change.IsFatal ? int.MinValue : SaturatingAdd(record.Reputation, change.Value);
            if (!wasBanned && (change.IsFatal || record.Reputation < BannedThreshold))
            {
                record.BannedUntil = now + Options.BanDuration;
                record.BanReason = change.Reason;
                banned = BanLocked(peer, record, now);
            }

            isBanned = IsBannedLocked(record, now);
        }

        if (banned is not null)
        {
            _log.Information("Peer {Peer} banned until {Until:O}: {Reason}", peer, banned.Until, banned.Reason);
            PeerBanned?.Invoke(this, banned);
        }
        else if (change.Value < 0)
        {
            _log.Debug("Peer {Peer} reported ({Change})", peer, change);
        }

        return isBanned;
    }

    /// <summary>Bans a peer for <paramref name="duration"/> (default <see cref="PeersetOptions.BanDuration"/>).</summary>
    public void Ban(PeerId peer, string reason, TimeSpan? duration = null)
    {
        ArgumentNullException.ThrowIfNull(peer);
        PeerBan ban;
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            var record = GetOrAdd(peer);
            record.BannedUntil = now + (duration ?? Options.BanDuration);
            record.BanReason = reason;
            ban = BanLocked(peer, record, now);
        }

        _log.Information("Peer {Peer} banned until {Until:O}: {Reason}", peer, ban.Until, reason);
        PeerBanned?.Invoke(this, ban);
    }

    public bool IsBanned(PeerId peer)
    {
        lock (_gate)
        {
            return _peers.TryGetValue(peer, out var record) && IsBannedLocked(record, _time.GetUtcNow());
        }
    }

    public PeerBan? BanOf(PeerId peer)
    {
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            return _peers.TryGetValue(peer, out var record) && IsBannedLocked(record, now) ? BanLocked(peer, record, now) : null;
        }
    }

    /// <summary>The slot a peer holds, if any.</summary>
    public PeerSlot? SlotOf(PeerId peer)
    {
        lock (_gate)
        {
            return _peers.TryGetValue(peer, out var record) ? record.Slot : null;
        }
    }

    /// <summary>Decides on a peer that wants to become a sync peer: the slot it gets, or null when refused.</summary>
    public PeerSlot? TryAcceptInbound(PeerId peer)
    {
        ArgumentNullException.ThrowIfNull(peer);
        lock (_gate)
        {
            var record = GetOrAdd(peer);
            if (IsBannedLocked(record, _time.GetUtcNow()))
            {
                return null;
            }

            if (record.Slot is { } existing)
            {
                return existing;
            }

            if (_reserved.Contains(peer))
            {
                return record.Slot = PeerSlot.Reserved;
            }

            if (Options.ReservedOnly || _peers.Values.Count(p => p.Slot == PeerSlot.Inbound) >= Options.InPeers)
            {
                return null;
            }

            return record.Slot = PeerSlot.Inbound;
        }
    }

    /// <summary>Takes an outbound (or reserved) slot before dialling a peer; null when none is free or the peer is banned.</summary>
    public PeerSlot? TryReserveOutbound(PeerId peer)
    {
        ArgumentNullException.ThrowIfNull(peer);
        lock (_gate)
        {
            var record = GetOrAdd(peer);
            if (IsBannedLocked(record, _time.GetUtcNow()))
            {
                return null;
            }

            if (record.Slot is { } existing)
            {
                return existing;
            }

            if (_reserved.Contains(peer))
            {
                return record.Slot = PeerSlot.Reserved;
            }

            if (Options.ReservedOnly || _peers.Values.Count(p => p.Slot == PeerSlot.Outbound) >= Options.OutPeers)
            {
                return null;
            }

            return record.Slot = PeerSlot.Outbound;
        }
    }

    /// <summary>Frees the slot of a peer that disconnected (or whose dial failed).</summary>
    public void Release(PeerId peer)
    {
        lock (_gate)
        {
            if (_peers.TryGetValue(peer, out var record))
            {
                record.Slot = null;
            }
        }
    }

    public void DialFailed(PeerId peer)
    {
        lock (_gate)
        {
            var record = GetOrAdd(peer);
            record.DialFailures = Math.Min(record.DialFailures + 1, 6);
            record.NextDialAt = _time.GetUtcNow() + (Options.DialBackoff * (1 << (record.DialFailures - 1)));
        }
    }

    public void DialSucceeded(PeerId peer)
    {
        lock (_gate)
        {
            var record = GetOrAdd(peer);
            record.DialFailures = 0;
            record.NextDialAt = DateTimeOffset.MinValue;
        }
    }

    /// <summary>
    /// Peers to dial now: reserved peers without a slot first, then (unless reserved-only) the best-reputed known peers while outbound
    /// slots are free. <paramref name="skip"/> filters peers already connected or being dialled.
    /// </summary>
    public IReadOnlyList<PeerId> DialCandidates(Func<PeerId, bool> skip, PeerId self)
    {
        ArgumentNullException.ThrowIfNull(skip);
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            var result = new List<PeerId>();
            foreach (var peer in _reserved)
            {
                var record = GetOrAdd(peer);
                if (record.Slot is null && !peer.Equals(self) && !IsBannedLocked(record, now) && record.NextDialAt <= now && record.Addresses.Count > 0 && !skip(peer))
                {
                    result.Add(peer);
                }
            }

            if (!Options.ReservedOnly)
            {
                var free = Options.OutPeers - _peers.Values.Count(p => p.Slot == PeerSlot.Outbound);
                result.AddRange(_peers
                    .Where(p => p.Value.Slot is null && !_reserved.Contains(p.Key) && !p.Key.Equals(self) && p.Value.Addresses.Count > 0
                        && !IsBannedLocked(p.Value, now) && p.Value.NextDialAt <= now && !skip(p.Key))
                    .OrderByDescending(p => p.Value.Reputation)
                    .Take(Math.Max(0, free))
                    .Select(p => p.Key));
            }

            return result;
        }
    }

    /// <summary>Decays reputations for the whole seconds elapsed since the last tick and forgets idle, neutral, address-less peers.</summary>
    public void Tick()
    {
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            var seconds = (long)(now - _lastDecay).TotalSeconds;
            if (seconds <= 0)
            {
                return;
            }

            _lastDecay += TimeSpan.FromSeconds(seconds);
            foreach (var (peer, record) in _peers.ToList())
            {
                record.Reputation = Decay(record.Reputation, seconds);
                if (record.Reputation == 0 && record.Slot is null && record.Addresses.Count == 0 && !IsBannedLocked(record, now) && !_reserved.Contains(peer))
                {
                    _peers.Remove(peer);
                }
            }
        }
    }

    /// <summary>One-second steps of sc-network's decay: the value moves towards 0 by value/50, at least by 1.</summary>
    internal static int Decay(int reputation, long seconds)
    {
        for (long i = 0; i < seconds && reputation != 0; i++)
        {
            var diff = reputation / InverseDecrement;
            if (diff == 0)
            {
                diff = reputation < 0 ? -1 : 1;
            }

            reputation -= diff;
        }

        return reputation;
    }

    private static int SaturatingAdd(int a, int b)
    {
        var sum = (long)a + b;
        return sum > int.MaxValue ? int.MaxValue : sum < int.MinValue ? int.MinValue : (int)sum;
    }

    private static bool IsBannedLocked(PeerRecord record, DateTimeOffset now) => record.BannedUntil > now || record.Reputation < BannedThreshold;

    private static PeerBan BanLocked(PeerId peer, PeerRecord record, DateTimeOffset now)
        => new(peer, record.BannedUntil > now ? record.BannedUntil : now, record.BanReason ?? "reputation below the ban threshold");

    private void AddAddressLocked(PeerId peer, Multiaddr address)
    {
        var plain = address.PeerId is null ? address : address.WithoutPeerId();
        var record = GetOrAdd(peer);
        if (!record.Addresses.Contains(plain))
        {
            record.Addresses.Add(plain);
            if (record.Addresses.Count > MaxAddressesPerPeer)
            {
                record.Addresses.RemoveAt(0);
            }
        }
    }

    private PeerRecord GetOrAdd(PeerId peer)
    {
        if (!_peers.TryGetValue(peer, out var record))
        {
            if (_peers.Count >= MaxKnownPeers)
            {
                var victim = _peers.Where(p => p.Value.Slot is null && !_reserved.Contains(p.Key) && p.Value.BannedUntil < _time.GetUtcNow())
                    .OrderBy(p => p.Value.Reputation).Select(p => p.Key).FirstOrDefault();
                if (victim is not null)
                {
                    _peers.Remove(victim);
                }
            }

            record = new PeerRecord();
            _peers[peer] = record;
        }

        return record;
    }

    private sealed class PeerRecord
    {
        public int Reputation { get; set; }

        public List<Multiaddr> Addresses { get; } = [];

        public PeerSlot? Slot { get; set; }

        public DateTimeOffset BannedUntil { get; set; } = DateTimeOffset.MinValue;

        public string? BanReason { get; set; }

        public DateTimeOffset NextDialAt { get; set; } = DateTimeOffset.MinValue;

        public int DialFailures { get; set; }
    }
}
