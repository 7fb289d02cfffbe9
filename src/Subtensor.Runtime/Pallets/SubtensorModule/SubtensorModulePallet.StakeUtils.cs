using Subtensor.Core.Arithmetic;
using Subtensor.Core.Types;
using Subtensor.Economics.Swap;
using Subtensor.Runtime.State;

namespace Subtensor.Runtime.Pallets.SubtensorModule;

// Pool swaps with Subtensor's reserve bookkeeping, and staking into / unstaking from a subnet (staking/stake_utils.rs).
public sealed partial class SubtensorModulePallet
{
    /// <summary><c>swap_tao_for_alpha</c>: buy through the pool (1:1 on stable subnets) and book the reserves.</summary>
    public SwapOutcome SwapTaoForAlpha(IStateAccess state, ushort netuid, ulong tao, ulong priceLimit, bool dropFees)
    {
        var r = SubnetMechanism.Get(state, netuid) == 1
            ? Swap.Swap(state, netuid, SwapDirection.Buy, tao, priceLimit, dropFees, simulate: false)
            : PoolSwap.StableSwap(tao);
        DecreaseAlphaReserve(state, netuid, r.AmountPaidOut);
        SubnetAlphaOut.Mutate(state, netuid, v => Add(v, r.AmountPaidOut));
        SubnetTAO.Mutate(state, netuid, v => Add(v, r.AmountPaidIn));
        TotalStake.Mutate(state, v => Add(v, tao));
        SubnetVolume.Mutate(state, netuid, v => UInt128.MaxValue - v < tao ? UInt128.MaxValue : v + tao);
        return r;
    }

    /// <summary><c>swap_alpha_for_tao</c>: sell through the pool (1:1 on stable subnets) and book the reserves.</summary>
    public SwapOutcome SwapAlphaForTao(IStateAccess state, ushort netuid, ulong alpha, ulong priceLimit, bool dropFees)
    {
        var r = SubnetMechanism.Get(state, netuid) == 1
            ? Swap.Swap(state, netuid, SwapDirection.Sell, alpha, priceLimit, dropFees, simulate: false)
            : PoolSwap.StableSwap(alpha);
        SubnetAlphaIn.Mutate(state, netuid, v => Add(v, r.AmountPaidIn));
        SubnetAlphaOut.Mutate(state, netuid, v => Sub(v, r.AmountPaidIn));
        DecreaseTaoReserve(state, netuid, r.AmountPaidOut);
        TotalStake.Mutate(state, v => Sub(v, r.AmountPaidOut));
        SubnetVolume.Mutate(state, netuid, v => UInt128.MaxValue - v < r.AmountPaidOut ? UInt128.MaxValue : v + r.AmountPaidOut);
        return r;
    }

    /// <summary>
    /// <c>stake_into_subnet</c>: TAO to the subnet account, bought alpha credited to (hotkey, coldkey), the swap fee to the
    /// block author (burned without one), flow and bookkeeping, <c>StakeAdded</c>. Returns the alpha bought.
    /// </summary>
    public ulong StakeIntoSubnet(IStateAccess state, AccountId32 hotkey, AccountId32 coldkey, ushort netuid, ulong tao, ulong priceLimit, bool dropFees)
    {
        var staked = TransferTaoToSubnet(state, netuid, coldkey, tao);
        var r = SwapTaoForAlpha(state, netuid, staked, priceLimit, dropFees);
        Ensure(r.AmountPaidOut != 0, SubtensorError.AmountTooLow);
        Ensure(CanIncreaseStake(state, hotkey, netuid, r.AmountPaidOut), SubtensorError.InsufficientLiquidity);
        IncreaseStake(state, hotkey, coldkey, netuid, r.AmountPaidOut);
        AddStakingHotkey(state, coldkey, hotkey);
        if (BlockAuthor(state) is { } author)
        {
            TransferTaoFromSubnet(state, netuid, author, r.FeeToBlockAuthor);
        }
        else if (SubnetAccountId(state, netuid) is { } subnetAccount)
        {
            TryIgnoring(() => BurnTao(state, subnetAccount, r.FeeToBlockAuthor));
        }

        RecordTaoFlow(state, netuid, unchecked((long)r.AmountPaidIn));
        LastColdkeyHotkeyStakeBlock.Insert(state, coldkey, hotkey, CurrentBlock(state));
        if (netuid == RootNetUid)
        {
            AdjustRootClaimed(state, hotkey, coldkey, r.AmountPaidOut, add: true);
            MaybeAddColdkeyIndex(state, coldkey);
        }

        Emit(state, SubtensorEvent.StakeAdded, coldkey, hotkey, staked, r.AmountPaidOut, netuid, r.FeePaid);
        return r.AmountPaidOut;
    }

    /// <summary>
    /// <c>unstake_from_subnet</c>: alpha sold to the pool (the unsold part refunded at a limit), TAO to the beneficiary, the
    /// alpha fee sold fee-less for the block author (burned without one), flow and bookkeeping, <c>StakeRemoved</c>.
    /// </summary>
    public ulong UnstakeFromSubnet(IStateAccess state, AccountId32 hotkey, AccountId32 coldkey, AccountId32 beneficiary, ushort netuid, ulong alpha, ulong priceLimit, bool dropFees)
    {
        DecreaseStake(state, hotkey, coldkey, netuid, alpha);
        var r = SwapAlphaForTao(state, netuid, alpha, priceLimit, dropFees);
        var refund = Sub(alpha, Add(r.AmountPaidIn, r.FeePaid));
        if (refund != 0)
        {
            IncreaseStake(state, hotkey, coldkey, netuid, refund);
        }

        TransferTaoFromSubnet(state, netuid, beneficiary, r.AmountPaidOut);
        ulong feeOutflow = 0;
        if (BlockAuthor(state) is { } author)
        {
            var fee = SwapAlphaForTao(state, netuid, r.FeeToBlockAuthor, PoolSwap.MinPriceRao, dropFees: true);
            TransferTaoFromSubnet(state, netuid, author, fee.AmountPaidOut);
            feeOutflow = fee.AmountPaidOut;
        }
        else
        {
            AlphaAssets.Burn(state, netuid, r.FeeToBlockAuthor);
        }

        if (netuid == RootNetUid)
        {
            AdjustRootClaimed(state, hotkey, coldkey, alpha, add: false);
            if (!ColdkeyHasRootStake(state, coldkey))
            {
                MaybeRemoveColdkeyIndex(state, coldkey);
            }
        }

        RecordTaoFlow(state, netuid, -unchecked((long)Add(r.AmountPaidOut, feeOutflow)));
        LastColdkeyHotkeyStakeBlock.Insert(state, coldkey, hotkey, CurrentBlock(state));
        Emit(state, SubtensorEvent.StakeRemoved, coldkey, hotkey, r.AmountPaidOut, r.AmountPaidIn, netuid, r.FeePaid);
        return r.AmountPaidOut;
    }

    /// <summary>
    /// <c>transfer_stake_within_subnet</c>: moves alpha between (hotkey, coldkey) pairs of one subnet without touching the
    /// pool; the TAO value at spot price must reach DefaultMinStake. Emits StakeRemoved then StakeAdded with no fee.
    /// </summary>
    public ulong TransferStakeWithinSubnet(IStateAccess state, AccountId32 originColdkey, AccountId32 originHotkey, AccountId32 destinationColdkey,
        AccountId32 destinationHotkey, ushort netuid, ulong alpha)
    {
        DecreaseStake(state, originHotkey, originColdkey, netuid, alpha);
        if (netuid == RootNetUid)
        {
            AdjustRootClaimed(state, originHotkey, originColdkey, alpha, add: false);
        }

        IncreaseStake(state, destinationHotkey, destinationColdkey, netuid, alpha);
        if (netuid == RootNetUid)
        {
            AdjustRootClaimed(state, destinationHotkey, destinationColdkey, alpha, add: true);
        }

        var taoEquivalent = Swap.CurrentPrice(state, netuid).SaturatingMul(U64F64.SaturatingFromNum(alpha)).SaturatingToU64();
        Ensure(taoEquivalent >= DefaultMinStake, SubtensorError.AmountTooLow);
        LastColdkeyHotkeyStakeBlock.Insert(state, destinationColdkey, destinationHotkey, CurrentBlock(state));
        Emit(state, SubtensorEvent.StakeRemoved, originColdkey, originHotkey, taoEquivalent, alpha, netuid, 0UL);
        Emit(state, SubtensorEvent.StakeAdded, destinationColdkey, destinationHotkey, taoEquivalent, alpha, netuid, 0UL);
        return taoEquivalent;
    }

    /// <summary><c>get_alpha_issuance</c>: SubnetAlphaIn + SubnetAlphaOut.</summary>
    public ulong AlphaIssuance(IStateAccess state, ushort netuid) => Add(SubnetAlphaIn.Get(state, netuid), SubnetAlphaOut.Get(state, netuid));

    /// <summary><c>recycle_subnet_alpha</c>: removed from AlphaOut (re-emittable).</summary>
    public void RecycleSubnetAlpha(IStateAccess state, ushort netuid, ulong amount)
    {
        if (amount == 0)
        {
            return;
        }

        SubnetAlphaOut.Mutate(state, netuid, v => Sub(v, amount));
        AlphaAssets.Recycle(state, netuid, amount);
    }

    /// <summary><c>burn_subnet_alpha</c>: counted as burned; AlphaOut is not reduced.</summary>
    public void BurnSubnetAlpha(IStateAccess state, ushort netuid, ulong amount) => AlphaAssets.Burn(state, netuid, amount);

    private void DecreaseAlphaReserve(IStateAccess state, ushort netuid, ulong amount)
    {
        if (amount != 0)
        {
            SubnetAlphaIn.Mutate(state, netuid, v => Sub(v, amount));
        }
    }

    private void DecreaseTaoReserve(IStateAccess state, ushort netuid, ulong amount)
    {
        if (amount != 0)
        {
            SubnetTAO.Mutate(state, netuid, v => Sub(v, amount));
        }
    }

    /// <summary><c>record_tao_inflow</c> / <c>record_tao_outflow</c>: SubnetTaoFlow moved by a signed amount, saturating.</summary>
    private void RecordTaoFlow(IStateAccess state, ushort netuid, long delta) =>
        SubnetTaoFlow.Mutate(state, netuid, f => delta >= 0
            ? (f > long.MaxValue - delta ? long.MaxValue : f + delta)
            : (f < long.MinValue - delta ? long.MinValue : f + delta));

    /// <summary>
    /// <c>add/remove_stake_adjust_root_claimed_for_hotkey_and_coldkey</c>: moves the coldkey's RootClaimed watermark by
    /// rate × amount for each subnet in the hotkey's RootClaimable (root itself skipped on removal).
    /// </summary>
    private void AdjustRootClaimed(IStateAccess state, AccountId32 hotkey, AccountId32 coldkey, ulong amount, bool add)
    {
        foreach (var (netuid, rate) in RootClaimable.Get(state, hotkey))
        {
            if (!add && netuid == RootNetUid)
            {
                continue;
            }

            var delta = rate.SaturatingMul(I96F32.SaturatingFromNum(amount)).SaturatingToU128();
            var claimed = RootClaimed.Get(state, netuid, hotkey, coldkey);
            RootClaimed.Insert(state, netuid, hotkey, coldkey,
                add ? (UInt128.MaxValue - claimed < delta ? UInt128.MaxValue : claimed + delta) : (claimed > delta ? claimed - delta : 0));
        }
    }

    /// <summary><c>maybe_add_coldkey_index</c>: the auto-claim index of root-staking coldkeys.</summary>
    private void MaybeAddColdkeyIndex(IStateAccess state, AccountId32 coldkey)
    {
        if (!StakingColdkeys.Contains(state, coldkey))
        {
            var n = NumStakingColdkeys.Get(state);
            StakingColdkeysByIndex.Insert(state, n, coldkey);
            StakingColdkeys.Insert(state, coldkey, n);
            NumStakingColdkeys.Put(state, n + 1);
        }
    }

    /// <summary><c>maybe_remove_coldkey_index</c>: swap-remove from the auto-claim index.</summary>
    private void MaybeRemoveColdkeyIndex(IStateAccess state, AccountId32 coldkey)
    {
        if (!StakingColdkeys.TryGet(state, coldkey, out var idx))
        {
            return;
        }

        StakingColdkeys.Remove(state, coldkey);
        var last = NumStakingColdkeys.Get(state) is var n && n > 0 ? n - 1 : 0;
        if (idx != last && StakingColdkeysByIndex.TryGet(state, last, out var moved))
        {
            StakingColdkeysByIndex.Remove(state, last);
            StakingColdkeysByIndex.Insert(state, idx, moved);
            StakingColdkeys.Insert(state, moved, idx);
        }
        else
        {
            StakingColdkeysByIndex.Remove(state, idx);
        }

        NumStakingColdkeys.Put(state, last);
    }

    /// <summary><c>coldkey_has_root_stake</c>.</summary>
    private bool ColdkeyHasRootStake(IStateAccess state, AccountId32 coldkey) =>
        StakingHotkeys.Get(state, coldkey).Any(h => Stake(state, h, coldkey, RootNetUid) != 0);

    private static void TryIgnoring(Action action)
    {
        try
        {
            action();
        }
        catch (Framework.Dispatch.DispatchException)
        {
            // Subtensor ignores the result (`let _ = ...`).
        }
    }

    private static ulong Add(ulong a, ulong b) => ulong.MaxValue - a < b ? ulong.MaxValue : a + b;

    private static ulong Sub(ulong a, ulong b) => a > b ? a - b : 0;
}
