using Subtensor.Core.Arithmetic;

namespace Subtensor.Economics.Coinbase;

/// <summary>
/// <c>calculate_dividend_distribution</c> (<c>coinbase/run_coinbase.rs</c>): each hotkey's epoch dividend is split into a
/// root part (by TaoWeight·root / (alpha + TaoWeight·root)) and an alpha part; the pending validator alpha is shared in
/// proportion to the alpha parts and the pending root alpha in proportion to the root parts.
/// </summary>
public static class DividendDistribution
{
    /// <summary>Per validator: (alpha dividends, root alpha dividends), in the order of <paramref name="validators"/>.</summary>
    public static (U96F32 Alpha, U96F32 Root)[] Compute(
        ulong pendingAlpha,
        ulong pendingRootAlpha,
        U96F32 taoWeight,
        IReadOnlyList<(ulong AlphaStake, ulong RootStake, U96F32 Dividend)> validators)
    {
        ArgumentNullException.ThrowIfNull(validators);
        var alphaParts = new U96F32[validators.Count];
        var rootParts = new U96F32[validators.Count];
        var totalAlpha = U96F32.Zero;
        var totalRoot = U96F32.Zero;
        for (int i = 0; i < validators.Count; i++)
        {
            var (alphaStake, rootStake, dividend) = validators[i];
            var rootAlpha = U96F32.SaturatingFromNum(rootStake).SaturatingMul(taoWeight);
            var totalStake = U96F32.SaturatingFromNum(alphaStake).SaturatingAdd(rootAlpha);
            var rootProportion = rootAlpha.CheckedDiv(totalStake) ?? U96F32.Zero;
            rootParts[i] = dividend.SaturatingMul(rootProportion);
            alphaParts[i] = dividend.SaturatingSub(rootParts[i]);
            totalAlpha = totalAlpha.SaturatingAdd(alphaParts[i]);
            totalRoot = totalRoot.SaturatingAdd(rootParts[i]);
        }

        var pending = U96F32.SaturatingFromNum(pendingAlpha);
        var pendingRoot = U96F32.SaturatingFromNum(pendingRootAlpha);
        var result = new (U96F32, U96F32)[validators.Count];
        for (int i = 0; i < result.Length; i++)
        {
            var alphaShare = alphaParts[i].CheckedDiv(totalAlpha) ?? U96F32.Zero;
            var rootShare = rootParts[i].CheckedDiv(totalRoot) ?? U96F32.Zero;
            result[i] = (pending.SaturatingMul(alphaShare), pendingRoot.SaturatingMul(rootShare));
        }

        return result;
    }

    /// <summary>
    /// <c>distribute_emission</c>: the emission handed to the epoch (server + validator + root pending, owner cut
    /// excluded) and the validator alpha paid as dividends (server pending included when no incentive was earned).
    /// </summary>
    public static (ulong EpochEmission, ulong ValidatorAlpha) EpochAmounts(ulong pendingServer, ulong pendingValidator, ulong pendingRoot, ulong incentiveSum)
    {
        ulong epoch = Add(Add(pendingServer, pendingValidator), pendingRoot);
        ulong validatorAlpha = incentiveSum != 0 ? pendingValidator : Add(pendingValidator, pendingServer);
        return (epoch, validatorAlpha);
    }

    /// <summary><c>MinerBurned</c>: withheld / total incentive (U96F32; 0 when nothing was paid).</summary>
    public static U96F32 MinerBurned(ulong withheldIncentive, ulong totalIncentive) =>
        U96F32.SaturatingFromNum(withheldIncentive).CheckedDiv(U96F32.SaturatingFromNum(totalIncentive)) ?? U96F32.Zero;

    /// <summary>Validator take split: (take staked to the owner coldkey, remainder for nominators), take = Delegates / 65535.</summary>
    public static (U96F32 Take, U96F32 Remainder) ApplyTake(U96F32 dividend, ushort delegateTake)
    {
        var take = U96F32.SaturatingFromNum(delegateTake).SafeDiv(U96F32.SaturatingFromNum(ushort.MaxValue)).SaturatingMul(dividend);
        return (take, dividend.SaturatingSub(take));
    }

    private static ulong Add(ulong a, ulong b) => ulong.MaxValue - a < b ? ulong.MaxValue : a + b;
}
