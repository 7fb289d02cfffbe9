using Subtensor.Core.Arithmetic;
using Subtensor.Core.Types;
using Subtensor.Economics.Swap;
using Subtensor.Runtime.State;

namespace Subtensor.Runtime.Pallets.SubtensorModule;

// add_stake, remove_stake and their limit / full / all variants (staking/add_stake.rs, remove_stake.rs, helpers.rs,
// the validate_* functions of stake_utils.rs).
public sealed partial class SubtensorModulePallet
{
    public ulong DoAddStake(IStateAccess state, AccountId32 coldkey, AccountId32 hotkey, ushort netuid, ulong amount)
    {
        EnsureAddStakeInputWithinSwapLimit(state, netuid, amount);
        ValidateAddStake(state, coldkey, hotkey, netuid, amount, amount, allowPartial: false);
        return StakeIntoSubnet(state, hotkey, coldkey, netuid, amount, PoolSwap.MaxPriceRao, dropFees: false);
    }

    public ulong DoAddStakeLimit(IStateAccess state, AccountId32 coldkey, AccountId32 hotkey, ushort netuid, ulong amount, ulong limitPrice, bool allowPartial)
    {
        EnsureAddStakeInputWithinSwapLimit(state, netuid, amount);
        var maxAmount = MaxAmountAdd(state, netuid, limitPrice);
        var possible = Math.Min(amount, maxAmount);
        ValidateAddStake(state, coldkey, hotkey, netuid, amount, maxAmount, allowPartial);
        if (Owner.Get(state, hotkey) != coldkey)
        {
            MaybeBecomeDelegate(state, hotkey);
        }

        return StakeIntoSubnet(state, hotkey, coldkey, netuid, possible, limitPrice, dropFees: false);
    }

    public void DoRemoveStake(IStateAccess state, AccountId32 coldkey, AccountId32 hotkey, ushort netuid, ulong alpha)
    {
        Ensure(SubtokenEnabled.Get(state, netuid), SubtensorError.SubtokenDisabled);
        alpha = Math.Min(alpha, Stake(state, hotkey, coldkey, netuid));
        EnsureRemoveStakeInputWithinSwapLimit(state, netuid, alpha);
        ValidateRemoveStake(state, coldkey, hotkey, netuid, alpha, alpha, allowPartial: false);
        UnstakeFromSubnet(state, hotkey, coldkey, coldkey, netuid, alpha, PoolSwap.MinPriceRao, dropFees: false);
        ClearSmallNominationIfRequired(state, hotkey, coldkey, netuid);
        ClearPendingChildrenIfBelowThreshold(state, hotkey);
    }

    public void DoRemoveStakeLimit(IStateAccess state, AccountId32 coldkey, AccountId32 hotkey, ushort netuid, ulong alpha, ulong limitPrice, bool allowPartial)
    {
        EnsureRemoveStakeInputWithinSwapLimit(state, netuid, alpha);
        var maxAmount = MaxAmountRemove(state, netuid, limitPrice);
        var possible = Math.Min(alpha, maxAmount);
        ValidateRemoveStake(state, coldkey, hotkey, netuid, alpha, maxAmount, allowPartial);
        UnstakeFromSubnet(state, hotkey, coldkey, coldkey, netuid, possible, limitPrice, dropFees: false);
        ClearSmallNominationIfRequired(state, hotkey, coldkey, netuid);
        ClearPendingChildrenIfBelowThreshold(state, hotkey);
    }

    public void DoRemoveStakeFullLimit(IStateAccess state, AccountId32 coldkey, AccountId32 hotkey, ushort netuid, ulong? limitPrice)
    {
        var alpha = Stake(state, hotkey, coldkey, netuid);
        if (limitPrice is { } limit)
        {
            DoRemoveStakeLimit(state, coldkey, hotkey, netuid, alpha, limit, allowPartial: false);
        }
        else
        {
            DoRemoveStake(state, coldkey, hotkey, netuid, alpha);
        }
    }

    /// <summary><c>do_unstake_all</c>: every subnet position of (hotkey, coldkey) that validates is sold to TAO.</summary>
    public void DoUnstakeAll(IStateAccess state, AccountId32 coldkey, AccountId32 hotkey)
    {
        Ensure(Owner.Contains(state, hotkey), SubtensorError.HotKeyAccountNotExists);
        foreach (var netuid in AllSubnetNetuids(state))
        {
            if (!SubtokenEnabled.Get(state, netuid))
            {
                continue;
            }

            var alpha = Stake(state, hotkey, coldkey, netuid);
            if (!Validates(() => ValidateRemoveStake(state, coldkey, hotkey, netuid, alpha, alpha, allowPartial: false)))
            {
                continue;
            }

            if (alpha != 0)
            {
                UnstakeFromSubnet(state, hotkey, coldkey, coldkey, netuid, alpha, PoolSwap.MinPriceRao, dropFees: false);
                ClearSmallNominationIfRequired(state, hotkey, coldkey, netuid);
            }
        }
    }

    /// <summary><c>do_unstake_all_alpha</c>: every non-root position sold, the TAO restaked on root for the same hotkey.</summary>
    public void DoUnstakeAllAlpha(IStateAccess state, AccountId32 coldkey, AccountId32 hotkey)
    {
        Ensure(Owner.Contains(state, hotkey), SubtensorError.HotKeyAccountNotExists);
        ulong total = 0;
        foreach (var netuid in AllSubnetNetuids(state))
        {
            if (!SubtokenEnabled.Get(state, netuid) || netuid == RootNetUid)
            {
                continue;
            }

            var alpha = Stake(state, hotkey, coldkey, netuid);
            if (!Validates(() => ValidateRemoveStake(state, coldkey, hotkey, netuid, alpha, alpha, allowPartial: false)))
            {
                continue;
            }

            if (alpha != 0)
            {
                total = Add(total, UnstakeFromSubnet(state, hotkey, coldkey, coldkey, netuid, alpha, PoolSwap.MinPriceRao, dropFees: false));
                ClearSmallNominationIfRequired(state, hotkey, coldkey, netuid);
            }
        }

        StakeIntoSubnet(state, hotkey, coldkey, RootNetUid, total, PoolSwap.MaxPriceRao, dropFees: false);
    }

    /// <summary><c>get_max_amount_add</c>: TAO that can go in before the price reaches the limit (fee included).</summary>
    public ulong MaxAmountAdd(IStateAccess state, ushort netuid, ulong limitPrice)
    {
        if (netuid == RootNetUid || SubnetMechanism.Get(state, netuid) == 0)
        {
            return limitPrice >= 1_000_000_000 ? ulong.MaxValue : 0;
        }

        var maxInput = Mul(SubnetTAO.Get(state, netuid), 1_000);
        var r = Swap.Swap(state, netuid, SwapDirection.Buy, maxInput, limitPrice, dropFees: false, simulate: true);
        return Add(r.AmountPaidIn, r.FeePaid);
    }

    /// <summary><c>get_max_amount_remove</c>: alpha that can be sold before the price reaches the limit (fee included).</summary>
    public ulong MaxAmountRemove(IStateAccess state, ushort netuid, ulong limitPrice)
    {
        if (netuid == RootNetUid || SubnetMechanism.Get(state, netuid) == 0)
        {
            return limitPrice <= 1_000_000_000 ? ulong.MaxValue : 0;
        }

        var maxInput = Mul(SubnetAlphaIn.Get(state, netuid), 1_000);
        var r = Swap.Swap(state, netuid, SwapDirection.Sell, maxInput, limitPrice, dropFees: false, simulate: true);
        return Add(r.AmountPaidIn, r.FeePaid);
    }

    /// <summary><c>validate_add_stake</c>.</summary>
    public void ValidateAddStake(IStateAccess state, AccountId32 coldkey, AccountId32 hotkey, ushort netuid, ulong amount, ulong maxAmount, bool allowPartial)
    {
        Ensure(NetworksAdded.Get(state, netuid), SubtensorError.SubnetNotExists);
        Ensure(SubtokenEnabled.Get(state, netuid), SubtensorError.SubtokenDisabled);
        var minFee = Swap.SimSwap(state, netuid, SwapDirection.Buy, DefaultMinStake)?.FeePaid ?? Swap.ApproxFee(state, netuid, DefaultMinStake);
        Ensure(amount >= Add(DefaultMinStake, minFee), SubtensorError.AmountTooLow);
        if (!allowPartial)
        {
            Ensure(amount <= maxAmount, SubtensorError.SlippageTooHigh);
        }
        else
        {
            amount = Math.Min(maxAmount, amount);
        }

        Ensure(CanRemoveBalance(state, coldkey, amount), SubtensorError.NotEnoughBalanceToStake);
        Ensure(Owner.Contains(state, hotkey), SubtensorError.HotKeyAccountNotExists);
        var sim = Swap.SimSwap(state, netuid, SwapDirection.Buy, amount) ?? throw Err(SubtensorError.InsufficientLiquidity);
        Ensure(sim.AmountPaidIn >= DefaultMinStake, SubtensorError.AmountTooLow);
        Ensure(sim.AmountPaidOut != 0, SubtensorError.InsufficientLiquidity);
        Ensure(CanIncreaseStake(state, hotkey, netuid, sim.AmountPaidOut), SubtensorError.InsufficientLiquidity);
    }

    /// <summary><c>validate_remove_stake</c>.</summary>
    public void ValidateRemoveStake(IStateAccess state, AccountId32 coldkey, AccountId32 hotkey, ushort netuid, ulong alpha, ulong maxAmount, bool allowPartial)
    {
        Ensure(NetworksAdded.Get(state, netuid), SubtensorError.SubnetNotExists);
        Ensure(alpha != 0, SubtensorError.AmountTooLow);
        var current = Stake(state, hotkey, coldkey, netuid);
        Ensure(current >= alpha, SubtensorError.NotEnoughStakeToWithdraw);
        var remaining = current - alpha;
        var sim = Swap.SimSwap(state, netuid, SwapDirection.Sell, alpha) ?? throw Err(SubtensorError.InsufficientLiquidity);
        if (remaining != 0)
        {
            Ensure(sim.AmountPaidOut >= DefaultMinStake, SubtensorError.AmountTooLow);
        }

        if (!allowPartial)
        {
            Ensure(alpha <= maxAmount, SubtensorError.SlippageTooHigh);
        }

        Ensure(Owner.Contains(state, hotkey), SubtensorError.HotKeyAccountNotExists);
        EnsureAvailableToUnstake(state, coldkey, netuid, alpha);
    }

    /// <summary><c>ensure_available_to_unstake</c>: locked alpha cannot leave. No call creates locks yet, so nothing is locked.</summary>
    public void EnsureAvailableToUnstake(IStateAccess state, AccountId32 coldkey, ushort netuid, ulong alpha)
    {
        _ = state;
        _ = coldkey;
        _ = netuid;
        _ = alpha;
    }

    /// <summary><c>maybe_become_delegate</c>: records the hotkey's current take in <c>Delegates</c> when absent.</summary>
    public void MaybeBecomeDelegate(IStateAccess state, AccountId32 hotkey)
    {
        if (!Delegates.Contains(state, hotkey))
        {
            Delegates.Insert(state, hotkey, Delegates.Get(state, hotkey));
        }
    }

    /// <summary><c>get_total_stake_for_hotkey</c>: Σ over subnets of the hotkey's alpha at spot price (U64F64, floored once).</summary>
    public ulong TotalStakeForHotkey(IStateAccess state, AccountId32 hotkey)
    {
        var sum = U64F64.Zero;
        foreach (var netuid in AllSubnetNetuids(state))
        {
            sum = sum.SaturatingAdd(U64F64.SaturatingFromNum(HotkeyStake(state, hotkey, netuid)).SaturatingMul(Swap.CurrentPrice(state, netuid)));
        }

        return sum.SaturatingToU64();
    }

    /// <summary><c>get_nominator_min_required_stake</c>: DefaultMinStake × NominatorMinRequiredStake / 10^6.</summary>
    public ulong NominatorMinRequiredStakeValue(IStateAccess state) => Mul(DefaultMinStake, NominatorMinRequiredStake.Get(state)) / 1_000_000;

    /// <summary>
    /// <c>clear_small_nomination_if_required</c>: a nominator's (not the owner's) position worth less than the nominator
    /// minimum is unstaked (or, failing that, dropped).
    /// </summary>
    public void ClearSmallNominationIfRequired(IStateAccess state, AccountId32 hotkey, AccountId32 coldkey, ushort netuid)
    {
        if (ColdkeyOwnsHotkey(state, coldkey, hotkey))
        {
            return;
        }

        var stake = Stake(state, hotkey, coldkey, netuid);
        var minAlpha = U64F64.SaturatingFromNum(NominatorMinRequiredStakeValue(state)).SafeDiv(Swap.CurrentPrice(state, netuid)).SaturatingToU64();
        if (stake == 0 || stake >= minAlpha)
        {
            return;
        }

        try
        {
            UnstakeFromSubnet(state, hotkey, coldkey, coldkey, netuid, stake, PoolSwap.MinPriceRao, dropFees: false);
        }
        catch (Framework.Dispatch.DispatchException)
        {
            // As in Subtensor, whatever the failed unstake changed stays; the remaining alpha is dropped.
            DecreaseStake(state, hotkey, coldkey, netuid, Stake(state, hotkey, coldkey, netuid));
        }
    }

    /// <summary><c>clear_small_nominations</c>: over every share entry.</summary>
    public void ClearSmallNominations(IStateAccess state)
    {
        var entries = AlphaV2.Iterate(state).Select(e => (e.K1, e.K2, e.K3)).ToList();
        foreach (var (hotkey, coldkey, netuid) in entries)
        {
            ClearSmallNominationIfRequired(state, hotkey, coldkey, netuid);
        }
    }

    private void ClearPendingChildrenIfBelowThreshold(IStateAccess state, AccountId32 hotkey)
    {
        if (TotalStakeForHotkey(state, hotkey) < StakeThreshold.Get(state))
        {
            foreach (var netuid in AllSubnetNetuids(state))
            {
                PendingChildKeys.Remove(state, netuid, hotkey);
            }
        }
    }

    private void EnsureAddStakeInputWithinSwapLimit(IStateAccess state, ushort netuid, ulong amount)
    {
        if (netuid != RootNetUid && SubnetMechanism.Get(state, netuid) == 1)
        {
            Ensure(amount <= Mul(SubnetTAO.Get(state, netuid), 1_000), SubtensorError.InsufficientLiquidity);
        }
    }

    private void EnsureRemoveStakeInputWithinSwapLimit(IStateAccess state, ushort netuid, ulong amount)
    {
        if (netuid != RootNetUid && SubnetMechanism.Get(state, netuid) == 1)
        {
            Ensure(amount <= Mul(SubnetAlphaIn.Get(state, netuid), 1_000), SubtensorError.InsufficientLiquidity);
        }
    }

    /// <summary>Runs a validation and reports whether it passed (Subtensor's <c>.is_ok()</c> / <c>.is_err()</c> on validators).</summary>
    private static bool Validates(Action validate)
    {
        try
        {
            validate();
            return true;
        }
        catch (Framework.Dispatch.DispatchException)
        {
            return false;
        }
    }

    private static ulong Mul(ulong a, ulong b) => a != 0 && b > ulong.MaxValue / a ? ulong.MaxValue : a * b;
}
