using Subtensor.Core.Crypto;
using Subtensor.Core.Types;

namespace Subtensor.Core.Tests.Crypto;

public class MerlinTranscriptTests
{
    [Fact]
    public void Strobe_matches_the_strobe_rs_conformance_outputs()
    {
        // merlin strobe.rs test_conformance, expected values as published by independent ports.
        using var s = new Strobe128("Conformance Test Protocol"u8);
        var msg = Enumerable.Repeat((byte)99, 1024).ToArray();
        s.MetaAd("ms"u8, more: false);
        s.MetaAd("g"u8, more: true);
        s.Ad(msg, more: false);

        var prf = new byte[32];
        s.MetaAd("prf"u8, more: false);
        s.Prf(prf, more: false);
        Assert.Equal("b48e645ca17c667fd5206ba57a6a228d72d8e1903814d3f17f622996d7cfefb0", Convert.ToHexStringLower(prf));

        s.MetaAd("key"u8, more: false);
        s.Key(prf, more: false);
        s.MetaAd("prf"u8, more: false);
        s.Prf(prf, more: false);
        Assert.Equal("07e45cce8078cee259e3e375bb85d75610e2d1e1201c5f645045a194edd49ff8", Convert.ToHexStringLower(prf));
    }

    [Fact]
    public void Strobe_refuses_to_continue_an_operation_with_other_flags()
    {
        using var s = new Strobe128("x"u8);
        s.MetaAd("a"u8, more: false);
        Assert.Throws<InvalidOperationException>(() => s.Ad("b"u8, more: true));
    }

    [Fact]
    public void Simple_transcript_matches_merlin()
    {
        using var t = new MerlinTranscript("test protocol"u8);
        t.AppendMessage("some label"u8, "some data"u8);
        var challenge = new byte[32];
        t.ChallengeBytes("challenge"u8, challenge);
        Assert.Equal("d5a21972d0d5fe320c0d263fac7fffb8145aa640af6e9bca177c03c7efcf0615", Convert.ToHexStringLower(challenge));
    }

    [Fact]
    public void Complex_transcript_with_sponge_wraparound_matches_merlin()
    {
        using var t = new MerlinTranscript("test protocol"u8);
        t.AppendMessage("step1"u8, "some data"u8);
        var data = Enumerable.Repeat((byte)99, 1024).ToArray();
        var challenge = new byte[32];
        for (var i = 0; i < 32; i++)
        {
            t.ChallengeBytes("challenge"u8, challenge);
            t.AppendMessage("bigdata"u8, data);
            t.AppendMessage("challengedata"u8, challenge);
        }

        Assert.Equal("a8c933f54fae76e3f9bea93648c1308e7dfa2152dd51674ff3ca438351cf003c", Convert.ToHexStringLower(challenge));
    }

    [Fact]
    public void Clone_is_independent_and_append_u64_is_little_endian_message()
    {
        using var a = new MerlinTranscript("p"u8);
        using var b = a.Clone();
        a.AppendU64("n"u8, 0x0102030405060708);
        b.AppendMessage("n"u8, [8, 7, 6, 5, 4, 3, 2, 1]);
        var ca = new byte[16];
        var cb = new byte[16];
        a.ChallengeBytes("c"u8, ca);
        b.ChallengeBytes("c"u8, cb);
        Assert.Equal(ca, cb);

        a.AppendMessage("l"u8, "x"u8);
        b.AppendMessage("l"u8, "y"u8);
        a.ChallengeBytes("c"u8, ca);
        b.ChallengeBytes("c"u8, cb);
        Assert.NotEqual(ca, cb);
    }

    [Fact]
    public void Transcript_rng_is_bound_to_transcript_witness_and_randomness()
    {
        static byte[] Draw(string commitment, string witness, byte random)
        {
            using var t = new MerlinTranscript("test TranscriptRng collisions"u8);
            t.AppendMessage("com"u8, System.Text.Encoding.ASCII.GetBytes(commitment));
            using var builder = t.BuildRng();
            using var rng = builder.RekeyWithWitnessBytes("witness"u8, System.Text.Encoding.ASCII.GetBytes(witness)).Finalize(new FixedRandom(random));
            var output = new byte[32];
            rng.FillBytes(output);
            return output;
        }

        var baseline = Draw("commitment data 2", "witness data 2", 0);
        Assert.Equal(baseline, Draw("commitment data 2", "witness data 2", 0));
        Assert.NotEqual(baseline, Draw("commitment data 1", "witness data 2", 0));
        Assert.NotEqual(baseline, Draw("commitment data 2", "witness data 1", 0));
        Assert.NotEqual(baseline, Draw("commitment data 2", "witness data 2", 1));
    }

    [Fact]
    public void Building_an_rng_leaves_the_transcript_unchanged()
    {
        using var a = new MerlinTranscript("p"u8);
        using var b = new MerlinTranscript("p"u8);
        using (var builder = a.BuildRng())
        {
            using var rng = builder.RekeyWithWitnessBytes("w"u8, "secret"u8).Finalize(new FixedRandom(7));
            rng.FillBytes(new byte[8]);
        }

        var ca = new byte[32];
        var cb = new byte[32];
        a.ChallengeBytes("c"u8, ca);
        b.ChallengeBytes("c"u8, cb);
        Assert.Equal(Hex.ToHex(cb), Hex.ToHex(ca));
    }
}
