using System.Numerics;

namespace Subtensor.Core.Arithmetic;

/// <summary>
/// 256-bit intermediate arithmetic for the 128-bit fixed-point types: full products, shifts with
/// overflow/inexact flags and shifted divisions. Magnitudes only; callers apply signs.
/// </summary>
internal static class WideArithmetic
{
    private static readonly UInt128 Low64Mask = ulong.MaxValue;

    /// <summary>Full 256-bit product <c>a × b = hi·2^128 + lo</c>.</summary>
    public static void Multiply(UInt128 a, UInt128 b, out UInt128 hi, out UInt128 lo)
    {
        ulong a0 = (ulong)a, a1 = (ulong)(a >> 64);
        ulong b0 = (ulong)b, b1 = (ulong)(b >> 64);
        if (a1 == 0 && b1 == 0)
        {
            hi = 0;
            lo = (UInt128)a0 * b0;
            return;
        }

        UInt128 p00 = (UInt128)a0 * b0;
        UInt128 p01 = (UInt128)a0 * b1;
        UInt128 p10 = (UInt128)a1 * b0;
        UInt128 p11 = (UInt128)a1 * b1;

        // middle column: (p00 >> 64) + low64(p01) + low64(p10) fits in 66 bits
        UInt128 middle = (p00 >> 64) + (p01 & Low64Mask) + (p10 & Low64Mask);
        lo = (p00 & Low64Mask) | (middle << 64);
        hi = p11 + (p01 >> 64) + (p10 >> 64) + (middle >> 64);
    }

    /// <summary>
    /// The low 128 bits of <c>(hi·2^128 + lo) >> shift</c> (0 ≤ shift &lt; 256); <paramref name="overflow"/> is set when
    /// the shifted value does not fit 128 bits, <paramref name="inexact"/> when non-zero bits were shifted out.
    /// </summary>
    public static UInt128 ShiftRight(UInt128 hi, UInt128 lo, int shift, out bool overflow, out bool inexact)
    {
        if (shift == 0)
        {
            overflow = hi != 0;
            inexact = false;
            return lo;
        }

        if (shift < 128)
        {
            inexact = (lo & ((UInt128.One << shift) - 1)) != 0;
            overflow = (hi >> shift) != 0;
            return (lo >> shift) | (hi << (128 - shift));
        }

        int s = shift - 128;
        inexact = lo != 0 || (s > 0 && (hi & ((UInt128.One << s) - 1)) != 0);
        overflow = false;
        return s == 0 ? hi : hi >> s;
    }

    /// <summary>
    /// Truncating <c>(a · 2^shift) / b</c> for b ≠ 0; returns the low 128 bits of the quotient and sets
    /// <paramref name="overflow"/> when the quotient needs more than 128 bits.
    /// </summary>
    public static UInt128 DivideShifted(UInt128 a, int shift, UInt128 b, out bool overflow)
    {
        if (shift == 0)
        {
            overflow = false;
            return a / b;
        }

        if ((a >> (128 - shift)) == 0)
        {
            overflow = false;
            return (a << shift) / b;
        }

        var q = ((BigInteger)a << shift) / (BigInteger)b;
        overflow = q > (BigInteger)UInt128.MaxValue;
        return (UInt128)(q & (BigInteger)UInt128.MaxValue);
    }

    /// <summary>Magnitude of a signed 128-bit value (2^127 for <see cref="Int128.MinValue"/>).</summary>
    public static UInt128 Magnitude(Int128 value) => value < 0 ? (UInt128)0 - (UInt128)value : (UInt128)value;

    /// <summary>
    /// Two's-complement value of <c>±magnitude</c> reduced to 128 bits, with <paramref name="overflow"/> set when the
    /// exact value (whose magnitude may already exceed 128 bits, flagged by <paramref name="magnitudeOverflow"/>) lies
    /// outside the Int128 range.
    /// </summary>
    public static Int128 ApplySign(bool negative, UInt128 magnitude, bool magnitudeOverflow, out bool overflow)
    {
        UInt128 limit = negative ? (UInt128)1 << 127 : ((UInt128)1 << 127) - 1;
        overflow = magnitudeOverflow || magnitude > limit;
        return negative ? (Int128)((UInt128)0 - magnitude) : (Int128)magnitude;
    }
}
