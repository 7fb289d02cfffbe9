using System.Numerics;
using Subtensor.Core.Arithmetic;
using Subtensor.Core.Scale;

namespace Subtensor.Core.Tests.Arithmetic;

/// <summary>
/// Every fixed-point operation against <see cref="FixedReference"/> (BigInteger) on thousands of random raw values,
/// including extremes and negative values.
/// </summary>
public abstract class FixedPointPropertyTests<T>
    where T : struct, IFixedPoint<T>
{
    private const int Samples = 4000;

    private static readonly FixedReference Ref = FixedReference.Of<T>();

    private static List<BigInteger> Values(int seed) => Ref.Samples(new Random(seed), Samples).ToList();

    private static IEnumerable<(BigInteger A, BigInteger B)> Pairs(int seed)
    {
        var values = Values(seed);
        var random = new Random(seed + 1);
        for (int i = 0; i < Samples; i++)
        {
            yield return (values[random.Next(values.Count)], values[random.Next(values.Count)]);
        }

        foreach (var a in values.Take(14))
        {
            foreach (var b in values.Take(14))
            {
                yield return (a, b);
            }
        }
    }

    [Fact]
    public void Addition_and_subtraction_wrap_saturate_and_check_like_the_reference()
    {
        foreach (var (a, b) in Pairs(11))
        {
            T x = FixedReference.Make<T>(a), y = FixedReference.Make<T>(b);
            var sum = a + b;
            Assert.Equal(Ref.Wrap(sum), (x + y).RawBits);
            Assert.Equal(Ref.Saturate(sum), x.SaturatingAdd(y).RawBits);
            Assert.Equal(Ref.Fits(sum) ? sum : null, x.CheckedAdd(y)?.RawBits);

            var diff = a - b;
            Assert.Equal(Ref.Wrap(diff), (x - y).RawBits);
            Assert.Equal(Ref.Saturate(diff), x.SaturatingSub(y).RawBits);
            Assert.Equal(Ref.Fits(diff) ? diff : null, x.CheckedSub(y)?.RawBits);
        }
    }

    [Fact]
    public void Multiplication_floors_and_wraps_saturates_or_checks_on_overflow()
    {
        foreach (var (a, b) in Pairs(12))
        {
            T x = FixedReference.Make<T>(a), y = FixedReference.Make<T>(b);
            var exact = Ref.ExactMul(a, b);
            Assert.Equal(Ref.Wrap(exact), (x * y).RawBits);
            Assert.Equal(Ref.Fits(exact) ? exact : null, x.CheckedMul(y)?.RawBits);
            var saturated = Ref.Fits(exact) ? exact : ((a.Sign < 0) != (b.Sign < 0) ? Ref.Min : Ref.Max);
            Assert.Equal(saturated, x.SaturatingMul(y).RawBits);
        }
    }

    [Fact]
    public void Division_truncates_and_safe_div_returns_zero_on_zero_divisor_or_overflow()
    {
        foreach (var (a, b) in Pairs(13))
        {
            T x = FixedReference.Make<T>(a), y = FixedReference.Make<T>(b);
            if (b.IsZero)
            {
                Assert.Null(x.CheckedDiv(y));
                Assert.Equal(T.Zero, x.SafeDiv(y));
                Assert.Equal(T.One, x.SafeDivOr(y, T.One));
                Assert.Throws<DivideByZeroException>(() => x / y);
                Assert.Throws<DivideByZeroException>(() => x.SaturatingDiv(y));
                continue;
            }

            var exact = Ref.ExactDiv(a, b);
            Assert.Equal(Ref.Wrap(exact), (x / y).RawBits);
            Assert.Equal(Ref.Fits(exact) ? exact : null, x.CheckedDiv(y)?.RawBits);
            Assert.Equal(Ref.Fits(exact) ? exact : BigInteger.Zero, x.SafeDiv(y).RawBits);
            var saturated = Ref.Fits(exact) ? exact : ((a.Sign < 0) != (b.Sign < 0) ? Ref.Min : Ref.Max);
            Assert.Equal(saturated, x.SaturatingDiv(y).RawBits);
        }
    }

    [Fact]
    public void Comparison_follows_the_raw_bits()
    {
        foreach (var (a, b) in Pairs(14))
        {
            T x = FixedReference.Make<T>(a), y = FixedReference.Make<T>(b);
            Assert.Equal(a.CompareTo(b), Math.Sign(x.CompareTo(y)));
            Assert.Equal(a < b, x < y);
            Assert.Equal(a <= b, x <= y);
            Assert.Equal(a == b, x == y);
            Assert.Equal(a == b, x.Equals(y));
        }
    }

    [Fact]
    public void Floor_round_and_integer_conversions_match_the_reference()
    {
        var one = BigInteger.One << Ref.FracBits;
        var half = one >> 1;
        foreach (var a in Values(15))
        {
            var x = FixedReference.Make<T>(a);
            var floor = FixedReference.FloorDiv(a, one);
            Assert.Equal(Ref.Wrap(floor * one), x.Floor().RawBits);

            // round: ties away from zero
            var frac = a - (floor * one);
            var rounded = frac < half ? floor : (frac == half && a.Sign < 0 ? floor : floor + 1);
            Assert.Equal(Ref.Wrap(rounded * one), x.Round().RawBits);

            Assert.Equal((ulong)BigInteger.Clamp(floor, 0, ulong.MaxValue), x.SaturatingToU64());
            Assert.Equal((ulong)BigInteger.Clamp(floor, 0, ulong.MaxValue), FixedPoint.SaturatingToU64(x));
            Assert.Equal((ushort)BigInteger.Clamp(floor, 0, ushort.MaxValue), x.SaturatingToU16());
            Assert.Equal((long)BigInteger.Clamp(floor, long.MinValue, long.MaxValue), FixedPoint.SaturatingToI64(x));
            Assert.Equal((UInt128)BigInteger.Clamp(floor, 0, (BigInteger)UInt128.MaxValue), FixedPoint.SaturatingToU128(x));
            Assert.Equal(floor, FixedPoint.Floor(x));
        }
    }

    [Fact]
    public void Integers_convert_exactly_or_saturate()
    {
        var random = new Random(16);
        for (int i = 0; i < Samples; i++)
        {
            var bytes = new byte[17];
            random.NextBytes(bytes);
            var v = new BigInteger(bytes.AsSpan(0, 16), isUnsigned: false) >> random.Next(0, 127);
            var expected = Ref.Saturate(v << Ref.FracBits);
            Assert.Equal(expected, FixedPoint.SaturatingFromInt128<T>((Int128)v).RawBits);
            if (v.Sign >= 0)
            {
                Assert.Equal(expected, FixedPoint.SaturatingFromUInt128<T>((UInt128)v).RawBits);
            }
        }
    }

    [Fact]
    public void Conversion_to_every_other_type_floors_and_saturates()
    {
        foreach (var a in Values(17))
        {
            var x = FixedReference.Make<T>(a);
            CheckConversion<I32F32>(x, a);
            CheckConversion<I64F64>(x, a);
            CheckConversion<I96F32>(x, a);
            CheckConversion<I110F18>(x, a);
            CheckConversion<U64F64>(x, a);
            CheckConversion<U96F32>(x, a);
            CheckConversion<U110F18>(x, a);
        }
    }

    [Fact]
    public void Double_and_float_bits_round_to_nearest_ties_to_even()
    {
        var random = new Random(18);
        for (int i = 0; i < Samples; i++)
        {
            // random finite doubles across a wide exponent range, plus exact ties
            ulong exponent = (ulong)random.Next(1023 - 80, 1023 + 130);
            ulong mantissa = (ulong)random.NextInt64() & ((1UL << 52) - 1);
            ulong sign = random.Next(2) == 0 ? 0UL : 1UL << 63;
            ulong bits = sign | (exponent << 52) | mantissa;
            Assert.Equal(ReferenceFromDouble(bits), FixedPoint.SaturatingFromF64Bits<T>(bits).RawBits);

            uint fexp = (uint)random.Next(127 - 40, 127 + 60);
            uint fbits = (random.Next(2) == 0 ? 0u : 1u << 31) | (fexp << 23) | (uint)random.Next(1 << 23);
            Assert.Equal(ReferenceFromFloat(fbits), FixedPoint.SaturatingFromF32Bits<T>(fbits).RawBits);
        }

        Assert.Equal(T.MaxValue, FixedPoint.SaturatingFromF64Bits<T>(0x7FF0_0000_0000_0000UL));
        Assert.Equal(T.MinValue, FixedPoint.SaturatingFromF64Bits<T>(0xFFF0_0000_0000_0000UL));
        Assert.Throws<ArgumentException>(() => FixedPoint.SaturatingFromF64Bits<T>(0x7FF8_0000_0000_0000UL));
        Assert.Equal(T.One, FixedPoint.SaturatingFromF64Bits<T>(BitConverter.DoubleToUInt64Bits(1.0)));
    }

    [Fact]
    public void Scale_encodes_the_raw_bits_little_endian()
    {
        foreach (var a in Values(19).Take(500))
        {
            var x = FixedReference.Make<T>(a);
            var writer = new ScaleWriter();
            x.EncodeTo(writer);
            var bytes = writer.ToArray();
            Assert.Equal(Ref.TotalBits / 8, bytes.Length);
            Assert.Equal(a, new BigInteger(bytes, isUnsigned: !Ref.Signed, isBigEndian: false));
            var reader = new ScaleReader(bytes);
            Assert.Equal(x, T.DecodeFrom(ref reader));
            Assert.True(reader.IsAtEnd);
        }
    }

    private static void CheckConversion<TTo>(T x, BigInteger a)
        where TTo : struct, IFixedPoint<TTo>
    {
        var target = FixedReference.Of<TTo>();
        var exact = target.Rescale(a, Ref.FracBits);
        Assert.Equal(target.Saturate(exact), FixedPoint.SaturatingConvert<T, TTo>(x).RawBits);
        Assert.Equal(target.Fits(exact) ? exact : null, FixedPoint.CheckedConvert<T, TTo>(x)?.RawBits);
    }

    private static BigInteger ReferenceFromDouble(ulong bits)
    {
        bool negative = (bits >> 63) != 0;
        int exponent = (int)((bits >> 52) & 0x7FF);
        var m = (BigInteger)((bits & ((1UL << 52) - 1)) | (exponent == 0 ? 0 : 1UL << 52));
        int e = exponent == 0 ? -1074 : exponent - 1075;
        return RoundHalfEven(negative, m, e);
    }

    private static BigInteger ReferenceFromFloat(uint bits)
    {
        bool negative = (bits >> 31) != 0;
        int exponent = (int)((bits >> 23) & 0xFF);
        var m = (BigInteger)((bits & ((1u << 23) - 1)) | (exponent == 0 ? 0 : 1u << 23));
        int e = exponent == 0 ? -149 : exponent - 150;
        return RoundHalfEven(negative, m, e);
    }

    private static BigInteger RoundHalfEven(bool negative, BigInteger m, int e)
    {
        int shift = e + Ref.FracBits;
        BigInteger magnitude;
        if (shift >= 0)
        {
            magnitude = m << shift;
        }
        else
        {
            var divisor = BigInteger.One << -shift;
            magnitude = BigInteger.DivRem(m, divisor, out var rem);
            var twice = rem * 2;
            if (twice > divisor || (twice == divisor && !magnitude.IsEven))
            {
                magnitude += 1;
            }
        }

        return Ref.Saturate(negative ? -magnitude : magnitude);
    }
}
