using Subtensor.Core.Arithmetic;

namespace Subtensor.Economics.Epoch;

/// <summary>Bond EMA selection of <c>run_epoch.rs</c>: fixed alpha from BondsMovingAverage, or liquid alpha per entry.</summary>
public static class BondsEma
{
    /// <summary>
    /// <c>compute_disabled_liquid_alpha</c> / the alpha of <c>compute_ema_bonds_normal(_sparse)</c>:
    /// 1 − BondsMovingAverage / 1_000_000 (I64F64 ratio converted to I32F32).
    /// </summary>
    public static I32F32 NormalAlpha(ulong bondsMovingAverage)
    {
        var ratio = I64F64.SaturatingFromNum(bondsMovingAverage).SafeDiv(I64F64.SaturatingFromNum(1_000_000UL));
        return I32F32.One.SaturatingSub(I32F32.SaturatingFrom(ratio));
    }

    /// <summary><c>compute_ema_bonds_normal_sparse</c>: <c>mat_ema_sparse</c> with <see cref="NormalAlpha"/>.</summary>
    public static SparseRow[] EmaNormalSparse(ReadOnlySpan<SparseRow> bondsDelta, ReadOnlySpan<SparseRow> bonds, ulong bondsMovingAverage) =>
        SparseMatrixMath.MatEma(bondsDelta, bonds, NormalAlpha(bondsMovingAverage));

    /// <summary><c>compute_ema_bonds_normal</c> (dense).</summary>
    public static I32F32[][] EmaNormal(IReadOnlyList<I32F32[]> bondsDelta, IReadOnlyList<I32F32[]> bonds, ulong bondsMovingAverage) =>
        DenseMatrixMath.MatEma(bondsDelta, bonds, NormalAlpha(bondsMovingAverage));

    /// <summary>
    /// <c>compute_bonds_sparse</c> (Yuma3): with liquid alpha on and any non-zero consensus, a per-entry alpha EMA
    /// (<c>mat_ema_alpha_sparse</c>); otherwise <c>mat_ema_sparse</c> with the fixed alpha.
    /// </summary>
    public static SparseRow[] ComputeBondsSparse(ReadOnlySpan<SparseRow> weights, ReadOnlySpan<SparseRow> bonds, ReadOnlySpan<I32F32> consensus, BondsParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (UsesLiquidAlpha(consensus, parameters))
        {
            var (low, high) = LiquidAlpha.AlphaValues(parameters.AlphaLow, parameters.AlphaHigh);
            var alphas = LiquidAlpha.ValuesSparse(weights, bonds, consensus, low, high, LiquidAlpha.Steepness(parameters.AlphaSigmoidSteepness));
            return SparseMatrixMath.MatEmaAlpha(weights, bonds, alphas);
        }

        return SparseMatrixMath.MatEma(weights, bonds, NormalAlpha(parameters.BondsMovingAverage));
    }

    /// <summary><c>compute_bonds</c> (dense).</summary>
    public static I32F32[][] ComputeBonds(IReadOnlyList<I32F32[]> weights, IReadOnlyList<I32F32[]> bonds, ReadOnlySpan<I32F32> consensus, BondsParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (UsesLiquidAlpha(consensus, parameters))
        {
            var (low, high) = LiquidAlpha.AlphaValues(parameters.AlphaLow, parameters.AlphaHigh);
            var alphas = LiquidAlpha.Values(weights, bonds, consensus, low, high, LiquidAlpha.Steepness(parameters.AlphaSigmoidSteepness));
            return DenseMatrixMath.MatEmaAlpha(weights, bonds, alphas);
        }

        return DenseMatrixMath.MatEma(weights, bonds, NormalAlpha(parameters.BondsMovingAverage));
    }

    private static bool UsesLiquidAlpha(ReadOnlySpan<I32F32> consensus, BondsParameters parameters)
    {
        if (!parameters.LiquidAlphaOn || consensus.IsEmpty)
        {
            return false;
        }

        foreach (var c in consensus)
        {
            if (c != I32F32.Zero)
            {
                return true;
            }
        }

        return false;
    }
}
