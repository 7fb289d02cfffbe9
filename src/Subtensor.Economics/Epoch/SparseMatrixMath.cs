using Subtensor.Core.Arithmetic;

namespace Subtensor.Economics.Epoch;

/// <summary>
/// Sparse matrix helpers of Subtensor's <c>epoch/math.rs</c> (rows of (column, I32F32) entries). Functions return new
/// matrices; rows whose pattern is unchanged share column arrays with the input.
/// </summary>
public static class SparseMatrixMath
{
    /// <summary><c>row_sum_sparse</c>: wrapping sum of each row.</summary>
    public static I32F32[] RowSum(ReadOnlySpan<SparseRow> matrix)
    {
        var result = new I32F32[matrix.Length];
        for (int i = 0; i < matrix.Length; i++)
        {
            result[i] = VectorMath.Sum(matrix[i].Values);
        }

        return result;
    }

    /// <summary><c>inplace_row_normalize_sparse</c>: rows with a positive sum are divided by it (safe_div).</summary>
    public static SparseRow[] RowNormalize(ReadOnlySpan<SparseRow> matrix)
    {
        var result = new SparseRow[matrix.Length];
        for (int i = 0; i < matrix.Length; i++)
        {
            var row = matrix[i];
            var sum = VectorMath.Sum(row.Values);
            if (sum > I32F32.Zero)
            {
                var divisor = new I32F32Divisor(sum);
                var values = new I32F32[row.Count];
                for (int k = 0; k < values.Length; k++)
                {
                    values[k] = divisor.SafeDivide(row.Values[k]);
                }

                result[i] = row.WithValues(values);
            }
            else
            {
                result[i] = row;
            }
        }

        return result;
    }

    /// <summary><c>inplace_col_normalize_sparse</c>: saturating column sums over columns &lt; <paramref name="columns"/>; non-zero sums divide.</summary>
    public static SparseRow[] ColNormalize(ReadOnlySpan<SparseRow> matrix, int columns)
    {
        var colSum = new I32F32[columns];
        foreach (var row in matrix)
        {
            for (int k = 0; k < row.Count; k++)
            {
                int j = row.Columns[k];
                if (j < columns)
                {
                    colSum[j] = colSum[j].SaturatingAdd(row.Values[k]);
                }
            }
        }

        var divisors = new I32F32Divisor[columns];
        for (int j = 0; j < columns; j++)
        {
            divisors[j] = new I32F32Divisor(colSum[j]);
        }

        return MapValues(matrix, (j, v) => j < columns && !divisors[j].IsZero ? divisors[j].SafeDivide(v) : v);
    }

    /// <summary><c>inplace_col_max_upscale_sparse</c>: divide by the column maximum (maxima start at 0).</summary>
    public static SparseRow[] ColMaxUpscale(ReadOnlySpan<SparseRow> matrix, int columns)
    {
        var colMax = new I32F32[columns];
        foreach (var row in matrix)
        {
            for (int k = 0; k < row.Count; k++)
            {
                int j = row.Columns[k];
                if (j < columns && colMax[j] < row.Values[k])
                {
                    colMax[j] = row.Values[k];
                }
            }
        }

        var divisors = new I32F32Divisor[columns];
        for (int j = 0; j < columns; j++)
        {
            divisors[j] = new I32F32Divisor(colMax[j]);
        }

        return MapValues(matrix, (j, v) => j < columns && !divisors[j].IsZero ? divisors[j].SafeDivide(v) : v);
    }

    /// <summary><c>mask_rows_sparse</c>: rows whose mask is true (or missing) become empty.</summary>
    public static SparseRow[] MaskRows(ReadOnlySpan<bool> mask, ReadOnlySpan<SparseRow> matrix)
    {
        var result = new SparseRow[matrix.Length];
        for (int i = 0; i < matrix.Length; i++)
        {
            result[i] = i < mask.Length && !mask[i] ? matrix[i] : SparseRow.Empty;
        }

        return result;
    }

    /// <summary><c>mask_diag_sparse</c>: drop entries (i, i).</summary>
    public static SparseRow[] MaskDiagonal(ReadOnlySpan<SparseRow> matrix) => MaskDiagonalExcept(matrix, -1);

    /// <summary><c>mask_diag_sparse_except_index</c>: drop entries (i, i) except (k, k).</summary>
    public static SparseRow[] MaskDiagonalExcept(ReadOnlySpan<SparseRow> matrix, int exceptIndex)
    {
        var result = new SparseRow[matrix.Length];
        for (int i = 0; i < matrix.Length; i++)
        {
            int row = i;
            result[i] = i == exceptIndex ? matrix[i] : Filter(matrix[i], (j, _) => j != row);
        }

        return result;
    }

    /// <summary>
    /// <c>vec_mask_sparse_matrix</c>: drop (i, j) where <c>mask(first[i], second[j])</c>; missing vector entries read 0.
    /// </summary>
    public static SparseRow[] VecMask(ReadOnlySpan<SparseRow> matrix, ReadOnlySpan<ulong> first, ReadOnlySpan<ulong> second, Func<ulong, ulong, bool> mask)
    {
        ArgumentNullException.ThrowIfNull(mask);
        var secondCopy = second.ToArray();
        var result = new SparseRow[matrix.Length];
        for (int i = 0; i < matrix.Length; i++)
        {
            ulong fv = i < first.Length ? first[i] : 0UL;
            result[i] = Filter(matrix[i], (j, _) => !mask(fv, j < secondCopy.Length ? secondCopy[j] : 0UL));
        }

        return result;
    }

    /// <summary><c>scalar_vec_mask_sparse_matrix</c>: drop (i, j) where <c>mask(scalar, vector[j])</c>; missing entries read 0.</summary>
    public static SparseRow[] ScalarVecMask(ReadOnlySpan<SparseRow> matrix, ulong scalar, ReadOnlySpan<ulong> vector, Func<ulong, ulong, bool> mask)
    {
        ArgumentNullException.ThrowIfNull(mask);
        var vectorCopy = vector.ToArray();
        var result = new SparseRow[matrix.Length];
        for (int i = 0; i < matrix.Length; i++)
        {
            result[i] = Filter(matrix[i], (j, _) => !mask(scalar, j < vectorCopy.Length ? vectorCopy[j] : 0UL));
        }

        return result;
    }

    /// <summary><c>row_hadamard_sparse</c>: row i times vector[i] (saturating); stops at the shorter of rows and vector.</summary>
    public static SparseRow[] RowHadamard(ReadOnlySpan<SparseRow> matrix, ReadOnlySpan<I32F32> vector)
    {
        int rows = Math.Min(matrix.Length, vector.Length);
        var result = new SparseRow[rows];
        for (int i = 0; i < rows; i++)
        {
            var row = matrix[i];
            var scale = vector[i];
            var values = new I32F32[row.Count];
            for (int k = 0; k < values.Length; k++)
            {
                values[k] = row.Values[k].SaturatingMul(scale);
            }

            result[i] = row.WithValues(values);
        }

        return result;
    }

    /// <summary><c>matmul_sparse</c>: result_j = Σ_i vector_i · m_ij (saturating), j &lt; columns; missing vector entries read 0.</summary>
    public static I32F32[] Matmul(ReadOnlySpan<SparseRow> matrix, ReadOnlySpan<I32F32> vector, int columns)
    {
        var result = new I32F32[columns];
        for (int i = 0; i < matrix.Length; i++)
        {
            var scale = i < vector.Length ? vector[i] : I32F32.Zero;
            var row = matrix[i];
            for (int k = 0; k < row.Count; k++)
            {
                int j = row.Columns[k];
                if (j < columns)
                {
                    result[j] = result[j].SaturatingAdd(scale.SaturatingMul(row.Values[k]));
                }
            }
        }

        return result;
    }

    /// <summary><c>matmul_transpose_sparse</c>: result_i = Σ_j vector_j · m_ij (saturating); missing vector entries read 0.</summary>
    public static I32F32[] MatmulTranspose(ReadOnlySpan<SparseRow> matrix, ReadOnlySpan<I32F32> vector)
    {
        var result = new I32F32[matrix.Length];
        for (int i = 0; i < matrix.Length; i++)
        {
            var row = matrix[i];
            var acc = I32F32.Zero;
            for (int k = 0; k < row.Count; k++)
            {
                int j = row.Columns[k];
                var v = j < vector.Length ? vector[j] : I32F32.Zero;
                acc = acc.SaturatingAdd(v.SaturatingMul(row.Values[k]));
            }

            result[i] = acc;
        }

        return result;
    }

    /// <summary><c>col_clip_sparse</c>: values above the column threshold become the threshold, or are dropped if it is ≤ 0.</summary>
    public static SparseRow[] ColClip(ReadOnlySpan<SparseRow> matrix, ReadOnlySpan<I32F32> threshold)
    {
        var thresholds = threshold.ToArray();
        var result = new SparseRow[matrix.Length];
        for (int i = 0; i < matrix.Length; i++)
        {
            var row = matrix[i];
            var columns = new List<ushort>(row.Count);
            var values = new List<I32F32>(row.Count);
            bool changed = false;
            for (int k = 0; k < row.Count; k++)
            {
                int j = row.Columns[k];
                var th = j < thresholds.Length ? thresholds[j] : I32F32.Zero;
                var v = row.Values[k];
                if (th < v)
                {
                    changed = true;
                    if (th > I32F32.Zero)
                    {
                        columns.Add(row.Columns[k]);
                        values.Add(th);
                    }
                }
                else
                {
                    columns.Add(row.Columns[k]);
                    values.Add(v);
                }
            }

            result[i] = !changed ? row
                : columns.Count == row.Count ? row.WithValues(values.ToArray())
                : new SparseRow(columns.ToArray(), values.ToArray());
        }

        return result;
    }

    /// <summary>
    /// <c>interpolate_sparse</c>: m1 + ratio·(m2 − m1) per entry over columns 0..columns, keeping positive results in
    /// column order; ratio 0 → m1, ratio 1 → m2, row-count mismatch → m2.
    /// </summary>
    public static SparseRow[] Interpolate(ReadOnlySpan<SparseRow> matrix1, ReadOnlySpan<SparseRow> matrix2, int columns, I32F32 ratio)
    {
        if (ratio == I32F32.Zero)
        {
            return matrix1.ToArray();
        }

        if (ratio == I32F32.One || matrix1.Length != matrix2.Length)
        {
            return matrix2.ToArray();
        }

        var result = new SparseRow[matrix1.Length];
        var row1 = new I32F32[columns];
        var row2 = new I32F32[columns];
        for (int i = 0; i < matrix1.Length; i++)
        {
            Densify(matrix1[i], row1);
            Densify(matrix2[i], row2);
            var outColumns = new List<ushort>();
            var outValues = new List<I32F32>();
            for (int j = 0; j < columns; j++)
            {
                var interpolated = row1[j].SaturatingAdd(ratio.SaturatingMul(row2[j].SaturatingSub(row1[j])));
                if (I32F32.Zero < interpolated)
                {
                    outColumns.Add((ushort)j);
                    outValues.Add(interpolated);
                }
            }

            result[i] = new SparseRow(outColumns.ToArray(), outValues.ToArray());
        }

        return result;
    }

    /// <summary>
    /// <c>mat_ema_sparse</c>: alpha·new + (1 − alpha)·old over a square n×n (n = rows of <paramref name="newMatrix"/>),
    /// keeping positive entries in column order.
    /// </summary>
    public static SparseRow[] MatEma(ReadOnlySpan<SparseRow> newMatrix, ReadOnlySpan<SparseRow> oldMatrix, I32F32 alpha)
    {
        int n = newMatrix.Length;
        var oneMinusAlpha = I32F32.One.SaturatingSub(alpha);
        var result = new SparseRow[n];
        var acc = new I32F32[n];
        for (int i = 0; i < n; i++)
        {
            Array.Clear(acc);
            var newRow = newMatrix[i];
            for (int k = 0; k < newRow.Count; k++)
            {
                int j = newRow.Columns[k];
                if (j < n)
                {
                    acc[j] = acc[j].SaturatingAdd(alpha.SaturatingMul(newRow.Values[k]));
                }
            }

            if (i < oldMatrix.Length)
            {
                var oldRow = oldMatrix[i];
                for (int k = 0; k < oldRow.Count; k++)
                {
                    int j = oldRow.Columns[k];
                    if (j < n)
                    {
                        acc[j] = acc[j].SaturatingAdd(oneMinusAlpha.SaturatingMul(oldRow.Values[k]));
                    }
                }
            }

            result[i] = PositiveEntries(acc);
        }

        return result;
    }

    /// <summary>
    /// <c>mat_ema_alpha_sparse</c>: per-entry alpha EMA, clamped to ≤ 1, emitted only for columns present in the new row
    /// (a bond whose weight row omits the column disappears, Subtensor quirk); shape mismatch returns the new matrix.
    /// </summary>
    public static SparseRow[] MatEmaAlpha(ReadOnlySpan<SparseRow> newMatrix, ReadOnlySpan<SparseRow> oldMatrix, IReadOnlyList<I32F32[]> alpha)
    {
        ArgumentNullException.ThrowIfNull(alpha);
        if (newMatrix.Length != oldMatrix.Length || newMatrix.Length != alpha.Count)
        {
            return newMatrix.ToArray();
        }

        var result = new SparseRow[newMatrix.Length];
        for (int i = 0; i < newMatrix.Length; i++)
        {
            var alphaRow = alpha[i];
            var decayed = new I32F32[alphaRow.Length];
            var oldRow = oldMatrix[i];
            for (int k = 0; k < oldRow.Count; k++)
            {
                int j = oldRow.Columns[k];
                if (j < alphaRow.Length)
                {
                    decayed[j] = I32F32.One.SaturatingSub(alphaRow[j]).SaturatingMul(oldRow.Values[k]);
                }
            }

            var newRow = newMatrix[i];
            var outColumns = new List<ushort>(newRow.Count);
            var outValues = new List<I32F32>(newRow.Count);
            for (int k = 0; k < newRow.Count; k++)
            {
                int j = newRow.Columns[k];
                if (j < alphaRow.Length)
                {
                    var increment = I32F32.Max(alphaRow[j].SaturatingMul(newRow.Values[k]), I32F32.Zero);
                    var value = I32F32.Min(decayed[j].SaturatingAdd(increment), I32F32.One);
                    if (value > I32F32.Zero)
                    {
                        outColumns.Add(newRow.Columns[k]);
                        outValues.Add(value);
                    }
                }
            }

            result[i] = new SparseRow(outColumns.ToArray(), outValues.ToArray());
        }

        return result;
    }

    /// <summary><c>mat_vec_mul_sparse</c>: m_ij · vector_j (saturating), dropping zero products and columns beyond the vector.</summary>
    public static SparseRow[] MatVecMul(ReadOnlySpan<SparseRow> matrix, ReadOnlySpan<I32F32> vector)
    {
        var vectorCopy = vector.ToArray();
        var result = new SparseRow[matrix.Length];
        for (int i = 0; i < matrix.Length; i++)
        {
            var row = matrix[i];
            var values = new I32F32[row.Count];
            bool dense = true;
            for (int k = 0; k < row.Count; k++)
            {
                int j = row.Columns[k];
                values[k] = j < vectorCopy.Length ? row.Values[k].SaturatingMul(vectorCopy[j]) : I32F32.Zero;
                dense &= j < vectorCopy.Length && values[k] != I32F32.Zero;
            }

            if (dense)
            {
                result[i] = row.WithValues(values);
                continue;
            }

            var outColumns = new List<ushort>();
            var outValues = new List<I32F32>();
            for (int k = 0; k < row.Count; k++)
            {
                if (row.Columns[k] < vectorCopy.Length && values[k] != I32F32.Zero)
                {
                    outColumns.Add(row.Columns[k]);
                    outValues.Add(values[k]);
                }
            }

            result[i] = new SparseRow(outColumns.ToArray(), outValues.ToArray());
        }

        return result;
    }

    /// <summary>A row's values written into a dense buffer (columns beyond the buffer are ignored; later duplicates win).</summary>
    internal static void Densify(SparseRow row, I32F32[] buffer)
    {
        Array.Clear(buffer);
        for (int k = 0; k < row.Count; k++)
        {
            int j = row.Columns[k];
            if (j < buffer.Length)
            {
                buffer[j] = row.Values[k];
            }
        }
    }

    private static SparseRow PositiveEntries(I32F32[] dense)
    {
        int count = 0;
        foreach (var v in dense)
        {
            if (v > I32F32.Zero)
            {
                count++;
            }
        }

        var columns = new ushort[count];
        var values = new I32F32[count];
        int k = 0;
        for (int j = 0; j < dense.Length; j++)
        {
            if (dense[j] > I32F32.Zero)
            {
                columns[k] = (ushort)j;
                values[k++] = dense[j];
            }
        }

        return new SparseRow(columns, values);
    }

    private static SparseRow[] MapValues(ReadOnlySpan<SparseRow> matrix, Func<int, I32F32, I32F32> map)
    {
        var result = new SparseRow[matrix.Length];
        for (int i = 0; i < matrix.Length; i++)
        {
            var row = matrix[i];
            var values = new I32F32[row.Count];
            for (int k = 0; k < values.Length; k++)
            {
                values[k] = map(row.Columns[k], row.Values[k]);
            }

            result[i] = row.WithValues(values);
        }

        return result;
    }

    private static SparseRow Filter(SparseRow row, Func<int, I32F32, bool> keep)
    {
        int kept = 0;
        for (int k = 0; k < row.Count; k++)
        {
            if (keep(row.Columns[k], row.Values[k]))
            {
                kept++;
            }
        }

        if (kept == row.Count)
        {
            return row;
        }

        var columns = new ushort[kept];
        var values = new I32F32[kept];
        int m = 0;
        for (int k = 0; k < row.Count; k++)
        {
            if (keep(row.Columns[k], row.Values[k]))
            {
                columns[m] = row.Columns[k];
                values[m++] = row.Values[k];
            }
        }

        return new SparseRow(columns, values);
    }
}
