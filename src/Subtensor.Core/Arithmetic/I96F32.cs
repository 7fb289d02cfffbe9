using System.Numerics;
using Subtensor.Core.Scale;

namespace Subtensor.Core.Arithmetic;

/// <summary>
/// Signed fixed-point number with 96 integer and 32 fractional bits over an <see cref="Int128"/>
/// (<c>substrate_fixed::types::I96F32</c>, v0.6.0). Used for per-UID epoch emission, the block-emission formula and moving prices.
/// </summary>
public readonly struct I96F32 : ISignedFixedPoint<I96F32>
{
    public const int FractionalBits = 32;

    private readonly Int128 _bits;

    private I96F32(Int128 bits) => _bits = bits;

    public static int FracBits => FractionalBits;

    public static int TotalBits => 128;

    public static bool IsSigned => true;

    public static I96F32 Zero => default;

    public static I96F32 One => new(Int128.One << FractionalBits);

    public static I96F32 MinValue => new(Int128.MinValue);

    public static I96F32 MaxValue => new(Int128.MaxValue);

    /// <summary>The smallest positive value, 2^-32.</summary>
    public static I96F32 Delta => new(Int128.One);

    /// <summary>Raw bits (<c>to_bits</c>).</summary>
    public Int128 Bits => _bits;

    public BigInteger RawBits => (BigInteger)_bits;

    public static I96F32 FromBits(Int128 bits) => new(bits);

    /// <summary><c>I96F32::from_num(i)</c>; throws <see cref="OverflowException"/> when the integer does not fit.</summary>
    public static I96F32 FromInt(Int128 value) => FixedPoint.FromInt128<I96F32>(value);

    /// <summary><c>I96F32::saturating_from_num(i)</c>.</summary>
    public static I96F32 SaturatingFromNum(Int128 value) => FixedPoint.SaturatingFromInt128<I96F32>(value);

    /// <summary><c>I96F32::saturating_from_num(u)</c>.</summary>
    public static I96F32 SaturatingFromNum(UInt128 value) => FixedPoint.SaturatingFromUInt128<I96F32>(value);

    /// <summary><c>I96F32::saturating_from_num(u32)</c> (also picked for u16/u8 arguments).</summary>
    public static I96F32 SaturatingFromNum(uint value) => FixedPoint.SaturatingFromUInt128<I96F32>(value);

    /// <summary><c>I96F32::saturating_from_num(u64)</c>.</summary>
    public static I96F32 SaturatingFromNum(ulong value) => FixedPoint.SaturatingFromUInt128<I96F32>(value);

    /// <summary><c>I96F32::saturating_from_num(i64)</c>.</summary>
    public static I96F32 SaturatingFromNum(long value) => FixedPoint.SaturatingFromInt128<I96F32>(value);

    /// <summary><c>I96F32::saturating_from_num(other)</c> for another fixed-point type (floor, saturate).</summary>
    public static I96F32 SaturatingFrom<T>(T value)
        where T : struct, IFixedPoint<T>
        => FixedPoint.SaturatingConvert<T, I96F32>(value);

    /// <summary><c>I96F32::saturating_from_num(f64)</c> from the bits of a double (integer decoding).</summary>
    public static I96F32 SaturatingFromF64Bits(ulong bits) => FixedPoint.SaturatingFromF64Bits<I96F32>(bits);

    /// <summary><c>I96F32::saturating_from_num(f32)</c> from the bits of a float (integer decoding).</summary>
    public static I96F32 SaturatingFromF32Bits(uint bits) => FixedPoint.SaturatingFromF32Bits<I96F32>(bits);

    /// <summary><c>saturating_to_num::&lt;u64&gt;()</c>.</summary>
    public ulong SaturatingToU64() => FixedPoint.SaturatingToU64(this);

    /// <summary><c>saturating_to_num::&lt;u16&gt;()</c>.</summary>
    public ushort SaturatingToU16() => FixedPoint.SaturatingToU16(this);

    /// <summary><c>saturating_to_num::&lt;i64&gt;()</c>.</summary>
    public long SaturatingToI64() => FixedPoint.SaturatingToI64(this);

    /// <summary><c>saturating_to_num::&lt;u128&gt;()</c>.</summary>
    public UInt128 SaturatingToU128() => FixedPoint.SaturatingToU128(this);

    public void GetSignMagnitude(out bool negative, out UInt128 magnitude)
    {
        negative = _bits < 0;
        magnitude = WideArithmetic.Magnitude(_bits);
    }

    public static I96F32 FromSignMagnitude(bool negative, UInt128 magnitude, bool magnitudeOverflow, out bool overflow) =>
        new(WideArithmetic.ApplySign(negative, magnitude, magnitudeOverflow, out overflow));

    // ---- arithmetic (plain operators wrap like a Rust release build) ----

    public static I96F32 operator +(I96F32 left, I96F32 right) => new(unchecked(left._bits + right._bits));

    public static I96F32 operator -(I96F32 left, I96F32 right) => new(unchecked(left._bits - right._bits));

    public static I96F32 operator -(I96F32 value) => new(unchecked(-value._bits));

    public static I96F32 operator *(I96F32 left, I96F32 right) => new(Fixed128.SignedMul(left._bits, right._bits, FractionalBits, out _));

    /// <summary>Truncating division; throws <see cref="DivideByZeroException"/> on a zero divisor (Rust panics).</summary>
    public static I96F32 operator /(I96F32 left, I96F32 right) =>
        right._bits == 0 ? throw new DivideByZeroException() : new(Fixed128.SignedDiv(left._bits, right._bits, FractionalBits, out _));

    public I96F32 SaturatingAdd(I96F32 other)
    {
        Int128 sum = unchecked(_bits + other._bits);
        if (((_bits ^ sum) & (other._bits ^ sum)) < 0)
        {
            return _bits < 0 ? MinValue : MaxValue;
        }

        return new(sum);
    }

    public I96F32 SaturatingSub(I96F32 other)
    {
        Int128 diff = unchecked(_bits - other._bits);
        if (((_bits ^ other._bits) & (_bits ^ diff)) < 0)
        {
            return _bits < 0 ? MinValue : MaxValue;
        }

        return new(diff);
    }

    public I96F32 SaturatingMul(I96F32 other)
    {
        var raw = Fixed128.SignedMul(_bits, other._bits, FractionalBits, out var overflow);
        if (overflow)
        {
            return (_bits < 0) != (other._bits < 0) ? MinValue : MaxValue;
        }

        return new(raw);
    }

    /// <summary>Saturating division; throws on a zero divisor (as Rust does).</summary>
    public I96F32 SaturatingDiv(I96F32 other)
    {
        if (other._bits == 0)
        {
            throw new DivideByZeroException();
        }

        var raw = Fixed128.SignedDiv(_bits, other._bits, FractionalBits, out var overflow);
        if (overflow)
        {
            return (_bits < 0) != (other._bits < 0) ? MinValue : MaxValue;
        }

        return new(raw);
    }

    public I96F32? CheckedAdd(I96F32 other)
    {
        Int128 sum = unchecked(_bits + other._bits);
        return ((_bits ^ sum) & (other._bits ^ sum)) < 0 ? null : new I96F32(sum);
    }

    public I96F32? CheckedSub(I96F32 other)
    {
        Int128 diff = unchecked(_bits - other._bits);
        return ((_bits ^ other._bits) & (_bits ^ diff)) < 0 ? null : new I96F32(diff);
    }

    public I96F32? CheckedMul(I96F32 other)
    {
        var raw = Fixed128.SignedMul(_bits, other._bits, FractionalBits, out var overflow);
        return overflow ? null : new I96F32(raw);
    }

    public I96F32? CheckedDiv(I96F32 other)
    {
        if (other._bits == 0)
        {
            return null;
        }

        var raw = Fixed128.SignedDiv(_bits, other._bits, FractionalBits, out var overflow);
        return overflow ? null : new I96F32(raw);
    }

    public I96F32? CheckedNeg() => _bits == Int128.MinValue ? null : new I96F32(-_bits);

    public I96F32 SaturatingNeg() => _bits == Int128.MinValue ? MaxValue : new(-_bits);

    public I96F32 Abs() => new(unchecked(_bits < 0 ? -_bits : _bits));

    /// <summary>Subtensor <c>safe_div</c>: 0 on division by zero or overflow.</summary>
    public I96F32 SafeDiv(I96F32 other) => CheckedDiv(other) ?? Zero;

    public I96F32 SafeDivOr(I96F32 other, I96F32 fallback) => CheckedDiv(other) ?? fallback;

    /// <summary><c>floor()</c> (wrapping, like a release build).</summary>
    public I96F32 Floor() => new(_bits & ~((Int128.One << FractionalBits) - 1));

    /// <summary><c>round()</c>: nearest integer, ties away from zero (wrapping).</summary>
    public I96F32 Round()
    {
        Int128 intPart = _bits & ~((Int128.One << FractionalBits) - 1);
        if ((_bits & (Int128.One << (FractionalBits - 1))) == 0)
        {
            return new(intPart);
        }

        bool tie = (_bits & ((Int128.One << FractionalBits) - 1)) == Int128.One << (FractionalBits - 1);
        if (tie && _bits < 0)
        {
            return new(intPart);
        }

        return new(unchecked(intPart + (Int128.One << FractionalBits)));
    }

    public static I96F32 Min(I96F32 a, I96F32 b) => a._bits <= b._bits ? a : b;

    public static I96F32 Max(I96F32 a, I96F32 b) => a._bits >= b._bits ? a : b;

    // ---- comparison ----

    public int CompareTo(I96F32 other) => _bits.CompareTo(other._bits);

    public bool Equals(I96F32 other) => _bits == other._bits;

    public override bool Equals(object? obj) => obj is I96F32 other && Equals(other);

    public override int GetHashCode() => _bits.GetHashCode();

    public static bool operator ==(I96F32 left, I96F32 right) => left._bits == right._bits;

    public static bool operator !=(I96F32 left, I96F32 right) => left._bits != right._bits;

    public static bool operator <(I96F32 left, I96F32 right) => left._bits < right._bits;

    public static bool operator >(I96F32 left, I96F32 right) => left._bits > right._bits;

    public static bool operator <=(I96F32 left, I96F32 right) => left._bits <= right._bits;

    public static bool operator >=(I96F32 left, I96F32 right) => left._bits >= right._bits;

    // ---- SCALE: the raw bits as i128 ----

    public void EncodeTo(ScaleWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteI128(_bits);
    }

    public static I96F32 DecodeFrom(ref ScaleReader reader) => new(reader.ReadI128());

    public override string ToString() => FixedPoint.ToDecimalString(this);
}
