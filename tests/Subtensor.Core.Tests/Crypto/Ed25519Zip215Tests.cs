using System.Security.Cryptography;
using Subtensor.Core.Crypto;
using Subtensor.Core.Crypto.Curve25519;

namespace Subtensor.Core.Tests.Crypto;

/// <summary>sp-core verifies ed25519 with ed25519-zebra (ZIP-215), which accepts more than libsodium does.</summary>
public class Ed25519Zip215Tests
{
    // The identity (0, 1), canonically and as y = p + 1.
    private const string Identity = "0100000000000000000000000000000000000000000000000000000000000000";
    private const string IdentityNonCanonical = "eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f";

    // (0, −1), the point of order 2.
    private const string OrderTwo = "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f";

    [Theory]
    [InlineData(Identity)]
    [InlineData(IdentityNonCanonical)]
    public void Identity_key_with_identity_r_and_zero_s_verifies_any_message(string encoding)
    {
        var key = Convert.FromHexString(encoding);
        var signature = new byte[64];
        key.CopyTo(signature, 0);
        Assert.False(Ed25519.VerifyWithSodium(signature, "anything"u8, key));
        Assert.True(Ed25519.Verify(signature, "anything"u8, key));
        Assert.True(Ed25519.Verify(signature, "something else"u8, key));

        signature[32] = 1;
        Assert.False(Ed25519.Verify(signature, "anything"u8, key));
    }

    [Fact]
    public void Mixed_order_public_key_verifies_only_with_the_cofactored_equation()
    {
        var seed = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();
        var h = SHA512.HashData(seed);
        var clamped = h[..32];
        clamped[0] &= 248;
        clamped[31] &= 63;
        clamped[31] |= 64;
        var a = new byte[32];
        var wide = new byte[64];
        clamped.CopyTo(wide, 0);
        Ristretto255.ReduceWide(wide, a);

        using var pair = Ed25519.FromSeed(seed);
        Assert.True(EdwardsPoint.TryDecompress(pair.PublicKey, out var pointA));
        Assert.True(EdwardsPoint.TryDecompress(Convert.FromHexString(OrderTwo), out var torsion));
        var mixed = new byte[32];
        pointA.Add(torsion.ToProjectiveNiels()).ToExtended().Compress(mixed);

        var r = new byte[32];
        r[0] = 42;
        var bigR = new byte[32];
        DoubleScalarMultiplication.MultiplyAddBase(new byte[32], EdwardsPoint.Identity, r).Compress(bigR);

        for (var attempt = 0; ; attempt++)
        {
            var message = BitConverter.GetBytes(attempt);
            var k = new byte[32];
            Ristretto255.ReduceWide(SHA512.HashData([.. bigR, .. mixed, .. message]), k);
            if ((k[0] & 1) == 0)
            {
                continue;
            }

            var ka = new byte[32];
            Ristretto255.ScalarMultiply(k, a, ka);
            var signature = new byte[64];
            bigR.CopyTo(signature, 0);
            Ristretto255.ScalarAdd(r, ka, signature.AsSpan(32));

            Assert.False(Ed25519.VerifyWithSodium(signature, message, mixed));
            Assert.True(Ed25519.Verify(signature, message, mixed));

            // The honest key verifies it under neither rule (k is bound to the key bytes).
            Assert.False(Ed25519.Verify(signature, message, pair.PublicKey));
            break;
        }
    }

    [Fact]
    public void Non_canonical_s_and_undecodable_points_are_rejected()
    {
        using var pair = Ed25519.FromSeed(new byte[32]);
        var signature = pair.Sign("m"u8);
        var order = Convert.FromHexString("edd3f55c1a631258d69cf7a2def9de1400000000000000000000000000000010");
        var carry = 0;
        for (var i = 0; i < 32; i++)
        {
            var sum = signature[32 + i] + order[i] + carry;
            signature[32 + i] = (byte)sum;
            carry = sum >> 8;
        }

        Assert.False(Ed25519.Verify(signature, "m"u8, pair.PublicKey));

        // y = 2 is not on the curve.
        var offCurve = new byte[32];
        offCurve[0] = 2;
        Assert.False(EdwardsPoint.TryDecompress(offCurve, out _));
        Assert.False(Ed25519.Verify(pair.Sign("m"u8), "m"u8, offCurve));
    }

    [Fact]
    public void Zip215_agrees_with_libsodium_away_from_the_edge_cases()
    {
        var rng = new Random(41);
        var seed = new byte[32];
        var accepted = 0;
        for (var i = 0; i < 1000; i++)
        {
            rng.NextBytes(seed);
            using var pair = Ed25519.FromSeed(seed);
            var message = new byte[rng.Next(0, 100)];
            rng.NextBytes(message);
            var signature = pair.Sign(message);
            var publicKey = pair.PublicKey;
            switch (i % 4)
            {
                case 1:
                    signature[rng.Next(0, 64)] ^= (byte)(1 << rng.Next(0, 8));
                    break;
                case 2:
                    publicKey[rng.Next(0, 32)] ^= (byte)(1 << rng.Next(0, 8));
                    break;
                case 3 when message.Length > 0:
                    message[^1] ^= 0x10;
                    break;
            }

            var zip215 = Ed25519.VerifyZip215(signature, message, publicKey);
            Assert.Equal(Ed25519.VerifyWithSodium(signature, message, publicKey), zip215);
            accepted += zip215 ? 1 : 0;
        }

        Assert.InRange(accepted, 250, 600);
    }
}
