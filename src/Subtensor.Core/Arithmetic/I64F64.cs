using System.Numerics;
using Subtensor.Core.Scale;

namespace Subtensor.Core.Arithmetic;

/// <summary>
/// Signed fixed-point number with 64 integer and 64 fractional bits over an <see cref="Int128"/>
/// (<c>substrate_fixed::types::I64F64</c>, v0.6.0). Used for raw stake weights, bonds moving-average scaling, flow EMAs and lock decay.
/// </summary>
public readonly struct I64F64 : ISignedFixedPoint<I64F64>
{
    public const int FractionalBits = 64;

    private readonly Int128 _bits;

    private I64F64(Int128 bits) => _bits = bits;

    public static int FracBits => FractionalBits;

    public static int TotalBits => 128;

    public static bool IsSigned => true;

    public static I64F64 Zero => default;

    public static I64F64 One => new(Int128.One << FractionalBits);

    public static I64F64 MinValue => new(Int128.MinValue);

    public static I64F64 MaxValue => new(Int128.MaxValue);

    /// <summary>The smallest positive value, 2^-64.</summary>
    public static I64F64 Delta => new(Int128.One);

    /// <summary>Raw bits (<c>to_bits</c>).</summary>
    public Int128 Bits => _bits;

    public BigInteger RawBits => (BigInteger)_bits;

    public static I64F64 FromBits(Int128 bits) => new(bits);

    /// <summary><c>I64F64::from_num(i)</c>; throws <see cref="OverflowException"/> when the integer does not fit.</summary>
    public static I64F64 FromInt(Int128 value) => FixedPoint.FromInt128<I64F64>(value);

    /// <summary><c>I64F64::saturating_from_num(i)</c>.</summary>
    public static I64F64 SaturatingFromNum(Int128 value) => FixedPoint.SaturatingFromInt128<I64F64>(value);

    /// <summary><c>I64F64::saturating_from_num(u)</c>.</summary>
    public static I64F64 SaturatingFromNum(UInt128 value) => FixedPoint.SaturatingFromUInt128<I64F64>(value);

    /// <summary><c>I64F64::saturating_from_num(u32)</c> (also picked for u16/u8 arguments).</summary>
    public static I64F64 SaturatingFromNum(uint value) => FixedPoint.SaturatingFromUInt128<I64F64>(value);

    /// <summary><c>I64F64::saturating_from_num(u64)</c>.</summary>
    public static I64F64 SaturatingFromNum(ulong value) => FixedPoint.SaturatingFromUInt128<I64F64>(value);

    /// <summary><c>I64F64::saturating_from_num(i64)</c>.</summary>
    public static I64F64 SaturatingFromNum(long value) => FixedPoint.SaturatingFromInt128<I64F64>(value);

    /// <summary><c>I64F64::saturating_from_num(other)</c> for another fixed-point type (floor, saturate).</summary>
    public static I64F64 SaturatingFrom<T>(T value)
        where T : struct, IFixedPoint<T>
        => FixedPoint.SaturatingConvert<T, I64F64>(value);

    /// <summary><c>I64F64::saturating_from_num(f64)</c> from the bits of a double (integer decoding).</summary>
    public static I64F64 SaturatingFromF64Bits(ulong bits) => FixedPoint.SaturatingFromF64Bits<I64F64>(bits);

    /// <summary><c>I64F64::saturating_from_num(f32)</c> from the bits of a float (integer decoding).</summary>
    public static I64F64 SaturatingFromF32Bits(uint bits) => FixedPoint.SaturatingFromF32Bits<I64F64>(bits);

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

    public static I64F64 FromSignMagnitude(bool negative, UInt128 magnitude, bool magnitudeOverflow, out bool overflow) =>
        new(WideArithmetic.ApplySign(negative, magnitude, magnitudeOverflow, out overflow));

    // ---- arithmetic (plain operators wrap like a Rust release build) ----

    public static I64F64 operator +(I64F64 left, I64F64 right) => new(unchecked(left._bits + right._bits));

    public static I64F64 operator -(I64F64 left, I64F64 right) => new(unchecked(left._bits - right._bits));

    public static I64F64 operator -(I64F64 value) => new(unchecked(-value._bits));

    public static I64F64 operator *(I64F64 left, I64F64 right) => new(Fixed128.SignedMul(left._bits, right._bits, FractionalBits, out _));

    /// <summary>Truncating division; throws <see cref="DivideByZeroException"/> on a zero divisor (Rust panics).</summary>
    public static I64F64 operator /(I64F64 left, I64F64 right) =>
        right._bits == 0 ? throw new DivideByZeroException() : new(Fixed128.SignedDiv(left._bits, right._bits, FractionalBits, out _));

    public I64F64 SaturatingAdd(I64F64 other)
    {
        Int128 sum = unchecked(_bits + other._bits);
        if (((_bits ^ sum) & (other._bits ^ sum)) < 0)
        {
            return _bits < 0 ? MinValue : MaxValue;
        }

        return new(sum);
    }

    public I64F64 SaturatingSub(I64F64 other)
    {
        Int128 diff = unchecked(_bits - other._bits);
        if (((_bits ^ other._bits) & (_bits ^ diff)) < 0)
        {
            return _bits < 0 ? MinValue : MaxValue;
        }

        return new(diff);
    }

    public I64F64 SaturatingMul(I64F64 other)
    {
        var raw = Fixed128.SignedMul(_bits, other._bits, FractionalBits, out var overflow);
        if (overflow)
        {
            return (_bits < 0) != (other._bits < 0) ? MinValue : MaxValue;
        }

        return new(raw);
    }

    /// <summary>Saturating division; throws on a zero divisor (as Rust does).</summary>
    public I64F64 SaturatingDiv(I64F64 other)
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

    public I64F64? CheckedAdd(I64F64 other)
    {
        Int128 sum = unchecked(_bits + other._bits);
        return ((_bits ^ sum) & (other._bits ^ sum)) < 0 ? null : new I64F64(sum);
    }

    public I64F64? CheckedSub(I64F64 other)
    {
        Int128 diff = unchecked(_bits - other._bits);
        return ((_bits ^ other._bits) & (_bits ^ diff)) < 0 ? null : new I64F64(diff);
    }

    public I64F64? CheckedMul(I64F64 other)
    {
        var raw = Fixed128.SignedMul(_bits, other._bits, FractionalBits, out var overflow);
        return overflow ? null : new I64F64(raw);
    }

    public I64F64? CheckedDiv(I64F64 other)
    {
        if (other._bits == 0)
        {
            return null;
        }

        var raw = Fixed128.SignedDiv(_bits, other._bits, FractionalBits, out var overflow);
        return overflow ? null : new I64F64(raw);
    }

    public I64F64? CheckedNeg() => _bits == Int128.MinValue ? null : new I64F64(-_bits);

    public I64F64 SaturatingNeg() => _bits == Int128.MinValue ? MaxValue : new(-_bits);

    public I64F64 Abs() => new(unchecked(_bits < 0 ? -_bits : _bits));

    /// <summary>Subtensor <c>safe_div</c>: 0 on division by zero or overflow.</summary>
    public I64F64 SafeDiv(I64F64 other) => CheckedDiv(other) ?? Zero;

    public I64F64 SafeDivOr(I64F64 other, I64F64 fallback) => CheckedDiv(other) ?? fallback;

    /// <summary><c>floor()</c> (wrapping, like a release build).</summary>
    public I64F64 Floor() => new(_bits & ~((Int128.One << FractionalBits) - 1));

    /// <summary><c>round()</c>: nearest integer, ties away from zero (wrapping).</summary>
    public I64F64 Round()
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

    public static I64F64 Min(I64F64 a, I64F64 b) => a._bits <= b._bits ? a : b;

    public static I64F64 Max(I64F64 a, I64F64 b) => a._bits >= b._bits ? a : b;

    // ---- comparison ----

    public int CompareTo(I64F64 other) => _bits.CompareTo(other._bits);

    public bool Equals(I64F64 other) => _bits == other._bits;

    public override bool Equals(object? obj) => obj is I64F64 other && Equals(other);

    public override int GetHashCode() => _bits.GetHashCode();

    public static bool operator ==(I64F64 left, I64F64 right) => left._bits == right._bits;

    public static bool operator !=(I64F64 left, I64F64 right) => left._bits != right._bits;

    public static bool operator <(I64F64 left, I64F64 right) => left._bits < right._bits;

    public static bool operator >(I64F64 left, I64F64 right) => left._bits > right._bits;

    public static bool operator <=(I64F64 left, I64F64 right) => left._bits <= right._bits;

    public static bool operator >=(I64F64 left, I64F64 right) => left._bits >= right._bits;

    // ---- SCALE: the raw bits as i128 ----

    public void EncodeTo(ScaleWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteI128(_bits);
    }

    public static I64F64 DecodeFrom(ref ScaleReader reader) => new(reader.ReadI128());

    public override string ToString() => FixedPoint.ToDecimalString(this);
}
