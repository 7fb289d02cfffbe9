using System.Numerics;
using System.Runtime.CompilerServices;
using Subtensor.Core.Scale;

namespace Subtensor.Core.Arithmetic;

/// <summary>
/// Signed fixed-point number with 32 integer and 32 fractional bits over an <see cref="long"/>
/// (<c>substrate_fixed::types::I32F32</c>, v0.6.0). Used for all epoch vectors and matrices.
/// </summary>
public readonly struct I32F32 : ISignedFixedPoint<I32F32>
{
    public const int FractionalBits = 32;

    private readonly long _bits;

    private I32F32(long bits) => _bits = bits;

    public static int FracBits => FractionalBits;

    public static int TotalBits => 64;

    public static bool IsSigned => true;

    public static I32F32 Zero => default;

    public static I32F32 One => new(1L << FractionalBits);

    public static I32F32 MinValue => new(long.MinValue);

    public static I32F32 MaxValue => new(long.MaxValue);

    /// <summary>The smallest positive value, 2^-32.</summary>
    public static I32F32 Delta => new(1);

    /// <summary>Raw bits (<c>to_bits</c>).</summary>
    public long Bits => _bits;

    public BigInteger RawBits => _bits;

    public static I32F32 FromBits(long bits) => new(bits);

    /// <summary><c>I32F32::from_num(i)</c> for an integer in [−2^31, 2^31); throws otherwise.</summary>
    public static I32F32 FromInt(long value) =>
        value is >= int.MinValue and <= int.MaxValue
            ? new(value << FractionalBits)
            : throw new OverflowException($"{value} does not fit I32F32");

    /// <summary><c>I32F32::saturating_from_num(i)</c>.</summary>
    public static I32F32 SaturatingFromNum(long value) =>
        value > int.MaxValue ? MaxValue : value < int.MinValue ? MinValue : new(value << FractionalBits);

    /// <summary><c>I32F32::saturating_from_num(u)</c>.</summary>
    public static I32F32 SaturatingFromNum(ulong value) => value > int.MaxValue ? MaxValue : new((long)value << FractionalBits);

    /// <summary><c>I32F32::saturating_from_num(other)</c> for another fixed-point type (floor, saturate).</summary>
    public static I32F32 SaturatingFrom<T>(T value)
        where T : struct, IFixedPoint<T>
        => FixedPoint.SaturatingConvert<T, I32F32>(value);

    /// <summary><c>I32F32::saturating_from_num(f64)</c> from the bits of a double (integer decoding).</summary>
    public static I32F32 SaturatingFromF64Bits(ulong bits) => FixedPoint.SaturatingFromF64Bits<I32F32>(bits);

    /// <summary><c>I32F32::saturating_from_num(f32)</c> from the bits of a float (integer decoding).</summary>
    public static I32F32 SaturatingFromF32Bits(uint bits) => FixedPoint.SaturatingFromF32Bits<I32F32>(bits);

    /// <summary><c>saturating_to_num::&lt;u64&gt;()</c>.</summary>
    public ulong SaturatingToU64() => _bits < 0 ? 0UL : (ulong)(_bits >> FractionalBits);

    /// <summary><c>saturating_to_num::&lt;u16&gt;()</c>.</summary>
    public ushort SaturatingToU16()
    {
        long floor = _bits >> FractionalBits;
        return floor < 0 ? (ushort)0 : floor > ushort.MaxValue ? ushort.MaxValue : (ushort)floor;
    }

    /// <summary><c>saturating_to_num::&lt;i64&gt;()</c> (floor).</summary>
    public long SaturatingToI64() => _bits >> FractionalBits;

    public void GetSignMagnitude(out bool negative, out UInt128 magnitude)
    {
        negative = _bits < 0;
        magnitude = negative ? (UInt128)(0UL - (ulong)_bits) : (UInt128)(ulong)_bits;
    }

    public static I32F32 FromSignMagnitude(bool negative, UInt128 magnitude, bool magnitudeOverflow, out bool overflow)
    {
        UInt128 limit = negative ? (UInt128)1 << 63 : (UInt128)long.MaxValue;
        overflow = magnitudeOverflow || magnitude > limit;
        ulong low = (ulong)magnitude;
        return new(negative ? (long)(0UL - low) : (long)low);
    }

    // ---- arithmetic (plain operators wrap like a Rust release build) ----

    public static I32F32 operator +(I32F32 left, I32F32 right) => new(unchecked(left._bits + right._bits));

    public static I32F32 operator -(I32F32 left, I32F32 right) => new(unchecked(left._bits - right._bits));

    public static I32F32 operator -(I32F32 value) => new(unchecked(-value._bits));

    public static I32F32 operator *(I32F32 left, I32F32 right) => new(MulRaw(left._bits, right._bits, out _));

    /// <summary>Truncating division; throws <see cref="DivideByZeroException"/> on a zero divisor (Rust panics).</summary>
    public static I32F32 operator /(I32F32 left, I32F32 right) =>
        right._bits == 0 ? throw new DivideByZeroException() : new(DivRaw(left._bits, right._bits, out _));

    public I32F32 SaturatingAdd(I32F32 other)
    {
        long sum = unchecked(_bits + other._bits);
        if (((_bits ^ sum) & (other._bits ^ sum)) < 0)
        {
            return _bits < 0 ? MinValue : MaxValue;
        }

        return new(sum);
    }

    public I32F32 SaturatingSub(I32F32 other)
    {
        long diff = unchecked(_bits - other._bits);
        if (((_bits ^ other._bits) & (_bits ^ diff)) < 0)
        {
            return _bits < 0 ? MinValue : MaxValue;
        }

        return new(diff);
    }

    public I32F32 SaturatingMul(I32F32 other)
    {
        long raw = MulRaw(_bits, other._bits, out var overflow);
        if (overflow)
        {
            return (_bits < 0) != (other._bits < 0) ? MinValue : MaxValue;
        }

        return new(raw);
    }

    /// <summary>Saturating division; throws on a zero divisor (as Rust does).</summary>
    public I32F32 SaturatingDiv(I32F32 other)
    {
        if (other._bits == 0)
        {
            throw new DivideByZeroException();
        }

        long raw = DivRaw(_bits, other._bits, out var overflow);
        if (overflow)
        {
            return (_bits < 0) != (other._bits < 0) ? MinValue : MaxValue;
        }

        return new(raw);
    }

    public I32F32? CheckedAdd(I32F32 other)
    {
        long sum = unchecked(_bits + other._bits);
        return ((_bits ^ sum) & (other._bits ^ sum)) < 0 ? null : new I32F32(sum);
    }

    public I32F32? CheckedSub(I32F32 other)
    {
        long diff = unchecked(_bits - other._bits);
        return ((_bits ^ other._bits) & (_bits ^ diff)) < 0 ? null : new I32F32(diff);
    }

    public I32F32? CheckedMul(I32F32 other)
    {
        long raw = MulRaw(_bits, other._bits, out var overflow);
        return overflow ? null : new I32F32(raw);
    }

    public I32F32? CheckedDiv(I32F32 other)
    {
        if (other._bits == 0)
        {
            return null;
        }

        long raw = DivRaw(_bits, other._bits, out var overflow);
        return overflow ? null : new I32F32(raw);
    }

    public I32F32? CheckedNeg() => _bits == long.MinValue ? null : new I32F32(-_bits);

    public I32F32 SaturatingNeg() => _bits == long.MinValue ? MaxValue : new(-_bits);

    public I32F32 Abs() => new(unchecked(_bits < 0 ? -_bits : _bits));

    /// <summary>Subtensor <c>safe_div</c>: 0 on division by zero or overflow.</summary>
    public I32F32 SafeDiv(I32F32 other)
    {
        if (other._bits == 0)
        {
            return Zero;
        }

        long raw = DivRaw(_bits, other._bits, out var overflow);
        return overflow ? Zero : new(raw);
    }

    public I32F32 SafeDivOr(I32F32 other, I32F32 fallback) => CheckedDiv(other) ?? fallback;

    /// <summary><c>floor()</c> (wrapping, like a release build).</summary>
    public I32F32 Floor() => new(_bits & ~((1L << FractionalBits) - 1));

    /// <summary><c>round()</c>: nearest integer, ties away from zero (wrapping).</summary>
    public I32F32 Round()
    {
        long intPart = _bits & ~((1L << FractionalBits) - 1);
        if ((_bits & (1L << (FractionalBits - 1))) == 0)
        {
            return new(intPart);
        }

        bool tie = (_bits & ((1L << FractionalBits) - 1)) == 1L << (FractionalBits - 1);
        if (tie && _bits < 0)
        {
            return new(intPart);
        }

        return new(unchecked(intPart + (1L << FractionalBits)));
    }

    public static I32F32 Min(I32F32 a, I32F32 b) => a._bits <= b._bits ? a : b;

    public static I32F32 Max(I32F32 a, I32F32 b) => a._bits >= b._bits ? a : b;

    /// <summary>Raw-bit product: the low 64 bits of floor(a·b / 2^32) and whether the exact value fits (for array kernels).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long MulRaw(long a, long b, out bool overflow)
    {
        long high = Math.BigMul(a, b, out long low);
        long top = high >> 31;
        overflow = top != 0 && top != -1;
        return (long)(((ulong)high << 32) | ((ulong)low >> 32));
    }

    /// <summary>Low 64 bits of trunc(a·2^32 / b) (b ≠ 0) and whether the exact value fits.</summary>
    internal static long DivRaw(long a, long b, out bool overflow)
    {
        if (a is > -(1L << 31) and < (1L << 31))
        {
            // a·2^32 fits in 64 bits; |b| ≥ 1 so the quotient fits unless a·2^32 = −2^63 and b = −1 (excluded by the bounds)
            overflow = false;
            return (a << FractionalBits) / b;
        }

        Int128 q = ((Int128)a << FractionalBits) / b;
        overflow = q > long.MaxValue || q < long.MinValue;
        return (long)q;
    }

    // ---- comparison ----

    public int CompareTo(I32F32 other) => _bits.CompareTo(other._bits);

    public bool Equals(I32F32 other) => _bits == other._bits;

    public override bool Equals(object? obj) => obj is I32F32 other && Equals(other);

    public override int GetHashCode() => _bits.GetHashCode();

    public static bool operator ==(I32F32 left, I32F32 right) => left._bits == right._bits;

    public static bool operator !=(I32F32 left, I32F32 right) => left._bits != right._bits;

    public static bool operator <(I32F32 left, I32F32 right) => left._bits < right._bits;

    public static bool operator >(I32F32 left, I32F32 right) => left._bits > right._bits;

    public static bool operator <=(I32F32 left, I32F32 right) => left._bits <= right._bits;

    public static bool operator >=(I32F32 left, I32F32 right) => left._bits >= right._bits;

    // ---- SCALE: the raw bits as i64 ----

    public void EncodeTo(ScaleWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteI64(_bits);
    }

    public static I32F32 DecodeFrom(ref ScaleReader reader) => new(reader.ReadI64());

    public override string ToString() => FixedPoint.ToDecimalString(this);
}
