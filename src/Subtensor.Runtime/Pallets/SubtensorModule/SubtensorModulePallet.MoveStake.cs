using Subtensor.Core.Arithmetic;
using Subtensor.Core.Types;
using Subtensor.Economics.Swap;
using Subtensor.Runtime.State;

namespace Subtensor.Runtime.Pallets.SubtensorModule;

// move_stake, transfer_stake, swap_stake(_limit) (staking/move_stake.rs, validate_stake_transition in stake_utils.rs).
public sealed partial class SubtensorModulePallet
{
    public void DoMoveStake(IStateAccess state, AccountId32 coldkey, AccountId32 originHotkey, AccountId32 destinationHotkey, ushort originNetuid, ushort destinationNetuid, ulong alpha)
    {
        var tao = TransitionStake(state, coldkey, coldkey, originHotkey, destinationHotkey, originNetuid, destinationNetuid, alpha, null, null, checkTransferToggle: false);
        Emit(state, SubtensorEvent.StakeMoved, coldkey, originHotkey, originNetuid, destinationHotkey, destinationNetuid, tao);
    }

    public void DoTransferStake(IStateAccess state, AccountId32 coldkey, AccountId32 destinationColdkey, AccountId32 hotkey, ushort originNetuid, ushort destinationNetuid, ulong alpha)
    {
        var tao = TransitionStake(state, coldkey, destinationColdkey, hotkey, hotkey, originNetuid, destinationNetuid, alpha, null, null, checkTransferToggle: true);
        Emit(state, SubtensorEvent.StakeTransferred, coldkey, destinationColdkey, hotkey, originNetuid, destinationNetuid, tao);
    }

    public void DoSwapStake(IStateAccess state, AccountId32 coldkey, AccountId32 hotkey, ushort originNetuid, ushort destinationNetuid, ulong alpha, ulong? limitPrice, bool? allowPartial)
    {
        var tao = TransitionStake(state, coldkey, coldkey, hotkey, hotkey, originNetuid, destinationNetuid, alpha, limitPrice, allowPartial, checkTransferToggle: false);
        Emit(state, SubtensorEvent.StakeSwapped, coldkey, hotkey, originNetuid, destinationNetuid, tao);
    }

    /// <summary>
    /// <c>transition_stake_internal</c>: cross-subnet moves are an unstake then a restake with one fee (the destination leg
    /// pays when leaving root, otherwise the origin leg); same-subnet moves bypass the pool.
    /// </summary>
    private ulong TransitionStake(IStateAccess state, AccountId32 originColdkey, AccountId32 destinationColdkey, AccountId32 originHotkey, AccountId32 destinationHotkey,
        ushort originNetuid, ushort destinationNetuid, ulong alpha, ulong? limitPrice, bool? allowPartial, bool checkTransferToggle)
    {
        alpha = Math.Min(alpha, Stake(state, originHotkey, originColdkey, originNetuid));
        var maxAmount = originNetuid != destinationNetuid && limitPrice is { } limit
            ? MaxAmountMove(state, originNetuid, destinationNetuid, limit)
            : alpha;
        ValidateStakeTransition(state, originColdkey, destinationColdkey, originHotkey, destinationHotkey, originNetuid, destinationNetuid, alpha, maxAmount,
            allowPartial, checkTransferToggle);
        var moveAmount = Math.Min(alpha, maxAmount);
        if (originNetuid == destinationNetuid)
        {
            return TransferStakeWithinSubnet(state, originColdkey, originHotkey, destinationColdkey, destinationHotkey, originNetuid, moveAmount);
        }

        var dropFeeOrigin = originNetuid == RootNetUid;
        var taoUnstaked = UnstakeFromSubnet(state, originHotkey, originColdkey, originColdkey, originNetuid, moveAmount, PoolSwap.MinPriceRao, dropFeeOrigin);
        if (originColdkey != destinationColdkey)
        {
            TransferTao(state, originColdkey, destinationColdkey, taoUnstaked);
        }

        if (taoUnstaked >= DefaultMinStake)
        {
            if (Owner.Get(state, destinationHotkey) != destinationColdkey)
            {
                MaybeBecomeDelegate(state, destinationHotkey);
            }

            StakeIntoSubnet(state, destinationHotkey, destinationColdkey, destinationNetuid, taoUnstaked, PoolSwap.MaxPriceRao, !dropFeeOrigin);
        }

        return taoUnstaked;
    }

    /// <summary><c>validate_stake_transition</c>.</summary>
    public void ValidateStakeTransition(IStateAccess state, AccountId32 originColdkey, AccountId32 destinationColdkey, AccountId32 originHotkey, AccountId32 destinationHotkey,
        ushort originNetuid, ushort destinationNetuid, ulong alpha, ulong maxAmount, bool? allowPartial, bool checkTransferToggle)
    {
        if (originColdkey == destinationColdkey && originHotkey == destinationHotkey)
        {
            Ensure(originNetuid != destinationNetuid, SubtensorError.SameNetuid);
        }

        Ensure(NetworksAdded.Get(state, originNetuid), SubtensorError.SubnetNotExists);
        if (originNetuid != destinationNetuid)
        {
            Ensure(NetworksAdded.Get(state, destinationNetuid), SubtensorError.SubnetNotExists);
        }

        Ensure(SubtokenEnabled.Get(state, originNetuid), SubtensorError.SubtokenDisabled);
        Ensure(SubtokenEnabled.Get(state, destinationNetuid), SubtensorError.SubtokenDisabled);
        Ensure(Owner.Contains(state, originHotkey), SubtensorError.HotKeyAccountNotExists);
        Ensure(Owner.Contains(state, destinationHotkey), SubtensorError.HotKeyAccountNotExists);
        Ensure(alpha <= Stake(state, originHotkey, originColdkey, originNetuid), SubtensorError.NotEnoughStakeToWithdraw);
        if (originNetuid != destinationNetuid)
        {
            var sim = Swap.SimSwap(state, originNetuid, SwapDirection.Sell, alpha) ?? throw Err(SubtensorError.InsufficientLiquidity);
            Ensure(sim.AmountPaidOut > DefaultMinStake, SubtensorError.AmountTooLow);
            if (allowPartial == false)
            {
                Ensure(alpha <= maxAmount, SubtensorError.SlippageTooHigh);
            }
        }

        if (checkTransferToggle)
        {
            Ensure(TransferToggle.Get(state, originNetuid), SubtensorError.TransferDisallowed);
            if (originNetuid != destinationNetuid)
            {
                Ensure(TransferToggle.Get(state, destinationNetuid), SubtensorError.TransferDisallowed);
            }
        }

        if (originNetuid != destinationNetuid)
        {
            EnsureAvailableToUnstake(state, originColdkey, originNetuid, alpha);
        }
    }

    /// <summary><c>get_max_amount_move</c>: alpha movable before the origin/destination price ratio reaches the limit.</summary>
    public ulong MaxAmountMove(IStateAccess state, ushort originNetuid, ushort destinationNetuid, ulong limitPrice)
    {
        var tao = U64F64.SaturatingFromNum(1_000_000_000UL);
        var originStable = originNetuid == RootNetUid || SubnetMechanism.Get(state, originNetuid) == 0;
        var destinationStable = destinationNetuid == RootNetUid || SubnetMechanism.Get(state, destinationNetuid) == 0;
        if (originStable && destinationStable)
        {
            return limitPrice > tao.SaturatingToU64() ? 0 : ulong.MaxValue;
        }

        if (originStable && SubnetMechanism.Get(state, destinationNetuid) == 1)
        {
            if (limitPrice == 0)
            {
                return ulong.MaxValue;
            }

            var destinationPrice = tao.SafeDiv(U64F64.SaturatingFromNum(limitPrice)).SaturatingMul(tao).SaturatingToU64();
            return MaxAmountAdd(state, destinationNetuid, destinationPrice);
        }

        if (destinationStable && SubnetMechanism.Get(state, originNetuid) == 1)
        {
            return MaxAmountRemove(state, originNetuid, limitPrice);
        }

        var tao1 = SubnetTAO.Get(state, originNetuid);
        var tao2 = SubnetTAO.Get(state, destinationNetuid);
        if (tao1 == 0 || tao2 == 0)
        {
            return 0;
        }

        var alpha1 = SubnetAlphaIn.Get(state, originNetuid);
        var alpha2 = SubnetAlphaIn.Get(state, destinationNetuid);
        if (alpha1 == 0 || alpha2 == 0)
        {
            return 0;
        }

        var limit = U64F64.SaturatingFromNum(limitPrice).CheckedDiv(tao) ?? U64F64.Zero;
        var current = Swap.CurrentPrice(state, originNetuid).SafeDiv(Swap.CurrentPrice(state, destinationNetuid));
        if (limit > current)
        {
            return 0;
        }

        return limitPrice == 0 ? ulong.MaxValue : MoveLimit.MaxAlpha(tao1, alpha1, tao2, alpha2, limit);
    }
}
