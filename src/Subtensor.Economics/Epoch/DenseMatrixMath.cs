using Subtensor.Core.Arithmetic;

namespace Subtensor.Economics.Epoch;

/// <summary>
/// Dense matrix helpers of Subtensor's <c>epoch/math.rs</c> (used by the legacy dense epoch). Rows may be ragged;
/// each function follows the Rust iteration rules for short rows. All functions return new matrices.
/// </summary>
public static class DenseMatrixMath
{
    /// <summary><c>row_sum</c>: wrapping row sums; empty when the first row is empty.</summary>
    public static I32F32[] RowSum(IReadOnlyList<I32F32[]> x)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.Count > 0 && x[0].Length == 0)
        {
            return [];
        }

        return x.Select(row => VectorMath.Sum(row)).ToArray();
    }

    /// <summary><c>inplace_row_normalize</c>: rows with a positive sum are divided by it.</summary>
    public static I32F32[][] RowNormalize(IReadOnlyList<I32F32[]> x)
    {
        ArgumentNullException.ThrowIfNull(x);
        return x.Select(row =>
        {
            var copy = (I32F32[])row.Clone();
            var sum = VectorMath.Sum(row);
            if (sum > I32F32.Zero)
            {
                VectorMath.NormalizeUsingSumInPlace(copy, sum);
            }

            return copy;
        }).ToArray();
    }

    /// <summary><c>inplace_col_normalize</c>: saturating column sums over existing entries; non-zero sums divide.</summary>
    public static I32F32[][] ColNormalize(IReadOnlyList<I32F32[]> x) => ColumnScale(x, ColumnSums(x));

    /// <summary><c>inplace_col_max_upscale</c>: divide by the column maximum (maxima start at 0).</summary>
    public static I32F32[][] ColMaxUpscale(IReadOnlyList<I32F32[]> x)
    {
        ArgumentNullException.ThrowIfNull(x);
        int width = x.Count == 0 ? 0 : x.Max(r => r.Length);
        var max = new I32F32[width];
        foreach (var row in x)
        {
            for (int j = 0; j < row.Length; j++)
            {
                if (max[j] < row[j])
                {
                    max[j] = row[j];
                }
            }
        }

        return ColumnScale(x, max);
    }

    /// <summary><c>inplace_mask_matrix</c>: zero (i, j) where mask[i][j] is true or missing; no-op for an empty mask.</summary>
    public static I32F32[][] MaskMatrix(IReadOnlyList<bool[]> mask, IReadOnlyList<I32F32[]> matrix)
    {
        ArgumentNullException.ThrowIfNull(mask);
        ArgumentNullException.ThrowIfNull(matrix);
        if (mask.Count == 0 || mask[0].Length == 0)
        {
            return Copy(matrix);
        }

        return matrix.Select((row, r) => row.Select((v, c) =>
            r < mask.Count && c < mask[r].Length && !mask[r][c] ? v : I32F32.Zero).ToArray()).ToArray();
    }

    /// <summary><c>inplace_mask_rows</c>: masked (or missing-mask) rows become zero rows of the first row's width.</summary>
    public static I32F32[][] MaskRows(ReadOnlySpan<bool> mask, IReadOnlyList<I32F32[]> matrix)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        if (matrix.Count == 0)
        {
            return [];
        }

        int cols = matrix[0].Length;
        var result = new I32F32[matrix.Count][];
        for (int r = 0; r < matrix.Count; r++)
        {
            result[r] = r < mask.Length && !mask[r] ? (I32F32[])matrix[r].Clone() : new I32F32[cols];
        }

        return result;
    }

    /// <summary><c>inplace_mask_cols</c>: zero column c where mask[c] is true or missing.</summary>
    public static I32F32[][] MaskCols(ReadOnlySpan<bool> mask, IReadOnlyList<I32F32[]> matrix)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        var maskCopy = mask.ToArray();
        return matrix.Select(row => row.Select((v, c) => c < maskCopy.Length && !maskCopy[c] ? v : I32F32.Zero).ToArray()).ToArray();
    }

    /// <summary><c>inplace_mask_diag</c>: zero the diagonal of a square matrix (non-square input is returned unchanged).</summary>
    public static I32F32[][] MaskDiagonal(IReadOnlyList<I32F32[]> matrix) => MaskDiagonalExcept(matrix, -1);

    /// <summary><c>inplace_mask_diag_except_index</c>: zero the diagonal except (k, k).</summary>
    public static I32F32[][] MaskDiagonalExcept(IReadOnlyList<I32F32[]> matrix, int exceptIndex)
    {
        var result = Copy(matrix);
        if (result.Length == 0 || result[0].Length == 0 || result.Length != result[0].Length)
        {
            return result;
        }

        for (int i = 0; i < result.Length; i++)
        {
            if (i != exceptIndex && i < result[i].Length)
            {
                result[i][i] = I32F32.Zero;
            }
        }

        return result;
    }

    /// <summary><c>row_hadamard</c>: row i times vector[i] (saturating); [[]] for an empty input.</summary>
    public static I32F32[][] RowHadamard(IReadOnlyList<I32F32[]> matrix, ReadOnlySpan<I32F32> vector)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        if (matrix.Count == 0 || matrix[0].Length == 0)
        {
            return [[]];
        }

        int rows = Math.Min(matrix.Count, vector.Length);
        var result = new I32F32[rows][];
        for (int i = 0; i < rows; i++)
        {
            var scale = vector[i];
            result[i] = matrix[i].Select(v => scale.SaturatingMul(v)).ToArray();
        }

        return result;
    }

    /// <summary><c>matmul</c>: result_j = Σ_i vector_i · m_ij over the first row's width (saturating).</summary>
    public static I32F32[] Matmul(IReadOnlyList<I32F32[]> matrix, ReadOnlySpan<I32F32> vector)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        if (matrix.Count == 0 || matrix[0].Length == 0)
        {
            return [];
        }

        var acc = new I32F32[matrix[0].Length];
        for (int i = 0; i < matrix.Count; i++)
        {
            var scale = i < vector.Length ? vector[i] : I32F32.Zero;
            var row = matrix[i];
            for (int j = 0; j < row.Length && j < acc.Length; j++)
            {
                acc[j] = acc[j].SaturatingAdd(scale.SaturatingMul(row[j]));
            }
        }

        return acc;
    }

    /// <summary><c>matmul_transpose</c>: result_i = Σ_j vector_j · m_ij (saturating).</summary>
    public static I32F32[] MatmulTranspose(IReadOnlyList<I32F32[]> matrix, ReadOnlySpan<I32F32> vector)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        if (matrix.Count == 0 || matrix[0].Length == 0)
        {
            return [];
        }

        var result = new I32F32[matrix.Count];
        for (int i = 0; i < matrix.Count; i++)
        {
            var sum = I32F32.Zero;
            var row = matrix[i];
            for (int j = 0; j < row.Length && j < vector.Length; j++)
            {
                sum = sum.SaturatingAdd(row[j].SaturatingMul(vector[j]));
            }

            result[i] = sum;
        }

        return result;
    }

    /// <summary><c>inplace_col_clip</c>: min(value, threshold_j).</summary>
    public static I32F32[][] ColClip(IReadOnlyList<I32F32[]> matrix, ReadOnlySpan<I32F32> threshold)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        var thresholds = threshold.ToArray();
        return matrix.Select(row => row.Select((v, j) => j < thresholds.Length ? I32F32.Min(thresholds[j], v) : v).ToArray()).ToArray();
    }

    /// <summary><c>interpolate</c>: m1 + ratio·(m2 − m1) element-wise (saturating).</summary>
    public static I32F32[][] Interpolate(IReadOnlyList<I32F32[]> matrix1, IReadOnlyList<I32F32[]> matrix2, I32F32 ratio)
    {
        ArgumentNullException.ThrowIfNull(matrix1);
        ArgumentNullException.ThrowIfNull(matrix2);
        if (ratio == I32F32.Zero)
        {
            return Copy(matrix1);
        }

        if (ratio == I32F32.One)
        {
            return Copy(matrix2);
        }

        if (matrix1.Count == 0 || matrix1[0].Length == 0)
        {
            return [[]];
        }

        int cols = matrix1[0].Length;
        var result = new I32F32[matrix1.Count][];
        for (int i = 0; i < matrix1.Count; i++)
        {
            result[i] = new I32F32[cols];
            if (i >= matrix2.Count)
            {
                continue;
            }

            var r1 = matrix1[i];
            var r2 = matrix2[i];
            for (int j = 0; j < cols && j < r1.Length && j < r2.Length; j++)
            {
                result[i][j] = r1[j].SaturatingAdd(ratio.SaturatingMul(r2[j].SaturatingSub(r1[j])));
            }
        }

        return result;
    }

    /// <summary><c>mat_ema</c>: alpha·new + (1 − alpha)·old element-wise.</summary>
    public static I32F32[][] MatEma(IReadOnlyList<I32F32[]> newMatrix, IReadOnlyList<I32F32[]> oldMatrix, I32F32 alpha)
    {
        ArgumentNullException.ThrowIfNull(newMatrix);
        ArgumentNullException.ThrowIfNull(oldMatrix);
        if (newMatrix.Count == 0 || newMatrix[0].Length == 0)
        {
            return [[]];
        }

        var oneMinusAlpha = I32F32.One.SaturatingSub(alpha);
        int rows = Math.Min(newMatrix.Count, oldMatrix.Count);
        var result = new I32F32[rows][];
        for (int i = 0; i < rows; i++)
        {
            int cols = Math.Min(newMatrix[i].Length, oldMatrix[i].Length);
            result[i] = new I32F32[cols];
            for (int j = 0; j < cols; j++)
            {
                result[i][j] = alpha.SaturatingMul(newMatrix[i][j]).SaturatingAdd(oneMinusAlpha.SaturatingMul(oldMatrix[i][j]));
            }
        }

        return result;
    }

    /// <summary><c>mat_ema_alpha</c>: per-entry EMA clamped to [.., 1]; shape mismatches return old (outer) or new (rows).</summary>
    public static I32F32[][] MatEmaAlpha(IReadOnlyList<I32F32[]> newMatrix, IReadOnlyList<I32F32[]> oldMatrix, IReadOnlyList<I32F32[]> alpha)
    {
        ArgumentNullException.ThrowIfNull(newMatrix);
        ArgumentNullException.ThrowIfNull(oldMatrix);
        ArgumentNullException.ThrowIfNull(alpha);
        if (newMatrix.Count == 0 || newMatrix[0].Length == 0)
        {
            return [[]];
        }

        if (newMatrix.Count != oldMatrix.Count || newMatrix.Count != alpha.Count)
        {
            return Copy(oldMatrix);
        }

        for (int i = 0; i < newMatrix.Count; i++)
        {
            if (newMatrix[i].Length != oldMatrix[i].Length || newMatrix[i].Length != alpha[i].Length)
            {
                return Copy(newMatrix);
            }
        }

        var result = new I32F32[newMatrix.Count][];
        for (int i = 0; i < newMatrix.Count; i++)
        {
            result[i] = new I32F32[newMatrix[i].Length];
            for (int j = 0; j < result[i].Length; j++)
            {
                var a = alpha[i][j];
                var decayed = I32F32.One.SaturatingSub(a).SaturatingMul(oldMatrix[i][j]);
                var increment = I32F32.Max(a.SaturatingMul(newMatrix[i][j]), I32F32.Zero);
                result[i][j] = I32F32.Min(decayed.SaturatingAdd(increment), I32F32.One);
            }
        }

        return result;
    }

    /// <summary><c>mat_vec_mul</c>: element-wise product of each row with the vector (checked, 0 on overflow).</summary>
    public static I32F32[][] MatVecMul(IReadOnlyList<I32F32[]> matrix, ReadOnlySpan<I32F32> vector)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        if (matrix.Count == 0 || matrix[0].Length == 0)
        {
            return [[]];
        }

        var result = new I32F32[matrix.Count][];
        for (int i = 0; i < matrix.Count; i++)
        {
            result[i] = VectorMath.VecMul(matrix[i], vector);
        }

        return result;
    }

    private static I32F32[] ColumnSums(IReadOnlyList<I32F32[]> x)
    {
        ArgumentNullException.ThrowIfNull(x);
        var sums = new List<I32F32>();
        foreach (var row in x)
        {
            while (sums.Count < row.Length)
            {
                sums.Add(I32F32.Zero);
            }

            for (int j = 0; j < row.Length; j++)
            {
                sums[j] = sums[j].SaturatingAdd(row[j]);
            }
        }

        return sums.ToArray();
    }

    private static I32F32[][] ColumnScale(IReadOnlyList<I32F32[]> x, I32F32[] divisors)
    {
        var result = Copy(x);
        foreach (var row in result)
        {
            for (int j = 0; j < row.Length && j < divisors.Length; j++)
            {
                if (divisors[j] != I32F32.Zero)
                {
                    row[j] = row[j].SafeDiv(divisors[j]);
                }
            }
        }

        return result;
    }

    private static I32F32[][] Copy(IReadOnlyList<I32F32[]> matrix) => matrix.Select(r => (I32F32[])r.Clone()).ToArray();
}
