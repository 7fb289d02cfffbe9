using Subtensor.Core.Arithmetic;

namespace Subtensor.Economics.Epoch;

/// <summary>Vector helpers of Subtensor's <c>epoch/math.rs</c> on I32F32 (and I64F64) vectors.</summary>
public static class VectorMath
{
    private static readonly I32F32 U16Max = I32F32.SaturatingFromNum(ushort.MaxValue);

    /// <summary><c>sum</c> (math.rs): <c>iter().sum()</c>, wrapping like a release build.</summary>
    public static I32F32 Sum(ReadOnlySpan<I32F32> x)
    {
        long sum = 0;
        foreach (var v in x)
        {
            sum = unchecked(sum + v.Bits);
        }

        return I32F32.FromBits(sum);
    }

    /// <summary><c>is_zero</c> (math.rs): the sum is zero.</summary>
    public static bool IsZero(ReadOnlySpan<I32F32> x) => Sum(x) == I32F32.Zero;

    /// <summary><c>checked_sum</c> (math.rs) for u64: null on overflow, 0 for an empty input.</summary>
    public static ulong? CheckedSum(ReadOnlySpan<ulong> x)
    {
        ulong sum = 0;
        foreach (var v in x)
        {
            if (ulong.MaxValue - sum < v)
            {
                return null;
            }

            sum += v;
        }

        return sum;
    }

    /// <summary><c>normalize</c> (math.rs): divide by the sum (safe_div) unless the sum is zero.</summary>
    public static I32F32[] Normalize(ReadOnlySpan<I32F32> x)
    {
        var result = x.ToArray();
        NormalizeInPlace(result);
        return result;
    }

    /// <summary><c>inplace_normalize</c> (math.rs).</summary>
    public static void NormalizeInPlace(Span<I32F32> x) => NormalizeUsingSumInPlace(x, Sum(x));

    /// <summary><c>inplace_normalize_using_sum</c> (math.rs): divide by a given sum unless it is zero.</summary>
    public static void NormalizeUsingSumInPlace(Span<I32F32> x, I32F32 sum)
    {
        if (sum == I32F32.Zero)
        {
            return;
        }

        var divisor = new I32F32Divisor(sum);
        for (int i = 0; i < x.Length; i++)
        {
            x[i] = divisor.SafeDivide(x[i]);
        }
    }

    /// <summary><c>inplace_normalize_64</c> (math.rs) for I64F64.</summary>
    public static void NormalizeInPlace(Span<I64F64> x)
    {
        var sum = I64F64.Zero;
        foreach (var v in x)
        {
            sum += v;
        }

        if (sum == I64F64.Zero)
        {
            return;
        }

        for (int i = 0; i < x.Length; i++)
        {
            x[i] = x[i].SafeDiv(sum);
        }
    }

    /// <summary><c>vecdiv</c> (math.rs): element-wise safe_div, missing divisors count as 0.</summary>
    public static I32F32[] VecDiv(ReadOnlySpan<I32F32> x, ReadOnlySpan<I32F32> y)
    {
        var result = new I32F32[x.Length];
        for (int i = 0; i < x.Length; i++)
        {
            result[i] = x[i].SafeDiv(i < y.Length ? y[i] : I32F32.Zero);
        }

        return result;
    }

    /// <summary><c>vec_mul</c> (math.rs): element-wise checked product (0 on overflow), length of the shorter input.</summary>
    public static I32F32[] VecMul(ReadOnlySpan<I32F32> a, ReadOnlySpan<I32F32> b)
    {
        var result = new I32F32[Math.Min(a.Length, b.Length)];
        for (int i = 0; i < result.Length; i++)
        {
            result[i] = a[i].CheckedMul(b[i]) ?? I32F32.Zero;
        }

        return result;
    }

    /// <summary>
    /// <c>inplace_mask_vector</c> (math.rs): zero entries whose mask is true; entries beyond the mask are zeroed too,
    /// but an empty mask leaves the vector unchanged.
    /// </summary>
    public static void MaskInPlace(ReadOnlySpan<bool> mask, Span<I32F32> vector)
    {
        if (mask.IsEmpty)
        {
            return;
        }

        for (int i = 0; i < vector.Length; i++)
        {
            if (i >= mask.Length || mask[i])
            {
                vector[i] = I32F32.Zero;
            }
        }
    }

    /// <summary><c>is_topk</c> (math.rs): true for the k largest; a stable ascending sort revokes the first n−k (ties: lower index loses).</summary>
    public static bool[] IsTopK(ReadOnlySpan<I32F32> vector, int k)
    {
        var result = new bool[vector.Length];
        Array.Fill(result, true);
        RevokeLowest(vector, k, result);
        return result;
    }

    /// <summary><c>is_topk_nonzero</c> (math.rs): as <see cref="IsTopK"/> but zero entries are never selected.</summary>
    public static bool[] IsTopKNonZero(ReadOnlySpan<I32F32> vector, int k)
    {
        var result = new bool[vector.Length];
        for (int i = 0; i < vector.Length; i++)
        {
            result[i] = vector[i] != I32F32.Zero;
        }

        RevokeLowest(vector, k, result);
        return result;
    }

    /// <summary>
    /// <c>vec_max_upscale_to_u16</c> (math.rs): scale so the maximum becomes 65535, rounding half away from zero;
    /// a zero maximum converts directly.
    /// </summary>
    public static ushort[] MaxUpscaleToU16(ReadOnlySpan<I32F32> vector)
    {
        var result = new ushort[vector.Length];
        if (vector.IsEmpty)
        {
            return result;
        }

        var max = vector[0];
        foreach (var v in vector)
        {
            max = I32F32.Max(max, v);
        }

        var threshold = I32F32.SaturatingFromNum(32768);
        for (int i = 0; i < vector.Length; i++)
        {
            var e = vector[i];
            if (max == I32F32.Zero)
            {
                result[i] = e.SaturatingMul(U16Max).SaturatingToU16();
            }
            else if (max > threshold)
            {
                result[i] = e.SaturatingMul(U16Max.SafeDiv(max)).Round().SaturatingToU16();
            }
            else
            {
                result[i] = e.SaturatingMul(U16Max).SafeDiv(max).Round().SaturatingToU16();
            }
        }

        return result;
    }

    /// <summary><c>vec_u16_max_upscale_to_u16</c> (math.rs).</summary>
    public static ushort[] U16MaxUpscaleToU16(ReadOnlySpan<ushort> vector)
    {
        var fixedValues = new I32F32[vector.Length];
        for (int i = 0; i < vector.Length; i++)
        {
            fixedValues[i] = I32F32.SaturatingFromNum(vector[i]);
        }

        return MaxUpscaleToU16(fixedValues);
    }

    /// <summary><c>check_vec_max_limited</c> (math.rs): the normalised maximum does not exceed max_limit/65535.</summary>
    public static bool CheckMaxLimited(ReadOnlySpan<ushort> vector, ushort maxLimit)
    {
        var limit = I32F32.SaturatingFromNum(maxLimit).SafeDiv(U16Max);
        var values = new I32F32[vector.Length];
        for (int i = 0; i < vector.Length; i++)
        {
            values[i] = I32F32.SaturatingFromNum(vector[i]);
        }

        NormalizeInPlace(values);
        return values.Length == 0 || values.Max() <= limit;
    }

    private static void RevokeLowest(ReadOnlySpan<I32F32> vector, int k, bool[] result)
    {
        int n = vector.Length;
        if (n < k)
        {
            return;
        }

        var values = vector.ToArray();
        var indices = new int[n];
        for (int i = 0; i < n; i++)
        {
            indices[i] = i;
        }

        // stable ascending sort by value: break ties by the original index
        Array.Sort(indices, (a, b) =>
        {
            int c = values[a].CompareTo(values[b]);
            return c != 0 ? c : a.CompareTo(b);
        });
        for (int i = 0; i < n - k; i++)
        {
            result[indices[i]] = false;
        }
    }
}
