using System.Numerics;
using Subtensor.Core.Scale;

namespace Subtensor.Core.Arithmetic;

/// <summary>
/// A binary fixed-point number over raw integer bits with the semantics of the <c>substrate-fixed</c> crate
/// (encointer fork, v0.6.0): multiplication floors, division truncates toward zero, plain operators wrap (as a
/// Rust release build does), <c>Saturating*</c> clamp and <c>Checked*</c> return null on overflow or division by zero.
/// </summary>
public interface IFixedPoint<TSelf> :
    IComparable<TSelf>,
    IEquatable<TSelf>,
    IComparisonOperators<TSelf, TSelf, bool>,
    IAdditionOperators<TSelf, TSelf, TSelf>,
    ISubtractionOperators<TSelf, TSelf, TSelf>,
    IMultiplyOperators<TSelf, TSelf, TSelf>,
    IDivisionOperators<TSelf, TSelf, TSelf>,
    IScaleEncodable,
    IScaleDecodable<TSelf>
    where TSelf : struct, IFixedPoint<TSelf>
{
    /// <summary>Number of fractional bits.</summary>
    static abstract int FracBits { get; }

    /// <summary>Total number of bits of the raw representation.</summary>
    static abstract int TotalBits { get; }

    static abstract bool IsSigned { get; }

    static abstract TSelf Zero { get; }

    static abstract TSelf One { get; }

    static abstract TSelf MinValue { get; }

    static abstract TSelf MaxValue { get; }

    /// <summary>The raw bits as a sign and a magnitude (the magnitude of the most negative value is 2^(bits−1)).</summary>
    void GetSignMagnitude(out bool negative, out UInt128 magnitude);

    /// <summary>
    /// The value whose raw bits are <c>±magnitude</c>, wrapped to the type's width; <paramref name="overflow"/> reports
    /// that the exact value (which may already exceed 128 bits: <paramref name="magnitudeOverflow"/>) does not fit.
    /// </summary>
    static abstract TSelf FromSignMagnitude(bool negative, UInt128 magnitude, bool magnitudeOverflow, out bool overflow);

    /// <summary>The raw bits as an arbitrary-precision integer.</summary>
    BigInteger RawBits { get; }

    TSelf SaturatingAdd(TSelf other);

    TSelf SaturatingSub(TSelf other);

    TSelf SaturatingMul(TSelf other);

    TSelf SaturatingDiv(TSelf other);

    TSelf? CheckedAdd(TSelf other);

    TSelf? CheckedSub(TSelf other);

    TSelf? CheckedMul(TSelf other);

    TSelf? CheckedDiv(TSelf other);

    /// <summary>Subtensor <c>safe_div</c>: checked division, 0 on division by zero or overflow.</summary>
    TSelf SafeDiv(TSelf other);

    /// <summary>Subtensor <c>safe_div_or</c>: checked division, <paramref name="fallback"/> on failure.</summary>
    TSelf SafeDivOr(TSelf other, TSelf fallback);

    /// <summary><c>floor()</c>.</summary>
    TSelf Floor();

    /// <summary><c>round()</c>: nearest integer, ties away from zero.</summary>
    TSelf Round();

    /// <summary><c>saturating_to_num::&lt;u64&gt;()</c>.</summary>
    ulong SaturatingToU64();

    /// <summary><c>saturating_to_num::&lt;u16&gt;()</c>.</summary>
    ushort SaturatingToU16();
}
