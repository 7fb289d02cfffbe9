using Subtensor.Runtime.State;

namespace Subtensor.Runtime.Pallets.SubtensorModule;

// Parameter setters with the events Subtensor emits from them (utils/misc.rs); AdminUtils calls these.
public sealed partial class SubtensorModulePallet
{
    public void SetNetworkRegistrationAllowed(IStateAccess state, ushort netuid, bool allowed)
    {
        NetworkRegistrationAllowed.Insert(state, netuid, allowed);
        Emit(state, SubtensorEvent.RegistrationAllowed, netuid, allowed);
    }

    public void SetMaxAllowedUids(IStateAccess state, ushort netuid, ushort value)
    {
        MaxAllowedUids.Insert(state, netuid, value);
        Emit(state, SubtensorEvent.MaxAllowedUidsSet, netuid, value);
    }

    public void SetMinAllowedUids(IStateAccess state, ushort netuid, ushort value)
    {
        MinAllowedUids.Insert(state, netuid, value);
        Emit(state, SubtensorEvent.MinAllowedUidsSet, netuid, value);
    }

    public void SetMaxAllowedValidators(IStateAccess state, ushort netuid, ushort value)
    {
        MaxAllowedValidators.Insert(state, netuid, value);
        Emit(state, SubtensorEvent.MaxAllowedValidatorsSet, netuid, value);
    }

    public void SetMinAllowedWeights(IStateAccess state, ushort netuid, ushort value)
    {
        MinAllowedWeights.Insert(state, netuid, value);
        Emit(state, SubtensorEvent.MinAllowedWeightSet, netuid, value);
    }

    public void SetImmunityPeriod(IStateAccess state, ushort netuid, ushort value)
    {
        ImmunityPeriod.Insert(state, netuid, value);
        Emit(state, SubtensorEvent.ImmunityPeriodSet, netuid, value);
    }

    public void SetServingRateLimit(IStateAccess state, ushort netuid, ulong value)
    {
        ServingRateLimit.Insert(state, netuid, value);
        Emit(state, SubtensorEvent.ServingRateLimitSet, netuid, value);
    }

    public void SetMinDifficulty(IStateAccess state, ushort netuid, ulong value)
    {
        MinDifficulty.Insert(state, netuid, value);
        Emit(state, SubtensorEvent.MinDifficultySet, netuid, value);
    }

    public void SetMaxDifficulty(IStateAccess state, ushort netuid, ulong value)
    {
        MaxDifficulty.Insert(state, netuid, value);
        Emit(state, SubtensorEvent.MaxDifficultySet, netuid, value);
    }

    public void SetDifficulty(IStateAccess state, ushort netuid, ulong value)
    {
        Difficulty.Insert(state, netuid, value);
        Emit(state, SubtensorEvent.DifficultySet, netuid, value);
    }

    public void SetWeightsVersionKey(IStateAccess state, ushort netuid, ulong value)
    {
        WeightsVersionKey.Insert(state, netuid, value);
        Emit(state, SubtensorEvent.WeightsVersionKeySet, netuid, value);
    }

    public void SetWeightsSetRateLimit(IStateAccess state, ushort netuid, ulong value)
    {
        WeightsSetRateLimit.Insert(state, netuid, value);
        Emit(state, SubtensorEvent.WeightsSetRateLimitSet, netuid, value);
    }

    public void SetAdjustmentInterval(IStateAccess state, ushort netuid, ushort value)
    {
        AdjustmentInterval.Insert(state, netuid, value);
        Emit(state, SubtensorEvent.AdjustmentIntervalSet, netuid, value);
    }

    public void SetAdjustmentAlpha(IStateAccess state, ushort netuid, ulong value)
    {
        AdjustmentAlpha.Insert(state, netuid, value);
        Emit(state, SubtensorEvent.AdjustmentAlphaSet, netuid, value);
    }

    public void SetKappa(IStateAccess state, ushort netuid, ushort value)
    {
        Kappa.Insert(state, netuid, value);
        Emit(state, SubtensorEvent.KappaSet, netuid, value);
    }

    public void SetActivityCutoff(IStateAccess state, ushort netuid, ushort value)
    {
        ActivityCutoff.Insert(state, netuid, value);
        Emit(state, SubtensorEvent.ActivityCutoffSet, netuid, value);
    }

    public void SetActivityCutoffFactorMilli(IStateAccess state, ushort netuid, uint value)
    {
        ActivityCutoffFactorMilli.Insert(state, netuid, value);
        Emit(state, SubtensorEvent.ActivityCutoffFactorMilliSet, netuid, value);
    }

    public void SetTargetRegistrationsPerInterval(IStateAccess state, ushort netuid, ushort value)
    {
        TargetRegistrationsPerInterval.Insert(state, netuid, value);
        Emit(state, SubtensorEvent.RegistrationPerIntervalSet, netuid, value);
    }

    public void SetMinBurn(IStateAccess state, ushort netuid, ulong value)
    {
        MinBurn.Insert(state, netuid, value);
        Emit(state, SubtensorEvent.MinBurnSet, netuid, value);
    }

    public void SetMaxBurn(IStateAccess state, ushort netuid, ulong value)
    {
        MaxBurn.Insert(state, netuid, value);
        Emit(state, SubtensorEvent.MaxBurnSet, netuid, value);
    }

    public void SetBondsMovingAverage(IStateAccess state, ushort netuid, ulong value)
    {
        BondsMovingAverage.Insert(state, netuid, value);
        Emit(state, SubtensorEvent.BondsMovingAverageSet, netuid, value);
    }

    public void SetBondsPenalty(IStateAccess state, ushort netuid, ushort value)
    {
        BondsPenalty.Insert(state, netuid, value);
        Emit(state, SubtensorEvent.BondsPenaltySet, netuid, value);
    }

    public void SetBondsReset(IStateAccess state, ushort netuid, bool value)
    {
        BondsResetOn.Insert(state, netuid, value);
        Emit(state, SubtensorEvent.BondsResetOnSet, netuid, value);
    }

    public void SetMaxRegistrationsPerBlock(IStateAccess state, ushort netuid, ushort value)
    {
        MaxRegistrationsPerBlock.Insert(state, netuid, value);
        Emit(state, SubtensorEvent.MaxRegistrationsPerBlockSet, netuid, value);
    }

    public void SetRaoRecycled(IStateAccess state, ushort netuid, ulong value)
    {
        RAORecycledForRegistration.Insert(state, netuid, value);
        Emit(state, SubtensorEvent.RAORecycledForRegistrationSet, netuid, value);
    }

    public void SetCommitRevealWeightsEnabled(IStateAccess state, ushort netuid, bool value)
    {
        CommitRevealWeightsEnabled.Insert(state, netuid, value);
        Emit(state, SubtensorEvent.CommitRevealEnabled, netuid, value);
    }

    public void SetRevealPeriod(IStateAccess state, ushort netuid, ulong value)
    {
        Ensure(value <= MaxCommitRevealPeriods, SubtensorError.RevealPeriodTooLarge);
        Ensure(value >= MinCommitRevealPeriods, SubtensorError.RevealPeriodTooSmall);
        RevealPeriodEpochs.Insert(state, netuid, value);
        Emit(state, SubtensorEvent.CommitRevealPeriodsSet, netuid, value);
    }

    public void SetMinChildkeyTakeForSubnet(IStateAccess state, ushort netuid, ushort value)
    {
        MinChildkeyTakePerSubnet.Insert(state, netuid, value);
        Emit(state, SubtensorEvent.MinChildKeyTakePerSubnetSet, netuid, value);
    }

    public void SetMinNonImmuneUids(IStateAccess state, ushort netuid, ushort value)
    {
        MinNonImmuneUids.Insert(state, netuid, value);
        Emit(state, SubtensorEvent.MinNonImmuneUidsSet, netuid, value);
    }

    public void ToggleTransfer(IStateAccess state, ushort netuid, bool value)
    {
        TransferToggle.Insert(state, netuid, value);
        Emit(state, SubtensorEvent.TransferToggle, netuid, value);
    }

    /// <summary><c>apply_tempo_with_cycle_reset</c>: TempoSet, and the epoch cycle restarts at the current block.</summary>
    public void ApplyTempoWithCycleReset(IStateAccess state, ushort netuid, ushort tempo)
    {
        Tempo.Insert(state, netuid, tempo);
        Emit(state, SubtensorEvent.TempoSet, netuid, tempo);
        LastEpochBlock.Insert(state, netuid, CurrentBlock(state));
    }

    /// <summary><c>do_set_alpha_values</c>: needs liquid alpha; α_high ≥ 1638 and 1638 ≤ α_low ≤ α_high.</summary>
    public void SetAlphaValues(IStateAccess state, ushort netuid, ushort low, ushort high)
    {
        Ensure(LiquidAlphaOn.Get(state, netuid), SubtensorError.LiquidAlphaDisabled);
        const ushort minAlpha = ushort.MaxValue / 40;
        Ensure(high >= minAlpha, SubtensorError.AlphaHighTooLow);
        Ensure(low >= minAlpha && low <= high, SubtensorError.AlphaLowOutOfRange);
        AlphaValues.Insert(state, netuid, (low, high));
    }

    /// <summary><c>set_owner_immune_neuron_limit</c>: 1..=10.</summary>
    public void SetOwnerImmuneNeuronLimit(IStateAccess state, ushort netuid, ushort limit)
    {
        Ensure(limit >= MinImmuneOwnerUidsLimit && limit <= MaxImmuneOwnerUidsLimit, SubtensorError.InvalidValue);
        ImmuneOwnerUidsLimit.Insert(state, netuid, limit);
    }

    /// <summary><c>ensure_max_uids_over_all_mechanisms</c>: max_uids × mechanisms ≤ 256.</summary>
    public void EnsureMaxUidsOverAllMechanisms(ushort maxUids, byte mechanismCount) =>
        Ensure((ulong)maxUids * mechanismCount <= 256, SubtensorError.TooManyUIDsPerMechanism);

    /// <summary><c>do_set_mechanism_count</c>.</summary>
    public void SetMechanismCount(IStateAccess state, ushort netuid, byte count)
    {
        Ensure(NetworksAdded.Get(state, netuid), SubtensorError.MechanismDoesNotExist);
        Ensure(count > 0, SubtensorError.InvalidValue);
        Ensure(count <= MaxMechanismCount.Get(state), SubtensorError.InvalidValue);
        EnsureMaxUidsOverAllMechanisms(MaxAllowedUids.Get(state, netuid), count);
        Ensure(count <= MaxMechanismCountPerSubnet, SubtensorError.InvalidValue);
        var old = MechanismCountCurrent.Get(state, netuid);
        if (old == count)
        {
            return;
        }

        for (var mecid = count; mecid < old; mecid++)
        {
            var index = MechanismStorageIndex(netuid, mecid);
            Weights.RemovePrefix(state, index);
            Incentive.Remove(state, index);
            LastUpdate.Remove(state, index);
            Bonds.RemovePrefix(state, index);
            WeightCommits.RemovePrefix(state, index);
            TimelockedWeightCommits.RemovePrefix(state, index);
        }

        MechanismCountCurrent.Insert(state, netuid, count);
        MechanismEmissionSplit.Remove(state, netuid);
    }

    /// <summary><c>do_set_max_mechanism_count</c>: 1..=16.</summary>
    public void SetMaxMechanismCount(IStateAccess state, byte count)
    {
        Ensure(count > 0, SubtensorError.InvalidValue);
        Ensure(count <= MaxMechanismCountPerSubnet, SubtensorError.InvalidValue);
        MaxMechanismCount.Put(state, count);
    }

    /// <summary><c>do_set_emission_split</c>: a split over the current mechanisms summing to 65535, or none (even).</summary>
    public void SetEmissionSplit(IStateAccess state, ushort netuid, ushort[]? split)
    {
        Ensure(NetworksAdded.Get(state, netuid), SubtensorError.MechanismDoesNotExist);
        if (split is null)
        {
            MechanismEmissionSplit.Remove(state, netuid);
            return;
        }

        Ensure(split.Length != 0, SubtensorError.InvalidValue);
        Ensure(split.Length <= MechanismCountCurrent.Get(state, netuid), SubtensorError.InvalidValue);
        Ensure(split.Sum(s => (long)s) == ushort.MaxValue, SubtensorError.InvalidValue);
        MechanismEmissionSplit.Insert(state, netuid, split);
    }
}
