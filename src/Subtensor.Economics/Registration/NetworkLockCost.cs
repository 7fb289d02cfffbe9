using Subtensor.Core.Arithmetic;

namespace Subtensor.Economics.Registration;

/// <summary>
/// Subnet registration lock cost (<c>coinbase/root.rs</c>, <c>get_network_lock_cost</c>): doubling after each
/// registration and linear decay, L = max(min_lock, mult·last − floor(last / interval_eff)·(now − last_block)).
/// </summary>
public static class NetworkLockCost
{
    /// <summary>
    /// <c>get_lock_reduction_interval</c>: NetworkLockReductionInterval × (block emission / 10^9) in I64F64, floored —
    /// the decay slows down after halvings.
    /// </summary>
    public static ulong ReductionInterval(ulong lockReductionInterval, ulong blockEmission)
    {
        var interval = I64F64.SaturatingFromNum(lockReductionInterval);
        var emission = I64F64.SaturatingFromNum(blockEmission);
        var halving = emission.CheckedDiv(I64F64.SaturatingFromNum(1_000_000_000UL)) ?? I64F64.Zero;
        return interval.SaturatingMul(halving).SaturatingToU64();
    }

    /// <summary>The lock cost at <paramref name="currentBlock"/> (mult = 1 when there was no previous registration).</summary>
    public static ulong Cost(ulong lastLock, ulong minLock, ulong lastLockBlock, ulong currentBlock, ulong reductionInterval)
    {
        ulong mult = lastLockBlock == 0 ? 1UL : 2UL;
        ulong doubled = lastLock > ulong.MaxValue / mult ? ulong.MaxValue : lastLock * mult;
        ulong perBlock = reductionInterval == 0 ? 0 : lastLock / reductionInterval;
        ulong elapsed = currentBlock > lastLockBlock ? currentBlock - lastLockBlock : 0;
        UInt128 decay = (UInt128)perBlock * elapsed;
        ulong cost = decay >= doubled ? 0 : doubled - (ulong)decay;
        return Math.Max(cost, minLock);
    }
}
