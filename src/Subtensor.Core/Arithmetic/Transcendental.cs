namespace Subtensor.Core.Arithmetic;

/// <summary>
/// The transcendental functions of <c>substrate_fixed::transcendental</c> (v0.6.0) with identical results:
/// a Taylor series for <c>exp</c>, repeated squaring for <c>log2</c>, <c>ln = log2 / log2(e)</c> and
/// <c>pow = exp(ln(x)·y)</c>, with the crate's I9F23 constants. Source and target type are the same (as in every
/// Subtensor call site). Null stands for the crate's <c>Err(())</c>. Requires at least 23 fractional bits.
/// </summary>
public static class Transcendental
{
    // substrate-fixed consts::E (U2F126) and consts::LOG2_E (U1F127), cut to I9F23 as the crate does (>> 103, >> 104).
    private static readonly UInt128 EBitsU2F126 = new(0xADF8_5458_A2BB_4A9AUL, 0xAFDC_5620_273D_3CF1UL);
    private static readonly UInt128 Log2EBitsU1F127 = new(0xB8AA_3B29_5C17_F0BBUL, 0xBE87_FED0_691D_3E88UL);

    /// <summary>Raw bits of the crate's I9F23 constant <c>E</c>.</summary>
    public static int EI9F23Bits => (int)(EBitsU2F126 >> 103);

    /// <summary>Raw bits of the crate's I9F23 constant <c>LOG2_E</c>.</summary>
    public static int Log2EI9F23Bits => (int)(Log2EBitsU1F127 >> 104);

    private const int ConstFracBits = 23;

    /// <summary><c>exp(x)</c>: Taylor series with terms 2..frac_bits−1 in checked arithmetic; negative inputs give 1/exp(|x|).</summary>
    public static T? Exp<T>(T operand)
        where T : struct, ISignedFixedPoint<T>
    {
        RequireConstantPrecision<T>();
        if (operand == T.Zero)
        {
            return T.One;
        }

        if (operand == T.One)
        {
            return FromConst<T>(EI9F23Bits);
        }

        bool negative = operand < T.Zero;
        if (negative)
        {
            var positive = operand.CheckedNeg();
            if (positive is null)
            {
                return null;
            }

            operand = positive.Value;
        }

        var sum = operand.CheckedAdd(T.One);
        if (sum is null)
        {
            return null;
        }

        var result = sum.Value;
        var term = operand;
        for (int i = 2; i < T.FracBits; i++)
        {
            var product = term.CheckedMul(operand);
            if (product is null)
            {
                return null;
            }

            var quotient = product.Value.CheckedDiv(FixedPoint.FromInt128<T>(i));
            if (quotient is null)
            {
                return null;
            }

            term = quotient.Value;
            var next = result.CheckedAdd(term);
            if (next is null)
            {
                return null;
            }

            result = next.Value;
        }

        if (negative)
        {
            return T.One.CheckedDiv(result);
        }

        return result;
    }

    /// <summary><c>log2(x)</c> for x &gt; 0 (null otherwise); values below 1 use −log2(1/x).</summary>
    public static T? Log2<T>(T operand)
        where T : struct, ISignedFixedPoint<T>
    {
        RequireConstantPrecision<T>();
        if (operand <= T.Zero)
        {
            return null;
        }

        if (operand < T.One)
        {
            var inverse = T.One.CheckedDiv(operand);
            return inverse is null ? null : -Log2AtLeastOne(inverse.Value);
        }

        return Log2AtLeastOne(operand);
    }

    /// <summary><c>ln(x) = log2(x) / log2(e)</c> with the I9F23 constant.</summary>
    public static T? Ln<T>(T operand)
        where T : struct, ISignedFixedPoint<T>
    {
        var log2 = Log2(operand);
        return log2 is null ? null : log2.Value / FromConst<T>(Log2EI9F23Bits);
    }

    /// <summary><c>pow(x, y) = exp(ln(x)·y)</c>, with x = 0 → 0, y = 0 → 1, y = 1 → x.</summary>
    public static T? Pow<T>(T operand, T exponent)
        where T : struct, ISignedFixedPoint<T>
    {
        if (operand == T.Zero)
        {
            return T.Zero;
        }

        if (exponent == T.Zero)
        {
            return T.One;
        }

        if (exponent == T.One)
        {
            return operand;
        }

        var ln = Ln(operand);
        var product = ln?.CheckedMul(exponent);
        return product is null ? null : Exp(product.Value);
    }

    /// <summary>The crate's <c>log2_inner</c> for x ≥ 1: integer part by halving (rounding shift), then one bit per squaring.</summary>
    private static T Log2AtLeastOne<T>(T x)
        where T : struct, ISignedFixedPoint<T>
    {
        var two = FixedPoint.FromInt128<T>(2);
        UInt128 result = 0;
        while (x >= two)
        {
            result += 1;
            x = HalveRounded(x);
        }

        if (x == T.One)
        {
            return FixedPoint.FromScaled<T>(false, result, false, 0, out _);
        }

        for (int i = 0; i < T.FracBits; i++)
        {
            x *= x;
            result <<= 1;
            if (x >= two)
            {
                result |= 1;
                x = HalveRounded(x);
            }
        }

        return T.FromSignMagnitude(false, result, false, out _);
    }

    /// <summary>The crate's <c>rs</c>: <c>(x &gt;&gt; 1) + (x &amp; lsb)</c> on the raw bits of a positive value.</summary>
    private static T HalveRounded<T>(T x)
        where T : struct, ISignedFixedPoint<T>
    {
        x.GetSignMagnitude(out _, out var raw);
        return T.FromSignMagnitude(false, (raw >> 1) + (raw & 1), false, out _);
    }

    private static T FromConst<T>(int i9f23Bits)
        where T : struct, ISignedFixedPoint<T>
        => FixedPoint.FromScaled<T>(i9f23Bits < 0, (UInt128)Math.Abs((long)i9f23Bits), false, ConstFracBits, out _);

    private static void RequireConstantPrecision<T>()
        where T : struct, ISignedFixedPoint<T>
    {
        if (T.FracBits < ConstFracBits)
        {
            throw new NotSupportedException($"{typeof(T).Name} has fewer than {ConstFracBits} fractional bits; substrate-fixed's transcendentals need From<I9F23>");
        }
    }
}
