namespace Subtensor.Core.Arithmetic;

/// <summary>
/// Multiplication and division of 128-bit fixed-point raw values (substrate-fixed <c>mul_div_fallback</c>):
/// the product is floor(a·b / 2^frac), the quotient trunc(a·2^frac / b); both return the value wrapped to 128 bits
/// and flag results that do not fit.
/// </summary>
internal static class Fixed128
{
    public static Int128 SignedMul(Int128 a, Int128 b, int frac, out bool overflow)
    {
        if (a == 0 || b == 0)
        {
            overflow = false;
            return 0;
        }

        bool negative = (a < 0) != (b < 0);
        WideArithmetic.Multiply(WideArithmetic.Magnitude(a), WideArithmetic.Magnitude(b), out var hi, out var lo);
        var magnitude = WideArithmetic.ShiftRight(hi, lo, frac, out var magnitudeOverflow, out var inexact);
        if (negative && inexact)
        {
            // floor of a negative product: the magnitude rounds up
            magnitude += 1;
            magnitudeOverflow |= magnitude == 0;
        }

        return WideArithmetic.ApplySign(negative, magnitude, magnitudeOverflow, out overflow);
    }

    public static Int128 SignedDiv(Int128 a, Int128 b, int frac, out bool overflow)
    {
        bool negative = (a < 0) != (b < 0);
        var magnitude = WideArithmetic.DivideShifted(WideArithmetic.Magnitude(a), frac, WideArithmetic.Magnitude(b), out var magnitudeOverflow);
        if (magnitude == 0 && !magnitudeOverflow)
        {
            overflow = false;
            return 0;
        }

        return WideArithmetic.ApplySign(negative, magnitude, magnitudeOverflow, out overflow);
    }

    public static UInt128 UnsignedMul(UInt128 a, UInt128 b, int frac, out bool overflow)
    {
        WideArithmetic.Multiply(a, b, out var hi, out var lo);
        return WideArithmetic.ShiftRight(hi, lo, frac, out overflow, out _);
    }

    public static UInt128 UnsignedDiv(UInt128 a, UInt128 b, int frac, out bool overflow) =>
        WideArithmetic.DivideShifted(a, frac, b, out overflow);
}
