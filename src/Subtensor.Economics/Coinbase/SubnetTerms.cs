using Subtensor.Core.Arithmetic;

namespace Subtensor.Economics.Coinbase;

/// <summary>
/// <c>get_subnet_terms</c> for one subnet (<c>coinbase/run_coinbase.rs</c>): alpha injected into the pool (capped at
/// RootProp × alpha emission), the TAO injected alongside at the spot price, the excess TAO spent on a chain buy, and
/// the alpha emitted to participants.
/// </summary>
public sealed record SubnetTerms(U96F32 TaoIn, U96F32 AlphaIn, U96F32 AlphaOut, U96F32 ExcessTao)
{
    /// <summary>Computes the terms from the subnet's TAO emission, alpha issuance, spot price and root proportion.</summary>
    public static SubnetTerms Compute(U96F32 taoEmission, ulong alphaIssuance, U64F64 spotPrice, U96F32 rootProportion)
    {
        var alphaEmission = U96F32.SaturatingFromNum(BlockEmission.ForIssuance(alphaIssuance) ?? 0UL);
        var price = U96F32.SaturatingFrom(spotPrice);
        var taoIn = taoEmission;
        var alphaIn = taoEmission.SafeDivOr(price, U96F32.Zero);
        var cap = rootProportion.SaturatingMul(alphaEmission);
        if (alphaIn > cap)
        {
            alphaIn = cap;
            taoIn = alphaIn.SaturatingMul(price);
        }

        return new SubnetTerms(taoIn, alphaIn, alphaEmission, taoEmission.SaturatingSub(taoIn));
    }

    /// <summary>The integer amounts <c>inject_and_maybe_swap</c> uses (each floored to RAO).</summary>
    public (ulong TaoIn, ulong AlphaIn, ulong ExcessTao) Rao() =>
        (TaoIn.SaturatingToU64(), AlphaIn.SaturatingToU64(), ExcessTao.SaturatingToU64());
}
