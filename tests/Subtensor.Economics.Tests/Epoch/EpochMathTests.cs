using Subtensor.Core.Arithmetic;
using Subtensor.Economics.Epoch;
using static Subtensor.Economics.Tests.Epoch.Fx;

namespace Subtensor.Economics.Tests.Epoch;

/// <summary>Exact vectors of Subtensor's <c>tests/math.rs</c> (digest §6.3 and neighbours).</summary>
public sealed class EpochMathTests
{
    private static readonly float[] MedianWeights = [0f, 0.1f, 0f, 0f, 0.2f, 0.4f, 0f, 0.3f, 0.1f, 0f, 0.4f, 0.5f];

    [Theory]
    [InlineData(0.24f, 0f, 0.3f, 0.4f)]
    [InlineData(0.26f, 0f, 0.2f, 0.4f)]
    [InlineData(0.76f, 0f, 0.2f, 0.1f)]
    public void Weighted_median_col_sparse_and_dense(float kappa, float m0, float m1, float m2)
    {
        var stake = Vec(0f, 0.75f, 0.25f, 0f);
        var expected = Vec(m0, m1, m2);
        Assert.Equal(expected, WeightedMedian.ColumnSparse(stake, SparseMat(MedianWeights, 4), 3, F(kappa)));
        Assert.Equal(expected, WeightedMedian.Column(stake, DenseMat(MedianWeights, 4), F(kappa)));
    }

    [Fact]
    public void Weighted_median_col_with_a_majority_of_zero_scores()
    {
        float[] weights = [0f, 0.1f, 0f, 0f, 0.2f, 0.4f, 0f, 0.3f, 0.1f, 0f, 0f, 0.5f];
        var stake = Vec(0f, 0.3f, 0.2f, 0.5f);
        Assert.Equal(Vec(0f, 0f, 0.4f), WeightedMedian.ColumnSparse(stake, SparseMat(weights, 4), 3, F(0.51f)));
        Assert.Equal(Vec(0f, 0f, 0.4f), WeightedMedian.Column(stake, DenseMat(weights, 4), F(0.51f)));
        Assert.Empty(WeightedMedian.ColumnSparse([], [SparseRow.Empty], 0, F(0.5f)));
        Assert.Equal(Vec(0f, 0f), WeightedMedian.ColumnSparse(Vec(0f, 0f), SparseMat([0f, 0f, 0f, 0f], 2), 2, F(0.5f)));
    }

    [Theory]
    [InlineData(new[] { 0.49f, 0.51f }, new[] { 0.5f, 1f }, 1f)]
    [InlineData(new[] { 0.51f, 0.49f }, new[] { 0.5f, 1f }, 0.5f)]
    [InlineData(new[] { 0.49f, 0f, 0.51f }, new[] { 0.5f, 0.7f, 1f }, 1f)]
    [InlineData(new[] { 0.49f, 0.01f, 0.5f }, new[] { 0.5f, 0.7f, 1f }, 0.7f)]
    [InlineData(new[] { 0.49f, 0.51f, 0f }, new[] { 0.5f, 0.7f, 1f }, 0.7f)]
    [InlineData(new[] { 0f, 0.49f, 0.51f }, new[] { 0.5f, 0.7f, 1f }, 1f)]
    [InlineData(new[] { 0f, 0.49f, 0f, 0.51f }, new[] { 0.5f, 0.5f, 1f, 1f }, 1f)]
    [InlineData(new[] { 0f, 0.49f, 0f, 0.51f, 0f }, new[] { 0.5f, 0.5f, 1f, 1f, 0.5f }, 1f)]
    [InlineData(new[] { 0.2f, 0.2f, 0.2f, 0.2f, 0.2f }, new[] { 0.8f, 0.2f, 1f, 0.6f, 0.4f }, 0.6f)]
    [InlineData(new[] { 0.1f, 0.1f, 0.1f, 0.1f, 0.1f, 0.1f, 0.1f, 0.1f, 0.1f, 0.1f }, new[] { 0.8f, 0.8f, 0.2f, 0.2f, 1f, 1f, 0.6f, 0.6f, 0.4f, 0.4f }, 0.6f)]
    public void Weighted_median_scalar_cases(float[] stake, float[] score, float expected)
    {
        var s = Vec(stake);
        var minority = I32F32.One - F(0.51f);
        var partition = Enumerable.Range(0, s.Length).ToArray();
        Assert.Equal(F(expected), WeightedMedian.Median(s, Vec(score), partition, minority, I32F32.Zero, VectorMath.Sum(s)));
    }

    [Fact]
    public void Weighted_median_is_one_of_the_admissible_medians_for_random_inputs()
    {
        // Property from test_math_weighted_median: the result is a score at the minority boundary, and permuting the
        // inputs keeps it admissible.
        var random = new Random(5);
        foreach (var majority in Vec(0f, 0.0000001f, 0.25f, 0.49f, 0.5f, 0.51f, 0.9999999f, 1f))
        {
            foreach (bool allowEqual in new[] { false, true })
            {
                int n = 100;
                var stake = new I32F32[n];
                var score = new I32F32[n];
                var last = I32F32.Zero;
                for (int i = 0; i < n; i++)
                {
                    if (allowEqual)
                    {
                        stake[i] = random.Next(2) == 1 ? I32F32.One : I32F32.Zero;
                        if (random.Next(2) == 1)
                        {
                            last += I32F32.One;
                        }

                        score[i] = last;
                    }
                    else
                    {
                        stake[i] = I32F32.One;
                        score[i] = I32F32.FromInt(i);
                    }
                }

                VectorMath.NormalizeInPlace(stake);
                var total = VectorMath.Sum(stake);
                var minority = I32F32.Max(total - majority, I32F32.Zero);
                var medians = AdmissibleMedians(stake, score, minority);
                var partition = Enumerable.Range(0, n).ToArray();
                Assert.Contains(WeightedMedian.Median(stake, score, partition, minority, I32F32.Zero, total), medians);
                for (int p = 0; p < 10; p++)
                {
                    var perm = Enumerable.Range(0, n).OrderBy(_ => random.Next()).ToArray();
                    var s2 = perm.Select(i => stake[i]).ToArray();
                    var c2 = perm.Select(i => score[i]).ToArray();
                    Assert.Contains(WeightedMedian.Median(s2, c2, partition, minority, I32F32.Zero, total), medians);
                }
            }
        }
    }

    [Fact]
    public void Sigmoid_safe_exact_values()
    {
        var trust = new[] { I32F32.MinValue, I32F32.Zero, D(0.4), D(0.5), D(0.6), I32F32.One, I32F32.MaxValue };
        Assert.Equal(
            [D(0.0000000019), D(0.0000000019), D(0.0000000019), D(0.0000000019), D(0.0000000019), D(0.0000000019), D(0.5)],
            trust.Select(t => Sigmoid.SigmoidSafe(t, I32F32.MaxValue, I32F32.MaxValue)));
        Assert.Equal(
            [D(0.5), D(0.0000000019), D(0.0000000019), D(0.0000000019), D(0.0000000019), D(0.0000000019), D(0.0000000019)],
            trust.Select(t => Sigmoid.SigmoidSafe(t, I32F32.MinValue, I32F32.MinValue)));
        Assert.Equal(
            [D(0.0000000019), D(0.0000003057), D(0.0474258729), D(0.5), D(0.952574127), D(0.9999996943), D(0.9999999981)],
            trust.Select(t => Sigmoid.SigmoidSafe(t, I32F32.FromInt(30), F(0.5f))));

        var trust2 = Vec(0f, 0.1f, 0.2f, 0.3f, 0.4f, 0.5f, 0.6f, 0.7f, 0.8f, 0.9f, 1f);
        Assert.Equal(
            new[] { 0.0000000019, 0.0000001125, 0.0000061442, 0.0003353502, 0.017986214, 0.5, 0.9820138067, 0.9996646498, 0.9999938558, 0.9999998875, 0.9999999981 }.Select(D),
            trust2.Select(t => Sigmoid.SigmoidSafe(t, I32F32.FromInt(40), F(0.5f))));
    }

    [Fact]
    public void Exp_safe_clamps_to_plus_minus_twenty()
    {
        var twenty = I32F32.FromInt(20);
        Assert.Equal(Transcendental.Exp(-twenty), Sigmoid.ExpSafe(-twenty - I32F32.One));
        Assert.Equal(Transcendental.Exp(-twenty), Sigmoid.ExpSafe(I32F32.MinValue));
        Assert.Equal(Transcendental.Exp(twenty), Sigmoid.ExpSafe(I32F32.MaxValue));
        Assert.Equal(Transcendental.Exp(I32F32.One), Sigmoid.ExpSafe(I32F32.One));
    }

    [Fact]
    public void Max_upscale_to_u16()
    {
        Assert.Empty(VectorMath.MaxUpscaleToU16([]));
        Assert.Equal([0, 65535], VectorMath.MaxUpscaleToU16(Vec(0f, 0.000000001f)));
        Assert.Equal([0, 1, 65535], VectorMath.MaxUpscaleToU16(Vec(0f, 0.000016f, 1f)));
        Assert.Equal([65535, 65535], VectorMath.MaxUpscaleToU16(Vec(0.000000001f, 0.000000001f)));
        Assert.Equal(
            [0, 1, 1, 16, 164, 1638, 16384, 32768, 49151, 65535],
            VectorMath.MaxUpscaleToU16(Vec(0.000001f, 0.000006f, 0.000007f, 0.0001f, 0.001f, 0.01f, 0.1f, 0.2f, 0.3f, 0.4f)));
        Assert.Equal([65535], VectorMath.MaxUpscaleToU16([I32F32.FromInt(32769)]));
        Assert.Equal([65535], VectorMath.MaxUpscaleToU16([I32F32.MaxValue]));
        Assert.Equal([0, 1, 2, 3, 4, 65535], VectorMath.MaxUpscaleToU16(Vec(0f, 0.5f, 1f, 1.5f, 2f, 32768f)));
        Assert.Equal([0, 1, 2, 3, 4, 65533, 65535], VectorMath.MaxUpscaleToU16(Vec(0f, 0.5f, 1f, 1.5f, 2f, 32768f, 32769f)));
        Assert.Equal(
            [0, 0, 1, 1, 65535],
            VectorMath.MaxUpscaleToU16([I32F32.Zero, I32F32.One, I32F32.FromInt(32768), I32F32.FromInt(32769), I32F32.MaxValue]));
        Assert.Equal([0, 65535], VectorMath.U16MaxUpscaleToU16([0, 1]));
        Assert.Equal([65535], VectorMath.U16MaxUpscaleToU16([65534]));
    }

    [Fact]
    public void Is_topk_revokes_the_lowest_with_a_stable_order()
    {
        var vector = Vec(0f, 1f, 2f, 3f, 4f, 5f, 6f, 7f, 8f, 9f);
        Assert.All(VectorMath.IsTopK(vector, 0), Assert.False);
        Assert.Equal([false, false, false, false, false, true, true, true, true, true], VectorMath.IsTopK(vector, 5));
        Assert.All(VectorMath.IsTopK(vector, 10), Assert.True);
        Assert.All(VectorMath.IsTopK(vector, 11), Assert.True);

        // ties: the lower index loses first
        Assert.Equal([false, true, true], VectorMath.IsTopK(Vec(1f, 1f, 1f), 2));
        Assert.Equal([false, false, true, true, false], VectorMath.IsTopKNonZero(Vec(0f, 1f, 1f, 1f, 0f), 2));
        Assert.Equal([false, true, true], VectorMath.IsTopKNonZero(Vec(0f, 1f, 2f), 5));
    }

    private static List<I32F32> AdmissibleMedians(I32F32[] stake, I32F32[] score, I32F32 minority)
    {
        var medians = new List<I32F32>();
        var medianStake = I32F32.Zero;
        bool set = false;
        var stakeSum = I32F32.Zero;
        for (int i = 0; i < stake.Length; i++)
        {
            stakeSum += stake[i];
            if (!set && stakeSum >= minority)
            {
                medianStake = stakeSum;
                set = true;
            }

            if (set)
            {
                if (medianStake < stakeSum)
                {
                    if (medianStake == minority && !medians.Contains(score[i]))
                    {
                        medians.Add(score[i]);
                    }

                    break;
                }

                if (!medians.Contains(score[i]))
                {
                    medians.Add(score[i]);
                }
            }
        }

        if (medians.Count == 0)
        {
            medians.Add(I32F32.Zero);
        }

        return medians;
    }
}
