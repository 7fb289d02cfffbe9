using System.Runtime.CompilerServices;

namespace Subtensor.Core.Arithmetic;

/// <summary>
/// Little-endian unsigned multi-limb (64-bit) integer helpers on spans of equal length, for the fixed-size series loop
/// of <see cref="RationalPower"/>. Callers keep magnitudes and signs separately.
/// </summary>
internal static class LimbMath
{
    private const int MaxSmallDivisor = 8192;

    // floor(2^64 / d) + 1: exact floor(x / d) = mulhi(x, m) for x < 2^45 and d ≤ 2^13
    private static readonly ulong[] Reciprocals = BuildReciprocals();

    public static bool IsZero(ReadOnlySpan<ulong> a)
    {
        foreach (var limb in a)
        {
            if (limb != 0)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>a &lt; 2^bits (bits &lt; 64).</summary>
    public static bool LessThanPow2(ReadOnlySpan<ulong> a, int bits)
    {
        for (int i = 1; i < a.Length; i++)
        {
            if (a[i] != 0)
            {
                return false;
            }
        }

        return a[0] < 1UL << bits;
    }

    public static int Compare(ReadOnlySpan<ulong> a, ReadOnlySpan<ulong> b)
    {
        for (int i = a.Length - 1; i >= 0; i--)
        {
            if (a[i] != b[i])
            {
                return a[i] < b[i] ? -1 : 1;
            }
        }

        return 0;
    }

    /// <summary>dst = a + b (carry out of the top limb is dropped; callers size spans so it cannot occur).</summary>
    public static void Add(ReadOnlySpan<ulong> a, ReadOnlySpan<ulong> b, Span<ulong> dst)
    {
        ulong carry = 0;
        for (int i = 0; i < dst.Length; i++)
        {
            ulong sum = a[i] + carry;
            carry = sum < carry ? 1UL : 0UL;
            ulong total = sum + b[i];
            carry += total < sum ? 1UL : 0UL;
            dst[i] = total;
        }
    }

    /// <summary>dst = a − b for a ≥ b.</summary>
    public static void Subtract(ReadOnlySpan<ulong> a, ReadOnlySpan<ulong> b, Span<ulong> dst)
    {
        ulong borrow = 0;
        for (int i = 0; i < dst.Length; i++)
        {
            ulong ai = a[i];
            ulong diff = ai - b[i];
            ulong borrow1 = ai < b[i] ? 1UL : 0UL;
            ulong result = diff - borrow;
            ulong borrow2 = diff < borrow ? 1UL : 0UL;
            dst[i] = result;
            borrow = borrow1 | borrow2;
        }
    }

    public static void AddOne(Span<ulong> a)
    {
        for (int i = 0; i < a.Length; i++)
        {
            if (++a[i] != 0)
            {
                return;
            }
        }
    }

    /// <summary>product (length a + b) = a × b.</summary>
    public static void Multiply(ReadOnlySpan<ulong> a, ReadOnlySpan<ulong> b, Span<ulong> product)
    {
        product.Clear();
        int aLength = SignificantLength(a), bLength = SignificantLength(b);
        for (int i = 0; i < aLength; i++)
        {
            ulong ai = a[i];
            if (ai == 0)
            {
                continue;
            }

            ulong carry = 0;
            for (int j = 0; j < bLength; j++)
            {
                ulong hi = Math.BigMul(ai, b[j], out ulong lo);
                ulong sum = lo + carry;
                hi += sum < lo ? 1UL : 0UL;
                ulong total = product[i + j] + sum;
                hi += total < sum ? 1UL : 0UL;
                product[i + j] = total;
                carry = hi;
            }

            int k = i + bLength;
            while (carry != 0)
            {
                ulong total = product[k] + carry;
                carry = total < carry ? 1UL : 0UL;
                product[k++] = total;
            }
        }
    }

    /// <summary>dst = src &gt;&gt; shift (dst may be shorter); returns whether non-zero bits were shifted out.</summary>
    public static bool ShiftRight(ReadOnlySpan<ulong> src, int shift, Span<ulong> dst)
    {
        int limbs = shift >> 6, bits = shift & 63;
        bool inexact = false;
        for (int i = 0; i < limbs && i < src.Length; i++)
        {
            inexact |= src[i] != 0;
        }

        if (bits != 0 && limbs < src.Length)
        {
            inexact |= (src[limbs] & ((1UL << bits) - 1)) != 0;
        }

        for (int i = 0; i < dst.Length; i++)
        {
            int s = i + limbs;
            ulong low = s < src.Length ? src[s] : 0UL;
            if (bits == 0)
            {
                dst[i] = low;
            }
            else
            {
                ulong high = s + 1 < src.Length ? src[s + 1] : 0UL;
                dst[i] = (low >> bits) | (high << (64 - bits));
            }
        }

        return inexact;
    }

    /// <summary>dst = floor(src / d) for 2 ≤ d ≤ 8192; returns the remainder.</summary>
    public static ulong DivideSmall(ReadOnlySpan<ulong> src, int d, Span<ulong> dst)
    {
        ulong m = Reciprocals[d];
        ulong remainder = 0;
        for (int i = src.Length - 1; i >= 0; i--)
        {
            ulong limb = src[i];

            // two 32-bit steps keep every partial dividend below d·2^32 < 2^45
            ulong x = (remainder << 32) | (limb >> 32);
            ulong qHigh = Quotient(x, m, d, out remainder);
            x = (remainder << 32) | (limb & 0xFFFF_FFFFUL);
            ulong qLow = Quotient(x, m, d, out remainder);
            dst[i] = (qHigh << 32) | qLow;
        }

        return remainder;
    }

    public static bool SupportsDivisor(int d) => d >= 2 && d <= MaxSmallDivisor;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Quotient(ulong x, ulong reciprocal, int d, out ulong remainder)
    {
        ulong q = Math.BigMul(x, reciprocal, out _);
        remainder = x - (q * (ulong)d);
        return q;
    }

    private static int SignificantLength(ReadOnlySpan<ulong> a)
    {
        int length = a.Length;
        while (length > 0 && a[length - 1] == 0)
        {
            length--;
        }

        return length;
    }

    private static ulong[] BuildReciprocals()
    {
        var table = new ulong[MaxSmallDivisor + 1];
        for (int d = 2; d <= MaxSmallDivisor; d++)
        {
            table[d] = (ulong)((UInt128.One << 64) / (ulong)d) + 1;
        }

        return table;
    }
}
