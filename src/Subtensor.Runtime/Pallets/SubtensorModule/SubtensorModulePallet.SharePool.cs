using Subtensor.Core.Types;
using Subtensor.Economics.Staking;
using Subtensor.Runtime.State;

namespace Subtensor.Runtime.Pallets.SubtensorModule;

// The per-(hotkey, netuid) alpha share pool over TotalHotkeyAlpha / TotalHotkeySharesV2 / AlphaV2, with the legacy
// Alpha / TotalHotkeyShares maps read first and migrated lazily on write (staking/stake_utils.rs,
// HotkeyAlphaSharePoolDataOperations).
public sealed partial class SubtensorModulePallet
{
    /// <summary><c>get_stake_for_hotkey_on_subnet</c>: the hotkey's pool value.</summary>
    public ulong HotkeyStake(IStateAccess state, AccountId32 hotkey, ushort netuid) => TotalHotkeyAlpha.Get(state, hotkey, netuid);

    /// <summary><c>get_stake_for_hotkey_and_coldkey_on_subnet</c>: the coldkey's alpha in the hotkey's pool (0 without shares).</summary>
    public ulong Stake(IStateAccess state, AccountId32 hotkey, AccountId32 coldkey, ushort netuid) =>
        TryShare(state, hotkey, coldkey, netuid) is { } share ? SharePool.Value(TotalHotkeyAlpha.Get(state, hotkey, netuid), share, Denominator(state, hotkey, netuid)) : 0;

    /// <summary><c>try_increase_stake_for_hotkey_and_coldkey_on_subnet</c>: whether the deposit would mint shares.</summary>
    public bool CanIncreaseStake(IStateAccess state, AccountId32 hotkey, ushort netuid, ulong amount) =>
        SharePool.CanUpdateOne(unchecked((long)amount), TotalHotkeyAlpha.Get(state, hotkey, netuid), Denominator(state, hotkey, netuid));

    /// <summary><c>increase_stake_for_hotkey_and_coldkey_on_subnet</c>: mints shares for the coldkey and notes the staking hotkey.</summary>
    public void IncreaseStake(IStateAccess state, AccountId32 hotkey, AccountId32 coldkey, ushort netuid, ulong amount)
    {
        if (amount != 0)
        {
            AddStakingHotkey(state, coldkey, hotkey);
        }

        UpdateShares(state, hotkey, coldkey, netuid, unchecked((long)amount));
    }

    /// <summary><c>decrease_stake_for_hotkey_and_coldkey_on_subnet</c>: burns shares when the coldkey holds at least the amount.</summary>
    public void DecreaseStake(IStateAccess state, AccountId32 hotkey, AccountId32 coldkey, ushort netuid, ulong amount)
    {
        if (TryShare(state, hotkey, coldkey, netuid) is not null && Stake(state, hotkey, coldkey, netuid) >= amount)
        {
            UpdateShares(state, hotkey, coldkey, netuid, -unchecked((long)amount));
        }
    }

    /// <summary><c>increase_stake_for_hotkey_on_subnet</c>: credits the whole pool (every nominator pro rata).</summary>
    public void IncreaseHotkeyStake(IStateAccess state, AccountId32 hotkey, ushort netuid, ulong amount) =>
        SetSharedValue(state, hotkey, netuid, SharePool.UpdateForAll(TotalHotkeyAlpha.Get(state, hotkey, netuid), unchecked((long)amount)));

    /// <summary><c>decrease_stake_for_hotkey_on_subnet</c>.</summary>
    public void DecreaseHotkeyStake(IStateAccess state, AccountId32 hotkey, ushort netuid, ulong amount) =>
        SetSharedValue(state, hotkey, netuid, SharePool.UpdateForAll(TotalHotkeyAlpha.Get(state, hotkey, netuid), -unchecked((long)amount)));

    /// <summary>The coldkey's shares (legacy map first), or null when it has none recorded.</summary>
    public SafeFloat? TryShare(IStateAccess state, AccountId32 hotkey, AccountId32 coldkey, ushort netuid)
    {
        if (Alpha.TryGet(state, hotkey, coldkey, netuid, out var legacy))
        {
            return SafeFloat.FromU64F64(legacy);
        }

        return AlphaV2.TryGet(state, hotkey, coldkey, netuid, out var share) ? share : null;
    }

    /// <summary>The pool denominator (legacy map first).</summary>
    public SafeFloat Denominator(IStateAccess state, AccountId32 hotkey, ushort netuid) =>
        TotalHotkeyShares.TryGet(state, hotkey, netuid, out var legacy) ? SafeFloat.FromU64F64(legacy) : TotalHotkeySharesV2.Get(state, hotkey, netuid);

    private void UpdateShares(IStateAccess state, AccountId32 hotkey, AccountId32 coldkey, ushort netuid, long update)
    {
        var shared = TotalHotkeyAlpha.Get(state, hotkey, netuid);
        var share = TryShare(state, hotkey, coldkey, netuid) ?? SafeFloat.Zero;
        var next = SharePool.UpdateOne(shared, share, Denominator(state, hotkey, netuid), update);

        if (TotalHotkeyShares.Contains(state, hotkey, netuid))
        {
            TotalHotkeyShares.Remove(state, hotkey, netuid);
        }

        if (next.Denominator.IsZero)
        {
            TotalHotkeySharesV2.Remove(state, hotkey, netuid);
        }
        else
        {
            TotalHotkeySharesV2.Insert(state, hotkey, netuid, next.Denominator);
        }

        if (Alpha.Contains(state, hotkey, coldkey, netuid))
        {
            Alpha.Remove(state, hotkey, coldkey, netuid);
        }

        if (next.Share.IsZero)
        {
            AlphaV2.Remove(state, hotkey, coldkey, netuid);
        }
        else
        {
            AlphaV2.Insert(state, hotkey, coldkey, netuid, next.Share);
        }

        SetSharedValue(state, hotkey, netuid, next.SharedValue);
    }

    private void SetSharedValue(IStateAccess state, AccountId32 hotkey, ushort netuid, ulong value)
    {
        if (value != 0)
        {
            TotalHotkeyAlpha.Insert(state, hotkey, netuid, value);
        }
        else
        {
            TotalHotkeyAlpha.Remove(state, hotkey, netuid);
        }
    }

    private void AddStakingHotkey(IStateAccess state, AccountId32 coldkey, AccountId32 hotkey)
    {
        var list = StakingHotkeys.Get(state, coldkey);
        if (!list.Contains(hotkey))
        {
            StakingHotkeys.Insert(state, coldkey, [.. list, hotkey]);
        }
    }
}
