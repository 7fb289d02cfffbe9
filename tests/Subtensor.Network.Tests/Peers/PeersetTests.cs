using Subtensor.Network.Identity;
using Subtensor.Network.Multiformats;
using Subtensor.Network.Peers;
using Subtensor.Network.Tests.Support;

namespace Subtensor.Network.Tests.Peers;

public sealed class PeersetTests
{
    private static readonly Multiaddr Address = Multiaddr.Parse("/ip4/127.0.0.1/tcp/30333");

    [Fact]
    public void Inbound_slots_fill_and_reserved_peers_do_not_count()
    {
        var reserved = NodeKey.Generate().PeerId;
        var set = new Peerset(new PeersetOptions { InPeers = 2, OutPeers = 1, ReservedPeers = [reserved] });
        Assert.Equal(PeerSlot.Inbound, set.TryAcceptInbound(NodeKey.Generate().PeerId));
        Assert.Equal(PeerSlot.Inbound, set.TryAcceptInbound(NodeKey.Generate().PeerId));
        Assert.Null(set.TryAcceptInbound(NodeKey.Generate().PeerId));
        Assert.Equal(PeerSlot.Reserved, set.TryAcceptInbound(reserved));
        Assert.Equal(2, set.InboundCount);

        var outbound = NodeKey.Generate().PeerId;
        Assert.Equal(PeerSlot.Outbound, set.TryReserveOutbound(outbound));
        Assert.Null(set.TryReserveOutbound(NodeKey.Generate().PeerId));
        set.Release(outbound);
        Assert.Equal(PeerSlot.Outbound, set.TryReserveOutbound(NodeKey.Generate().PeerId));
    }

    [Fact]
    public void Reserved_only_refuses_and_never_dials_others()
    {
        var reserved = NodeKey.Generate().PeerId;
        var other = NodeKey.Generate().PeerId;
        var set = new Peerset(new PeersetOptions { ReservedPeers = [reserved], ReservedOnly = true });
        set.AddAddress(reserved, Address);
        set.AddAddress(other, Address);
        Assert.Null(set.TryAcceptInbound(other));
        Assert.Null(set.TryReserveOutbound(other));
        var self = NodeKey.Generate().PeerId;
        Assert.Equal([reserved], set.DialCandidates(_ => false, self));
    }

    [Fact]
    public void Dial_candidates_prefer_reputation_respect_slots_and_back_off()
    {
        var time = new ManualTime();
        var set = new Peerset(new PeersetOptions { OutPeers = 2, DialBackoff = TimeSpan.FromSeconds(5) }, time);
        var peers = Enumerable.Range(0, 4).Select(_ => NodeKey.Generate().PeerId).ToList();
        foreach (var peer in peers)
        {
            set.AddAddress(peer, Address);
        }

        set.Report(peers[2], new ReputationChange(100, "good"));
        set.Report(peers[3], new ReputationChange(50, "good"));
        var self = NodeKey.Generate().PeerId;
        Assert.Equal([peers[2], peers[3]], set.DialCandidates(_ => false, self));

        set.DialFailed(peers[2]);
        Assert.DoesNotContain(peers[2], set.DialCandidates(_ => false, self));
        time.Advance(TimeSpan.FromSeconds(6));
        Assert.Contains(peers[2], set.DialCandidates(_ => false, self));
    }

    [Fact]
    public void A_fatal_report_bans_for_the_ban_duration_with_its_reason()
    {
        var time = new ManualTime();
        var set = new Peerset(new PeersetOptions { BanDuration = TimeSpan.FromSeconds(30) }, time);
        var peer = NodeKey.Generate().PeerId;
        PeerBan? raised = null;
        set.PeerBanned += (_, ban) => raised = ban;
        Assert.True(set.Report(peer, ReputationChange.BadBlock));
        Assert.True(set.IsBanned(peer));
        Assert.Equal("Bad block", raised!.Reason);
        Assert.Null(set.TryAcceptInbound(peer));

        // Reputation decays (2%/s) and the ban expires: after 30 s both are over.
        for (var i = 0; i < 31; i++)
        {
            time.Advance(TimeSpan.FromSeconds(1));
            set.Tick();
        }

        Assert.False(set.IsBanned(peer));
        Assert.True(set.Reputation(peer) > Peerset.BannedThreshold);
        Assert.Equal(PeerSlot.Inbound, set.TryAcceptInbound(peer));
    }

    [Fact]
    public void Small_costs_accumulate_into_a_ban()
    {
        var set = new Peerset();
        var peer = NodeKey.Generate().PeerId;
        var banned = false;
        for (var i = 0; i < 1000 && !banned; i++)
        {
            banned = set.Report(peer, new ReputationChange(-(1 << 22), "spam"));
        }

        Assert.True(banned);
        Assert.True(set.Reputation(peer) < Peerset.BannedThreshold);
    }

    [Theory]
    [InlineData(0, 10, 0)]
    [InlineData(100, 1, 98)]
    [InlineData(-100, 1, -98)]
    [InlineData(49, 1, 48)]
    [InlineData(-1, 5, 0)]
    [InlineData(int.MinValue, 1, int.MinValue - (int.MinValue / 50))]
    public void Reputation_decays_towards_zero_by_a_fiftieth_per_second(int start, int seconds, int expected)
        => Assert.Equal(expected, Peerset.Decay(start, seconds));
}
