using Subtensor.Consensus.Grandpa;
using Subtensor.Core.Crypto;
using Subtensor.Core.Types;

namespace Subtensor.Consensus.Tests.Grandpa;

/// <summary>Four voters over an in-memory gossip bus with a manual clock (T = 50 ms): finality, proofs, equivocations, partitions.</summary>
public sealed class GrandpaVoterTests
{
    private static readonly TimeSpan T = TimeSpan.FromMilliseconds(50);

    [Fact]
    public void Four_voters_finalize_the_same_block_with_verifiable_justifications()
    {
        var tree = new TestBlockTree();
        var head = tree.Grow(tree.GenesisTarget, 10);
        var bus = Network(tree, 4);

        Assert.True(bus.RunUntil(() => bus.Participants.All(p => p.Voter.LastFinalized == head)), "all voters finalize #10");
        foreach (var participant in bus.Participants)
        {
            var (target, justification) = participant.Environment.Finalized[^1];
            Assert.Equal(head, target);
            justification.Verify(bus.Set, head);
            var decoded = GrandpaJustification.Decode(justification.Encode());
            decoded.Verify(bus.Set, head);
            Assert.True(decoded.Commit.Precommits.Select(p => p.Id).Distinct().Count() >= 3);
            Assert.Empty(participant.Environment.Equivocations);
            Assert.DoesNotContain(GrandpaMessageVerdict.Invalid, participant.Verdicts);
        }
    }

    [Fact]
    public void Finality_follows_new_blocks()
    {
        var tree = new TestBlockTree();
        var head = tree.Grow(tree.GenesisTarget, 3);
        var bus = Network(tree, 4);
        Assert.True(bus.RunUntil(() => bus.Participants.All(p => p.Voter.LastFinalized == head)));
        for (var i = 0; i < 3; i++)
        {
            head = tree.Grow(head, 2);
            foreach (var p in bus.Participants)
            {
                p.Voter.OnBlockImported();
            }

            Assert.True(bus.RunUntil(() => bus.Participants.All(p => p.Voter.LastFinalized == head)), $"finality reaches #{head.Number}");
        }

        Assert.True(bus.Participants.All(p => p.Voter.CurrentRound > 3));
    }

    [Fact]
    public void A_voter_that_precommits_on_a_descendant_is_proven_with_ancestry_headers()
    {
        var tree = new TestBlockTree();
        var target = tree.Grow(tree.GenesisTarget, 5);
        var higher = tree.Grow(target, 2);
        var keys = Keys(4);
        var set = SetOf(keys);
        var chain = new VoterChain(tree);
        var precommits = new[]
        {
            SignedVote.Sign(keys[0], VoteKind.Precommit, target, 1, 0),
            SignedVote.Sign(keys[1], VoteKind.Precommit, target, 1, 0),
            SignedVote.Sign(keys[2], VoteKind.Precommit, higher, 1, 0),
        };
        var ancestry = chain.Ancestry(target.Hash, higher.Hash)!.Select(h => AncestryHeader.Decode(tree.Header(h)!)).ToList();
        Assert.Equal(2, ancestry.Count);

        new GrandpaJustification(1, new GrandpaCommit(target, precommits), ancestry).Verify(set, target);

        // Without the ancestry the descendant precommit proves nothing.
        var missing = new GrandpaJustification(1, new GrandpaCommit(target, precommits), ancestry.Take(1).ToList());
        Assert.Throws<GrandpaJustificationException>(() => missing.Verify(set));

        // An unused header is refused, as Substrate does.
        var extra = ancestry.Append(AncestryHeader.Decode(tree.Header(tree.Grow(higher, 1).Hash)!)).ToList();
        var unused = Assert.Throws<GrandpaJustificationException>(() => new GrandpaJustification(1, new GrandpaCommit(target, precommits), extra).Verify(set));
        Assert.Contains("not used", unused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Justifications_fail_when_tampered_or_under_two_thirds()
    {
        var tree = new TestBlockTree();
        var target = tree.Grow(tree.GenesisTarget, 2);
        var keys = Keys(4);
        var set = SetOf(keys);
        var three = keys.Take(3).Select(k => SignedVote.Sign(k, VoteKind.Precommit, target, 4, 0)).ToList();
        new GrandpaJustification(4, new GrandpaCommit(target, three), []).Verify(set, target);

        // Two of four (weight 2 < 3).
        var two = new GrandpaJustification(4, new GrandpaCommit(target, three.Take(2).ToList()), []);
        Assert.Contains("supermajority", Assert.Throws<GrandpaJustificationException>(() => two.Verify(set)).Message, StringComparison.Ordinal);

        // The same voter twice does not count twice.
        var doubled = new GrandpaJustification(4, new GrandpaCommit(target, [three[0], three[1], three[1]]), []);
        Assert.Throws<GrandpaJustificationException>(() => doubled.Verify(set));

        // A flipped signature bit, a signature for another round, a prevote passed as a precommit, a stranger.
        var forged = three.ToList();
        var signature = (byte[])forged[2].Signature.Clone();
        signature[10] ^= 0x40;
        forged[2] = forged[2] with { Signature = signature };
        Assert.Throws<GrandpaJustificationException>(() => new GrandpaJustification(4, new GrandpaCommit(target, forged), []).Verify(set));
        Assert.Throws<GrandpaJustificationException>(() => new GrandpaJustification(5, new GrandpaCommit(target, three), []).Verify(set));
        var prevote = SignedVote.Sign(keys[2], VoteKind.Prevote, target, 4, 0) with { Kind = VoteKind.Precommit };
        Assert.Throws<GrandpaJustificationException>(() => new GrandpaJustification(4, new GrandpaCommit(target, [three[0], three[1], prevote]), []).Verify(set));
        var stranger = SignedVote.Sign(Ed25519.FromSeed(Enumerable.Repeat((byte)99, 32).ToArray()), VoteKind.Precommit, target, 4, 0);
        Assert.Throws<GrandpaJustificationException>(() => new GrandpaJustification(4, new GrandpaCommit(target, [three[0], three[1], stranger]), []).Verify(set));

        // The wrong target and a tampered encoding.
        Assert.Throws<GrandpaJustificationException>(() => new GrandpaJustification(4, new GrandpaCommit(target, three), []).Verify(set, tree.GenesisTarget));
        var bytes = new GrandpaJustification(4, new GrandpaCommit(target, three), []).Encode();
        bytes[9] ^= 1; // the target hash
        Assert.Throws<GrandpaJustificationException>(() => GrandpaJustification.DecodeAndVerify(bytes, set));
    }

    [Fact]
    public void An_equivocating_voter_is_detected_and_reported()
    {
        var tree = new TestBlockTree();
        var main = tree.Grow(tree.GenesisTarget, 4);
        var fork = tree.Grow(tree.GenesisTarget, 4, salt: 9);
        var bus = Network(tree, 4);
        var a = bus["v0"];
        var round = a.Voter.CurrentRound;

        // Voter 3 signs two different prevotes for the same round.
        var first = SignedVote.Sign(bus.Keys[3], VoteKind.Prevote, main, round, 0);
        var second = SignedVote.Sign(bus.Keys[3], VoteKind.Prevote, fork, round, 0);
        Assert.Equal(GrandpaMessageVerdict.Accepted, a.Voter.OnMessage("v3", new VoteMessage(round, 0, first).Encode()));
        Assert.Equal(GrandpaMessageVerdict.Duplicate, a.Voter.OnMessage("v3", new VoteMessage(round, 0, first).Encode()));
        Assert.Equal(GrandpaMessageVerdict.Accepted, a.Voter.OnMessage("v3", new VoteMessage(round, 0, second).Encode()));

        var equivocation = Assert.Single(a.Voter.Equivocations);
        Assert.Equal(new AuthorityId(bus.Keys[3].PublicKey), equivocation.Voter);
        Assert.Equal(VoteKind.Prevote, equivocation.Kind);
        Assert.Equal(round, equivocation.Round);
        Assert.Equal(main, equivocation.First.Target);
        Assert.Equal(fork, equivocation.Second.Target);
        Assert.Equal(equivocation, Assert.Single(a.Environment.Equivocations));

        // The gossiped equivocation reaches the other voters too.
        bus.DeliverAll();
        Assert.Contains(bus["v1"].Voter.Equivocations, e => e.Voter == equivocation.Voter);
    }

    [Fact]
    public void Invalid_votes_are_rejected_without_effect()
    {
        var tree = new TestBlockTree();
        var head = tree.Grow(tree.GenesisTarget, 2);
        var bus = Network(tree, 4);
        var a = bus["v0"].Voter;
        var round = a.CurrentRound;
        var forged = SignedVote.Sign(bus.Keys[1], VoteKind.Prevote, head, round + 7, 0) with { };
        Assert.Equal(GrandpaMessageVerdict.Invalid, a.OnMessage("v1", new VoteMessage(round, 0, forged).Encode()));
        var stranger = SignedVote.Sign(Ed25519.FromSeed(Enumerable.Repeat((byte)77, 32).ToArray()), VoteKind.Prevote, head, round, 0);
        Assert.Equal(GrandpaMessageVerdict.Invalid, a.OnMessage("x", new VoteMessage(round, 0, stranger).Encode()));
        Assert.Equal(GrandpaMessageVerdict.Ignored, a.OnMessage("v1", new VoteMessage(round, 5, SignedVote.Sign(bus.Keys[1], VoteKind.Prevote, head, round, 5)).Encode()));
        Assert.Equal(GrandpaMessageVerdict.Invalid, a.OnMessage("v1", [0, 1, 2]));
    }

    [Fact]
    public void A_two_two_partition_stops_finality_and_healing_resumes_it()
    {
        var tree = new TestBlockTree();
        var head = tree.Grow(tree.GenesisTarget, 5);
        var bus = Network(tree, 4);
        Assert.True(bus.RunUntil(() => bus.Participants.All(p => p.Voter.LastFinalized == head)));

        bus.Partition(["v0", "v1"], ["v2", "v3"]);
        var stalledRound = bus.Participants.Max(p => p.Voter.CurrentRound);
        var newHead = tree.Grow(head, 5); // block production goes on
        foreach (var p in bus.Participants)
        {
            p.Voter.OnBlockImported();
        }

        Assert.False(bus.RunUntil(() => bus.Participants.Any(p => p.Voter.LastFinalized.Number > head.Number), maxSteps: 300), "no half can finalize");
        Assert.All(bus.Participants, p => Assert.Equal(head, p.Voter.LastFinalized));
        Assert.True(bus.Participants.Max(p => p.Voter.CurrentRound) <= stalledRound + 1, "rounds do not complete without a supermajority");

        bus.Heal();
        Assert.True(bus.RunUntil(() => bus.Participants.All(p => p.Voter.LastFinalized == newHead)), "finality resumes after healing");
        foreach (var p in bus.Participants)
        {
            p.Environment.Finalized[^1].Justification.Verify(bus.Set, newHead);
        }
    }

    [Fact]
    public void Three_of_four_finalize_and_a_late_voter_catches_up()
    {
        var tree = new TestBlockTree();
        var head = tree.Grow(tree.GenesisTarget, 3);
        var bus = new GossipBus(tree, 4, T);
        for (var i = 0; i < 3; i++)
        {
            bus.Add($"v{i}", bus.Keys[i]).Voter.Start();
        }

        Assert.True(bus.RunUntil(() => bus.Participants.All(p => p.Voter.LastFinalized == head)), "three of four voters are a supermajority");

        // Let them run ahead by many rounds, then start the fourth.
        bus.RunUntil(() => bus.Participants.All(p => p.Voter.CurrentRound >= 10));
        var late = bus.Add("v3", bus.Keys[3]);
        late.Voter.Start();
        foreach (var p in bus.Participants.Where(p => p != late))
        {
            p.Voter.OnPeerConnected("v3");
        }

        Assert.True(bus.RunUntil(() => late.Voter.LastFinalized == head && late.Voter.CurrentRound >= bus["v0"].Voter.CurrentRound - 1), "the late voter catches up");
        Assert.True(late.Voter.CurrentRound > 2);
    }

    [Fact]
    public void An_observer_without_a_key_follows_finality()
    {
        var tree = new TestBlockTree();
        var head = tree.Grow(tree.GenesisTarget, 4);
        var bus = Network(tree, 4);
        var observer = bus.Add("observer", null);
        observer.Voter.Start();
        Assert.False(observer.Voter.IsVoter);
        Assert.True(bus.RunUntil(() => observer.Voter.LastFinalized == head));
        observer.Environment.Finalized[^1].Justification.Verify(bus.Set, head);
    }

    private static GossipBus Network(TestBlockTree tree, int voters)
    {
        var bus = new GossipBus(tree, voters, T);
        for (var i = 0; i < voters; i++)
        {
            bus.Add($"v{i}", bus.Keys[i]);
        }

        foreach (var p in bus.Participants)
        {
            p.Voter.Start();
        }

        return bus;
    }

    private static List<Ed25519KeyPair> Keys(int count)
        => [.. Enumerable.Range(0, count).Select(i => Ed25519.FromSeed(Enumerable.Repeat((byte)(i + 1), 32).ToArray()))];

    private static AuthoritySet SetOf(IEnumerable<Ed25519KeyPair> keys)
        => new(0, [.. keys.Select(k => new GrandpaAuthority(new AuthorityId(k.PublicKey), 1))]);
}
