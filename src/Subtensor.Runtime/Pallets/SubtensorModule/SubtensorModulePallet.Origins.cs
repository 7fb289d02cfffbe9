using Subtensor.Core.Types;
using Subtensor.Runtime.Framework.Dispatch;
using Subtensor.Runtime.State;

namespace Subtensor.Runtime.Pallets.SubtensorModule;

// Origin checks, ownership, rate limits on subnets and the admin freeze window (utils/misc.rs, utils/rate_limiting.rs,
// staking/helpers.rs, coinbase/run_coinbase.rs).
public sealed partial class SubtensorModulePallet
{
    /// <summary><c>ensure_subnet_owner_or_root</c>: the owner (returned) or root (null); anyone else is BadOrigin.</summary>
    public AccountId32? EnsureSubnetOwnerOrRoot(IStateAccess state, Origin origin, ushort netuid)
    {
        if (origin.IsRoot)
        {
            return null;
        }

        var who = origin.EnsureSigned();
        return SubnetOwner.Get(state, netuid) == who ? who : throw new DispatchException(DispatchError.BadOrigin);
    }

    /// <summary><c>ensure_subnet_owner</c>.</summary>
    public AccountId32 EnsureSubnetOwner(IStateAccess state, Origin origin, ushort netuid)
    {
        var who = origin.EnsureSigned();
        return SubnetOwner.Get(state, netuid) == who ? who : throw new DispatchException(DispatchError.BadOrigin);
    }

    /// <summary>
    /// <c>ensure_sn_owner_or_root_with_limits</c>: owner or root; an owner must also pass each rate limit on the subnet
    /// (TxRateLimitExceeded).
    /// </summary>
    public AccountId32? EnsureOwnerOrRootWithLimits(IStateAccess state, Origin origin, ushort netuid, params (TransactionType Type, Hyperparameter Parameter)[] limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        var who = EnsureSubnetOwnerOrRoot(state, origin, netuid);
        if (who is { } owner)
        {
            foreach (var (type, parameter) in limits)
            {
                Ensure(PassesRateLimitOnSubnet(state, type, parameter, owner, netuid), SubtensorError.TxRateLimitExceeded);
            }
        }

        return who;
    }

    /// <summary><c>record_owner_rl</c>: stamps the owner's rate limits with the current block.</summary>
    public void RecordOwnerRateLimits(IStateAccess state, AccountId32? owner, ushort netuid, params (TransactionType Type, Hyperparameter Parameter)[] limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        if (owner is { } who)
        {
            var now = CurrentBlock(state);
            foreach (var (type, parameter) in limits)
            {
                SetLastBlockOnSubnet(state, type, parameter, who, netuid, now);
            }
        }
    }

    /// <summary><c>TransactionType::passes_rate_limit_on_subnet</c>.</summary>
    public bool PassesRateLimitOnSubnet(IStateAccess state, TransactionType type, Hyperparameter parameter, AccountId32 who, ushort netuid) =>
        RateLimits.Passes(RateLimitOnSubnet(state, type, netuid), CurrentBlock(state), LastBlockOnSubnet(state, type, parameter, who, netuid));

    /// <summary><c>TransactionType::rate_limit_on_subnet</c> (production values).</summary>
    public ulong RateLimitOnSubnet(IStateAccess state, TransactionType type, ushort netuid) => type switch
    {
        TransactionType.SetWeightsVersionKey => Mul(Tempo.Get(state, netuid), WeightsVersionKeyRateLimit.Get(state)),
        TransactionType.OwnerHyperparamUpdate => Mul(Tempo.Get(state, netuid), OwnerHyperparamRateLimit.Get(state)),
        TransactionType.SetSNOwnerHotkey => SetSnOwnerHotkeyRateLimit,
        TransactionType.AddStakeBurn => Tempo.Get(state, netuid),
        TransactionType.TempoUpdate => MinTempo,
        TransactionType.SetChildren => 150,
        TransactionType.SetChildkeyTake => TxChildkeyTakeRateLimit.Get(state),
        TransactionType.RegisterNetwork => NetworkRateLimit.Get(state),
        TransactionType.MechanismCountUpdate or TransactionType.MechanismEmission => 7_200,
        TransactionType.MaxUidsTrimming => 30 * 7_200,
        _ => 0,
    };

    /// <summary><c>TransactionType::last_block_on_subnet</c>.</summary>
    public ulong LastBlockOnSubnet(IStateAccess state, TransactionType type, Hyperparameter parameter, AccountId32 who, ushort netuid) => type switch
    {
        TransactionType.RegisterNetwork => NetworkLastLockBlock(state),
        TransactionType.SetSNOwnerHotkey => LastRateLimitedBlock.Get(state, RateLimitKey.SetSnOwnerHotkey(netuid)),
        TransactionType.OwnerHyperparamUpdate => LastRateLimitedBlock.Get(state, RateLimitKey.OwnerHyperparamUpdate(netuid, parameter)),
        _ => TransactionKeyLastBlock.Get(state, who, netuid, (ushort)type),
    };

    /// <summary><c>TransactionType::set_last_block_on_subnet</c>.</summary>
    public void SetLastBlockOnSubnet(IStateAccess state, TransactionType type, Hyperparameter parameter, AccountId32 who, ushort netuid, ulong block)
    {
        switch (type)
        {
            case TransactionType.RegisterNetwork:
                SetNetworkLastLockBlock(state, block);
                break;
            case TransactionType.SetSNOwnerHotkey:
                LastRateLimitedBlock.Insert(state, RateLimitKey.SetSnOwnerHotkey(netuid), block);
                break;
            case TransactionType.OwnerHyperparamUpdate:
                LastRateLimitedBlock.Insert(state, RateLimitKey.OwnerHyperparamUpdate(netuid, parameter), block);
                break;
            default:
                TransactionKeyLastBlock.Insert(state, who, netuid, (ushort)type, block);
                break;
        }
    }

    /// <summary>
    /// <c>is_in_admin_freeze_window</c>: a pending triggered epoch, or fewer than AdminFreezeWindow blocks before the next
    /// automatic epoch (never when tempo is 0).
    /// </summary>
    public bool IsInAdminFreezeWindow(IStateAccess state, ushort netuid, ulong now)
    {
        var tempo = Tempo.Get(state, netuid);
        if (tempo == 0)
        {
            return false;
        }

        var pending = PendingEpochAt.Get(state, netuid);
        if (pending > 0 && pending > now)
        {
            return true;
        }

        return BlocksUntilNextAutoEpoch(state, netuid, tempo, now) < AdminFreezeWindow.Get(state);
    }

    /// <summary><c>ensure_admin_window_open</c>.</summary>
    public void EnsureAdminWindowOpen(IStateAccess state, ushort netuid) =>
        Ensure(!IsInAdminFreezeWindow(state, netuid, CurrentBlock(state)), SubtensorError.AdminActionProhibitedDuringWeightsWindow);

    /// <summary><c>blocks_until_next_auto_epoch</c>: LastEpochBlock + tempo − now (saturating); u64::MAX for tempo 0.</summary>
    public ulong BlocksUntilNextAutoEpoch(IStateAccess state, ushort netuid, ushort tempo, ulong now) =>
        tempo == 0 ? ulong.MaxValue : Sub(Add(LastEpochBlock.Get(state, netuid), tempo), now);

    /// <summary>
    /// <c>should_run_epoch</c>: a due triggered epoch, the MAX_TEMPO safety net, or tempo blocks since LastEpochBlock
    /// (never with tempo 0).
    /// </summary>
    public bool ShouldRunEpoch(IStateAccess state, ushort netuid, ulong now)
    {
        var tempo = Tempo.Get(state, netuid);
        if (tempo == 0)
        {
            return false;
        }

        var pending = PendingEpochAt.Get(state, netuid);
        if (pending > 0 && now >= pending)
        {
            return true;
        }

        if (BlocksSinceLastStep.Get(state, netuid) > MaxTempo)
        {
            return true;
        }

        return Sub(now, LastEpochBlock.Get(state, netuid)) >= tempo;
    }

    /// <summary><c>coldkey_owns_hotkey</c>.</summary>
    public bool ColdkeyOwnsHotkey(IStateAccess state, AccountId32 coldkey, AccountId32 hotkey) =>
        Owner.TryGet(state, hotkey, out var owner) && owner == coldkey;

    /// <summary>
    /// <c>create_account_if_non_existent</c>: a new hotkey (not a subnet account) becomes owned by the coldkey and is
    /// added to its OwnedHotkeys and StakingHotkeys.
    /// </summary>
    public void CreateAccountIfNonExistent(IStateAccess state, AccountId32 coldkey, AccountId32 hotkey)
    {
        Ensure(SubnetOfAccount(hotkey) is null, SubtensorError.CannotUseSystemAccount);
        if (Owner.Contains(state, hotkey))
        {
            return;
        }

        Owner.Insert(state, hotkey, coldkey);
        var owned = OwnedHotkeys.Get(state, coldkey);
        if (!owned.Contains(hotkey))
        {
            OwnedHotkeys.Insert(state, coldkey, [.. owned, hotkey]);
        }

        AddStakingHotkey(state, coldkey, hotkey);
    }
}
