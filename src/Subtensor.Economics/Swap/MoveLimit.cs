using Subtensor.Core.Arithmetic;

namespace Subtensor.Economics.Swap;

/// <summary>
/// <c>get_max_amount_move</c>, main case (two dynamic subnets, <c>staking/move_stake.rs</c>): the alpha that can move
/// from subnet 1 to subnet 2 before the relative price p1/p2 falls to the limit ℓ:
/// α2·(τ1/(τ1+τ2))/ℓ − α1·(τ2/(τ1+τ2)), all in U64F64 with saturating operations.
/// </summary>
public static class MoveLimit
{
    public static ulong MaxAlpha(ulong tao1, ulong alpha1, ulong tao2, ulong alpha2, U64F64 limitPrice)
    {
        var t1 = U64F64.SaturatingFromNum(tao1);
        var t2 = U64F64.SaturatingFromNum(tao2);
        var sum = t2.SaturatingAdd(t1);
        var t1OverSum = t1.SafeDiv(sum);
        var t2OverSum = t2.SafeDiv(sum);
        return U64F64.SaturatingFromNum(alpha2).SaturatingMul(t1OverSum).SafeDiv(limitPrice)
            .SaturatingSub(U64F64.SaturatingFromNum(alpha1).SaturatingMul(t2OverSum))
            .SaturatingToU64();
    }
}
