using Subtensor.Core.Arithmetic;

namespace Subtensor.Economics.Epoch;

/// <summary>Liquid alpha: per-entry EMA coefficients from a sigmoid of the weight/bond/consensus gap (<c>run_epoch.rs</c>).</summary>
public static class LiquidAlpha
{
    private static readonly I32F32 MinusHundred = I32F32.FromInt(-100);
    private static readonly I32F32 Half = I32F32.FromBits(1L << 31);

    /// <summary>
    /// <c>alpha_sigmoid</c>: x = clamp(w − c, 0, 1) if w ≥ b else clamp(b − w, 0, 1);
    /// σ = 1 / (1 + exp_safe((steepness / −100)·(x − 0.5))); α = clamp(lo + σ·(hi − lo), lo, hi).
    /// </summary>
    public static I32F32 AlphaSigmoid(I32F32 consensus, I32F32 weight, I32F32 bond, I32F32 alphaLow, I32F32 alphaHigh, I32F32 steepness)
    {
        var zero = I32F32.Zero;
        var one = I32F32.One;
        var diffBuy = Sigmoid.ClampValue(weight.SaturatingSub(consensus), zero, one);
        var diffSell = Sigmoid.ClampValue(bond.SaturatingSub(weight), zero, one);
        var combined = weight >= bond ? diffBuy : diffSell;
        var exponent = steepness.SaturatingDiv(MinusHundred).SaturatingMul(combined.SaturatingSub(Half));
        var sigmoid = one.SaturatingDiv(one.SaturatingAdd(Sigmoid.ExpSafe(exponent)));
        var alpha = alphaLow.SaturatingAdd(sigmoid.SaturatingMul(alphaHigh.SaturatingSub(alphaLow)));
        return Sigmoid.ClampValue(alpha, alphaLow, alphaHigh);
    }

    /// <summary><c>get_alpha_values_32</c>: (low, high) u16 values as proportions of 65535.</summary>
    public static (I32F32 Low, I32F32 High) AlphaValues(ushort alphaLow, ushort alphaHigh) =>
        (U16Proportion.ToFixed(alphaLow), U16Proportion.ToFixed(alphaHigh));

    /// <summary><c>get_alpha_sigmoid_steepness</c>: the stored i16 as I32F32.</summary>
    public static I32F32 Steepness(short steepness) => I32F32.SaturatingFromNum(steepness);

    /// <summary>
    /// <c>compute_liquid_alpha_values_sparse</c>: a dense alpha row per validator over all consensus columns; entries are
    /// read from the weight and bond rows by a forward scan that assumes ascending columns. Different row counts give
    /// no alphas at all.
    /// </summary>
    public static I32F32[][] ValuesSparse(
        ReadOnlySpan<SparseRow> weights,
        ReadOnlySpan<SparseRow> bonds,
        ReadOnlySpan<I32F32> consensus,
        I32F32 alphaLow,
        I32F32 alphaHigh,
        I32F32 steepness)
    {
        if (weights.Length != bonds.Length)
        {
            return [];
        }

        var alphas = new I32F32[weights.Length][];
        for (int i = 0; i < weights.Length; i++)
        {
            var wRow = weights[i];
            var bRow = bonds[i];
            int w = 0, b = 0;
            var row = new I32F32[consensus.Length];
            for (int j = 0; j < consensus.Length; j++)
            {
                var weight = ScanTo(wRow, ref w, j);
                var bond = ScanTo(bRow, ref b, j);
                row[j] = AlphaSigmoid(consensus[j], weight, bond, alphaLow, alphaHigh, steepness);
            }

            alphas[i] = row;
        }

        return alphas;
    }

    /// <summary><c>compute_liquid_alpha_values</c> (dense): alphas over the common length of weight row, bond row and consensus.</summary>
    public static I32F32[][] Values(
        IReadOnlyList<I32F32[]> weights,
        IReadOnlyList<I32F32[]> bonds,
        ReadOnlySpan<I32F32> consensus,
        I32F32 alphaLow,
        I32F32 alphaHigh,
        I32F32 steepness)
    {
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentNullException.ThrowIfNull(bonds);
        if (weights.Count != bonds.Count)
        {
            return [];
        }

        var alphas = new I32F32[weights.Count][];
        for (int i = 0; i < weights.Count; i++)
        {
            int len = Math.Min(Math.Min(weights[i].Length, bonds[i].Length), consensus.Length);
            alphas[i] = new I32F32[len];
            for (int j = 0; j < len; j++)
            {
                alphas[i][j] = AlphaSigmoid(consensus[j], weights[i][j], bonds[i][j], alphaLow, alphaHigh, steepness);
            }
        }

        return alphas;
    }

    /// <summary>The peekable scan: skip entries with column &lt; j, take the value if the next column equals j.</summary>
    private static I32F32 ScanTo(SparseRow row, ref int position, int j)
    {
        while (position < row.Count)
        {
            int column = row.Columns[position];
            if (column < j)
            {
                position++;
            }
            else
            {
                return column == j ? row.Values[position] : I32F32.Zero;
            }
        }

        return I32F32.Zero;
    }
}
