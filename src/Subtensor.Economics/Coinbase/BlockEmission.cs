using Subtensor.Core.Arithmetic;

namespace Subtensor.Economics.Coinbase;

/// <summary>
/// Block emission from issuance (<c>coinbase/block_emission.rs</c>, <c>get_block_emission_for_issuance</c>):
/// floor(10^9 / 2^floor(log2(1 / (1 − I / 21e15)))) RAO, in I96F32 with substrate-fixed's log2. The same function gives
/// a subnet's alpha emission from its alpha issuance.
/// </summary>
public static class BlockEmission
{
    /// <summary><c>TotalSupply</c>: 21M TAO in RAO.</summary>
    public const ulong TotalSupply = 21_000_000_000_000_000;

    /// <summary><c>DefaultBlockEmission</c>: 1 TAO.</summary>
    public const ulong DefaultBlockEmission = 1_000_000_000;

    private static readonly I96F32 HalfSupplyTimesTwo =
        I96F32.SaturatingFromNum(2UL).SaturatingMul(I96F32.SaturatingFromNum(10_500_000_000_000_000UL));

    /// <summary>The emission for <paramref name="issuance"/>; null where Subtensor returns "Logarithm calculation failed".</summary>
    public static ulong? ForIssuance(ulong issuance, ulong totalSupply = TotalSupply, ulong defaultBlockEmission = DefaultBlockEmission)
    {
        var totalIssuance = I96F32.SaturatingFromNum(issuance);
        if (totalIssuance >= I96F32.SaturatingFromNum(totalSupply))
        {
            return 0;
        }

        var ratio = totalIssuance.CheckedDiv(HalfSupplyTimesTwo);
        var remaining = ratio is null ? null : I96F32.One.CheckedSub(ratio.Value);
        var inverse = remaining is null ? null : I96F32.One.CheckedDiv(remaining.Value);
        var residual = inverse is null ? null : Transcendental.Log2(inverse.Value);
        if (residual is null)
        {
            return null;
        }

        ulong halvings = residual.Value.Floor().SaturatingToU64();
        var multiplier = I96F32.One;
        var two = I96F32.SaturatingFromNum(2UL);
        for (ulong i = 0; i < halvings; i++)
        {
            multiplier = multiplier.SaturatingMul(two);
        }

        var percentage = I96F32.One.SafeDiv(multiplier);
        return percentage.SaturatingMul(I96F32.SaturatingFromNum(defaultBlockEmission)).SaturatingToU64();
    }
}
