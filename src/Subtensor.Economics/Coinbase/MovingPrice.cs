using Subtensor.Core.Arithmetic;

namespace Subtensor.Economics.Coinbase;

/// <summary>
/// <c>update_moving_price</c> (<c>staking/stake_utils.rs</c>): new = a·min(p, 1) + (1 − a)·old with
/// a = SubnetMovingAlpha × b / (b + h), b = blocks since <c>start_call</c>, h = <c>EMAPriceHalvingBlocks</c>.
/// </summary>
public static class MovingPrice
{
    /// <summary><c>DefaultMovingAlpha</c>: I96F32::saturating_from_num(0.000003) (IEEE bits 0x3EC92A737110E454).</summary>
    public static I96F32 DefaultMovingAlpha { get; } = I96F32.SaturatingFromF64Bits(0x3EC9_2A73_7110_E454UL);

    /// <summary><c>InitialEmaPriceHalvingPeriod</c>: 201_600 blocks (28 days).</summary>
    public const ulong DefaultHalvingBlocks = 201_600;

    /// <summary>The new stored moving price.</summary>
    /// <param name="previous">The current moving price as <c>get_moving_alpha_price</c> returns it.</param>
    /// <param name="spotPrice">The pool's current price.</param>
    /// <param name="firstEmissionBlock"><c>FirstEmissionBlockNumber</c> (null if unset).</param>
    /// <param name="currentBlock">The current block.</param>
    /// <param name="halvingBlocks"><c>EMAPriceHalvingBlocks</c>.</param>
    /// <param name="movingAlpha"><c>SubnetMovingAlpha</c>.</param>
    public static I96F32 Update(U64F64 previous, U64F64 spotPrice, ulong? firstEmissionBlock, ulong currentBlock, ulong halvingBlocks, I96F32 movingAlpha)
    {
        ulong startCallBlock = firstEmissionBlock is { } first && first > 0 ? first - 1 : 0;
        var blocksSinceStart = U64F64.SaturatingFromNum(currentBlock > startCallBlock ? currentBlock - startCallBlock : 0UL);
        var alpha = U64F64.SaturatingFrom(movingAlpha)
            .SaturatingMul(blocksSinceStart.SafeDiv(blocksSinceStart.SaturatingAdd(U64F64.SaturatingFromNum(halvingBlocks))));
        var oneMinusAlpha = U64F64.One.SaturatingSub(alpha);
        var current = alpha.SaturatingMul(U64F64.Min(spotPrice, U64F64.One));
        var decayed = oneMinusAlpha.SaturatingMul(previous);
        return I96F32.SaturatingFrom(current.SaturatingAdd(decayed));
    }
}
