using System.Numerics;
using Subtensor.Core.Scale;

namespace Subtensor.Core.Arithmetic;

/// <summary>
/// Unsigned fixed-point number with 64 integer and 64 fractional bits over a <see cref="UInt128"/>
/// (<c>substrate_fixed::types::U64F64</c>, v0.6.0). Used for swap prices, emission shares and the burn multiplier.
/// </summary>
public readonly struct U64F64 : IFixedPoint<U64F64>
{
    public const int FractionalBits = 64;

    private readonly UInt128 _bits;

    private U64F64(UInt128 bits) => _bits = bits;

    public static int FracBits => FractionalBits;

    public static int TotalBits => 128;

    public static bool IsSigned => false;

    public static U64F64 Zero => default;

    public static U64F64 One => new(UInt128.One << FractionalBits);

    public static U64F64 MinValue => default;

    public static U64F64 MaxValue => new(UInt128.MaxValue);

    /// <summary>The smallest positive value, 2^-64.</summary>
    public static U64F64 Delta => new(UInt128.One);

    /// <summary>Raw bits (<c>to_bits</c>).</summary>
    public UInt128 Bits => _bits;

    public BigInteger RawBits => (BigInteger)_bits;

    public static U64F64 FromBits(UInt128 bits) => new(bits);

    /// <summary><c>U64F64::from_num(u)</c>; throws <see cref="OverflowException"/> when the integer does not fit.</summary>
    public static U64F64 FromInt(UInt128 value) => FixedPoint.FromInt128<U64F64>(value <= (UInt128)Int128.MaxValue
        ? (Int128)value
        : throw new OverflowException($"{value} does not fit U64F64"));

    /// <summary><c>U64F64::saturating_from_num(u)</c>.</summary>
    public static U64F64 SaturatingFromNum(UInt128 value) => FixedPoint.SaturatingFromUInt128<U64F64>(value);

    /// <summary><c>U64F64::saturating_from_num(u32)</c> (also picked for u16/u8 arguments).</summary>
    public static U64F64 SaturatingFromNum(uint value) => FixedPoint.SaturatingFromUInt128<U64F64>(value);

    /// <summary><c>U64F64::saturating_from_num(u64)</c>.</summary>
    public static U64F64 SaturatingFromNum(ulong value) => FixedPoint.SaturatingFromUInt128<U64F64>(value);

    /// <summary><c>U64F64::saturating_from_num(i)</c> (negative values saturate to 0).</summary>
    public static U64F64 SaturatingFromNum(Int128 value) => FixedPoint.SaturatingFromInt128<U64F64>(value);

    /// <summary><c>U64F64::saturating_from_num(i64)</c> (negative values saturate to 0).</summary>
    public static U64F64 SaturatingFromNum(long value) => FixedPoint.SaturatingFromInt128<U64F64>(value);

    /// <summary><c>U64F64::saturating_from_num(other)</c> for another fixed-point type (floor, saturate).</summary>
    public static U64F64 SaturatingFrom<T>(T value)
        where T : struct, IFixedPoint<T>
        => FixedPoint.SaturatingConvert<T, U64F64>(value);

    /// <summary><c>U64F64::saturating_from_num(f64)</c> from the bits of a double (integer decoding).</summary>
    public static U64F64 SaturatingFromF64Bits(ulong bits) => FixedPoint.SaturatingFromF64Bits<U64F64>(bits);

    /// <summary><c>U64F64::saturating_from_num(f32)</c> from the bits of a float (integer decoding).</summary>
    public static U64F64 SaturatingFromF32Bits(uint bits) => FixedPoint.SaturatingFromF32Bits<U64F64>(bits);

    /// <summary><c>saturating_to_num::&lt;u64&gt;()</c>.</summary>
    public ulong SaturatingToU64()
    {
        var floor = _bits >> FractionalBits;
        return floor > ulong.MaxValue ? ulong.MaxValue : (ulong)floor;
    }

    /// <summary><c>saturating_to_num::&lt;u16&gt;()</c>.</summary>
    public ushort SaturatingToU16()
    {
        var floor = _bits >> FractionalBits;
        return floor > ushort.MaxValue ? ushort.MaxValue : (ushort)floor;
    }

    /// <summary><c>saturating_to_num::&lt;u128&gt;()</c>.</summary>
    public UInt128 SaturatingToU128() => _bits >> FractionalBits;

    public void GetSignMagnitude(out bool negative, out UInt128 magnitude)
    {
        negative = false;
        magnitude = _bits;
    }

    public static U64F64 FromSignMagnitude(bool negative, UInt128 magnitude, bool magnitudeOverflow, out bool overflow)
    {
        overflow = magnitudeOverflow || (negative && magnitude != 0);
        return new(negative ? UInt128.Zero - magnitude : magnitude);
    }

    // ---- arithmetic (plain operators wrap like a Rust release build) ----

    public static U64F64 operator +(U64F64 left, U64F64 right) => new(unchecked(left._bits + right._bits));

    public static U64F64 operator -(U64F64 left, U64F64 right) => new(unchecked(left._bits - right._bits));

    public static U64F64 operator *(U64F64 left, U64F64 right) => new(Fixed128.UnsignedMul(left._bits, right._bits, FractionalBits, out _));

    /// <summary>Truncating division; throws <see cref="DivideByZeroException"/> on a zero divisor (Rust panics).</summary>
    public static U64F64 operator /(U64F64 left, U64F64 right) =>
        right._bits == 0 ? throw new DivideByZeroException() : new(Fixed128.UnsignedDiv(left._bits, right._bits, FractionalBits, out _));

    public U64F64 SaturatingAdd(U64F64 other)
    {
        UInt128 sum = unchecked(_bits + other._bits);
        return sum < _bits ? MaxValue : new(sum);
    }

    public U64F64 SaturatingSub(U64F64 other) => other._bits > _bits ? Zero : new(_bits - other._bits);

    public U64F64 SaturatingMul(U64F64 other)
    {
        var raw = Fixed128.UnsignedMul(_bits, other._bits, FractionalBits, out var overflow);
        return overflow ? MaxValue : new(raw);
    }

    /// <summary>Saturating division; throws on a zero divisor (as Rust does).</summary>
    public U64F64 SaturatingDiv(U64F64 other)
    {
        if (other._bits == 0)
        {
            throw new DivideByZeroException();
        }

        var raw = Fixed128.UnsignedDiv(_bits, other._bits, FractionalBits, out var overflow);
        return overflow ? MaxValue : new(raw);
    }

    public U64F64? CheckedAdd(U64F64 other)
    {
        UInt128 sum = unchecked(_bits + other._bits);
        return sum < _bits ? null : new U64F64(sum);
    }

    public U64F64? CheckedSub(U64F64 other) => other._bits > _bits ? null : new U64F64(_bits - other._bits);

    public U64F64? CheckedMul(U64F64 other)
    {
        var raw = Fixed128.UnsignedMul(_bits, other._bits, FractionalBits, out var overflow);
        return overflow ? null : new U64F64(raw);
    }

    public U64F64? CheckedDiv(U64F64 other)
    {
        if (other._bits == 0)
        {
            return null;
        }

        var raw = Fixed128.UnsignedDiv(_bits, other._bits, FractionalBits, out var overflow);
        return overflow ? null : new U64F64(raw);
    }

    /// <summary>Subtensor <c>safe_div</c>: 0 on division by zero or overflow.</summary>
    public U64F64 SafeDiv(U64F64 other) => CheckedDiv(other) ?? Zero;

    public U64F64 SafeDivOr(U64F64 other, U64F64 fallback) => CheckedDiv(other) ?? fallback;

    /// <summary><c>floor()</c>.</summary>
    public U64F64 Floor() => new(_bits & ~((UInt128.One << FractionalBits) - 1));

    /// <summary><c>frac()</c>: the fractional part.</summary>
    public U64F64 Frac() => new(_bits & ((UInt128.One << FractionalBits) - 1));

    /// <summary><c>round()</c>: nearest integer, ties away from zero (wrapping).</summary>
    public U64F64 Round()
    {
        UInt128 intPart = _bits & ~((UInt128.One << FractionalBits) - 1);
        return (_bits & (UInt128.One << (FractionalBits - 1))) == 0
            ? new(intPart)
            : new(unchecked(intPart + (UInt128.One << FractionalBits)));
    }

    public static U64F64 Min(U64F64 a, U64F64 b) => a._bits <= b._bits ? a : b;

    public static U64F64 Max(U64F64 a, U64F64 b) => a._bits >= b._bits ? a : b;

    // ---- comparison ----

    public int CompareTo(U64F64 other) => _bits.CompareTo(other._bits);

    public bool Equals(U64F64 other) => _bits == other._bits;

    public override bool Equals(object? obj) => obj is U64F64 other && Equals(other);

    public override int GetHashCode() => _bits.GetHashCode();

    public static bool operator ==(U64F64 left, U64F64 right) => left._bits == right._bits;

    public static bool operator !=(U64F64 left, U64F64 right) => left._bits != right._bits;

    public static bool operator <(U64F64 left, U64F64 right) => left._bits < right._bits;

    public static bool operator >(U64F64 left, U64F64 right) => left._bits > right._bits;

    public static bool operator <=(U64F64 left, U64F64 right) => left._bits <= right._bits;

    public static bool operator >=(U64F64 left, U64F64 right) => left._bits >= right._bits;

    // ---- SCALE: the raw bits as u128 ----

    public void EncodeTo(ScaleWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteU128(_bits);
    }

    public static U64F64 DecodeFrom(ref ScaleReader reader) => new(reader.ReadU128());

    public override string ToString() => FixedPoint.ToDecimalString(this);
}
