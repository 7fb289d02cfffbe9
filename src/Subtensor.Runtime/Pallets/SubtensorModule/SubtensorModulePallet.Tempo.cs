using Subtensor.Runtime.Framework.Dispatch;
using Subtensor.Runtime.State;

namespace Subtensor.Runtime.Pallets.SubtensorModule;

// Owner-side tempo control (coinbase/tempo_control.rs).
public sealed partial class SubtensorModulePallet
{
    /// <summary><c>do_set_tempo</c>: owner only, 360..=50_400, outside the freeze window, once per 360 blocks.</summary>
    public void DoSetTempo(IStateAccess state, Origin origin, ushort netuid, ushort tempo)
    {
        var who = EnsureSubnetOwner(state, origin, netuid);
        Ensure(tempo is >= MinTempo and <= MaxTempo, SubtensorError.TempoOutOfBounds);
        EnsureAdminWindowOpen(state, netuid);
        Ensure(PassesRateLimitOnSubnet(state, TransactionType.TempoUpdate, Hyperparameter.Unknown, who, netuid), SubtensorError.TxRateLimitExceeded);
        var now = CurrentBlock(state);
        ApplyTempoWithCycleReset(state, netuid, tempo);
        SetLastBlockOnSubnet(state, TransactionType.TempoUpdate, Hyperparameter.Unknown, who, netuid, now);
    }

    /// <summary><c>do_set_activity_cutoff_factor</c>: owner (window + rate limit) or root, 1_000..=50_000 ‰ of tempo.</summary>
    public void DoSetActivityCutoffFactor(IStateAccess state, Origin origin, ushort netuid, uint factorMilli)
    {
        var who = EnsureSubnetOwnerOrRoot(state, origin, netuid);
        Ensure(factorMilli is >= MinActivityCutoffFactorMilli and <= MaxActivityCutoffFactorMilli, SubtensorError.ActivityCutoffFactorMilliOutOfBounds);
        if (who is { } owner)
        {
            EnsureAdminWindowOpen(state, netuid);
            Ensure(PassesRateLimitOnSubnet(state, TransactionType.OwnerHyperparamUpdate, Hyperparameter.ActivityCutoffFactorMilli, owner, netuid), SubtensorError.TxRateLimitExceeded);
        }

        SetActivityCutoffFactorMilli(state, netuid, factorMilli);
        if (who is { } o)
        {
            SetLastBlockOnSubnet(state, TransactionType.OwnerHyperparamUpdate, Hyperparameter.ActivityCutoffFactorMilli, o, netuid, CurrentBlock(state));
        }
    }

    /// <summary>
    /// <c>do_trigger_epoch</c>: the owner schedules an epoch AdminFreezeWindow blocks ahead (not with commit-reveal on, not
    /// when one is pending or the automatic one is nearer than the window).
    /// </summary>
    public void DoTriggerEpoch(IStateAccess state, Origin origin, ushort netuid)
    {
        var who = EnsureSubnetOwner(state, origin, netuid);
        Ensure(!CommitRevealWeightsEnabled.Get(state, netuid), SubtensorError.DynamicTempoBlockedByCommitReveal);
        Ensure(PendingEpochAt.Get(state, netuid) == 0, SubtensorError.EpochTriggerAlreadyPending);
        var now = CurrentBlock(state);
        ulong window = AdminFreezeWindow.Get(state);
        Ensure(BlocksUntilNextAutoEpoch(state, netuid, Tempo.Get(state, netuid), now) >= window, SubtensorError.AutoEpochAlreadyImminent);
        Ensure(PassesRateLimitOnSubnet(state, TransactionType.OwnerHyperparamUpdate, Hyperparameter.TriggerEpoch, who, netuid), SubtensorError.TxRateLimitExceeded);
        var firesAt = Add(now, window);
        PendingEpochAt.Insert(state, netuid, firesAt);
        SetLastBlockOnSubnet(state, TransactionType.OwnerHyperparamUpdate, Hyperparameter.TriggerEpoch, who, netuid, now);
        Emit(state, SubtensorEvent.EpochTriggered, netuid, who, firesAt);
    }
}
