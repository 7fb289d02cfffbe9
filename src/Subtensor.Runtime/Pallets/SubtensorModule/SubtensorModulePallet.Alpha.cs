using Subtensor.Core.Types;
using Subtensor.Runtime.State;

namespace Subtensor.Runtime.Pallets.SubtensorModule;

// recycle_alpha, burn_alpha, add_stake_burn (staking/recycle_alpha.rs) and set_coldkey_auto_stake_hotkey (dispatches.rs).
public sealed partial class SubtensorModulePallet
{
    /// <summary><c>do_recycle_alpha</c>: own stake destroyed and removed from AlphaOut (it can be emitted again).</summary>
    public ulong DoRecycleAlpha(IStateAccess state, AccountId32 coldkey, AccountId32 hotkey, ulong amount, ushort netuid)
    {
        amount = CheckAlphaDestruction(state, coldkey, hotkey, amount, netuid);
        DecreaseStake(state, hotkey, coldkey, netuid, amount);
        RecycleSubnetAlpha(state, netuid, amount);
        Emit(state, SubtensorEvent.AlphaRecycled, coldkey, hotkey, amount, netuid);
        return amount;
    }

    /// <summary><c>do_burn_alpha</c>: own stake destroyed; AlphaOut keeps counting it (the subnet's issuance is unchanged).</summary>
    public ulong DoBurnAlpha(IStateAccess state, AccountId32 coldkey, AccountId32 hotkey, ulong amount, ushort netuid)
    {
        amount = CheckAlphaDestruction(state, coldkey, hotkey, amount, netuid);
        DecreaseStake(state, hotkey, coldkey, netuid, amount);
        BurnSubnetAlpha(state, netuid, amount);
        Emit(state, SubtensorEvent.AlphaBurned, coldkey, hotkey, amount, netuid);
        return amount;
    }

    /// <summary><c>do_add_stake_burn</c>: stake (optionally at a limit) then burn the bought alpha, all or nothing.</summary>
    public void DoAddStakeBurn(IStateAccess state, AccountId32 coldkey, AccountId32 hotkey, ushort netuid, ulong amount, ulong? limit)
    {
        var alpha = limit is { } l
            ? DoAddStakeLimit(state, coldkey, hotkey, netuid, amount, l, allowPartial: false)
            : DoAddStake(state, coldkey, hotkey, netuid, amount);
        DoBurnAlpha(state, coldkey, hotkey, alpha, netuid);
        Emit(state, SubtensorEvent.AddStakeBurn, netuid, hotkey, amount, alpha);
    }

    /// <summary><c>set_coldkey_auto_stake_hotkey</c>: where the coldkey's miner incentive on a subnet is staked.</summary>
    public void DoSetAutoStakeHotkey(IStateAccess state, AccountId32 coldkey, ushort netuid, AccountId32 hotkey)
    {
        Ensure(NetworksAdded.Get(state, netuid), SubtensorError.SubnetNotExists);
        Ensure(Uids.Contains(state, netuid, hotkey), SubtensorError.HotKeyNotRegisteredInSubNet);
        if (AutoStakeDestination.TryGet(state, coldkey, netuid, out var current))
        {
            Ensure(current != hotkey, SubtensorError.SameAutoStakeHotkeyAlreadySet);
            AutoStakeDestinationColdkeys.Insert(state, current, netuid, AutoStakeDestinationColdkeys.Get(state, current, netuid).Where(c => c != coldkey).ToArray());
        }

        AutoStakeDestination.Insert(state, coldkey, netuid, hotkey);
        var list = AutoStakeDestinationColdkeys.Get(state, hotkey, netuid);
        AutoStakeDestinationColdkeys.Insert(state, hotkey, netuid, list.Contains(coldkey) ? list : [.. list, coldkey]);
        Emit(state, SubtensorEvent.AutoStakeDestinationSet, coldkey, netuid, hotkey);
    }

    private ulong CheckAlphaDestruction(IStateAccess state, AccountId32 coldkey, AccountId32 hotkey, ulong amount, ushort netuid)
    {
        Ensure(NetworksAdded.Get(state, netuid), SubtensorError.SubnetNotExists);
        Ensure(netuid != RootNetUid, SubtensorError.CannotBurnOrRecycleOnRootSubnet);
        Ensure(SubtokenEnabled.Get(state, netuid), SubtensorError.SubtokenDisabled);
        Ensure(Owner.Contains(state, hotkey), SubtensorError.HotKeyAccountNotExists);
        amount = Math.Min(amount, Stake(state, hotkey, coldkey, netuid));
        Ensure(SubnetAlphaOut.Get(state, netuid) >= amount, SubtensorError.InsufficientLiquidity);
        EnsureAvailableToUnstake(state, coldkey, netuid, amount);
        return amount;
    }
}
