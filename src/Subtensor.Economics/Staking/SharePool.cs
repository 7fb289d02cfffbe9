namespace Subtensor.Economics.Staking;

/// <summary>
/// Subtensor's share pool (<c>primitives/share-pool</c>, <c>SharePool</c>) as pure functions over its three numbers: the
/// shared value (u64, e.g. <c>TotalHotkeyAlpha</c>), the denominator (total shares) and one key's shares. A key's value
/// is shared·share/denominator; deposits and withdrawals of one key mint or burn shares at the current ratio, while an
/// update "for all" changes only the shared value so every key grows pro rata.
/// </summary>
public static class SharePool
{
    /// <summary><c>get_value</c>: shared·share/denominator in SafeFloat, truncated to u64 (0 for a zero denominator).</summary>
    public static ulong Value(ulong sharedValue, SafeFloat share, SafeFloat denominator)
    {
        var shared = SafeFloat.Create(sharedValue, 0) ?? SafeFloat.Zero;
        return (shared.MulDiv(share, denominator) ?? SafeFloat.Zero).ToU64();
    }

    /// <summary><c>get_shares_per_update</c>: |update|·denominator/shared (0 when the shared value is 0).</summary>
    public static SafeFloat SharesPerUpdate(long update, ulong sharedValue, SafeFloat denominator)
    {
        var shared = SafeFloat.Create(sharedValue, 0) ?? SafeFloat.Zero;
        var amount = SafeFloat.Create(UnsignedAbs(update), 0) ?? SafeFloat.Zero;
        return amount.MulDiv(denominator, shared) ?? SafeFloat.Zero;
    }

    /// <summary><c>sim_update_value_for_one</c>: false when the update would mint or burn zero shares in a live pool.</summary>
    public static bool CanUpdateOne(long update, ulong sharedValue, SafeFloat denominator) =>
        denominator.Mantissa == 0 || !SharesPerUpdate(update, sharedValue, denominator).IsZero;

    /// <summary><c>update_value_for_all</c>: the shared value moved by <paramref name="update"/>, saturating.</summary>
    public static ulong UpdateForAll(ulong sharedValue, long update)
    {
        if (update >= 0)
        {
            var up = (ulong)update;
            return ulong.MaxValue - sharedValue < up ? ulong.MaxValue : sharedValue + up;
        }

        var down = UnsignedAbs(update);
        return sharedValue > down ? sharedValue - down : 0;
    }

    /// <summary>
    /// <c>update_value_for_one</c>: an empty pool (zero denominator) gives the key |update| shares and sets the denominator
    /// to the same; otherwise shares = |update|·denominator/shared are added to (or taken from) both the key and the
    /// denominator (a failed SafeFloat operation keeps the old number). The shared value then moves by the update.
    /// </summary>
    public static SharePoolUpdate UpdateOne(ulong sharedValue, SafeFloat share, SafeFloat denominator, long update)
    {
        SafeFloat newShare;
        SafeFloat newDenominator;
        if (denominator.IsZero)
        {
            var amount = SafeFloat.Create(UnsignedAbs(update), 0) ?? SafeFloat.Zero;
            newDenominator = amount;
            newShare = amount;
        }
        else
        {
            var perUpdate = SharesPerUpdate(update, sharedValue, denominator);
            if (update > 0)
            {
                newDenominator = denominator.Add(perUpdate) ?? denominator;
                newShare = share.Add(perUpdate) ?? share;
            }
            else
            {
                newDenominator = denominator.Sub(perUpdate) ?? denominator;
                newShare = share.Sub(perUpdate) ?? share;
            }
        }

        return new SharePoolUpdate(UpdateForAll(sharedValue, update), newShare, newDenominator);
    }

    private static ulong UnsignedAbs(long value) => value >= 0 ? (ulong)value : value == long.MinValue ? 1UL << 63 : (ulong)(-value);
}
