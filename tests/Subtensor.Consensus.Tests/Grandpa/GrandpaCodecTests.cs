using Subtensor.Consensus.Grandpa;
using Subtensor.Core.Crypto;
using Subtensor.Core.Scale;
using Subtensor.Core.Types;

namespace Subtensor.Consensus.Tests.Grandpa;

public sealed class GrandpaCodecTests
{
    /// <summary>
    /// A real GRANDPA justification (smoldot <c>lib/src/finality/justification/decode.rs</c> test data): round 439559, target #302592,
    /// five precommits, no ancestries. Its signatures were checked independently (Python <c>cryptography</c> ed25519) against the
    /// payload 01 ‖ hash ‖ u32 ‖ round u64 ‖ set_id u64, which holds for set id 0.
    /// </summary>
    private const string RealJustification = ""
        + "07b506000000000029f1abec90ac199df06dee3ba0734c08c3fd6df06caa3f78952f8f95164058d2009e04001429f1abec90ac199df06dee3ba0734c"
        + "08c3fd6df06caa3f78952f8f95164058d2009e04000df78178ccaa78ad29f1d5ea796f1426c15e638b391e47d1ecdea57b468b4741248e270d5ef02c"
        + "ae965595dfa652d2672881661ad474e7d1a36b3152e5c552081c151c11cb72334d26d70769e3af7bbff3801a4e2dca2b09b7cce0af8dd8130729f1ab"
        + "ec90ac199df06dee3ba0734c08c3fd6df06caa3f78952f8f95164058d2009e04003e25912c15c078e5ec717a38c1f72dd2b80c3edcfd93468555125a"
        + "a7c976176bb8bb0368aa841112594d9c91f208b9584a571534f765399aa30582140fe60803680d278213f908658a49a1025a7f466c197e8fb6fabb5e"
        + "62220a7bd75f860cab29f1abec90ac199df06dee3ba0734c08c3fd6df06caa3f78952f8f95164058d2009e04007dac4f4701268980e85f4668d95f07"
        + "3a1c72b6d8ab38e7dac7f4dc7a06e105afac2fc63d542a4b423e5af3123a246ceb84678826a4a4eda429e1989d92ed180b8e59368700ea89e2bf8922"
        + "cc9e4b86d6651d1c689a0d57813f9768dbaadecf7129f1abec90ac199df06dee3ba0734c08c3fd6df06caa3f78952f8f95164058d2009e040044c0d3"
        + "8eef2137dea57fcb9bd9aa3d5fce4a4a137b3c438e5012af28889c97e0bf9d5bbb27b9f9d49e49c55a36de0d4cb5864503a5f85ec444ba50da57a211"
        + "0bdea6f4a727d3b2399275d6ee8817881f10597471dc1d27f144295ad6fb933c7a29f1abec90ac199df06dee3ba0734c08c3fd6df06caa3f78952f8f"
        + "95164058d2009e04003abb7b87029d51c528c8da34fdc17768bef6dde1afc3b1dad1af537762afc430434c3bdf0dca30010a63c8c97b1d59837846a2"
        + "eb0bbf60395333d9c72332ae02f72daf2e560e4f0f22fb5cbb04ad1d7fee850aab238fd014c178769e7e3a9b8400";

    private static readonly string[] RealVoters =
    [
        "1c151c11cb72334d26d70769e3af7bbff3801a4e2dca2b09b7cce0af8dd81307",
        "680d278213f908658a49a1025a7f466c197e8fb6fabb5e62220a7bd75f860cab",
        "8e59368700ea89e2bf8922cc9e4b86d6651d1c689a0d57813f9768dbaadecf71",
        "dea6f4a727d3b2399275d6ee8817881f10597471dc1d27f144295ad6fb933c7a",
        "f72daf2e560e4f0f22fb5cbb04ad1d7fee850aab238fd014c178769e7e3a9b84",
    ];

    [Fact]
    public void Real_justification_decodes_verifies_and_re_encodes_identically()
    {
        var bytes = Convert.FromHexString(RealJustification);
        var justification = GrandpaJustification.Decode(bytes);
        Assert.Equal(439559ul, justification.Round);
        Assert.Equal(302592u, justification.Target.Number);
        Assert.Equal(Hash256.Parse("0x29f1abec90ac199df06dee3ba0734c08c3fd6df06caa3f78952f8f95164058d2"), justification.Target.Hash);
        Assert.Equal(5, justification.Commit.Precommits.Count);
        Assert.Empty(justification.VotesAncestries);
        Assert.Equal(bytes, justification.Encode());

        var set = new AuthoritySet(0, [.. RealVoters.Select(k => new GrandpaAuthority(new AuthorityId(Convert.FromHexString(k)), 1))]);
        justification.Verify(set, justification.Target);
        GrandpaJustification.DecodeAndVerify(bytes, set);
    }

    [Fact]
    public void Real_justification_fails_for_another_set_id_or_a_larger_set()
    {
        var bytes = Convert.FromHexString(RealJustification);
        var voters = RealVoters.Select(k => new GrandpaAuthority(new AuthorityId(Convert.FromHexString(k)), 1)).ToList();
        Assert.Throws<GrandpaJustificationException>(() => GrandpaJustification.DecodeAndVerify(bytes, new AuthoritySet(1, voters)));

        // Three more voters: 5 of 8 is below the supermajority of 6.
        var larger = voters.Concat(Enumerable.Range(10, 3).Select(i => new GrandpaAuthority(new AuthorityId(Enumerable.Repeat((byte)i, 32).ToArray()), 1))).ToList();
        var error = Assert.Throws<GrandpaJustificationException>(() => GrandpaJustification.DecodeAndVerify(bytes, new AuthoritySet(0, larger)));
        Assert.Contains("supermajority needs 6", error.Message, StringComparison.Ordinal);

        var tampered = (byte[])bytes.Clone();
        tampered[100] ^= 1; // inside the first signature
        Assert.Throws<GrandpaJustificationException>(() => GrandpaJustification.DecodeAndVerify(tampered, new AuthoritySet(0, voters)));
        Assert.Throws<GrandpaJustificationException>(() => GrandpaJustification.DecodeAndVerify(bytes[..^1], new AuthoritySet(0, voters)));
    }

    [Fact]
    public void Neighbor_packet_matches_the_smoldot_vector()
    {
        byte[] bytes = [2, 1, 87, 14, 0, 0, 0, 0, 0, 0, 162, 13, 0, 0, 0, 0, 0, 0, 49, 231, 77, 0];
        var packet = Assert.IsType<NeighborPacket>(GrandpaMessage.Decode(bytes));
        Assert.Equal(new NeighborPacket(3671, 3490, 5_105_457), packet);
        Assert.Equal(bytes, packet.Encode());
    }

    [Fact]
    public void Signing_payload_is_message_round_and_set_id()
    {
        var hash = Hash256.Blake2([1]);
        var payload = SignedVote.SigningPayload(VoteKind.Precommit, new VoteTarget(hash, 0x0A0B0C0D), 0x0102030405060708, 9);
        Assert.Equal([1, .. hash.ToArray(), 0x0D, 0x0C, 0x0B, 0x0A, 8, 7, 6, 5, 4, 3, 2, 1, 9, 0, 0, 0, 0, 0, 0, 0], payload);
    }

    [Fact]
    public void Vote_message_layout_and_round_trip()
    {
        var key = Ed25519.FromSeed(new byte[32]);
        var target = new VoteTarget(Hash256.Blake2([2]), 42);
        var vote = SignedVote.Sign(key, VoteKind.Prevote, target, round: 5, setId: 3);
        Assert.True(vote.Verify(5, 3));
        Assert.False(vote.Verify(6, 3));
        Assert.False(vote.Verify(5, 4));
        var encoded = new VoteMessage(5, 3, vote).Encode();
        byte[] expected = [0, 5, 0, 0, 0, 0, 0, 0, 0, 3, 0, 0, 0, 0, 0, 0, 0, 0, .. target.Hash.ToArray(), 42, 0, 0, 0, .. vote.Signature, .. key.PublicKey];
        Assert.Equal(expected, encoded);
        var decoded = Assert.IsType<VoteMessage>(GrandpaMessage.Decode(encoded));
        Assert.Equal(vote, decoded.Vote);
    }

    [Fact]
    public void Commit_catch_up_and_request_round_trip()
    {
        var keys = Enumerable.Range(1, 3).Select(i => Ed25519.FromSeed(Enumerable.Repeat((byte)i, 32).ToArray())).ToList();
        var target = new VoteTarget(Hash256.Blake2([3]), 7);
        var precommits = keys.Select(k => SignedVote.Sign(k, VoteKind.Precommit, target, 2, 1)).ToList();
        var prevotes = keys.Select(k => SignedVote.Sign(k, VoteKind.Prevote, target, 2, 1)).ToList();

        var commit = new CommitMessage(2, 1, new GrandpaCommit(target, precommits));
        var encodedCommit = commit.Encode();
        // 01 ‖ round ‖ set ‖ target(36) ‖ compact(3) ‖ 3 × (hash, number) ‖ compact(3) ‖ 3 × (sig, id)
        Assert.Equal(1 + 8 + 8 + 36 + 1 + (3 * 36) + 1 + (3 * 96), encodedCommit.Length);
        var decodedCommit = Assert.IsType<CommitMessage>(GrandpaMessage.Decode(encodedCommit));
        Assert.Equal(precommits, decodedCommit.Commit.Precommits);

        var catchUp = new CatchUpMessage(1, 2, prevotes, precommits, new VoteTarget(Hash256.Blake2([4]), 6));
        var decodedCatchUp = Assert.IsType<CatchUpMessage>(GrandpaMessage.Decode(catchUp.Encode()));
        Assert.Equal(prevotes, decodedCatchUp.Prevotes);
        Assert.Equal(VoteKind.Prevote, decodedCatchUp.Prevotes[0].Kind);
        Assert.Equal(precommits, decodedCatchUp.Precommits);
        Assert.Equal(catchUp.Base, decodedCatchUp.Base);

        Assert.Equal([3, 4, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0], new CatchUpRequest(4, 1).Encode());
        Assert.Throws<ScaleDecodeException>(() => GrandpaMessage.Decode([5]));
        Assert.Throws<ScaleDecodeException>(() => GrandpaMessage.Decode([2, 2, 0]));
        Assert.Throws<ScaleDecodeException>(() => GrandpaMessage.Decode([.. encodedCommit, 0]));
    }

    [Theory]
    [InlineData(new ulong[] { 1, 1, 1, 1 }, 3ul)]
    [InlineData(new ulong[] { 1, 1, 1, 1, 1 }, 4ul)]
    [InlineData(new ulong[] { 1, 1, 1, 1, 1, 1, 1 }, 5ul)]
    [InlineData(new ulong[] { 3, 1, 1, 1 }, 5ul)]
    [InlineData(new ulong[] { 1 }, 1ul)]
    public void Threshold_is_total_minus_the_tolerated_faulty_weight(ulong[] weights, ulong expected)
    {
        var set = new AuthoritySet(0, [.. weights.Select((w, i) => new GrandpaAuthority(new AuthorityId(Enumerable.Repeat((byte)(i + 1), 32).ToArray()), w))]);
        Assert.Equal(expected, set.Threshold);
    }

    [Fact]
    public void Authority_list_round_trips_as_the_runtime_api_encodes_it()
    {
        var set = new AuthoritySet(7, [new GrandpaAuthority(new AuthorityId(new byte[32]), 1), new GrandpaAuthority(new AuthorityId(Enumerable.Repeat((byte)1, 32).ToArray()), 2)]);
        var encoded = set.EncodeAuthorityList();
        Assert.Equal(1 + (2 * 40), encoded.Length);
        Assert.Equal(0x08, encoded[0]);
        var decoded = AuthoritySet.DecodeAuthorityList(7, encoded);
        Assert.Equal(3ul, decoded.TotalWeight);
        Assert.Equal(2ul, decoded.WeightOf(set.Authorities[1].Id));
        Assert.Throws<ArgumentException>(() => new AuthoritySet(0, [set.Authorities[0], set.Authorities[0]]));
    }
}
