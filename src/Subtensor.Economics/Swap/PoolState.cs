namespace Subtensor.Economics.Swap;

/// <summary>
/// A dynamic subnet pool as the swap engine sees it: <c>SubnetTAO</c> (y), <c>SubnetAlphaIn</c> (x), the Balancer
/// weights (<c>SwapBalancer</c>; the default 0.5/0.5 for a pool not yet initialised) and <c>FeeRate</c> (default 33/65535).
/// </summary>
public sealed record PoolState(ulong TaoReserve, ulong AlphaReserve, BalancerPool Balancer, ushort FeeRate = PoolSwap.DefaultFeeRate)
{
    /// <summary>Reserves after a swap outcome (the reserve updates Subtensor applies around the engine).</summary>
    public PoolState After(SwapDirection direction, SwapOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return direction == SwapDirection.Buy
            ? this with { TaoReserve = Add(TaoReserve, outcome.AmountPaidIn), AlphaReserve = Sub(AlphaReserve, outcome.AmountPaidOut) }
            : this with { TaoReserve = Sub(TaoReserve, outcome.AmountPaidOut), AlphaReserve = Add(AlphaReserve, outcome.AmountPaidIn) };
    }

    private static ulong Add(ulong a, ulong b) => ulong.MaxValue - a < b ? ulong.MaxValue : a + b;

    private static ulong Sub(ulong a, ulong b) => a > b ? a - b : 0UL;
}
