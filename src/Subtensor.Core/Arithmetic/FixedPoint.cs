using System.Globalization;
using System.Numerics;
using System.Text;

namespace Subtensor.Core.Arithmetic;

/// <summary>
/// Conversions shared by all fixed-point types, following <c>substrate-fixed</c> v0.6.0: fixed→fixed and fixed→integer
/// discard extra fractional bits (round toward −∞), float→fixed rounds to nearest with ties to even,
/// <c>saturating_*</c> clamp to the target range.
/// </summary>
public static class FixedPoint
{
    /// <summary><c>TTo::saturating_from_num(x)</c> for a fixed-point <paramref name="value"/>.</summary>
    public static TTo SaturatingConvert<TFrom, TTo>(TFrom value)
        where TFrom : struct, IFixedPoint<TFrom>
        where TTo : struct, IFixedPoint<TTo>
    {
        value.GetSignMagnitude(out var negative, out var magnitude);
        return SaturatingFromScaled<TTo>(negative, magnitude, false, TFrom.FracBits);
    }

    /// <summary><c>TTo::checked_from_num(x)</c>: null when the value does not fit.</summary>
    public static TTo? CheckedConvert<TFrom, TTo>(TFrom value)
        where TFrom : struct, IFixedPoint<TFrom>
        where TTo : struct, IFixedPoint<TTo>
    {
        value.GetSignMagnitude(out var negative, out var magnitude);
        var result = FromScaled<TTo>(negative, magnitude, false, TFrom.FracBits, out var overflow);
        return overflow ? null : result;
    }

    /// <summary><c>T::saturating_from_num(i)</c> for a signed integer.</summary>
    public static T SaturatingFromInt128<T>(Int128 value)
        where T : struct, IFixedPoint<T>
        => SaturatingFromScaled<T>(value < 0, WideArithmetic.Magnitude(value), false, 0);

    /// <summary><c>T::saturating_from_num(u)</c> for an unsigned integer.</summary>
    public static T SaturatingFromUInt128<T>(UInt128 value)
        where T : struct, IFixedPoint<T>
        => SaturatingFromScaled<T>(false, value, false, 0);

    /// <summary><c>T::from_num(i)</c>; throws <see cref="OverflowException"/> when the integer does not fit.</summary>
    public static T FromInt128<T>(Int128 value)
        where T : struct, IFixedPoint<T>
    {
        var result = FromScaled<T>(value < 0, WideArithmetic.Magnitude(value), false, 0, out var overflow);
        return overflow ? throw new OverflowException($"{value} does not fit {typeof(T).Name}") : result;
    }

    /// <summary>
    /// <c>T::saturating_from_num(f64)</c> from the IEEE-754 bits of a double, decoded with integer arithmetic only:
    /// rounds to nearest, ties to even; ±∞ saturate; NaN is rejected.
    /// </summary>
    public static T SaturatingFromF64Bits<T>(ulong bits)
        where T : struct, IFixedPoint<T>
    {
        bool negative = (bits >> 63) != 0;
        int exponent = (int)((bits >> 52) & 0x7FF);
        ulong mantissa = bits & ((1UL << 52) - 1);
        if (exponent == 0x7FF)
        {
            return mantissa != 0
                ? throw new ArgumentException("NaN has no fixed-point value", nameof(bits))
                : (negative ? T.MinValue : T.MaxValue);
        }

        // value = m · 2^e
        ulong m = exponent == 0 ? mantissa : mantissa | (1UL << 52);
        int e = exponent == 0 ? -1074 : exponent - 1075;
        return FromBinaryFloat<T>(negative, m, e);
    }

    /// <summary><c>T::saturating_from_num(f32)</c> from the IEEE-754 bits of a float (see <see cref="SaturatingFromF64Bits{T}"/>).</summary>
    public static T SaturatingFromF32Bits<T>(uint bits)
        where T : struct, IFixedPoint<T>
    {
        bool negative = (bits >> 31) != 0;
        int exponent = (int)((bits >> 23) & 0xFF);
        uint mantissa = bits & ((1U << 23) - 1);
        if (exponent == 0xFF)
        {
            return mantissa != 0
                ? throw new ArgumentException("NaN has no fixed-point value", nameof(bits))
                : (negative ? T.MinValue : T.MaxValue);
        }

        ulong m = exponent == 0 ? mantissa : mantissa | (1U << 23);
        int e = exponent == 0 ? -149 : exponent - 150;
        return FromBinaryFloat<T>(negative, m, e);
    }

    /// <summary><c>x.saturating_to_num::&lt;i128&gt;()</c> (floor) as an arbitrary-precision integer.</summary>
    public static BigInteger Floor<T>(T value)
        where T : struct, IFixedPoint<T>
        => value.RawBits >> T.FracBits; // BigInteger shifts are arithmetic: floor for negatives

    /// <summary><c>x.saturating_to_num::&lt;u64&gt;()</c>: floor, clamped to [0, u64::MAX].</summary>
    public static ulong SaturatingToU64<T>(T value)
        where T : struct, IFixedPoint<T>
    {
        FloorSignMagnitude(value, out var negative, out var magnitude);
        return negative ? 0UL : magnitude > ulong.MaxValue ? ulong.MaxValue : (ulong)magnitude;
    }

    /// <summary><c>x.saturating_to_num::&lt;u16&gt;()</c>: floor, clamped to [0, u16::MAX].</summary>
    public static ushort SaturatingToU16<T>(T value)
        where T : struct, IFixedPoint<T>
    {
        FloorSignMagnitude(value, out var negative, out var magnitude);
        return negative ? (ushort)0 : magnitude > ushort.MaxValue ? ushort.MaxValue : (ushort)magnitude;
    }

    /// <summary><c>x.saturating_to_num::&lt;u128&gt;()</c>: floor, clamped to [0, u128::MAX].</summary>
    public static UInt128 SaturatingToU128<T>(T value)
        where T : struct, IFixedPoint<T>
    {
        FloorSignMagnitude(value, out var negative, out var magnitude);
        return negative ? UInt128.Zero : magnitude;
    }

    /// <summary><c>x.saturating_to_num::&lt;i64&gt;()</c>: floor, clamped to the i64 range.</summary>
    public static long SaturatingToI64<T>(T value)
        where T : struct, IFixedPoint<T>
    {
        FloorSignMagnitude(value, out var negative, out var magnitude);
        if (negative)
        {
            return magnitude >= (UInt128)1 << 63 ? long.MinValue : -(long)magnitude;
        }

        return magnitude > long.MaxValue ? long.MaxValue : (long)magnitude;
    }

    /// <summary>Exact decimal expansion of the value (binary fractions terminate), for display and diagnostics.</summary>
    public static string ToDecimalString<T>(T value)
        where T : struct, IFixedPoint<T>
    {
        value.GetSignMagnitude(out var negative, out var magnitude);
        int frac = T.FracBits;
        UInt128 intPart = frac == 0 ? magnitude : magnitude >> frac;
        var sb = new StringBuilder();
        if (negative && magnitude != 0)
        {
            sb.Append('-');
        }

        sb.Append(intPart.ToString(CultureInfo.InvariantCulture));
        UInt128 fracPart = frac == 0 ? UInt128.Zero : magnitude & ((UInt128.One << frac) - 1);
        if (fracPart != 0)
        {
            // fracPart / 2^frac = fracPart · 5^frac / 10^frac
            var digits = ((BigInteger)fracPart * BigInteger.Pow(5, frac)).ToString(CultureInfo.InvariantCulture)
                .PadLeft(frac, '0')
                .TrimEnd('0');
            sb.Append('.').Append(digits);
        }

        return sb.ToString();
    }

    /// <summary>Floor of the value as a sign and magnitude (negative values round away from zero).</summary>
    internal static void FloorSignMagnitude<T>(T value, out bool negative, out UInt128 magnitude)
        where T : struct, IFixedPoint<T>
    {
        value.GetSignMagnitude(out negative, out var raw);
        int frac = T.FracBits;
        if (frac == 0)
        {
            magnitude = raw;
            return;
        }

        magnitude = raw >> frac;
        if (negative && (raw & ((UInt128.One << frac) - 1)) != 0)
        {
            magnitude += 1;
        }

        negative = negative && magnitude != 0;
    }

    /// <summary>Saturating construction from <c>±magnitude / 2^fromFrac</c>, discarding extra fractional bits (floor).</summary>
    internal static T SaturatingFromScaled<T>(bool negative, UInt128 magnitude, bool magnitudeOverflow, int fromFrac)
        where T : struct, IFixedPoint<T>
    {
        var result = FromScaled<T>(negative, magnitude, magnitudeOverflow, fromFrac, out var overflow);
        return overflow ? (negative ? T.MinValue : T.MaxValue) : result;
    }

    /// <summary>Wrapping construction from <c>±magnitude / 2^fromFrac</c> with floor rounding and an overflow flag.</summary>
    internal static T FromScaled<T>(bool negative, UInt128 magnitude, bool magnitudeOverflow, int fromFrac, out bool overflow)
        where T : struct, IFixedPoint<T>
    {
        int toFrac = T.FracBits;
        if (toFrac >= fromFrac)
        {
            int shift = toFrac - fromFrac;
            bool shiftOverflow = shift > 0 && (magnitude >> (128 - shift)) != 0;
            var shifted = shift == 0 ? magnitude : magnitude << shift;
            return T.FromSignMagnitude(negative, shifted, magnitudeOverflow || shiftOverflow, out overflow);
        }

        int down = fromFrac - toFrac;
        var truncated = magnitude >> down;
        if (negative && (magnitude & ((UInt128.One << down) - 1)) != 0)
        {
            // floor of a negative value: the magnitude rounds up
            truncated += 1;
        }

        return T.FromSignMagnitude(negative, truncated, magnitudeOverflow, out overflow);
    }

    private static T FromBinaryFloat<T>(bool negative, ulong m, int e)
        where T : struct, IFixedPoint<T>
    {
        if (m == 0)
        {
            return T.Zero;
        }

        // raw = m · 2^(e + frac), rounded to nearest, ties to even
        int shift = e + T.FracBits;
        UInt128 raw;
        bool overflow = false;
        if (shift >= 0)
        {
            overflow = shift >= 128 || (shift > 0 && ((UInt128)m >> (128 - shift)) != 0);
            raw = overflow ? UInt128.MaxValue : (UInt128)m << shift;
        }
        else
        {
            int s = -shift;
            if (s > 64)
            {
                raw = 0; // m < 2^53, so m / 2^s < 1/2
            }
            else
            {
                UInt128 wide = m;
                raw = wide >> s;
                UInt128 remainder = wide & ((UInt128.One << s) - 1);
                UInt128 half = UInt128.One << (s - 1);
                if (remainder > half || (remainder == half && (raw & 1) == 1))
                {
                    raw += 1;
                }
            }
        }

        var result = T.FromSignMagnitude(negative, raw, overflow, out var outOfRange);
        return outOfRange ? (negative ? T.MinValue : T.MaxValue) : result;
    }
}
