using Subtensor.Core.Crypto;

namespace Subtensor.Core.Tests.Crypto;

/// <summary>The variable-time verifier against the libsodium reference path, on valid and corrupted inputs.</summary>
public class Sr25519CrossCheckTests
{
    [Fact]
    public void Fast_verify_agrees_with_libsodium_on_thousands_of_inputs()
    {
        var rng = new Random(31);
        var seed = new byte[32];
        var agreedValid = 0;
        for (var i = 0; i < 1500; i++)
        {
            rng.NextBytes(seed);
            using var pair = Sr25519.FromMiniSecret(seed);
            var message = new byte[rng.Next(0, 200)];
            rng.NextBytes(message);
            var signature = pair.Sign(message);
            var publicKey = pair.PublicKey;

            switch (i % 5)
            {
                case 1:
                    signature[rng.Next(0, 64)] ^= (byte)(1 << rng.Next(0, 8));
                    break;
                case 2:
                    publicKey[rng.Next(0, 32)] ^= (byte)(1 << rng.Next(0, 8));
                    break;
                case 3:
                    rng.NextBytes(signature.AsSpan(0, 32));
                    break;
                case 4 when message.Length > 0:
                    message[0] ^= 1;
                    break;
            }

            var fast = Sr25519.Verify(signature, message, publicKey);
            var reference = Sr25519.VerifyWithSodium(signature, Sr25519.SubstrateContext, message, publicKey);
            Assert.Equal(reference, fast);
            agreedValid += fast ? 1 : 0;
        }

        Assert.InRange(agreedValid, 300, 800);
    }

    [Fact]
    public void A_public_key_encoding_with_bit_255_set_is_rejected_like_schnorrkel()
    {
        using var pair = Sr25519.FromMiniSecret(Enumerable.Repeat((byte)9, 32).ToArray());
        var message = "payload"u8.ToArray();
        var genuine = pair.PublicKey;
        Assert.True(Sr25519.Verify(SignUnder(pair, genuine, message), message, genuine));

        // The same construction under the alias pk | 0x80, which libsodium 1.0.18 alone would decode to the same point.
        var aliased = pair.PublicKey;
        aliased[31] |= 0x80;
        var signature = SignUnder(pair, aliased, message);
        Assert.False(Sr25519.Verify(signature, message, aliased));
        Assert.False(Sr25519.VerifyWithSodium(signature, Sr25519.SubstrateContext, message, aliased));
    }

    /// <summary>A Schnorr signature whose transcript commits <paramref name="encoding"/> as the public key.</summary>
    private static byte[] SignUnder(Sr25519KeyPair pair, byte[] encoding, byte[] message)
    {
        using var t = new MerlinTranscript("SigningContext"u8);
        t.AppendMessage(""u8, "substrate"u8);
        t.AppendMessage("sign-bytes"u8, message);
        t.AppendMessage("proto-name"u8, "Schnorr-sig"u8);
        t.AppendMessage("sign:pk"u8, encoding);
        var r = new byte[32];
        r[0] = 77;
        var signature = new byte[64];
        Ristretto255.ScalarMultiplyBase(r, signature.AsSpan(0, 32));
        t.AppendMessage("sign:R"u8, signature.AsSpan(0, 32));
        var wide = new byte[64];
        t.ChallengeBytes("sign:c"u8, wide);
        var k = new byte[32];
        Ristretto255.ReduceWide(wide, k);
        var kx = new byte[32];
        Ristretto255.ScalarMultiply(k, pair.ToSecretKeyBytes().AsSpan(0, 32), kx);
        Ristretto255.ScalarAdd(kx, r, signature.AsSpan(32, 32));
        signature[63] |= 0x80;
        return signature;
    }
}
