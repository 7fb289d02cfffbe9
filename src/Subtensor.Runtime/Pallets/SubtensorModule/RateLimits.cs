namespace Subtensor.Runtime.Pallets.SubtensorModule;

/// <summary>Subtensor's rate-limit rule (<c>utils/rate_limiting.rs</c>, <c>check_passes_rate_limit</c>).</summary>
public static class RateLimits
{
    /// <summary>The first transaction (last block 0) always passes; later ones once <paramref name="limit"/> blocks have gone by.</summary>
    public static bool Passes(ulong limit, ulong now, ulong lastBlock) => lastBlock == 0 || (now > lastBlock ? now - lastBlock : 0) >= limit;

    /// <summary><c>exceeds_tx_rate_limit</c> / <c>exceeds_tx_delegate_take_rate_limit</c>: within the limit (inclusive) of the last transaction.</summary>
    public static bool Exceeds(ulong limit, ulong lastBlock, ulong now) => limit != 0 && lastBlock != 0 && (now > lastBlock ? now - lastBlock : 0) <= limit;
}
