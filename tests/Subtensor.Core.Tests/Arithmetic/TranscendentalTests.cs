using System.Numerics;
using Subtensor.Core.Arithmetic;

namespace Subtensor.Core.Tests.Arithmetic;

/// <summary>
/// <see cref="Transcendental"/> against a direct transcription of substrate-fixed's series on
/// <see cref="FixedReference"/> integers, plus known values and accuracy bounds.
/// </summary>
public sealed class TranscendentalTests
{
    private const int ConstFrac = 23;

    [Fact]
    public void Crate_constants_are_cut_from_the_128_bit_values()
    {
        // e = 2.718281828…, log2(e) = 1.442695040… in I9F23 (floor of the U2F126/U1F127 constants)
        Assert.Equal(22_802_600, Transcendental.EI9F23Bits);
        Assert.Equal(12_102_203, Transcendental.Log2EI9F23Bits);
        Assert.Equal((BigInteger)22_802_600 << 9, Transcendental.Exp(I32F32.One)!.Value.RawBits);
    }

    [Fact]
    public void Exp_of_zero_is_one_and_log2_of_powers_of_two_is_exact()
    {
        Assert.Equal(I32F32.One, Transcendental.Exp(I32F32.Zero));
        Assert.Equal(I96F32.One, Transcendental.Exp(I96F32.Zero));
        for (int k = 0; k < 60; k++)
        {
            var x = I96F32.SaturatingFromNum((Int128)1 << k);
            Assert.Equal(I96F32.FromInt(k), Transcendental.Log2(x));
        }

        Assert.Equal(-I32F32.FromInt(3), Transcendental.Log2(I32F32.FromBits(1L << 29)));
        Assert.Null(Transcendental.Log2(I32F32.Zero));
        Assert.Null(Transcendental.Log2(-I32F32.One));
        Assert.Null(Transcendental.Ln(-I64F64.One));
    }

    [Fact]
    public void Exp_matches_the_series_transcription_for_I32F32() => CompareExp<I32F32>(1, 3000);

    [Fact]
    public void Exp_matches_the_series_transcription_for_I64F64() => CompareExp<I64F64>(2, 1500);

    [Fact]
    public void Exp_matches_the_series_transcription_for_I96F32() => CompareExp<I96F32>(3, 1500);

    [Fact]
    public void Log2_and_ln_match_the_transcription_for_I32F32() => CompareLog<I32F32>(4, 3000);

    [Fact]
    public void Log2_and_ln_match_the_transcription_for_I64F64() => CompareLog<I64F64>(5, 1500);

    [Fact]
    public void Log2_and_ln_match_the_transcription_for_I96F32() => CompareLog<I96F32>(6, 1500);

    [Fact]
    public void Pow_matches_exp_of_ln_times_exponent()
    {
        var random = new Random(7);
        var r = FixedReference.Of<I64F64>();
        for (int i = 0; i < 500; i++)
        {
            var x = I64F64.FromBits(((Int128)random.NextInt64(1, long.MaxValue) << 2) >> random.Next(0, 40));
            var y = I64F64.FromBits((Int128)random.NextInt64(-(1L << 62), 1L << 62) >> random.Next(0, 60));
            var ln = RefLn(r, x.RawBits);
            BigInteger? expected = x == I64F64.Zero ? BigInteger.Zero
                : y == I64F64.Zero ? r.Rescale(1, 0)
                : y == I64F64.One ? x.RawBits
                : ln is null ? null
                : r.Fits(r.ExactMul(ln.Value, y.RawBits)) ? RefExp(r, r.ExactMul(ln.Value, y.RawBits)) : null;
            Assert.Equal(expected, Transcendental.Pow(x, y)?.RawBits);
        }
    }

    [Fact]
    public void Exp_and_ln_are_accurate_to_their_design_precision()
    {
        // floor(e^2 · 2^64) and floor(ln(10) · 2^64) from 60-digit decimal arithmetic
        var e2 = Transcendental.Exp(I64F64.FromInt(2))!.Value.RawBits;
        Assert.InRange(e2 - BigInteger.Parse("136304026803256390412"), -1000, 1000);

        // the I9F23 log2(e) constant limits ln to ~2^-24 relative precision
        var ln10 = Transcendental.Ln(I64F64.FromInt(10))!.Value.RawBits;
        var expected = BigInteger.Parse("42475197918399869019");
        Assert.True(BigInteger.Abs(ln10 - expected) < expected >> 22);
    }

    private static void CompareExp<T>(int seed, int count)
        where T : struct, ISignedFixedPoint<T>
    {
        var r = FixedReference.Of<T>();
        var random = new Random(seed);
        var one = BigInteger.One << r.FracBits;
        foreach (var raw in r.Samples(random, count).Concat(NearbyValues(r, random, count)))
        {
            var x = FixedReference.Make<T>(raw);
            Assert.Equal(RefExp(r, raw), Transcendental.Exp(x)?.RawBits);
        }

        Assert.Equal(RefExp(r, -one), Transcendental.Exp(-T.One)?.RawBits);
    }

    private static void CompareLog<T>(int seed, int count)
        where T : struct, ISignedFixedPoint<T>
    {
        var r = FixedReference.Of<T>();
        var random = new Random(seed);
        foreach (var raw in r.Samples(random, count).Concat(NearbyValues(r, random, count)))
        {
            var x = FixedReference.Make<T>(raw);
            Assert.Equal(RefLog2(r, raw), Transcendental.Log2(x)?.RawBits);
            Assert.Equal(RefLn(r, raw), Transcendental.Ln(x)?.RawBits);
        }
    }

    /// <summary>Values in [−25, 25] where the series does not overflow.</summary>
    private static IEnumerable<BigInteger> NearbyValues(FixedReference r, Random random, int count)
    {
        var one = BigInteger.One << r.FracBits;
        for (int i = 0; i < count; i++)
        {
            var frac = new BigInteger(random.NextInt64()) % one;
            yield return (random.Next(-25, 26) * one) + frac;
        }
    }

    private static BigInteger Const(FixedReference r, int i9f23) => (BigInteger)i9f23 << (r.FracBits - ConstFrac);

    // --- direct transcription of substrate_fixed::transcendental on reference integers ---

    private static BigInteger? RefExp(FixedReference r, BigInteger x)
    {
        var one = BigInteger.One << r.FracBits;
        if (x.IsZero)
        {
            return one;
        }

        if (x == one)
        {
            return Const(r, Transcendental.EI9F23Bits);
        }

        bool negative = x.Sign < 0;
        if (negative)
        {
            if (!r.Fits(-x))
            {
                return null;
            }

            x = -x;
        }

        var result = x + one;
        if (!r.Fits(result))
        {
            return null;
        }

        var term = x;
        for (int i = 2; i < r.FracBits; i++)
        {
            term = r.ExactMul(term, x);
            if (!r.Fits(term))
            {
                return null;
            }

            term = r.ExactDiv(term, (BigInteger)i << r.FracBits);
            if (!r.Fits(term))
            {
                return null;
            }

            result += term;
            if (!r.Fits(result))
            {
                return null;
            }
        }

        if (negative)
        {
            if (result.IsZero)
            {
                return null;
            }

            var inverse = r.ExactDiv(one, result);
            return r.Fits(inverse) ? inverse : null;
        }

        return result;
    }

    private static BigInteger? RefLog2(FixedReference r, BigInteger x)
    {
        var one = BigInteger.One << r.FracBits;
        if (x.Sign <= 0)
        {
            return null;
        }

        if (x < one)
        {
            var inverse = r.ExactDiv(one, x);
            return r.Fits(inverse) ? r.Wrap(-RefLog2Inner(r, inverse)) : null;
        }

        return RefLog2Inner(r, x);
    }

    private static BigInteger RefLog2Inner(FixedReference r, BigInteger x)
    {
        var one = BigInteger.One << r.FracBits;
        var two = one * 2;
        BigInteger result = 0;
        while (x >= two)
        {
            result += 1;
            x = (x >> 1) + (x & 1);
        }

        if (x == one)
        {
            return result << r.FracBits;
        }

        for (int i = 0; i < r.FracBits; i++)
        {
            x = r.Wrap(r.ExactMul(x, x));
            result <<= 1;
            if (x >= two)
            {
                result |= 1;
                x = (x >> 1) + (x & 1);
            }
        }

        return result;
    }

    private static BigInteger? RefLn(FixedReference r, BigInteger x)
    {
        var log2 = RefLog2(r, x);
        return log2 is null ? null : r.Wrap(r.ExactDiv(log2.Value, Const(r, Transcendental.Log2EI9F23Bits)));
    }
}
