using Subtensor.Core.Arithmetic;

namespace Subtensor.Economics.Epoch;

/// <summary>
/// Stake-weighted median of <c>epoch/math.rs</c>: a deterministic quick-select with the middle element of the current
/// partition as pivot (<c>weighted_median</c>), and its column-wise uses for consensus.
/// </summary>
public static class WeightedMedian
{
    /// <summary>
    /// <c>weighted_median(stake, score, partition_idx, minority, lo, hi)</c>: narrows the partition to the side whose stake
    /// crosses <paramref name="minority"/> until the pivot itself is the median; 0 for empty input or mismatched lengths.
    /// </summary>
    public static I32F32 Median(
        ReadOnlySpan<I32F32> stake,
        ReadOnlySpan<I32F32> score,
        ReadOnlySpan<int> partition,
        I32F32 minority,
        I32F32 partitionLo,
        I32F32 partitionHi)
    {
        if (stake.Length != score.Length)
        {
            return I32F32.Zero;
        }

        var current = partition.ToArray();
        int count = current.Length;
        var lower = new int[count];
        var upper = new int[count];
        int iterationLimit = count;
        int iterations = 0;
        while (true)
        {
            if (count == 0)
            {
                return I32F32.Zero;
            }

            if (count == 1)
            {
                return Get(score, current[0]);
            }

            var pivot = Get(score, current[count / 2]);
            var loStake = I32F32.Zero;
            var hiStake = I32F32.Zero;
            int lowerCount = 0, upperCount = 0;
            for (int t = 0; t < count; t++)
            {
                int idx = current[t];
                var s = Get(score, idx);
                if (s == pivot)
                {
                    continue;
                }

                if (s < pivot)
                {
                    loStake = loStake.SaturatingAdd(Get(stake, idx));
                    lower[lowerCount++] = idx;
                }
                else
                {
                    hiStake = hiStake.SaturatingAdd(Get(stake, idx));
                    upper[upperCount++] = idx;
                }
            }

            if (minority < partitionLo.SaturatingAdd(loStake) && lowerCount > 0)
            {
                (current, lower) = (lower, current);
                count = lowerCount;
                partitionHi = partitionLo.SaturatingAdd(loStake);
            }
            else if (partitionHi.SaturatingSub(hiStake) <= minority && upperCount > 0)
            {
                (current, upper) = (upper, current);
                count = upperCount;
                partitionLo = partitionHi.SaturatingSub(hiStake);
            }
            else
            {
                return pivot;
            }

            iterations++;
            if (iterations > iterationLimit)
            {
                return I32F32.Zero;
            }
        }
    }

    /// <summary>
    /// <c>weighted_median_col_sparse</c>: per column, the median over rows with positive stake (stake renormalised over
    /// those rows, missing entries count as 0), with minority = Σstake − majority.
    /// </summary>
    public static I32F32[] ColumnSparse(ReadOnlySpan<I32F32> stake, ReadOnlySpan<SparseRow> score, int columns, I32F32 majority)
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
        var minority = stakeSum.SaturatingSub(majority);
        int m = useStake.Length;
        var partition = new int[m];
        for (int k = 0; k < m; k++)
        {
            partition[k] = k;
        }

        // use_score, column-major: scores[c·m + k]
        var scores = new I32F32[(long)columns * m];
        int row = 0;
        int pairs = Math.Min(stake.Length, score.Length);
        for (int i = 0; i < pairs; i++)
        {
            if (stake[i] > I32F32.Zero)
            {
                var sparseRow = score[i];
                for (int t = 0; t < sparseRow.Count; t++)
                {
                    int c = sparseRow.Columns[t];
                    if (c < columns && row < m)
                    {
                        scores[((long)c * m) + row] = sparseRow.Values[t];
                    }
                }

                row++;
            }
        }

        var median = new I32F32[columns];
        for (int c = 0; c < columns; c++)
        {
            median[c] = Median(useStake, scores.AsSpan((int)((long)c * m), m), partition, minority, I32F32.Zero, stakeSum);
        }

        return median;
    }

    /// <summary>
    /// <c>weighted_median_col</c> (dense): per column over rows with positive stake; a missing or wrong-width row
    /// contributes (stake 0, score 0).
    /// </summary>
    public static I32F32[] Column(ReadOnlySpan<I32F32> stake, IReadOnlyList<I32F32[]> score, I32F32 majority)
    {
        ArgumentNullException.ThrowIfNull(score);
        int columns = score.Count > 0 ? score[0].Length : 0;
        var median = new I32F32[columns];
        for (int c = 0; c < columns; c++)
        {
            var useStake = new List<I32F32>();
            var useScore = new List<I32F32>();
            for (int r = 0; r < stake.Length; r++)
            {
                var st = stake[r];
                if (st > I32F32.Zero)
                {
                    if (r < score.Count && score[r].Length == columns)
                    {
                        useStake.Add(st);
                        useScore.Add(score[r][c]);
                    }
                    else
                    {
                        useStake.Add(I32F32.Zero);
                        useScore.Add(I32F32.Zero);
                    }
                }
            }

            if (useStake.Count > 0)
            {
                var stakeArray = useStake.ToArray();
                VectorMath.NormalizeInPlace(stakeArray);
                var stakeSum = VectorMath.Sum(stakeArray);
                var minority = stakeSum.SaturatingSub(majority);
                var partition = Enumerable.Range(0, stakeArray.Length).ToArray();
                median[c] = Median(stakeArray, useScore.ToArray(), partition, minority, I32F32.Zero, stakeSum);
            }
        }

        return median;
    }

    private static I32F32 Get(ReadOnlySpan<I32F32> values, int index) =>
        (uint)index < (uint)values.Length ? values[index] : I32F32.Zero;
}
