using Subtensor.Core.Arithmetic;

namespace Subtensor.Economics.Subnets;

/// <summary>
/// <c>get_median_subnet_alpha_price</c> (<c>staking/stake_utils.rs</c>): the median of the positive spot prices of the
/// non-root subnets — the middle value, or the mean (U64F64, truncated) of the two middle values — and 1.0 when there is none.
/// </summary>
public static class MedianPrice
{
    public static U64F64 Of(IEnumerable<U64F64> prices)
    {
        ArgumentNullException.ThrowIfNull(prices);
        var sorted = prices.Where(p => p > U64F64.Zero).OrderBy(p => p.Bits).ToList();
        if (sorted.Count == 0)
        {
            return U64F64.One;
        }

        var lower = sorted[(sorted.Count - 1) / 2];
        var upper = sorted[sorted.Count / 2];
        return (sorted.Count - 1) / 2 == sorted.Count / 2 ? upper : lower.SaturatingAdd(upper).SafeDiv(U64F64.SaturatingFromNum(2UL));
    }
}
