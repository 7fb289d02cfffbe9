using Subtensor.Core.Arithmetic;

namespace Subtensor.Economics.Swap;

/// <summary>
/// One swap through a dynamic subnet pool, as the swap pallet's <c>do_swap</c> / <c>swap_inner</c> /
/// <c>BasicSwapStep</c> compute it (<c>pallets/swap/src/pallet/impls.rs</c>, <c>swap_step.rs</c>): input cap, minimum
/// output reserve, price-limit check, fee on the input, execution up to the limit price, and the output.
/// </summary>
public static class PoolSwap
{
    /// <summary>Default <c>FeeRate</c>: 33 / 65535 ≈ 0.05 %.</summary>
    public const ushort DefaultFeeRate = 33;

    /// <summary>Runtime <c>MinimumReserve</c> of the output reserve (RAO).</summary>
    public const ulong DefaultMinimumReserve = 1_000_000;

    /// <summary>Net input may be at most this multiple of the input reserve.</summary>
    public const ulong MaxInputReserveMultiplier = 1_000;

    /// <summary>Lowest price limit (RAO per alpha): the default limit of sells.</summary>
    public const ulong MinPriceRao = 1_000;

    /// <summary>Highest price limit (RAO per alpha): the default limit of buys.</summary>
    public const ulong MaxPriceRao = 1_000_000_000_000_000;

    private static readonly U64F64 U16MaxFixed = U64F64.SaturatingFromNum(ushort.MaxValue);

    /// <summary>A limit price given in RAO per alpha as the engine's U64F64 TAO price (limit / 10^9).</summary>
    public static U64F64 LimitPrice(ulong priceLimitRao) =>
        U64F64.SaturatingFromNum(priceLimitRao).SafeDiv(U64F64.SaturatingFromNum(1_000_000_000UL));

    /// <summary><c>current_price</c> of a dynamic pool: (w1/w2)·(y/x), 0 without alpha reserve.</summary>
    public static U64F64 CurrentPrice(PoolState pool)
    {
        ArgumentNullException.ThrowIfNull(pool);
        return pool.AlphaReserve == 0 ? U64F64.Zero : pool.Balancer.Price(pool.AlphaReserve, pool.TaoReserve);
    }

    /// <summary><c>calculate_fee_amount</c> for a dynamic pool: floor(amount × (FeeRate / 65535)) in U64F64.</summary>
    public static ulong Fee(ulong amount, ushort feeRate, bool dropFees)
    {
        if (dropFees)
        {
            return 0;
        }

        var rate = U64F64.SaturatingFromNum(feeRate).SafeDiv(U16MaxFixed);
        return U64F64.SaturatingFromNum(amount).SaturatingMul(rate).SaturatingToU64();
    }

    /// <summary>The fee on an input cut at a limit price: Δin × FeeRate / (65535 − FeeRate) in U64F64.</summary>
    public static ulong FeeForLimitedInput(ulong deltaIn, ushort feeRate, bool dropFees)
    {
        var rate = dropFees ? U64F64.Zero : U64F64.SaturatingFromNum(feeRate);
        return U64F64.SaturatingFromNum(deltaIn)
            .SaturatingMul(rate.SafeDiv(U16MaxFixed.SaturatingSub(rate)))
            .SaturatingToU64();
    }

    /// <summary>
    /// <c>convert_deltas</c>: output for a net input. Buy: x·(1 − (y/(y+Δy))^(w2/w1)); sell: y·(1 − (x/(x+Δx))^(w1/w2));
    /// U64F64, floored.
    /// </summary>
    public static ulong Output(PoolState pool, SwapDirection direction, ulong deltaIn)
    {
        ArgumentNullException.ThrowIfNull(pool);
        if (direction == SwapDirection.Buy)
        {
            var e = pool.Balancer.ExpQuoteBase(pool.TaoReserve, deltaIn);
            return U64F64.SaturatingFromNum(pool.AlphaReserve).SaturatingMul(U64F64.One.SaturatingSub(e)).SaturatingToU64();
        }
        else
        {
            var e = pool.Balancer.ExpBaseQuote(pool.AlphaReserve, deltaIn);
            return U64F64.SaturatingFromNum(pool.TaoReserve).SaturatingMul(U64F64.One.SaturatingSub(e)).SaturatingToU64();
        }
    }

    /// <summary>
    /// <c>do_swap</c> for a dynamic pool. <paramref name="simulate"/> skips the final check that the output does not
    /// exceed the output reserve (as a rolled-back simulation does).
    /// </summary>
    public static SwapResult Swap(
        PoolState pool,
        SwapDirection direction,
        ulong amount,
        U64F64 limitPrice,
        bool dropFees = false,
        bool simulate = false,
        ulong minimumReserve = DefaultMinimumReserve)
    {
        ArgumentNullException.ThrowIfNull(pool);
        bool buy = direction == SwapDirection.Buy;
        ulong inputReserve = buy ? pool.TaoReserve : pool.AlphaReserve;
        ulong outputReserve = buy ? pool.AlphaReserve : pool.TaoReserve;

        // ensure_swap_input_within_reserve_limit
        ulong fee = Fee(amount, pool.FeeRate, dropFees);
        ulong net = amount - fee;
        ulong maxAmount = inputReserve > ulong.MaxValue / MaxInputReserveMultiplier ? ulong.MaxValue : inputReserve * MaxInputReserveMultiplier;
        if (net > maxAmount)
        {
            return SwapResult.Failure(SwapError.SwapInputTooLarge);
        }

        // swap_inner
        if (outputReserve < minimumReserve)
        {
            return SwapResult.Failure(SwapError.ReservesTooLow);
        }

        var currentPrice = CurrentPrice(pool);
        bool beyondLimit = buy ? currentPrice < limitPrice : currentPrice > limitPrice;
        if (!beyondLimit)
        {
            return SwapResult.Failure(SwapError.PriceLimitExceeded);
        }

        // BasicSwapStep::new: fee off the whole amount, target price after the full net input
        ulong requestedDeltaIn = net;
        ulong fullOutput = Output(pool, direction, requestedDeltaIn);
        var targetPrice = buy
            ? pool.Balancer.Price(Sub(pool.AlphaReserve, fullOutput), Add(pool.TaoReserve, requestedDeltaIn))
            : pool.Balancer.Price(Add(pool.AlphaReserve, requestedDeltaIn), Sub(pool.TaoReserve, fullOutput));

        // determine_action: stop at the limit price if the full input would cross it
        ulong deltaIn;
        ulong deltaOut;
        bool targetIsCloser = buy ? targetPrice <= limitPrice : targetPrice >= limitPrice;
        if (targetIsCloser)
        {
            deltaIn = requestedDeltaIn;
            deltaOut = fullOutput;
        }
        else
        {
            deltaIn = buy
                ? pool.Balancer.QuoteDeltaIn(currentPrice, limitPrice, pool.TaoReserve)
                : pool.Balancer.BaseDeltaIn(currentPrice, limitPrice, pool.AlphaReserve);
            fee = FeeForLimitedInput(deltaIn, pool.FeeRate, dropFees);
            deltaOut = Output(pool, direction, deltaIn);
        }

        // process_swap
        ulong feeToAuthor = 0;
        if (deltaIn != 0)
        {
            if (deltaOut == 0)
            {
                return SwapResult.Failure(SwapError.ReservesTooLow);
            }

            feeToAuthor = fee;
        }

        if (!simulate && outputReserve < deltaOut)
        {
            return SwapResult.Failure(SwapError.InsufficientLiquidity);
        }

        return SwapResult.Success(new SwapOutcome(deltaIn, deltaOut, fee, feeToAuthor));
    }

    /// <summary>A stable (mechanism 0) subnet swaps 1:1 without fee.</summary>
    public static SwapOutcome StableSwap(ulong amount) => new(amount, amount, 0, 0);

    /// <summary><c>get_alpha_amount_for_tao</c>: TAO / spot price without slippage (U64F64, floored).</summary>
    public static ulong AlphaForTaoAtSpot(PoolState pool, ulong tao) =>
        U64F64.SaturatingFromNum(tao).SafeDiv(CurrentPrice(pool)).SaturatingToU64();

    private static ulong Add(ulong a, ulong b) => ulong.MaxValue - a < b ? ulong.MaxValue : a + b;

    private static ulong Sub(ulong a, ulong b) => a > b ? a - b : 0UL;
}
