using System.Numerics;
using Subtensor.Core.Arithmetic;

namespace Subtensor.Economics.Staking;

/// <summary>
/// Subtensor's share-pool number (<c>primitives/share-pool</c>, <c>SafeFloat</c>): a decimal float m·10^e with the
/// mantissa kept in (10^20, 10^21] (or 0) and an i64 exponent; products and quotients are exact in 256 bits before the
/// result is renormalised by truncating division by 10. SCALE: { mantissa: u128, exponent: i64 }.
/// </summary>
public readonly record struct SafeFloat(UInt128 Mantissa, long Exponent)
{
    /// <summary><c>SAFE_FLOAT_MAX</c>: 10^21, the largest mantissa.</summary>
    public static readonly UInt128 MaxMantissa = UInt128.Parse("1000000000000000000000", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary><c>SAFE_FLOAT_MAX_EXP</c>.</summary>
    public const long MaxExponent = 21;

    private static readonly BigInteger MaxBig = (BigInteger)MaxMantissa;
    private static readonly BigInteger MinBig = MaxBig / 10;
    private static readonly BigInteger U256Max = (BigInteger.One << 256) - 1;

    public static SafeFloat Zero => default;

    public bool IsZero => Mantissa == 0;

    /// <summary><c>SafeFloat::new</c>: null when the mantissa exceeds 10^21 or the exponent overflows while normalising.</summary>
    public static SafeFloat? Create(UInt128 mantissa, long exponent) => mantissa > MaxMantissa ? null : Normalize(mantissa, exponent);

    /// <summary><c>From&lt;u64&gt;</c>: v·10^0 (normalised).</summary>
    public static SafeFloat FromU64(ulong value) => Create(value, 0) ?? Zero;

    /// <summary><c>From&lt;U64F64&gt;</c>: int + frac / 2^64, each part a SafeFloat, added with SafeFloat rounding.</summary>
    public static SafeFloat FromU64F64(U64F64 value)
    {
        if (value.Bits == 0)
        {
            return Zero;
        }

        var integer = Create((ulong)(value.Bits >> 64), 0) ?? Zero;
        var fracNumerator = Create((ulong)(value.Bits & ulong.MaxValue), 0) ?? Zero;
        var twoPow64 = Create(UInt128.One << 64, 0) ?? Zero;
        var frac = fracNumerator.Div(twoPow64) ?? Zero;
        return integer.Add(frac) ?? Zero;
    }

    /// <summary>
    /// <c>normalize</c>: divide by 10 while above 10^21, multiply by 10 while at or below 10^20; null when the exponent
    /// leaves the i64 range.
    /// </summary>
    public static SafeFloat? Normalize(BigInteger mantissa, long exponent)
    {
        if (mantissa.IsZero)
        {
            return Zero;
        }

        var m = mantissa;
        var e = exponent;
        while (m > MaxBig)
        {
            m /= 10;
            if (e == long.MaxValue)
            {
                return null;
            }

            e++;
        }

        while (m <= MinBig)
        {
            m *= 10;
            if (e == long.MinValue)
            {
                return null;
            }

            e--;
        }

        return new SafeFloat((UInt128)m, e);
    }

    /// <summary><c>div</c>: (m1·10^21 / m2)·10^(e1 − e2 − 21); null for a zero divisor or an exponent out of range.</summary>
    public SafeFloat? Div(SafeFloat divisor)
    {
        if (divisor.Mantissa == 0)
        {
            return null;
        }

        var e = (Int128)Exponent - divisor.Exponent - MaxExponent;
        if (e > long.MaxValue || e < long.MinValue)
        {
            return null;
        }

        return Normalize((BigInteger)Mantissa * MaxBig / (BigInteger)divisor.Mantissa, (long)e);
    }

    /// <summary><c>add</c>: the smaller-exponent mantissa is truncated to the larger exponent, then summed.</summary>
    public SafeFloat? Add(SafeFloat other)
    {
        if (IsZero)
        {
            return other;
        }

        if (other.IsZero)
        {
            return this;
        }

        var (m1, m2, e) = Align(this, other);
        return Normalize(BigInteger.Min(m1 + m2, U256Max), e);
    }

    /// <summary><c>sub</c>: saturating at zero after alignment; null when subtracting from zero.</summary>
    public SafeFloat? Sub(SafeFloat other)
    {
        if (IsZero && other.IsZero)
        {
            return Zero;
        }

        if (IsZero)
        {
            return null;
        }

        if (other.IsZero)
        {
            return this;
        }

        var (m1, m2, e) = Align(this, other);
        return Normalize(m1 > m2 ? m1 - m2 : BigInteger.Zero, e);
    }

    /// <summary><c>mul_div</c>: self·a/b with the product exact in 256 bits; null for a zero divisor or exponent overflow.</summary>
    public SafeFloat? MulDiv(SafeFloat a, SafeFloat b)
    {
        if (b.Mantissa == 0)
        {
            return null;
        }

        var product = (BigInteger)Mantissa * (BigInteger)a.Mantissa;
        var sum = (Int128)Exponent + a.Exponent;
        if (sum > long.MaxValue || sum < long.MinValue)
        {
            return null;
        }

        var e = sum - b.Exponent;
        if (e > long.MaxValue || e < long.MinValue)
        {
            return null;
        }

        return Normalize(product / (BigInteger)b.Mantissa, (long)e);
    }

    /// <summary><c>gt</c> for normalised values.</summary>
    public bool GreaterThan(SafeFloat other)
    {
        if (Exponent == other.Exponent)
        {
            return Mantissa > other.Mantissa;
        }

        if (Exponent > other.Exponent)
        {
            return Exponent - other.Exponent > 1 || (BigInteger)Mantissa * 10 > (BigInteger)other.Mantissa;
        }

        return other.Exponent - Exponent <= 1 && (BigInteger)Mantissa > (BigInteger)other.Mantissa * 10;
    }

    /// <summary><c>From&lt;&amp;SafeFloat&gt; for u64</c>: m·10^e truncated, saturating at u64::MAX.</summary>
    public ulong ToU64()
    {
        if (Exponent == 0)
        {
            return Mantissa > ulong.MaxValue ? ulong.MaxValue : (ulong)Mantissa;
        }

        var scale = CapPow10(Exponent < 0 ? (ulong)(-(Int128)Exponent) : (ulong)Exponent);
        var q = Exponent > 0 ? BigInteger.Min((BigInteger)Mantissa * scale, U256Max) : (BigInteger)Mantissa / scale;
        return q > ulong.MaxValue ? ulong.MaxValue : (ulong)q;
    }

    /// <summary><c>cappow10</c>: 10^e, capped at 10^22 for e &gt; 22.</summary>
    private static BigInteger CapPow10(ulong e) => e > (ulong)MaxExponent + 1 ? MaxBig * 10 : BigInteger.Pow(10, (int)e);

    private static (BigInteger M1, BigInteger M2, long Exponent) Align(SafeFloat a, SafeFloat b)
    {
        if (a.Exponent >= b.Exponent)
        {
            var diff = (ulong)((Int128)a.Exponent - b.Exponent);
            return ((BigInteger)a.Mantissa, (BigInteger)b.Mantissa / CapPow10(diff), a.Exponent);
        }

        var d = (ulong)((Int128)b.Exponent - a.Exponent);
        return ((BigInteger)a.Mantissa / CapPow10(d), (BigInteger)b.Mantissa, b.Exponent);
    }
}
