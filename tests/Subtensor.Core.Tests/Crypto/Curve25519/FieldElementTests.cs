using System.Numerics;
using Subtensor.Core.Crypto.Curve25519;

namespace Subtensor.Core.Tests.Crypto.Curve25519;

public class FieldElementTests
{
    private static readonly BigInteger P = (BigInteger.One << 255) - 19;

    [Fact]
    public void Arithmetic_matches_big_integers()
    {
        var rng = new Random(11);
        for (var i = 0; i < 2000; i++)
        {
            var (a, fa) = RandomElement(rng);
            var (b, fb) = RandomElement(rng);
            Assert.Equal((a * b) % P, ToBig(FieldElement.Mul(fa, fb)));
            Assert.Equal((a * a) % P, ToBig(FieldElement.Square(fa)));
            Assert.Equal((a + b) % P, ToBig(FieldElement.Add(fa, fb)));
            Assert.Equal(((a - b) % P + P) % P, ToBig(FieldElement.Sub(fa, fb)));
            if (i % 50 == 0 && !a.IsZero)
            {
                Assert.Equal(BigInteger.ModPow(a, P - 2, P), ToBig(FieldElement.Invert(fa)));
            }
        }
    }

    [Fact]
    public void Encoding_is_canonical_for_values_at_or_above_p()
    {
        foreach (var value in new[] { P, P + 1, P + 18, (BigInteger.One << 255) - 1, P - 1, BigInteger.Zero })
        {
            var bytes = new byte[32];
            value.TryWriteBytes(bytes, out _, isUnsigned: true);
            Assert.Equal(value % P, ToBig(FieldElement.FromBytes(bytes)));
        }
    }

    [Fact]
    public void Constants_have_their_defining_properties()
    {
        var minusOne = FieldElement.Negate(FieldElement.One);
        Assert.True(FieldElement.Square(Curve25519Constants.SqrtM1).EqualsValue(minusOne));
        Assert.False(Curve25519Constants.SqrtM1.IsNegative);

        // RFC 9496 §4.1: SQRT_M1 and INVSQRT_A_MINUS_D in decimal.
        Assert.Equal(BigInteger.Parse("19681161376707505956807079304988542015446066515923890162744021073123829784752"), ToBig(Curve25519Constants.SqrtM1));
        Assert.Equal(BigInteger.Parse("54469307008909316920995813868745141605393597292927456921205312896311721017578"), ToBig(Curve25519Constants.InvSqrtAMinusD));
        Assert.Equal(BigInteger.Parse("37095705934669439343138083508754565189542113879843219016388785533085940283555"), ToBig(Curve25519Constants.D));
    }

    [Fact]
    public void Square_root_ratio_follows_rfc9496()
    {
        var rng = new Random(12);
        for (var i = 0; i < 200; i++)
        {
            var (_, u) = RandomElement(rng);
            var (_, v) = RandomElement(rng);
            var (wasSquare, r) = FieldElement.SqrtRatioM1(u, v);
            Assert.False(r.IsNegative);
            var vr2 = FieldElement.Mul(v, FieldElement.Square(r));
            Assert.True(wasSquare ? vr2.EqualsValue(u) : vr2.EqualsValue(FieldElement.Mul(u, Curve25519Constants.SqrtM1)));
        }

        Assert.True(FieldElement.SqrtRatioM1(FieldElement.Zero, FieldElement.One).WasSquare);
    }

    private static (BigInteger, FieldElement) RandomElement(Random rng)
    {
        var bytes = new byte[32];
        rng.NextBytes(bytes);
        bytes[31] &= 0x7f;
        var value = new BigInteger(bytes, isUnsigned: true);
        return (value % P, FieldElement.FromBytes(bytes));
    }

    private static BigInteger ToBig(FieldElement element)
    {
        var bytes = new byte[32];
        element.ToBytes(bytes);
        return new BigInteger(bytes, isUnsigned: true);
    }
}
