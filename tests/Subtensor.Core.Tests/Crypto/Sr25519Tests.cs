using Subtensor.Core.Crypto;
using Subtensor.Core.Types;

namespace Subtensor.Core.Tests.Crypto;

public class Sr25519Tests
{
    private static readonly byte[] Rfc8032Seed = Hex.Parse("0x9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");

    [Theory]
    [InlineData("0x9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60", "0x44a996beb1eef7bdcab976ab6d2ca26104834164ecf28fb375600576fcc6eb0f")]
    [InlineData("0x3132333435363738393031323334353637383930313233343536373839303132", "0x741c08a06f41c596608f6774259bd9043304adfa5d3eea62760bd9be97634d63")]
    public void Mini_secret_expansion_matches_sp_core(string seed, string expectedPublic)
    {
        // sp-core sr25519 tests sr_test_vector_should_work and seeded_pair_should_work.
        using var pair = Sr25519.FromMiniSecret(Hex.Parse(seed));
        Assert.Equal(expectedPublic, Hex.ToHex(pair.PublicKey));
    }

    [Fact]
    public void Ed25519_bytes_form_matches_polkadot_js_and_round_trips()
    {
        // @polkadot/util-crypto sr25519PairFromSeed(0x9d61…).secretKey
        const string expected = "0x307c83864f2833cb427a2ef1c00a013cfdff2768d980c0a3a520f006904de94f9b4f0afe280b746a778684e75442502057b7473a03f08f96f5a38e9287e01f8f";
        using var pair = Sr25519.FromMiniSecret(Rfc8032Seed);
        Assert.Equal(expected, Hex.ToHex(pair.ToEd25519Bytes()));

        using var fromJs = Sr25519.FromEd25519Bytes(Hex.Parse(expected));
        Assert.Equal(pair.PublicKey, fromJs.PublicKey);
        using var fromSchnorrkel = Sr25519.FromSecretKey(pair.ToSecretKeyBytes());
        Assert.Equal(pair.PublicKey, fromSchnorrkel.PublicKey);
        Assert.Equal(pair.ToSecretKeyBytes(), fromJs.ToSecretKeyBytes());
    }

    [Fact]
    public void Secret_key_with_a_non_canonical_scalar_is_rejected()
    {
        var bytes = new byte[64];
        bytes.AsSpan(0, 32).Fill(0xff);
        Assert.Throws<ArgumentException>(() => Sr25519.FromSecretKey(bytes));
        Assert.Throws<ArgumentException>(() => Sr25519.FromMiniSecret(new byte[31]));
    }

    [Fact]
    public void Polkadot_js_signature_of_alice_verifies()
    {
        var signatures = DevKeys.Root.GetProperty("signatures");
        var message = System.Text.Encoding.UTF8.GetBytes(signatures.GetProperty("message_utf8").GetString()!);
        var signature = Hex.Parse(signatures.GetProperty("sr25519_alice_signature_one_sample").GetString()!);
        var alice = Hex.Parse(DevKeys.Get("Alice", "sr25519", "public"));
        Assert.True(Sr25519.Verify(signature, message, alice));
        Assert.False(Sr25519.Verify(signature, "substratE"u8, alice));
        Assert.False(Sr25519.Verify(signature, message, Hex.Parse(DevKeys.Get("Bob", "sr25519", "public"))));
    }

    [Fact]
    public void Sign_then_verify_and_every_tamper_fails()
    {
        using var pair = Sr25519.FromMiniSecret(Rfc8032Seed);
        var message = "Something important"u8.ToArray();
        var signature = pair.Sign(message);
        Assert.Equal(64, signature.Length);
        Assert.Equal(0x80, signature[63] & 0x80);
        Assert.True(Sr25519.Verify(signature, message, pair.PublicKey));
        Assert.True(KeyPairs.Verify(KeyScheme.Sr25519, signature, message, pair.PublicKey));

        var flippedMessage = (byte[])message.Clone();
        flippedMessage[3] ^= 1;
        Assert.False(Sr25519.Verify(signature, flippedMessage, pair.PublicKey));

        for (var bit = 0; bit < 512; bit += 37)
        {
            var flipped = (byte[])signature.Clone();
            flipped[bit / 8] ^= (byte)(1 << (bit % 8));
            Assert.False(Sr25519.Verify(flipped, message, pair.PublicKey));
        }

        var unmarked = (byte[])signature.Clone();
        unmarked[63] &= 0x7f;
        Assert.False(Sr25519.Verify(unmarked, message, pair.PublicKey));

        using var other = Sr25519.FromMiniSecret(new byte[32]);
        Assert.False(Sr25519.Verify(signature, message, other.PublicKey));
        Assert.False(Sr25519.Verify(signature, message, new byte[31]));
        Assert.False(Sr25519.Verify(signature.AsSpan(0, 63), message, pair.PublicKey));
        Assert.False(Sr25519.Verify(signature, message, Hex.Parse("0x0100000000000000000000000000000000000000000000000000000000000000")));
    }

    [Fact]
    public void Non_canonical_s_is_rejected_even_when_the_equation_would_hold()
    {
        using var pair = Sr25519.FromMiniSecret(Rfc8032Seed);
        var message = "payload"u8.ToArray();
        var signature = pair.Sign(message);

        // s + ℓ encodes the same residue; schnorrkel refuses it (ScalarFormatError).
        var s = signature.AsSpan(32, 32).ToArray();
        s[31] &= 0x7f;
        var order = Hex.Parse("0xedd3f55c1a631258d69cf7a2def9de1400000000000000000000000000000010");
        var carry = 0;
        for (var i = 0; i < 32; i++)
        {
            var sum = s[i] + order[i] + carry;
            s[i] = (byte)sum;
            carry = sum >> 8;
        }

        Assert.True(s[31] < 0x80);
        var forged = (byte[])signature.Clone();
        s.CopyTo(forged, 32);
        forged[63] |= 0x80;
        Assert.False(Sr25519.Verify(forged, message, pair.PublicKey));
    }

    [Fact]
    public void Signing_is_randomized_but_reproducible_with_injected_randomness()
    {
        using var pair = Sr25519.FromMiniSecret(Rfc8032Seed);
        var a = Sr25519.Sign(pair, Sr25519.SubstrateContext, "m"u8, new FixedRandom(1));
        var b = Sr25519.Sign(pair, Sr25519.SubstrateContext, "m"u8, new FixedRandom(1));
        var c = Sr25519.Sign(pair, Sr25519.SubstrateContext, "m"u8, new FixedRandom(2));
        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
        Assert.True(Sr25519.Verify(c, "m"u8, pair.PublicKey));
        Assert.NotEqual(pair.Sign("m"u8), pair.Sign("m"u8));
    }

    [Fact]
    public void Context_is_part_of_the_signature()
    {
        using var pair = Sr25519.FromMiniSecret(Rfc8032Seed);
        var signature = Sr25519.Sign(pair, "other"u8, "m"u8, SystemRandom.Instance);
        Assert.True(Sr25519.Verify(signature, "other"u8, "m"u8, pair.PublicKey));
        Assert.False(Sr25519.Verify(signature, "m"u8, pair.PublicKey));
    }

    [Fact]
    public void Vrf_output_and_proofs_match_polkadot_js()
    {
        // @polkadot/util-crypto sr25519VrfSign("message", pair(0x9d61…), "context", "extra" | none)
        const string withExtra = "0x02be57fd4f8d51d7b81d511ff7a66fbb45fc85208dca4de49358aa2d0a45df2f786f5142efad0c8f935251da1222cdee4378313380f35dfaa7730413b1c0ab0eb70818f8b00e11379515d3dbca21733ab3891864a34fd211da751c2cf9b26f0a";
        const string withoutExtra = "0x02be57fd4f8d51d7b81d511ff7a66fbb45fc85208dca4de49358aa2d0a45df2faba262f28e9f872dc80446a8652e3554d07e4811102eac3a8de529dac8cfc303f33d66956cc133285df05096f3a0506cbbfc4094365015f927fba721bf724405";
        using var pair = Sr25519.FromMiniSecret(Rfc8032Seed);
        var pub = pair.PublicKey;
        Assert.True(Sr25519.VrfVerify(pub, "context"u8, "message"u8, "extra"u8, Hex.Parse(withExtra)));
        Assert.True(Sr25519.VrfVerify(pub, "context"u8, "message"u8, ReadOnlySpan<byte>.Empty, Hex.Parse(withoutExtra)));
        Assert.False(Sr25519.VrfVerify(pub, "context"u8, "message"u8, ReadOnlySpan<byte>.Empty, Hex.Parse(withExtra)));

        var ours = Sr25519.VrfSign(pair, "context"u8, "message"u8, "extra"u8);
        Assert.Equal(withExtra[..66], Hex.ToHex(ours.AsSpan(0, 32)));
        Assert.True(Sr25519.VrfVerify(pub, "context"u8, "message"u8, "extra"u8, ours));
    }

    [Fact]
    public void Vrf_tampering_fails()
    {
        using var pair = Sr25519.FromMiniSecret(Rfc8032Seed);
        var pub = pair.PublicKey;
        var signature = Sr25519.VrfSign(pair, "ctx"u8, "msg"u8, ReadOnlySpan<byte>.Empty);
        Assert.True(Sr25519.VrfVerify(pub, "ctx"u8, "msg"u8, ReadOnlySpan<byte>.Empty, signature));
        Assert.False(Sr25519.VrfVerify(pub, "ctx"u8, "msg!"u8, ReadOnlySpan<byte>.Empty, signature));
        Assert.False(Sr25519.VrfVerify(pub, "ctX"u8, "msg"u8, ReadOnlySpan<byte>.Empty, signature));
        for (var index = 0; index < 96; index += 13)
        {
            var flipped = (byte[])signature.Clone();
            flipped[index] ^= 0x04;
            Assert.False(Sr25519.VrfVerify(pub, "ctx"u8, "msg"u8, ReadOnlySpan<byte>.Empty, flipped));
        }

        using var other = Sr25519.FromMiniSecret(new byte[32]);
        Assert.False(Sr25519.VrfVerify(other.PublicKey, "ctx"u8, "msg"u8, ReadOnlySpan<byte>.Empty, signature));

        var identityOut = (byte[])signature.Clone();
        Array.Clear(identityOut, 0, 32);
        Assert.False(Sr25519.VrfVerify(pub, "ctx"u8, "msg"u8, ReadOnlySpan<byte>.Empty, identityOut));
        Assert.False(Sr25519.VrfVerify(pub, "ctx"u8, "msg"u8, ReadOnlySpan<byte>.Empty, signature.AsSpan(0, 95)));
    }

    [Fact]
    public void Vrf_output_bytes_depend_only_on_key_and_input()
    {
        using var pair = Sr25519.FromMiniSecret(Rfc8032Seed);
        var s1 = Sr25519.VrfSign(pair, "ctx"u8, "msg"u8, "a"u8);
        var s2 = Sr25519.VrfSign(pair, "ctx"u8, "msg"u8, "b"u8);
        Assert.Equal(s1.AsSpan(0, 32).ToArray(), s2.AsSpan(0, 32).ToArray());
        var out1 = Sr25519.VrfOutputBytes(pair.PublicKey, "ctx"u8, "msg"u8, s1.AsSpan(0, 32), "out"u8, 32);
        var out2 = Sr25519.VrfOutputBytes(pair.PublicKey, "ctx"u8, "msg"u8, s2.AsSpan(0, 32), "out"u8, 32);
        var out3 = Sr25519.VrfOutputBytes(pair.PublicKey, "ctx"u8, "msg"u8, s2.AsSpan(0, 32), "other"u8, 32);
        Assert.Equal(out1, out2);
        Assert.NotEqual(out1, out3);
    }

    [Fact]
    public void Soft_derivation_of_keys_and_publics_agree_and_match_polkadot_js()
    {
        // @polkadot/util-crypto sr25519DerivePublic(Alice, chain code of "Alice")
        var alice = Hex.Parse(DevKeys.Get("Alice", "sr25519", "public"));
        var chainCode = DeriveJunction.FromString("Alice", hard: false).ChainCode.ToArray();
        Assert.Equal("0x509509063221b1567891a3db4aec6cf550579751783aa7412227ff1d05c8d438", Hex.ToHex(Sr25519.DerivePublicSoft(alice, chainCode)));

        using var pair = Sr25519.FromMiniSecret(Rfc8032Seed);
        using var derived = Sr25519.DeriveSoft(pair, chainCode, new FixedRandom(3), out var cc1);
        var derivedPublic = Sr25519.DerivePublicSoft(pair.PublicKey, chainCode, out var cc2);
        Assert.Equal(derivedPublic, derived.PublicKey);
        Assert.Equal(cc1, cc2);
        var signature = derived.Sign("x"u8);
        Assert.True(Sr25519.Verify(signature, "x"u8, derivedPublic));
        Assert.Throws<ArgumentException>(() => Sr25519.DerivePublicSoft(new byte[32].Select(_ => (byte)1).ToArray(), chainCode));
    }

    [Fact]
    public void Cofactor_division_and_multiplication_are_inverse_on_clamped_keys()
    {
        var rng = new Random(5);
        for (var i = 0; i < 100; i++)
        {
            var x = new byte[32];
            rng.NextBytes(x);
            x[0] &= 0xf8;
            var y = (byte[])x.Clone();
            Sr25519.DivideByCofactor(y);
            Sr25519.MultiplyByCofactor(y);
            Assert.Equal(x, y);
        }
    }

    [Fact]
    public void Disposed_pair_refuses_to_sign()
    {
        var pair = Sr25519.FromMiniSecret(Rfc8032Seed);
        pair.Dispose();
        Assert.Throws<ObjectDisposedException>(() => pair.Sign("m"u8));
    }
}
