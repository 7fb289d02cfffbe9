using System.Numerics;
using Subtensor.Core.Arithmetic;

namespace Subtensor.Core.Tests.Arithmetic;

/// <summary>
/// Reference semantics of substrate-fixed in plain arbitrary-precision integers: values are raw integers of a given
/// width; products floor, quotients truncate, plain operators wrap, saturating clamps.
/// </summary>
internal sealed record FixedReference(int TotalBits, int FracBits, bool Signed)
{
    public static FixedReference Of<T>()
        where T : struct, IFixedPoint<T>
        => new(T.TotalBits, T.FracBits, T.IsSigned);

    public BigInteger Min => Signed ? -(BigInteger.One << (TotalBits - 1)) : BigInteger.Zero;

    public BigInteger Max => Signed ? (BigInteger.One << (TotalBits - 1)) - 1 : (BigInteger.One << TotalBits) - 1;

    public bool Fits(BigInteger raw) => raw >= Min && raw <= Max;

    public BigInteger Wrap(BigInteger raw)
    {
        var modulus = BigInteger.One << TotalBits;
        var r = BigInteger.Remainder(raw, modulus);
        if (r.Sign < 0)
        {
            r += modulus;
        }

        return Signed && r > Max ? r - modulus : r;
    }

    public BigInteger Saturate(BigInteger raw) => raw < Min ? Min : raw > Max ? Max : raw;

    public static BigInteger FloorDiv(BigInteger a, BigInteger b)
    {
        var q = BigInteger.DivRem(a, b, out var r);
        return !r.IsZero && (r.Sign != b.Sign) ? q - 1 : q;
    }

    public BigInteger ExactMul(BigInteger a, BigInteger b) => FloorDiv(a * b, BigInteger.One << FracBits);

    public BigInteger ExactDiv(BigInteger a, BigInteger b) => BigInteger.Divide(a << FracBits, b); // truncates toward zero

    /// <summary>Rescale raw bits from <paramref name="fromFrac"/> fractional bits, discarding extra bits (floor).</summary>
    public BigInteger Rescale(BigInteger raw, int fromFrac) =>
        FracBits >= fromFrac ? raw << (FracBits - fromFrac) : FloorDiv(raw, BigInteger.One << (fromFrac - FracBits));

    public static T Make<T>(BigInteger raw)
        where T : struct, IFixedPoint<T>
    {
        var value = T.FromSignMagnitude(raw.Sign < 0, (UInt128)BigInteger.Abs(raw), false, out var overflow);
        Assert.False(overflow, $"{raw} does not fit {typeof(T).Name}");
        return value;
    }

    /// <summary>Random raw values: extremes, small values, values around ±1 and random bit lengths of both signs.</summary>
    public IEnumerable<BigInteger> Samples(Random random, int count)
    {
        var one = BigInteger.One << FracBits;
        BigInteger[] fixedSamples =
        [
            BigInteger.Zero, BigInteger.One, Max, Min, Max - 1, one, one + 1, one - 1, one * 2, one / 2,
            Signed ? -BigInteger.One : 2, Signed ? -one : 3, Signed ? Min + 1 : Max / 2, (Max >> 1) + 1,
        ];
        foreach (var s in fixedSamples)
        {
            yield return s;
        }

        var bytes = new byte[(TotalBits / 8) + 1];
        for (int i = 0; i < count; i++)
        {
            int bits = random.Next(0, TotalBits + 1);
            random.NextBytes(bytes);
            bytes[^1] = 0;
            var v = new BigInteger(bytes) & ((BigInteger.One << bits) - 1);
            if (i % 7 == 0)
            {
                v = one + random.Next(-1000, 1000); // around 1.0
            }

            if (Signed && random.Next(2) == 0)
            {
                v = -v;
            }

            yield return Saturate(v);
        }
    }
}
