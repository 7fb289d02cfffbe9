using System.Runtime.CompilerServices;

namespace Subtensor.Core.Arithmetic;

/// <summary>
/// Fast exact I32F32 division by a divisor used many times (row/column normalisation): same results as
/// <see cref="I32F32.SafeDiv"/> and <see cref="I32F32.CheckedDiv"/>, computed with a precomputed reciprocal
/// (Möller–Granlund "division by invariant integers", 2-by-1 words) instead of a 128-bit division per element.
/// </summary>
public readonly struct I32F32Divisor
{
    private readonly ulong _normalized;   // |divisor| << shift, top bit set
    private readonly ulong _reciprocal;   // floor((2^128 − 1) / normalized) − 2^64
    private readonly int _shift;
    private readonly bool _negative;
    private readonly bool _zero;

    public I32F32Divisor(I32F32 divisor)
    {
        long bits = divisor.Bits;
        _zero = bits == 0;
        _negative = bits < 0;
        ulong magnitude = _negative ? 0UL - (ulong)bits : (ulong)bits;
        if (_zero)
        {
            _normalized = 0;
            _reciprocal = 0;
            _shift = 0;
            return;
        }

        _shift = System.Numerics.BitOperations.LeadingZeroCount(magnitude);
        _normalized = magnitude << _shift;
        _reciprocal = (ulong)((UInt128.MaxValue / _normalized) - ((UInt128)1 << 64));
    }

    public bool IsZero => _zero;

    /// <summary><c>dividend.safe_div(divisor)</c>: 0 on division by zero or overflow.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public I32F32 SafeDivide(I32F32 dividend) => TryDivide(dividend, out var result) ? result : I32F32.Zero;

    /// <summary><c>dividend.checked_div(divisor)</c>.</summary>
    public I32F32? CheckedDivide(I32F32 dividend) => TryDivide(dividend, out var result) ? result : null;

    /// <summary>trunc(dividend·2^32 / divisor); false on a zero divisor or when the quotient does not fit.</summary>
    public bool TryDivide(I32F32 dividend, out I32F32 result)
    {
        if (_zero)
        {
            result = I32F32.Zero;
            return false;
        }

        long a = dividend.Bits;
        bool negative = (a < 0) != _negative;
        ulong magnitude = a < 0 ? 0UL - (ulong)a : (ulong)a;

        // numerator |a|·2^32·2^shift as two 64-bit words (u1, u0)
        int totalShift = 32 + _shift;
        ulong u1, u0;
        if (totalShift >= 64)
        {
            int s = totalShift - 64;
            if (s > 0 && (magnitude >> (64 - s)) != 0)
            {
                result = I32F32.Zero;
                return false; // numerator needs more than 128 bits: quotient ≥ 2^64
            }

            u1 = magnitude << s;
            u0 = 0;
        }
        else
        {
            u1 = magnitude >> (64 - totalShift);
            u0 = magnitude << totalShift;
        }

        if (u1 >= _normalized)
        {
            result = I32F32.Zero;
            return false; // quotient ≥ 2^64
        }

        ulong q = DivideTwoByOne(u1, u0);
        ulong limit = negative ? 1UL << 63 : (ulong)long.MaxValue;
        if (q > limit)
        {
            result = I32F32.Zero;
            return false;
        }

        result = I32F32.FromBits(negative ? (long)(0UL - q) : (long)q);
        return true;
    }

    /// <summary>Quotient of (u1·2^64 + u0) by the normalised divisor, u1 &lt; divisor (Möller–Granlund, algorithm 4).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ulong DivideTwoByOne(ulong u1, ulong u0)
    {
        ulong q1 = Math.BigMul(_reciprocal, u1, out ulong q0);
        UInt128 sum = ((UInt128)q1 << 64 | q0) + ((UInt128)u1 << 64 | u0);
        q1 = (ulong)(sum >> 64) + 1;
        q0 = (ulong)sum;
        ulong r = u0 - (q1 * _normalized);
        if (r > q0)
        {
            q1 -= 1;
            r += _normalized;
        }

        if (r >= _normalized)
        {
            q1 += 1;
        }

        return q1;
    }
}
