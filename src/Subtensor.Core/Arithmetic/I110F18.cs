using System.Numerics;
using Subtensor.Core.Scale;

namespace Subtensor.Core.Arithmetic;

/// <summary>
/// Signed fixed-point number with 110 integer and 18 fractional bits over an <see cref="Int128"/>
/// (<c>substrate_fixed::types::I110F18</c>, v0.6.0).
/// </summary>
public readonly struct I110F18 : ISignedFixedPoint<I110F18>
{
    public const int FractionalBits = 18;

    private readonly Int128 _bits;

    private I110F18(Int128 bits) => _bits = bits;

    public static int FracBits => FractionalBits;

    public static int TotalBits => 128;

    public static bool IsSigned => true;

    public static I110F18 Zero => default;

    public static I110F18 One => new(Int128.One << FractionalBits);

    public static I110F18 MinValue => new(Int128.MinValue);

    public static I110F18 MaxValue => new(Int128.MaxValue);

    /// <summary>The smallest positive value, 2^-18.</summary>
    public static I110F18 Delta => new(Int128.One);

    /// <summary>Raw bits (<c>to_bits</c>).</summary>
    public Int128 Bits => _bits;

    public BigInteger RawBits => (BigInteger)_bits;

    public static I110F18 FromBits(Int128 bits) => new(bits);

    /// <summary><c>I110F18::from_num(i)</c>; throws <see cref="OverflowException"/> when the integer does not fit.</summary>
    public static I110F18 FromInt(Int128 value) => FixedPoint.FromInt128<I110F18>(value);

    /// <summary><c>I110F18::saturating_from_num(i)</c>.</summary>
    public static I110F18 SaturatingFromNum(Int128 value) => FixedPoint.SaturatingFromInt128<I110F18>(value);

    /// <summary><c>I110F18::saturating_from_num(u)</c>.</summary>
    public static I110F18 SaturatingFromNum(UInt128 value) => FixedPoint.SaturatingFromUInt128<I110F18>(value);

    /// <summary><c>I110F18::saturating_from_num(u32)</c> (also picked for u16/u8 arguments).</summary>
    public static I110F18 SaturatingFromNum(uint value) => FixedPoint.SaturatingFromUInt128<I110F18>(value);

    /// <summary><c>I110F18::saturating_from_num(u64)</c>.</summary>
    public static I110F18 SaturatingFromNum(ulong value) => FixedPoint.SaturatingFromUInt128<I110F18>(value);

    /// <summary><c>I110F18::saturating_from_num(i64)</c>.</summary>
    public static I110F18 SaturatingFromNum(long value) => FixedPoint.SaturatingFromInt128<I110F18>(value);

    /// <summary><c>I110F18::saturating_from_num(other)</c> for another fixed-point type (floor, saturate).</summary>
    public static I110F18 SaturatingFrom<T>(T value)
        where T : struct, IFixedPoint<T>
        => FixedPoint.SaturatingConvert<T, I110F18>(value);

    /// <summary><c>I110F18::saturating_from_num(f64)</c> from the bits of a double (integer decoding).</summary>
    public static I110F18 SaturatingFromF64Bits(ulong bits) => FixedPoint.SaturatingFromF64Bits<I110F18>(bits);

    /// <summary><c>I110F18::saturating_from_num(f32)</c> from the bits of a float (integer decoding).</summary>
    public static I110F18 SaturatingFromF32Bits(uint bits) => FixedPoint.SaturatingFromF32Bits<I110F18>(bits);

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

    public static I110F18 FromSignMagnitude(bool negative, UInt128 magnitude, bool magnitudeOverflow, out bool overflow) =>
        new(WideArithmetic.ApplySign(negative, magnitude, magnitudeOverflow, out overflow));

    // ---- arithmetic (plain operators wrap like a Rust release build) ----

    public static I110F18 operator +(I110F18 left, I110F18 right) => new(unchecked(left._bits + right._bits));

    public static I110F18 operator -(I110F18 left, I110F18 right) => new(unchecked(left._bits - right._bits));

    public static I110F18 operator -(I110F18 value) => new(unchecked(-value._bits));

    public static I110F18 operator *(I110F18 left, I110F18 right) => new(Fixed128.SignedMul(left._bits, right._bits, FractionalBits, out _));

    /// <summary>Truncating division; throws <see cref="DivideByZeroException"/> on a zero divisor (Rust panics).</summary>
    public static I110F18 operator /(I110F18 left, I110F18 right) =>
        right._bits == 0 ? throw new DivideByZeroException() : new(Fixed128.SignedDiv(left._bits, right._bits, FractionalBits, out _));

    public I110F18 SaturatingAdd(I110F18 other)
    {
        Int128 sum = unchecked(_bits + other._bits);
        if (((_bits ^ sum) & (other._bits ^ sum)) < 0)
        {
            return _bits < 0 ? MinValue : MaxValue;
        }

        return new(sum);
    }

    public I110F18 SaturatingSub(I110F18 other)
    {
        Int128 diff = unchecked(_bits - other._bits);
        if (((_bits ^ other._bits) & (_bits ^ diff)) < 0)
        {
            return _bits < 0 ? MinValue : MaxValue;
        }

        return new(diff);
    }

    public I110F18 SaturatingMul(I110F18 other)
    {
        var raw = Fixed128.SignedMul(_bits, other._bits, FractionalBits, out var overflow);
        if (overflow)
        {
            return (_bits < 0) != (other._bits < 0) ? MinValue : MaxValue;
        }

        return new(raw);
    }

    /// <summary>Saturating division; throws on a zero divisor (as Rust does).</summary>
    public I110F18 SaturatingDiv(I110F18 other)
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

    public I110F18? CheckedAdd(I110F18 other)
    {
        Int128 sum = unchecked(_bits + other._bits);
        return ((_bits ^ sum) & (other._bits ^ sum)) < 0 ? null : new I110F18(sum);
    }

    public I110F18? CheckedSub(I110F18 other)
    {
        Int128 diff = unchecked(_bits - other._bits);
        return ((_bits ^ other._bits) & (_bits ^ diff)) < 0 ? null : new I110F18(diff);
    }

    public I110F18? CheckedMul(I110F18 other)
    {
        var raw = Fixed128.SignedMul(_bits, other._bits, FractionalBits, out var overflow);
        return overflow ? null : new I110F18(raw);
    }

    public I110F18? CheckedDiv(I110F18 other)
    {
        if (other._bits == 0)
        {
            return null;
        }

        var raw = Fixed128.SignedDiv(_bits, other._bits, FractionalBits, out var overflow);
        return overflow ? null : new I110F18(raw);
    }

    public I110F18? CheckedNeg() => _bits == Int128.MinValue ? null : new I110F18(-_bits);

    public I110F18 SaturatingNeg() => _bits == Int128.MinValue ? MaxValue : new(-_bits);

    public I110F18 Abs() => new(unchecked(_bits < 0 ? -_bits : _bits));

    /// <summary>Subtensor <c>safe_div</c>: 0 on division by zero or overflow.</summary>
    public I110F18 SafeDiv(I110F18 other) => CheckedDiv(other) ?? Zero;

    public I110F18 SafeDivOr(I110F18 other, I110F18 fallback) => CheckedDiv(other) ?? fallback;

    /// <summary><c>floor()</c> (wrapping, like a release build).</summary>
    public I110F18 Floor() => new(_bits & ~((Int128.One << FractionalBits) - 1));

    /// <summary><c>round()</c>: nearest integer, ties away from zero (wrapping).</summary>
    public I110F18 Round()
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

    public static I110F18 Min(I110F18 a, I110F18 b) => a._bits <= b._bits ? a : b;

    public static I110F18 Max(I110F18 a, I110F18 b) => a._bits >= b._bits ? a : b;

    // ---- comparison ----

    public int CompareTo(I110F18 other) => _bits.CompareTo(other._bits);

    public bool Equals(I110F18 other) => _bits == other._bits;

    public override bool Equals(object? obj) => obj is I110F18 other && Equals(other);

    public override int GetHashCode() => _bits.GetHashCode();

    public static bool operator ==(I110F18 left, I110F18 right) => left._bits == right._bits;

    public static bool operator !=(I110F18 left, I110F18 right) => left._bits != right._bits;

    public static bool operator <(I110F18 left, I110F18 right) => left._bits < right._bits;

    public static bool operator >(I110F18 left, I110F18 right) => left._bits > right._bits;

    public static bool operator <=(I110F18 left, I110F18 right) => left._bits <= right._bits;

    public static bool operator >=(I110F18 left, I110F18 right) => left._bits >= right._bits;

    // ---- SCALE: the raw bits as i128 ----

    public void EncodeTo(ScaleWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteI128(_bits);
    }

    public static I110F18 DecodeFrom(ref ScaleReader reader) => new(reader.ReadI128());

    public override string ToString() => FixedPoint.ToDecimalString(this);
}
