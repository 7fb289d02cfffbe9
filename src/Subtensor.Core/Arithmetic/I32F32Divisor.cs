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
    public I32F32 SafeDivide(I32F32 dividend) => I32F32.FromBits(SafeDivideBits(dividend.Bits));

    /// <summary><c>dividend.checked_div(divisor)</c>.</summary>
    public I32F32? CheckedDivide(I32F32 dividend)
    {
        long q = DivideBits(dividend.Bits, out bool ok);
        return ok ? I32F32.FromBits(q) : null;
    }

    /// <summary>trunc(dividend·2^32 / divisor); false on a zero divisor or when the quotient does not fit.</summary>
    public bool TryDivide(I32F32 dividend, out I32F32 result)
    {
        result = I32F32.FromBits(DivideBits(dividend.Bits, out bool ok));
        return ok;
    }

    /// <summary><see cref="SafeDivide"/> on raw bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public long SafeDivideBits(long dividend)
    {
        long q = DivideBits(dividend, out bool ok);
        return ok ? q : 0L;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private long DivideBits(long a, out bool ok)
    {
        if (_zero)
        {
            ok = false;
            return 0;
        }

        bool negative = (a < 0) != _negative;
        ulong magnitude = a < 0 ? 0UL - (ulong)a : (ulong)a;

        // numerator |a|·2^32·2^shift as two 64-bit words (u1, u0)
        int totalShift = 32 + _shift;
        ulong u1, u0;
        if (totalShift < 64)
        {
            u1 = magnitude >> (64 - totalShift);
            u0 = magnitude << totalShift;
        }
        else
        {
            int s = totalShift - 64;
            if (s > 0 && (magnitude >> (64 - s)) != 0)
            {
                ok = false;
                return 0; // numerator needs more than 128 bits: quotient ≥ 2^64
            }

            u1 = magnitude << s;
            u0 = 0;
        }

        if (u1 >= _normalized)
        {
            ok = false;
            return 0; // quotient ≥ 2^64
        }

        // Möller–Granlund, algorithm 4 (2-by-1 division with a precomputed reciprocal)
        ulong q1 = Math.BigMul(_reciprocal, u1, out ulong q0);
        ulong sum0 = q0 + u0;
        q1 += u1 + (sum0 < q0 ? 1UL : 0UL);
        q0 = sum0;
        q1 += 1;
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

        ulong limit = negative ? 1UL << 63 : (ulong)long.MaxValue;
        if (q1 > limit)
        {
            ok = false;
            return 0;
        }

        ok = true;
        return negative ? (long)(0UL - q1) : (long)q1;
    }
}
