using System.Collections.Concurrent;
using System.Numerics;

namespace Subtensor.Core.Arithmetic;

/// <summary>
/// <c>SafeInt::pow_ratio_scaled</c> of the <c>safe-bigmath</c> crate (v0.4.1, rev 013c4998), which the Balancer
/// swap uses for its weight powers: <c>floor(scale · (bn/bd)^(en/ed))</c> by an exact integer root when the reduced
/// exponent has numerator and denominator ≤ 1024, otherwise by the crate's fixed-point ln/exp series with 24 guard
/// bits, reproduced step by step (same truncations, same stopping rules) so results are bit-identical.
/// </summary>
public static class RationalPower
{
    private const uint MaxExactExponent = 1_024;
    private const int DefaultMaxIterations = 4_096;
    private const int GuardBits = 24;

    private static readonly BigInteger GuardFactor = BigInteger.One << GuardBits;
    private static readonly BigInteger HalfGuard = BigInteger.One << (GuardBits - 1);
    private static readonly ConcurrentDictionary<(int Precision, int MaxIterations), BigInteger> LnTwoCache = new();

    /// <summary>
    /// <c>pow_ratio_scaled(base_num, base_den, exp_num, exp_den, precision, scale)</c>; null where the crate returns
    /// <c>None</c> (a zero denominator, a negative base, exponent or scale).
    /// </summary>
    public static BigInteger? PowRatioScaled(
        BigInteger baseNumerator,
        BigInteger baseDenominator,
        BigInteger exponentNumerator,
        BigInteger exponentDenominator,
        uint precision,
        BigInteger scale)
    {
        if (baseDenominator.IsZero || exponentDenominator.IsZero)
        {
            return null;
        }

        if (baseNumerator.IsZero)
        {
            return BigInteger.Zero;
        }

        if (scale.Sign < 0 || baseNumerator.Sign < 0 || baseDenominator.Sign < 0 || exponentNumerator.Sign < 0 || exponentDenominator.Sign < 0)
        {
            return null;
        }

        if (exponentNumerator.IsZero)
        {
            return scale;
        }

        var g = BigInteger.GreatestCommonDivisor(exponentNumerator, exponentDenominator);
        if (g > BigInteger.One)
        {
            exponentNumerator /= g;
            exponentDenominator /= g;
        }

        if (exponentNumerator <= MaxExactExponent && exponentDenominator <= MaxExactExponent)
        {
            int en = (int)exponentNumerator;
            int ed = (int)exponentDenominator;
            var targetNumerator = BigInteger.Pow(baseNumerator, en) * BigInteger.Pow(scale, ed);
            var targetDenominator = BigInteger.Pow(baseDenominator, en);
            return FloorRoot(targetNumerator / targetDenominator, ed);
        }

        return LogExpPath(baseNumerator, baseDenominator, exponentNumerator, exponentDenominator, precision, scale);
    }

    /// <summary>floor(m^(1/q)) for m ≥ 0, q ≥ 1 (the crate's bisection finds the same integer).</summary>
    internal static BigInteger FloorRoot(BigInteger m, int q)
    {
        if (q == 1 || m.IsZero || m.IsOne)
        {
            return m;
        }

        // Newton's iteration from an over-estimate converges monotonically down to the floor root.
        long bits = (long)m.GetBitLength();
        var x = BigInteger.One << (int)((bits + q - 1) / q);
        while (true)
        {
            var next = (((q - 1) * x) + (m / BigInteger.Pow(x, q - 1))) / q;
            if (next >= x)
            {
                break;
            }

            x = next;
        }

        while (BigInteger.Pow(x, q) > m)
        {
            x -= 1;
        }

        while (BigInteger.Pow(x + 1, q) <= m)
        {
            x += 1;
        }

        return x;
    }

    private static BigInteger LogExpPath(
        BigInteger baseNumerator,
        BigInteger baseDenominator,
        BigInteger exponentNumerator,
        BigInteger exponentDenominator,
        uint precision,
        BigInteger scale)
    {
        long scaleBits = (long)scale.GetBitLength();
        int requested = (int)Math.Max(Math.Max(precision, 32u), Math.Min(scaleBits + 8, uint.MaxValue));
        int internalPrecision = requested + GuardBits;
        int maxIterations = Math.Max(Math.Min(DefaultMaxIterations, internalPrecision + 128), 1);

        var lnTwo = LnTwoCache.GetOrAdd((internalPrecision, maxIterations), static key =>
            -Ln1p(-(BigInteger.One << (key.Precision - 1)), key.Precision, key.MaxIterations));

        var lnNumerator = LnInteger(baseNumerator, internalPrecision, lnTwo, maxIterations);
        var lnDenominator = LnInteger(baseDenominator, internalPrecision, lnTwo, maxIterations);
        var lnScaled = FloorDiv((lnNumerator - lnDenominator) * exponentNumerator, exponentDenominator);
        var expFixed = Exp(lnScaled, internalPrecision, maxIterations);
        var expRequested = RoundToPrecision(expFixed);
        return (expRequested * scale) >> requested; // div_floor by 2^requested
    }

    /// <summary>The crate's <c>ln1p_fixed</c>: alternating series for ln(1 + x), x in fixed point with 2^shift scale.</summary>
    private static BigInteger Ln1p(BigInteger x, int scaleShift, int maxIterations)
    {
        // |x| ≤ scale/2 keeps every term and partial sum below 2^(shift+1): run in fixed-size limbs
        if (BigInteger.Abs(x) <= BigInteger.One << (scaleShift - 1) && LimbMath.SupportsDivisor(Math.Max(2, maxIterations)))
        {
            return Ln1pLimbs(x, scaleShift, maxIterations);
        }

        return Ln1pBig(x, scaleShift, maxIterations);
    }

    /// <summary><see cref="Ln1p"/> in arbitrary precision (reference form).</summary>
    internal static BigInteger Ln1pBig(BigInteger x, int scaleShift, int maxIterations)
    {
        var term = x;
        var result = term;
        var previousRounded = RoundToPrecision(result);
        for (int n = 2; n <= maxIterations; n++)
        {
            term = (term * x) >> scaleShift;
            if (term.IsZero)
            {
                break;
            }

            var next = FloorDiv(term, n);
            if (next.IsZero)
            {
                break;
            }

            if (n % 2 == 0)
            {
                result -= next;
            }
            else
            {
                result += next;
            }

            var rounded = RoundToPrecision(result);
            if (BigInteger.Abs(next) < GuardFactor || rounded == previousRounded)
            {
                break;
            }

            previousRounded = rounded;
        }

        return result;
    }

    /// <summary>
    /// <see cref="Ln1p"/> with sign-magnitude limb arithmetic: the same floor divisions (product by 2^shift, term by n),
    /// the same rounding to the requested precision and the same stopping rules.
    /// </summary>
    internal static BigInteger Ln1pLimbs(BigInteger x, int scaleShift, int maxIterations)
    {
        int limbs = (scaleShift >> 6) + 2;
        Span<ulong> xMag = stackalloc ulong[limbs];
        Span<ulong> term = stackalloc ulong[limbs];
        Span<ulong> next = stackalloc ulong[limbs];
        Span<ulong> result = stackalloc ulong[limbs];
        Span<ulong> scratch = stackalloc ulong[limbs];
        Span<ulong> rounded = stackalloc ulong[limbs];
        Span<ulong> previous = stackalloc ulong[limbs];
        Span<ulong> product = stackalloc ulong[2 * limbs];

        bool xNegative = x.Sign < 0;
        ToLimbs(BigInteger.Abs(x), xMag);
        xMag.CopyTo(term);
        xMag.CopyTo(result);
        bool termNegative = xNegative, resultNegative = xNegative;
        bool previousNegative = RoundLimbs(result, resultNegative, previous, scratch);
        for (int n = 2; n <= maxIterations; n++)
        {
            // term = floor(term · x / 2^shift)
            LimbMath.Multiply(term, xMag, product);
            bool productNegative = termNegative != xNegative;
            bool inexact = LimbMath.ShiftRight(product, scaleShift, term);
            if (productNegative && inexact)
            {
                LimbMath.AddOne(term);
            }

            if (LimbMath.IsZero(term))
            {
                break;
            }

            termNegative = productNegative;

            // next = floor(term / n)
            ulong remainder = LimbMath.DivideSmall(term, n, next);
            if (termNegative && remainder != 0)
            {
                LimbMath.AddOne(next);
            }

            if (LimbMath.IsZero(next))
            {
                break;
            }

            // result −= next (n even) or += next (n odd)
            bool nextNegative = termNegative != (n % 2 == 0);
            if (nextNegative == resultNegative)
            {
                LimbMath.Add(result, next, result);
            }
            else if (LimbMath.Compare(result, next) >= 0)
            {
                LimbMath.Subtract(result, next, result);
            }
            else
            {
                LimbMath.Subtract(next, result, result);
                resultNegative = nextNegative;
            }

            if (LimbMath.IsZero(result))
            {
                resultNegative = false;
            }

            bool roundedNegative = RoundLimbs(result, resultNegative, rounded, scratch);
            if (LimbMath.LessThanPow2(next, GuardBits) || (roundedNegative == previousNegative && LimbMath.Compare(rounded, previous) == 0))
            {
                break;
            }

            rounded.CopyTo(previous);
            previousNegative = roundedNegative;
        }

        var magnitude = FromLimbs(result);
        return resultNegative ? -magnitude : magnitude;
    }

    /// <summary>round_to_precision on a sign-magnitude value: (|v| + 2^23) &gt;&gt; 24 with the sign kept (zero is non-negative).</summary>
    private static bool RoundLimbs(ReadOnlySpan<ulong> value, bool negative, Span<ulong> rounded, Span<ulong> scratch)
    {
        scratch.Clear();
        scratch[0] = 1UL << (GuardBits - 1);
        LimbMath.Add(value, scratch, scratch);
        LimbMath.ShiftRight(scratch, GuardBits, rounded);
        return negative && !LimbMath.IsZero(rounded);
    }

    private static void ToLimbs(BigInteger magnitude, Span<ulong> limbs)
    {
        limbs.Clear();
        var bytes = magnitude.ToByteArray(isUnsigned: true, isBigEndian: false);
        for (int i = 0; i < bytes.Length; i++)
        {
            limbs[i >> 3] |= (ulong)bytes[i] << ((i & 7) * 8);
        }
    }

    private static BigInteger FromLimbs(ReadOnlySpan<ulong> limbs)
    {
        var bytes = new byte[limbs.Length * 8];
        for (int i = 0; i < limbs.Length; i++)
        {
            System.Buffers.Binary.BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(i * 8), limbs[i]);
        }

        return new BigInteger(bytes, isUnsigned: true, isBigEndian: false);
    }

    /// <summary>The crate's <c>exp_fixed</c>: Taylor series for exp(x) in fixed point with 2^shift scale.</summary>
    private static BigInteger Exp(BigInteger x, int scaleShift, int maxIterations)
    {
        // |x| ≤ 1 keeps every term below the scale and the sum below e·scale: run in fixed-size limbs
        if (BigInteger.Abs(x) <= BigInteger.One << scaleShift && LimbMath.SupportsDivisor(Math.Max(2, maxIterations)))
        {
            return ExpLimbs(x, scaleShift, maxIterations);
        }

        return ExpBig(x, scaleShift, maxIterations);
    }

    /// <summary><see cref="Exp"/> in arbitrary precision (reference form).</summary>
    internal static BigInteger ExpBig(BigInteger x, int scaleShift, int maxIterations)
    {
        var term = BigInteger.One << scaleShift;
        var result = term;
        var previousRounded = RoundToPrecision(result);
        for (int n = 1; n <= maxIterations; n++)
        {
            // div_floor by scale·n = floor(floor(v / scale) / n)
            term = FloorDiv((term * x) >> scaleShift, n);
            if (term.IsZero)
            {
                break;
            }

            result += term;
            var rounded = RoundToPrecision(result);
            if (BigInteger.Abs(term) < GuardFactor || rounded == previousRounded)
            {
                break;
            }

            previousRounded = rounded;
        }

        return result;
    }

    /// <summary><see cref="Exp"/> with sign-magnitude limb arithmetic (same floors, rounding and stopping rules).</summary>
    internal static BigInteger ExpLimbs(BigInteger x, int scaleShift, int maxIterations)
    {
        int limbs = (scaleShift >> 6) + 2;
        Span<ulong> xMag = stackalloc ulong[limbs];
        Span<ulong> term = stackalloc ulong[limbs];
        Span<ulong> shifted = stackalloc ulong[limbs];
        Span<ulong> result = stackalloc ulong[limbs];
        Span<ulong> scratch = stackalloc ulong[limbs];
        Span<ulong> rounded = stackalloc ulong[limbs];
        Span<ulong> previous = stackalloc ulong[limbs];
        Span<ulong> product = stackalloc ulong[2 * limbs];

        bool xNegative = x.Sign < 0;
        ToLimbs(BigInteger.Abs(x), xMag);
        term.Clear();
        term[scaleShift >> 6] = 1UL << (scaleShift & 63);
        term.CopyTo(result);
        bool termNegative = false, resultNegative = false;
        bool previousNegative = RoundLimbs(result, resultNegative, previous, scratch);
        for (int n = 1; n <= maxIterations; n++)
        {
            // term = floor(floor(term · x / 2^shift) / n)
            LimbMath.Multiply(term, xMag, product);
            bool productNegative = termNegative != xNegative;
            bool inexact = LimbMath.ShiftRight(product, scaleShift, shifted);
            if (productNegative && inexact)
            {
                LimbMath.AddOne(shifted);
            }

            ulong remainder = n == 1 ? 0UL : LimbMath.DivideSmall(shifted, n, term);
            if (n == 1)
            {
                shifted.CopyTo(term);
            }

            if (productNegative && remainder != 0)
            {
                LimbMath.AddOne(term);
            }

            if (LimbMath.IsZero(term))
            {
                break;
            }

            termNegative = productNegative;

            // result += term
            if (termNegative == resultNegative)
            {
                LimbMath.Add(result, term, result);
            }
            else if (LimbMath.Compare(result, term) >= 0)
            {
                LimbMath.Subtract(result, term, result);
            }
            else
            {
                LimbMath.Subtract(term, result, result);
                resultNegative = termNegative;
            }

            if (LimbMath.IsZero(result))
            {
                resultNegative = false;
            }

            bool roundedNegative = RoundLimbs(result, resultNegative, rounded, scratch);
            if (LimbMath.LessThanPow2(term, GuardBits) || (roundedNegative == previousNegative && LimbMath.Compare(rounded, previous) == 0))
            {
                break;
            }

            rounded.CopyTo(previous);
            previousNegative = roundedNegative;
        }

        var magnitude = FromLimbs(result);
        return resultNegative ? -magnitude : magnitude;
    }

    /// <summary>The crate's <c>ln_biguint</c>: ln of a positive integer from a mantissa in [0.75, 1.5) plus k·ln 2.</summary>
    private static BigInteger LnInteger(BigInteger value, int internalPrecision, BigInteger lnTwo, int maxIterations)
    {
        long shift = Math.Max((long)value.GetBitLength() - 1, 0);
        var mantissa = (value << internalPrecision) >> (int)shift;
        var internalScale = BigInteger.One << internalPrecision;
        if (mantissa >= internalScale + (internalScale >> 1))
        {
            mantissa >>= 1;
            shift += 1;
        }

        return Ln1p(mantissa - internalScale, internalPrecision, maxIterations) + (lnTwo * shift);
    }

    /// <summary>The crate's <c>round_to_precision</c>: drop the guard bits, rounding half away from zero.</summary>
    private static BigInteger RoundToPrecision(BigInteger value) =>
        value.Sign < 0 ? -((-value + HalfGuard) >> GuardBits) : (value + HalfGuard) >> GuardBits;

    private static BigInteger FloorDiv(BigInteger a, BigInteger b)
    {
        var q = BigInteger.DivRem(a, b, out var r);
        return !r.IsZero && (r.Sign != b.Sign) ? q - 1 : q;
    }
}
