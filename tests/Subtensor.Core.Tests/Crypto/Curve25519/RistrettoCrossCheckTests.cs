using Subtensor.Core.Crypto;
using Subtensor.Core.Crypto.Curve25519;

namespace Subtensor.Core.Tests.Crypto.Curve25519;

/// <summary>Our variable-time edwards25519/ristretto255 code against libsodium on random inputs.</summary>
public class RistrettoCrossCheckTests
{
    [Fact]
    public void Base_point_is_the_ristretto_generator()
    {
        var encoding = new byte[32];
        RistrettoEncoding.Encode(DoubleScalarMultiplication.BasePoint, encoding);
        Assert.Equal("e2f2ae0a6abc4e71a884a961c500515f58e30b6aa582dd8db6a65945e08d2d76", Convert.ToHexStringLower(encoding));
        DoubleScalarMultiplication.BasePoint.Compress(encoding);
        Assert.Equal("5866666666666666666666666666666666666666666666666666666666666666", Convert.ToHexStringLower(encoding));
    }

    [Fact]
    public void Decode_encode_round_trips_libsodium_points()
    {
        var rng = new Random(21);
        var scalar = new byte[64];
        var reduced = new byte[32];
        var point = new byte[32];
        var again = new byte[32];
        for (var i = 0; i < 500; i++)
        {
            rng.NextBytes(scalar);
            Ristretto255.ReduceWide(scalar, reduced);
            Ristretto255.ScalarMultiplyBase(reduced, point);
            Assert.True(RistrettoEncoding.TryDecode(point, out var decoded));
            RistrettoEncoding.Encode(decoded, again);
            Assert.Equal(point, again);
        }
    }

    [Fact]
    public void Validity_agrees_with_the_strict_libsodium_wrapper_on_random_and_edge_encodings()
    {
        var rng = new Random(22);
        var candidate = new byte[32];
        for (var i = 0; i < 3000; i++)
        {
            rng.NextBytes(candidate);
            if (i % 3 == 0)
            {
                candidate[31] &= 0x7f;
                candidate[0] &= 0xfe;
            }

            Assert.True(Ristretto255.IsValidPoint(candidate) == RistrettoEncoding.TryDecode(candidate, out _), Convert.ToHexStringLower(candidate));
        }

        foreach (var hex in new[]
        {
            "0000000000000000000000000000000000000000000000000000000000000000",
            "edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
            "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
            "0100000000000000000000000000000000000000000000000000000000000000",
            "5866666666666666666666666666666666666666666666666666666666666666",
            "26948d35ca62e643e26a83177332e6b6afeb9d08e4268b650f1f5bbd8d81d371",
            "e2f2ae0a6abc4e71a884a961c500515f58e30b6aa582dd8db6a65945e08d2df6",
        })
        {
            var bytes = Convert.FromHexString(hex);
            Assert.True(Ristretto255.IsValidPoint(bytes) == RistrettoEncoding.TryDecode(bytes, out _), hex);
        }
    }

    [Fact]
    public void Double_scalar_multiplication_matches_libsodium()
    {
        var rng = new Random(23);
        var wide = new byte[64];
        var a = new byte[32];
        var b = new byte[32];
        var x = new byte[32];
        var pointA = new byte[32];
        var aA = new byte[32];
        var bB = new byte[32];
        var expected = new byte[32];
        var actual = new byte[32];
        for (var i = 0; i < 300; i++)
        {
            rng.NextBytes(wide);
            Ristretto255.ReduceWide(wide, a);
            rng.NextBytes(wide);
            Ristretto255.ReduceWide(wide, b);
            rng.NextBytes(wide);
            Ristretto255.ReduceWide(wide, x);
            if (i == 0)
            {
                Array.Clear(a);
            }

            if (i == 1)
            {
                Array.Clear(b);
            }

            Ristretto255.ScalarMultiplyBase(x, pointA);
            Assert.True(Ristretto255.TryScalarMultiply(a, pointA, aA));
            Ristretto255.ScalarMultiplyBase(b, bB);
            Assert.True(Ristretto255.TryAdd(aA, bB, expected));

            Assert.True(RistrettoEncoding.TryDecode(pointA, out var decodedA));
            RistrettoEncoding.Encode(DoubleScalarMultiplication.MultiplyAddBase(a, decodedA, b), actual);
            Assert.Equal(expected, actual);
        }
    }

    [Fact]
    public void Non_adjacent_form_reconstructs_the_scalar()
    {
        var rng = new Random(24);
        var scalar = new byte[32];
        Span<sbyte> naf = stackalloc sbyte[256];
        foreach (var width in new[] { 5, 8 })
        {
            for (var i = 0; i < 200; i++)
            {
                rng.NextBytes(scalar);
                scalar[31] &= 0x7f;
                NonAdjacentForm.Compute(scalar, width, naf);
                var sum = System.Numerics.BigInteger.Zero;
                for (var j = 255; j >= 0; j--)
                {
                    sum = (sum << 1) + naf[j];
                    Assert.True(naf[j] == 0 || (naf[j] & 1) != 0);
                    Assert.True(Math.Abs((int)naf[j]) < 1 << (width - 1));
                }

                Assert.Equal(new System.Numerics.BigInteger(scalar, isUnsigned: true), sum);
            }
        }
    }
}
