using Subtensor.Core.Arithmetic;
using Subtensor.Economics.Epoch;

namespace Subtensor.Economics.Coinbase;

/// <summary>
/// <c>root_proportion</c> (<c>coinbase/block_step.rs</c>): w·R / (w·R + A) in U96F32 with R = <c>SubnetTAO[root]</c>,
/// w = <c>TaoWeight</c>, A = the subnet's alpha issuance; 0 when undefined.
/// </summary>
public static class RootProportion
{
    public static U96F32 Compute(ulong alphaIssuance, ulong rootSubnetTao, ulong taoWeight)
    {
        var issuance = U96F32.SaturatingFromNum(alphaIssuance);
        var weighted = U96F32.SaturatingFromNum(rootSubnetTao).SaturatingMul(StakeWeights.TaoWeight(taoWeight));
        return weighted.CheckedDiv(weighted.SaturatingAdd(issuance)) ?? U96F32.Zero;
    }
}
