using Subtensor.Core.Arithmetic;

namespace Subtensor.Economics.Coinbase;

/// <summary>
/// TAO emission shares of the emitting subnets (<c>coinbase/subnet_emissions.rs</c>, current price rule): moving-price
/// shares, weighted by (1 − MinerBurned) and renormalised, then zeroed for subnets with TAO emission disabled.
/// Arrays are in netuid order.
/// </summary>
public static class SubnetEmissionShares
{
    /// <summary><c>get_moving_alpha_price</c>: 1 for root and stable subnets, else the stored I96F32 EMA as U64F64.</summary>
    public static U64F64 MovingAlphaPrice(I96F32 storedMovingPrice, bool isRootOrStable) =>
        isRootOrStable ? U64F64.One : U64F64.SaturatingFrom(storedMovingPrice);

    /// <summary><c>get_shares_price_ema</c>: price_i / Σ price (checked_div, 0 on failure).</summary>
    public static U64F64[] PriceShares(ReadOnlySpan<U64F64> movingPrices)
    {
        var total = U64F64.Zero;
        foreach (var p in movingPrices)
        {
            total = total.SaturatingAdd(p);
        }

        var shares = new U64F64[movingPrices.Length];
        for (int i = 0; i < shares.Length; i++)
        {
            shares[i] = movingPrices[i].CheckedDiv(total) ?? U64F64.Zero;
        }

        return shares;
    }

    /// <summary>
    /// <c>get_shares</c>: price shares × (1 − min(MinerBurned, 1)), renormalised; the unweighted price shares when every
    /// weight is zero.
    /// </summary>
    public static U64F64[] Shares(ReadOnlySpan<U64F64> movingPrices, ReadOnlySpan<U96F32> minerBurned)
    {
        var priceShares = PriceShares(movingPrices);
        var weighted = new U64F64[priceShares.Length];
        var total = U64F64.Zero;
        for (int i = 0; i < weighted.Length; i++)
        {
            var burned = U64F64.Min(U64F64.SaturatingFrom(i < minerBurned.Length ? minerBurned[i] : U96F32.Zero), U64F64.One);
            weighted[i] = priceShares[i].SaturatingMul(U64F64.One.SaturatingSub(burned));
            total = total.SaturatingAdd(weighted[i]);
        }

        if (total == U64F64.Zero)
        {
            return priceShares;
        }

        for (int i = 0; i < weighted.Length; i++)
        {
            weighted[i] = weighted[i].SafeDiv(total);
        }

        return weighted;
    }

    /// <summary>
    /// <c>get_subnet_block_emissions</c>: TAO emission per subnet = E × share, where disabled subnets get 0 and the
    /// enabled shares are renormalised (only if some subnet is disabled).
    /// </summary>
    public static U96F32[] BlockEmissions(ReadOnlySpan<U64F64> shares, ReadOnlySpan<bool> emissionEnabled, U96F32 blockEmission)
    {
        bool anyDisabled = false;
        var enabledSum = U64F64.Zero;
        for (int i = 0; i < shares.Length; i++)
        {
            if (emissionEnabled[i])
            {
                enabledSum = enabledSum.SaturatingAdd(shares[i]);
            }
            else
            {
                anyDisabled = true;
            }
        }

        var emission = U64F64.SaturatingFrom(blockEmission);
        var result = new U96F32[shares.Length];
        for (int i = 0; i < shares.Length; i++)
        {
            var share = !anyDisabled ? shares[i]
                : emissionEnabled[i] && enabledSum > U64F64.Zero ? shares[i].SafeDiv(enabledSum)
                : U64F64.Zero;
            result[i] = U96F32.SaturatingFrom(emission.SaturatingMul(share));
        }

        return result;
    }

    /// <summary><c>get_network_root_sell_flag</c>: Σ moving prices (wrapping sum) &gt; 1.</summary>
    public static bool RootSellFlag(ReadOnlySpan<U64F64> movingPrices)
    {
        var total = U64F64.Zero;
        foreach (var p in movingPrices)
        {
            total += p;
        }

        return total > U64F64.One;
    }
}
