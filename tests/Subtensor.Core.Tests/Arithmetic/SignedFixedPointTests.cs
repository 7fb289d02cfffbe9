using System.Numerics;
using Subtensor.Core.Arithmetic;

namespace Subtensor.Core.Tests.Arithmetic;

/// <summary>Negation and the type-specific conversion helpers, against the reference.</summary>
public sealed class SignedFixedPointTests
{
    [Fact]
    public void Negation_wraps_checks_and_saturates()
    {
        CheckNegation<I32F32>();
        CheckNegation<I64F64>();
        CheckNegation<I96F32>();
        CheckNegation<I110F18>();
    }

    [Fact]
    public void I32F32_integer_helpers_match_the_generic_conversions()
    {
        var random = new Random(41);
        for (int i = 0; i < 5000; i++)
        {
            long v = random.NextInt64() >> random.Next(0, 63);
            if (random.Next(2) == 0)
            {
                v = -v;
            }

            Assert.Equal(FixedPoint.SaturatingFromInt128<I32F32>(v), I32F32.SaturatingFromNum(v));
            Assert.Equal(FixedPoint.SaturatingFromUInt128<I32F32>((ulong)v), I32F32.SaturatingFromNum((ulong)v));
            var x = I32F32.FromBits(v);
            Assert.Equal(FixedPoint.SaturatingToI64(x), x.SaturatingToI64());
            Assert.Equal(FixedPoint.SaturatingToU64(x), x.SaturatingToU64());
        }

        Assert.Throws<OverflowException>(() => I32F32.FromInt(1L << 31));
        Assert.Equal(I32F32.MinValue, I32F32.FromInt(int.MinValue));
    }

    [Fact]
    public void Decimal_display_is_exact()
    {
        Assert.Equal("0.5", I32F32.FromBits(1L << 31).ToString());
        Assert.Equal("-1.25", (-I64F64.FromBits((Int128)5 << 62)).ToString());
        Assert.Equal("0.00000000023283064365386962890625", I32F32.Delta.ToString());
        Assert.Equal("65535", U96F32.SaturatingFromNum(65535UL).ToString());
    }

    private static void CheckNegation<T>()
        where T : struct, ISignedFixedPoint<T>
    {
        var r = FixedReference.Of<T>();
        foreach (var a in r.Samples(new Random(42), 2000))
        {
            var x = FixedReference.Make<T>(a);
            Assert.Equal(r.Wrap(-a), (-x).RawBits);
            Assert.Equal(r.Fits(-a) ? -a : null, x.CheckedNeg()?.RawBits);
        }

        Assert.Null(T.MinValue.CheckedNeg());
        Assert.Equal(T.MinValue, -T.MinValue);
        Assert.Equal(BigInteger.Zero, (-T.Zero).RawBits);
    }
}
