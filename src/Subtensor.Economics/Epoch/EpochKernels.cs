using System.Runtime.CompilerServices;
using Subtensor.Core.Arithmetic;

namespace Subtensor.Economics.Epoch;

/// <summary>
/// Fused array kernels for <see cref="YumaEpoch"/>: each reproduces one or more <c>epoch/math.rs</c> functions (named
/// per method) on raw I32F32 bits in compressed-row matrices, with the same saturating/wrapping/flooring semantics as
/// <see cref="SparseMatrixMath"/>. Rows (or columns) are processed in parallel ranges that write disjoint outputs;
/// cross-row reductions are saturating sums of non-negative values (all epoch matrices are ≥ 0), which do not depend
/// on order. Equality with the composition in <see cref="YumaEpochReference"/> is tested.
/// </summary>
internal static class EpochKernels
{
    private static readonly long[] U16ProportionTable = BuildProportionTable();

    private static readonly long U16Max = (long)ushort.MaxValue << 32;

    /// <summary>
    /// <c>get_weights_sparse</c> + <c>mask_rows_sparse</c> (rows without permit) + <c>mask_diag_sparse(_except_index)</c> +
    /// <c>vec_mask_sparse_matrix</c> (last_update ≤ registration) + the commit-reveal mask + <c>inplace_row_normalize_sparse</c>.
    /// </summary>
    public static CsrMatrix ReadNormalizedWeights(
        IReadOnlyList<(ushort Uid, ushort Weight)[]> stored,
        int n,
        bool[] permits,
        int ownerUid,
        ulong[] lastUpdate,
        ulong[] blockAtRegistration,
        ulong[]? commitBlocks)
    {
        var rows = new (ushort Uid, ushort Weight)[]?[n];
        for (int i = 0; i < n; i++)
        {
            rows[i] = i < stored.Count && i < permits.Length && permits[i] ? stored[i] : null;
        }

        var m = CsrMatrix.WithSlots(n, i => rows[i]?.Length ?? 0);
        Rows.For(n, m.Columns.LongLength, (first, last) =>
        {
            for (int i = first; i < last; i++)
            {
                if (rows[i] is not { } row)
                {
                    continue;
                }

                ulong updated = i < lastUpdate.Length ? lastUpdate[i] : 0UL;
                ulong commit = commitBlocks is null ? 0UL : i < commitBlocks.Length ? commitBlocks[i] : ulong.MaxValue;
                int start = m.RowStart[i], at = start;
                long sum = 0;
                foreach (var (uid, weight) in row)
                {
                    int j = uid;
                    if (j >= n || (j == i && i != ownerUid))
                    {
                        continue;
                    }

                    ulong registered = j < blockAtRegistration.Length ? blockAtRegistration[j] : 0UL;
                    if (updated <= registered || (commitBlocks is not null && commit < registered))
                    {
                        continue;
                    }

                    long value = (long)weight << 32;
                    m.Columns[at] = uid;
                    m.Values[at++] = value;
                    sum = unchecked(sum + value);
                }

                m.RowEnd[i] = at;
                if (sum <= 0)
                {
                    continue;
                }

                if (at - start <= 32_768)
                {
                    // no wrap: sum = S·2^32 with S = Σw, and trunc(w·2^64 / (S·2^32)) = floor(w·2^32 / S)
                    var divisor = new U48Divisor((ulong)sum >> 32);
                    for (int e = start; e < at; e++)
                    {
                        m.Values[e] = (long)divisor.Divide((ulong)m.Values[e]);
                    }
                }
                else
                {
                    var divisor = new I32F32Divisor(I32F32.FromBits(sum));
                    for (int e = start; e < at; e++)
                    {
                        m.Values[e] = divisor.SafeDivideBits(m.Values[e]);
                    }
                }
            }
        });
        return m;
    }

    /// <summary>
    /// <c>get_bonds_sparse</c> (raw u16 as I32F32) or <c>get_bonds_sparse_fixed_proportion</c>, followed by
    /// <c>scalar_vec_mask_sparse_matrix</c> dropping columns registered at or after <paramref name="lastTempo"/>.
    /// </summary>
    public static CsrMatrix ReadMaskedBonds(IReadOnlyList<(ushort Uid, ushort Bond)[]> stored, int n, bool asProportion, ulong lastTempo, ulong[] blockAtRegistration)
    {
        var m = CsrMatrix.WithSlots(n, i => i < stored.Count ? stored[i]?.Length ?? 0 : 0);
        Rows.For(n, m.Columns.LongLength, (first, last) =>
        {
            for (int i = first; i < last; i++)
            {
                int at = m.RowStart[i];
                if (i < stored.Count && stored[i] is { } row)
                {
                    foreach (var (uid, bond) in row)
                    {
                        ulong registered = uid < blockAtRegistration.Length ? blockAtRegistration[uid] : 0UL;
                        if (lastTempo <= registered)
                        {
                            continue;
                        }

                        m.Columns[at] = uid;
                        m.Values[at++] = asProportion ? U16ProportionTable[bond] : (long)bond << 32;
                    }
                }

                m.RowEnd[i] = at;
            }
        });
        return m;
    }

    /// <summary>
    /// <c>weighted_median_col_sparse</c>: stakes of the positive-stake rows are renormalised, every column's median is
    /// found by the same mid-pivot quick-select on (score, stake) pairs in row order (missing entries score 0).
    /// </summary>
    public static I32F32[] WeightedMedianColumns(I32F32[] stake, CsrMatrix score, int columns, I32F32 majority)
    {
        var useStakeList = new List<I32F32>();
        foreach (var s in stake)
        {
            if (s > I32F32.Zero)
            {
                useStakeList.Add(s);
            }
        }

        var useStake = useStakeList.ToArray();
        VectorMath.NormalizeInPlace(useStake);
        var stakeSum = VectorMath.Sum(useStake);
        long minority = stakeSum.SaturatingSub(majority).Bits;
        int m = useStake.Length;
        var median = new I32F32[columns];
        if (m == 0 || columns == 0)
        {
            return median;
        }

        // use_score rows: the positive-stake rows in order (rows beyond the score matrix contribute zeros)
        int pairs = Math.Min(stake.Length, score.Rows);
        var scoreRows = new List<int>(m);
        bool sorted = true;
        for (int i = 0; i < pairs; i++)
        {
            if (stake[i] > I32F32.Zero)
            {
                scoreRows.Add(i);
                for (int e = score.RowStart[i] + 1; e < score.RowEnd[i] && sorted; e++)
                {
                    sorted = score.Columns[e - 1] <= score.Columns[e];
                }
            }
        }

        // unsorted rows: materialise the dense row-major grid (later duplicates overwrite, as Subtensor's fill does)
        long[]? dense = null;
        if (!sorted)
        {
            dense = new long[(long)m * columns];
            for (int k = 0; k < scoreRows.Count; k++)
            {
                int i = scoreRows[k];
                for (int e = score.RowStart[i]; e < score.RowEnd[i]; e++)
                {
                    int c = score.Columns[e];
                    if (c < columns)
                    {
                        dense[((long)k * columns) + c] = score.Values[e];
                    }
                }
            }
        }

        long stakeSumBits = stakeSum.Bits;
        const int Block = 8; // one cache line of scores per row
        int blocks = (columns + Block - 1) / Block;
        Rows.For(blocks, (long)columns * m, (first, last) =>
        {
            var gathered = new ScoreStake[Block][];
            for (int b = 0; b < Block; b++)
            {
                gathered[b] = new ScoreStake[m];
                for (int k = 0; k < m; k++)
                {
                    gathered[b][k] = new ScoreStake(0, useStake[k].Bits);
                }
            }

            // sorted rows: one cursor per row walks its columns block by block
            var cursor = new int[scoreRows.Count];
            if (dense is null)
            {
                for (int k = 0; k < scoreRows.Count; k++)
                {
                    cursor[k] = LowerBound(score, scoreRows[k], first * Block);
                }
            }

            var lower = new ScoreStake[m];
            var upper = new ScoreStake[m];
            var scratch = new ScoreStake[m];
            for (int blockIndex = first; blockIndex < last; blockIndex++)
            {
                int c0 = blockIndex * Block;
                int width = Math.Min(Block, columns - c0);
                if (dense is not null)
                {
                    for (int k = 0; k < m; k++)
                    {
                        long rowBase = ((long)k * columns) + c0;
                        for (int b = 0; b < width; b++)
                        {
                            gathered[b][k].Score = dense[rowBase + b];
                        }
                    }
                }
                else
                {
                    for (int b = 0; b < width; b++)
                    {
                        var column = gathered[b];
                        for (int k = 0; k < m; k++)
                        {
                            column[k].Score = 0;
                        }
                    }

                    int limit = c0 + width;
                    for (int k = 0; k < scoreRows.Count; k++)
                    {
                        int at = cursor[k], end = score.RowEnd[scoreRows[k]];
                        while (at < end && score.Columns[at] < limit)
                        {
                            gathered[score.Columns[at] - c0][k].Score = score.Values[at];
                            at++;
                        }

                        cursor[k] = at;
                    }
                }

                for (int b = 0; b < width; b++)
                {
                    // Median permutes its buffers; work on a copy so the gathered stakes stay in row order
                    Array.Copy(gathered[b], scratch, m);
                    median[c0 + b] = I32F32.FromBits(Median(scratch, lower, upper, m, minority, stakeSumBits));
                }
            }
        });
        return median;
    }

    /// <summary>
    /// <c>col_clip_sparse</c>, <c>row_sum_sparse</c> (validator trust) and <c>matmul_sparse</c> (ranks) in one pass.
    /// </summary>
    /// <remarks>With <paramref name="inPlace"/> the clipped entries overwrite the weights (each row compacts within its slot).</remarks>
    public static (CsrMatrix Clipped, I32F32[] Trust, I32F32[] Ranks) ClipTrustRank(CsrMatrix weights, I32F32[] consensus, I32F32[] activeStake, int columns, bool inPlace)
    {
        var clipped = inPlace ? weights : CsrMatrix.WithSlots(weights.Rows, weights.RowLength);
        var trust = new I32F32[weights.Rows];
        var partials = new List<long[]>();
        Rows.For(weights.Rows, weights.Columns.LongLength, (first, last) =>
        {
            var ranks = new long[columns];
            for (int i = first; i < last; i++)
            {
                long scale = i < activeStake.Length ? activeStake[i].Bits : 0L;
                long rowSum = 0;
                int at = clipped.RowStart[i];
                for (int e = weights.RowStart[i]; e < weights.RowEnd[i]; e++)
                {
                    int j = weights.Columns[e];
                    long v = weights.Values[e];
                    long th = j < consensus.Length ? consensus[j].Bits : 0L;
                    if (th < v)
                    {
                        if (th <= 0)
                        {
                            continue;
                        }

                        v = th;
                    }

                    clipped.Columns[at] = (ushort)j;
                    clipped.Values[at++] = v;
                    rowSum = unchecked(rowSum + v);
                    if (j < columns)
                    {
                        ranks[j] = SatAdd(ranks[j], SatMulNonNegative(scale, v)); // stake ≥ 0, clipped weight ≥ 0
                    }
                }

                clipped.RowEnd[i] = at;
                trust[i] = I32F32.FromBits(rowSum);
            }

            lock (partials)
            {
                partials.Add(ranks);
            }
        });
        return (clipped, trust, CombineSums(partials, columns));
    }

    /// <summary><c>row_hadamard_sparse</c>: row i times vector[i] (saturating), rows up to the vector length.</summary>
    public static CsrMatrix RowHadamard(CsrMatrix m, I32F32[] vector)
    {
        int rows = Math.Min(m.Rows, vector.Length);
        var values = new long[m.Values.Length];
        Rows.For(rows, m.Values.LongLength, (first, last) =>
        {
            for (int i = first; i < last; i++)
            {
                long scale = vector[i].Bits;
                for (int e = m.RowStart[i]; e < m.RowEnd[i]; e++)
                {
                    values[e] = SatMul(m.Values[e], scale);
                }
            }
        });
        return new CsrMatrix(rows, m.RowStart[..rows], m.RowEnd[..rows], m.Columns, values);
    }

    /// <summary>Saturating column sums over columns &lt; <paramref name="columns"/> (the pass 1 of <c>inplace_col_normalize_sparse</c>).</summary>
    public static long[] ColumnSums(CsrMatrix m, int columns)
    {
        var partials = new List<long[]>();
        Rows.For(m.Rows, m.Values.LongLength, (first, last) =>
        {
            var sums = new long[columns];
            for (int i = first; i < last; i++)
            {
                for (int e = m.RowStart[i]; e < m.RowEnd[i]; e++)
                {
                    int j = m.Columns[e];
                    if (j < columns)
                    {
                        sums[j] = SatAdd(sums[j], m.Values[e]);
                    }
                }
            }

            lock (partials)
            {
                partials.Add(sums);
            }
        });
        return CombineSums(partials, columns).Select(v => v.Bits).ToArray();
    }

    /// <summary><c>inplace_col_normalize_sparse</c>: saturating column sums over columns &lt; <paramref name="columns"/>, non-zero sums divide.</summary>
    public static void ColNormalizeInPlace(CsrMatrix m, int columns) => DivideColumnsInPlace(m, ColumnSums(m, columns), columns);

    /// <summary><c>inplace_col_max_upscale_sparse</c>: divide by the column maximum (maxima start at 0).</summary>
    public static void ColMaxUpscaleInPlace(CsrMatrix m, int columns)
    {
        var max = new long[columns];
        for (int i = 0; i < m.Rows; i++)
        {
            for (int e = m.RowStart[i]; e < m.RowEnd[i]; e++)
            {
                int j = m.Columns[e];
                if (j < columns && max[j] < m.Values[e])
                {
                    max[j] = m.Values[e];
                }
            }
        }

        DivideColumnsInPlace(m, max, columns);
    }

    /// <summary>
    /// <c>mat_ema_sparse</c>: alpha·new + (1 − alpha)·old on an n×n grid (n = rows of <paramref name="newMatrix"/>),
    /// positive results in column order.
    /// </summary>
    public static CsrMatrix MatEma(CsrMatrix newMatrix, CsrMatrix oldMatrix, I32F32 alpha) =>
        MatEmaCore(newMatrix, alpha, i => i < oldMatrix.Rows ? oldMatrix.RowLength(i) : 0, (i, columns, values) =>
        {
            if (i >= oldMatrix.Rows)
            {
                return 0;
            }

            int length = oldMatrix.RowLength(i);
            Array.Copy(oldMatrix.Columns, oldMatrix.RowStart[i], columns, 0, length);
            Array.Copy(oldMatrix.Values, oldMatrix.RowStart[i], values, 0, length);
            return length;
        });

    /// <summary>
    /// Yuma3 <c>mat_ema_sparse</c> reading the old bonds straight from storage: <c>get_bonds_sparse_fixed_proportion</c>
    /// masked by <c>scalar_vec_mask_sparse_matrix</c> (columns registered at or after <paramref name="lastTempo"/>).
    /// </summary>
    public static CsrMatrix MatEmaStoredBonds(CsrMatrix newMatrix, IReadOnlyList<(ushort Uid, ushort Bond)[]> stored, ulong lastTempo, ulong[] blockAtRegistration, I32F32 alpha)
    {
        int n = newMatrix.Rows;
        return MatEmaCore(newMatrix, alpha, i => i < n && i < stored.Count ? stored[i]?.Length ?? 0 : 0, (i, columns, values) =>
        {
            int count = 0;
            if (i < n && i < stored.Count && stored[i] is { } row)
            {
                foreach (var (uid, bond) in row)
                {
                    ulong registered = uid < blockAtRegistration.Length ? blockAtRegistration[uid] : 0UL;
                    if (lastTempo > registered)
                    {
                        columns[count] = uid;
                        values[count++] = U16ProportionTable[bond];
                    }
                }
            }

            return count;
        });
    }

    /// <summary>
    /// The EMA over rows: strictly ascending rows are merged directly; any other row goes through a dense accumulator
    /// (Subtensor's algorithm), which also fixes the emission order to ascending columns.
    /// </summary>
    private static CsrMatrix MatEmaCore(CsrMatrix newMatrix, I32F32 alpha, Func<int, int> oldRowLength, Func<int, ushort[], long[], int> readOldRow)
    {
        int n = newMatrix.Rows;
        long a = alpha.Bits;
        long oneMinusAlpha = I32F32.One.SaturatingSub(alpha).Bits;
        bool nonNegative = a >= 0 && oneMinusAlpha >= 0;
        int maxOld = 0;
        for (int i = 0; i < n; i++)
        {
            maxOld = Math.Max(maxOld, oldRowLength(i));
        }

        var result = CsrMatrix.WithSlots(n, i => Math.Min(n, newMatrix.RowLength(i) + oldRowLength(i)));
        Rows.For(n, result.Values.LongLength + n, (first, last) =>
        {
            var acc = new long[n];
            var touched = new bool[n];
            var touchedList = new int[n];
            var oldColumns = new ushort[maxOld];
            var oldValues = new long[maxOld];
            for (int i = first; i < last; i++)
            {
                int oldCount = readOldRow(i, oldColumns, oldValues);
                int newStart = newMatrix.RowStart[i], newEnd = newMatrix.RowEnd[i];
                int at = result.RowStart[i];
                if (StrictlyAscending(newMatrix.Columns, newStart, newEnd) && StrictlyAscending(oldColumns, 0, oldCount))
                {
                    int p = newStart, q = 0;
                    while (true)
                    {
                        int jn = p < newEnd ? newMatrix.Columns[p] : int.MaxValue;
                        int jo = q < oldCount ? oldColumns[q] : int.MaxValue;
                        int j = Math.Min(jn, jo);
                        if (j >= n)
                        {
                            break; // remaining columns are out of the n×n grid
                        }

                        long value = 0;
                        if (jn == j)
                        {
                            value = Scale(a, newMatrix.Values[p++], nonNegative);
                        }

                        if (jo == j)
                        {
                            value = SatAdd(value, Scale(oneMinusAlpha, oldValues[q++], nonNegative));
                        }

                        if (value > 0)
                        {
                            result.Columns[at] = (ushort)j;
                            result.Values[at++] = value;
                        }
                    }

                    result.RowEnd[i] = at;
                    continue;
                }

                int touchedCount = 0;
                for (int e = newStart; e < newEnd; e++)
                {
                    int j = newMatrix.Columns[e];
                    if (j < n)
                    {
                        Touch(j, touched, touchedList, ref touchedCount);
                        acc[j] = SatAdd(acc[j], Scale(a, newMatrix.Values[e], nonNegative));
                    }
                }

                for (int e = 0; e < oldCount; e++)
                {
                    int j = oldColumns[e];
                    if (j < n)
                    {
                        Touch(j, touched, touchedList, ref touchedCount);
                        acc[j] = SatAdd(acc[j], Scale(oneMinusAlpha, oldValues[e], nonNegative));
                    }
                }

                // emit positive entries in ascending column order
                if (touchedCount * 8 < n)
                {
                    Array.Sort(touchedList, 0, touchedCount);
                    for (int t = 0; t < touchedCount; t++)
                    {
                        int j = touchedList[t];
                        if (acc[j] > 0)
                        {
                            result.Columns[at] = (ushort)j;
                            result.Values[at++] = acc[j];
                        }

                        acc[j] = 0;
                        touched[j] = false;
                    }
                }
                else
                {
                    for (int j = 0; j < n; j++)
                    {
                        if (touched[j])
                        {
                            if (acc[j] > 0)
                            {
                                result.Columns[at] = (ushort)j;
                                result.Values[at++] = acc[j];
                            }

                            acc[j] = 0;
                            touched[j] = false;
                        }
                    }
                }

                result.RowEnd[i] = at;
            }
        });
        return result;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static long Scale(long coefficient, long value, bool nonNegativeCoefficients) =>
        nonNegativeCoefficients && value >= 0 ? SatMulNonNegative(coefficient, value) : SatMul(coefficient, value);

    private static bool StrictlyAscending(ushort[] columns, int start, int end)
    {
        for (int e = start + 1; e < end; e++)
        {
            if (columns[e - 1] >= columns[e])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Yuma3 dividends step: <c>row_sum_sparse(mat_vec_mul_sparse(col_normalize(ema), incentive))</c> without
    /// materialising the normalised matrix.
    /// </summary>
    public static I32F32[] ColNormalizedMatVecRowSums(CsrMatrix ema, I32F32[] incentive, int columns)
    {
        var divisors = Divisors(ColumnSums(ema, columns));
        var result = new I32F32[ema.Rows];
        Rows.For(ema.Rows, ema.Values.LongLength, (first, last) =>
        {
            for (int i = first; i < last; i++)
            {
                long total = 0;
                for (int e = ema.RowStart[i]; e < ema.RowEnd[i]; e++)
                {
                    int j = ema.Columns[e];
                    if (j >= incentive.Length)
                    {
                        continue;
                    }

                    long v = ema.Values[e];
                    if (j < columns && !divisors[j].IsZero)
                    {
                        v = divisors[j].SafeDivideBits(v);
                    }

                    long inc = incentive[j].Bits;
                    total = unchecked(total + (v >= 0 && inc >= 0 ? SatMulNonNegative(v, inc) : SatMul(v, inc)));
                }

                result[i] = I32F32.FromBits(total);
            }
        });
        return result;
    }

    /// <summary><c>matmul_transpose_sparse</c>: result_i = Σ_j vector_j · m_ij (saturating), missing vector entries 0.</summary>
    public static I32F32[] MatmulTranspose(CsrMatrix m, I32F32[] vector)
    {
        var result = new I32F32[m.Rows];
        Rows.For(m.Rows, m.Values.LongLength, (first, last) =>
        {
            for (int i = first; i < last; i++)
            {
                long acc = 0;
                for (int e = m.RowStart[i]; e < m.RowEnd[i]; e++)
                {
                    int j = m.Columns[e];
                    long v = j < vector.Length ? vector[j].Bits : 0L;
                    acc = SatAdd(acc, SatMul(v, m.Values[e]));
                }

                result[i] = I32F32.FromBits(acc);
            }
        });
        return result;
    }

    /// <summary>The stored bond rows: <c>fixed_proportion_to_u16</c> of each entry for UIDs keeping a permit, else empty.</summary>
    public static (ushort Uid, ushort Bond)[][] BondsToU16(CsrMatrix ema, bool[] newPermits, int n)
    {
        var rows = new (ushort, ushort)[n][];
        Rows.For(n, ema.Values.LongLength, (first, last) =>
        {
            for (int uid = first; uid < last; uid++)
            {
                if (uid >= newPermits.Length || !newPermits[uid] || uid >= ema.Rows)
                {
                    rows[uid] = [];
                    continue;
                }

                int start = ema.RowStart[uid], end = ema.RowEnd[uid];
                var row = new (ushort, ushort)[end - start];
                for (int e = start; e < end; e++)
                {
                    long v = ema.Values[e];
                    long scaled = v >= 0 && v < 1L << 47 ? (v * ushort.MaxValue) >> 32 : SatMul(v, U16Max) >> 32;
                    row[e - start] = (ema.Columns[e], scaled < 0 ? (ushort)0 : scaled > ushort.MaxValue ? ushort.MaxValue : (ushort)scaled);
                }

                rows[uid] = row;
            }
        });
        return rows;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long SatAdd(long a, long b)
    {
        long sum = unchecked(a + b);
        return ((a ^ sum) & (b ^ sum)) < 0 ? (a < 0 ? long.MinValue : long.MaxValue) : sum;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long SatMul(long a, long b)
    {
        long raw = I32F32.MulRaw(a, b, out bool overflow);
        return overflow ? ((a < 0) != (b < 0) ? long.MinValue : long.MaxValue) : raw;
    }

    /// <summary><see cref="SatMul"/> for a, b ≥ 0 (same result, unsigned product).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long SatMulNonNegative(long a, long b)
    {
        ulong hi = Math.BigMul((ulong)a, (ulong)b, out ulong lo);
        return (hi >> 31) != 0 ? long.MaxValue : (long)((hi << 32) | (lo >> 32));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static long SatSub(long a, long b)
    {
        long diff = unchecked(a - b);
        return ((a ^ b) & (a ^ diff)) < 0 ? (a < 0 ? long.MinValue : long.MaxValue) : diff;
    }

    /// <summary>The <c>weighted_median</c> quick-select on (score, stake) pairs; stable partitions keep the pivot choice identical.</summary>
    private static long Median(ScoreStake[] current, ScoreStake[] lower, ScoreStake[] upper, int count, long minority, long partitionHi)
    {
        long partitionLo = 0;
        int limit = count;
        int iterations = 0;
        while (true)
        {
            if (count == 0)
            {
                return 0;
            }

            if (count == 1)
            {
                return current[0].Score;
            }

            long pivot = current[count / 2].Score;
            long loStake = 0, hiStake = 0;
            int lowerCount = 0, upperCount = 0;
            for (int t = 0; t < count; t++)
            {
                // branch-free stable partition: write to both sides, advance the side the entry belongs to
                var entry = current[t];
                int isLower = entry.Score < pivot ? 1 : 0;
                int isUpper = entry.Score > pivot ? 1 : 0;
                lower[lowerCount] = entry;
                upper[upperCount] = entry;
                lowerCount += isLower;
                upperCount += isUpper;
                loStake = SatAdd(loStake, entry.Stake & -(long)isLower);
                hiStake = SatAdd(hiStake, entry.Stake & -(long)isUpper);
            }

            long loEdge = SatAdd(partitionLo, loStake);
            long hiEdge = SatSub(partitionHi, hiStake);
            if (minority < loEdge && lowerCount > 0)
            {
                (current, lower) = (lower, current);
                count = lowerCount;
                partitionHi = loEdge;
            }
            else if (hiEdge <= minority && upperCount > 0)
            {
                (current, upper) = (upper, current);
                count = upperCount;
                partitionLo = hiEdge;
            }
            else
            {
                return pivot;
            }

            iterations++;
            if (iterations > limit)
            {
                return 0;
            }
        }
    }

    /// <summary>Per-range partial sums combined with saturating addition (order-free for non-negative values).</summary>
    private static I32F32[] CombineSums(List<long[]> partials, int columns)
    {
        var total = new long[columns];
        foreach (var partial in partials)
        {
            for (int j = 0; j < columns; j++)
            {
                total[j] = SatAdd(total[j], partial[j]);
            }
        }

        return total.Select(I32F32.FromBits).ToArray();
    }

    private static I32F32Divisor[] Divisors(long[] bits)
    {
        var divisors = new I32F32Divisor[bits.Length];
        for (int j = 0; j < bits.Length; j++)
        {
            divisors[j] = new I32F32Divisor(I32F32.FromBits(bits[j]));
        }

        return divisors;
    }

    private static void DivideColumnsInPlace(CsrMatrix m, long[] divisorBits, int columns)
    {
        var divisors = Divisors(divisorBits);
        Rows.For(m.Rows, m.Values.LongLength, (first, last) =>
        {
            for (int i = first; i < last; i++)
            {
                for (int e = m.RowStart[i]; e < m.RowEnd[i]; e++)
                {
                    int j = m.Columns[e];
                    if (j < columns && !divisors[j].IsZero)
                    {
                        m.Values[e] = divisors[j].SafeDivideBits(m.Values[e]);
                    }
                }
            }
        });
    }

    /// <summary>First entry of a row (columns non-decreasing) with column ≥ <paramref name="column"/>.</summary>
    private static int LowerBound(CsrMatrix m, int row, int column)
    {
        int lo = m.RowStart[row], hi = m.RowEnd[row];
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (m.Columns[mid] < column)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Touch(int j, bool[] touched, int[] list, ref int count)
    {
        if (!touched[j])
        {
            touched[j] = true;
            list[count++] = j;
        }
    }

    private static long[] BuildProportionTable()
    {
        var table = new long[ushort.MaxValue + 1];
        for (int b = 0; b <= ushort.MaxValue; b++)
        {
            table[b] = U16Proportion.FixedToProportion(I32F32.SaturatingFromNum(b)).Bits;
        }

        return table;
    }

    private struct ScoreStake(long score, long stake)
    {
        public long Score = score;
        public readonly long Stake = stake;
    }
}
