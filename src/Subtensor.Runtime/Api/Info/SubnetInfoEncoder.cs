using Subtensor.Core.Scale;

namespace Subtensor.Runtime.Api.Info;

/// <summary>
/// SCALE encodings of SubnetInfo(v2), SubnetHyperparams(V2, V3), DynamicInfo and SubnetState for one subnet
/// (rpc_info/subnet_info.rs, dynamic_info.rs, show_subnet.rs). Each returns false when the subnet does not exist.
/// </summary>
public static class SubnetInfoEncoder
{
    public static bool SubnetInfo(InfoReader r, ScaleWriter w, ushort netuid, bool v2)
    {
        if (!r.Exists(netuid))
        {
            return false;
        }

        var (st, s) = (r.St, r.State);
        w.WriteCompact(netuid).WriteCompact(st.Rho.Get(s, netuid)).WriteCompact(st.Kappa.Get(s, netuid)).WriteCompact(st.Difficulty.Get(s, netuid))
            .WriteCompact(st.ImmunityPeriod.Get(s, netuid)).WriteCompact(st.MaxAllowedValidators.Get(s, netuid)).WriteCompact(st.MinAllowedWeights.Get(s, netuid))
            .WriteCompact(st.MaxWeightsLimit.Get(s, netuid)).WriteCompact(st.ScalingLawPower.Get(s, netuid)).WriteCompact(r.N(netuid))
            .WriteCompact(st.MaxAllowedUids.Get(s, netuid)).WriteCompact(st.BlocksSinceLastStep.Get(s, netuid)).WriteCompact(st.Tempo.Get(s, netuid))
            .WriteCompact(0U) // network_modality
            .WriteCompact(0U) // network_connect: deprecated, always empty
            .WriteCompact(0U) // emission_value(s): deprecated
            .WriteCompact(st.Burn.Get(s, netuid));
        st.SubnetOwner.Get(s, netuid).EncodeTo(w);
        if (v2)
        {
            InfoReader.WriteIdentity(w, r.Identity(netuid));
        }

        return true;
    }

    public static bool Hyperparams(InfoReader r, ScaleWriter w, ushort netuid, bool v2)
    {
        if (!r.Exists(netuid))
        {
            return false;
        }

        var (st, s) = (r.St, r.State);
        var (low, high) = r.AlphaValues(netuid);
        w.WriteCompact(st.Rho.Get(s, netuid)).WriteCompact(st.Kappa.Get(s, netuid)).WriteCompact(st.ImmunityPeriod.Get(s, netuid))
            .WriteCompact(st.MinAllowedWeights.Get(s, netuid)).WriteCompact(st.MaxWeightsLimit.Get(s, netuid)).WriteCompact(st.Tempo.Get(s, netuid))
            .WriteCompact(st.MinDifficulty.Get(s, netuid)).WriteCompact(st.MaxDifficulty.Get(s, netuid)).WriteCompact(st.WeightsVersionKey.Get(s, netuid))
            .WriteCompact(st.WeightsSetRateLimit.Get(s, netuid)).WriteCompact(st.AdjustmentInterval.Get(s, netuid)).WriteCompact(r.ActivityCutoffBlocks(netuid))
            .WriteBool(st.NetworkRegistrationAllowed.Get(s, netuid)).WriteCompact(st.TargetRegistrationsPerInterval.Get(s, netuid))
            .WriteCompact(st.MinBurn.Get(s, netuid)).WriteCompact(st.MaxBurn.Get(s, netuid)).WriteCompact(st.BondsMovingAverage.Get(s, netuid))
            .WriteCompact(st.MaxRegistrationsPerBlock.Get(s, netuid)).WriteCompact(st.ServingRateLimit.Get(s, netuid))
            .WriteCompact(st.MaxAllowedValidators.Get(s, netuid)).WriteCompact(st.AdjustmentAlpha.Get(s, netuid)).WriteCompact(st.Difficulty.Get(s, netuid))
            .WriteCompact(st.RevealPeriodEpochs.Get(s, netuid)).WriteBool(st.CommitRevealWeightsEnabled.Get(s, netuid))
            .WriteCompact(high).WriteCompact(low).WriteBool(st.LiquidAlphaOn.Get(s, netuid));
        if (v2)
        {
            w.WriteI64(r.AlphaSigmoidSteepness(netuid).Bits).WriteCompact(r.YumaVersion(netuid)).WriteBool(st.SubtokenEnabled.Get(s, netuid))
                .WriteBool(st.TransferToggle.Get(s, netuid)).WriteBool(st.BondsResetOn.Get(s, netuid)).WriteBool(false);
        }

        return true;
    }

    /// <summary><c>get_subnet_hyperparams_v3</c>: the named, typed list in Subtensor's order.</summary>
    public static bool HyperparamsV3(InfoReader r, ScaleWriter w, ushort netuid)
    {
        if (!r.Exists(netuid))
        {
            return false;
        }

        var (st, s) = (r.St, r.State);
        var (low, high) = r.AlphaValues(netuid);
        var entries = new List<(string Name, Action<ScaleWriter> Value)>
        {
            ("kappa", U16(st.Kappa.Get(s, netuid))),
            ("immunity_period", U16(st.ImmunityPeriod.Get(s, netuid))),
            ("min_allowed_weights", U16(st.MinAllowedWeights.Get(s, netuid))),
            ("max_weights_limit", U16(st.MaxWeightsLimit.Get(s, netuid))),
            ("tempo", U16(st.Tempo.Get(s, netuid))),
            ("weights_version", U64(st.WeightsVersionKey.Get(s, netuid))),
            ("weights_rate_limit", U64(st.WeightsSetRateLimit.Get(s, netuid))),
            ("activity_cutoff", U64(r.ActivityCutoffBlocks(netuid))),
            ("activity_cutoff_factor", Tagged(2, st.ActivityCutoffFactorMilli.Get(s, netuid))),
            ("registration_allowed", Bool(st.NetworkRegistrationAllowed.Get(s, netuid))),
            ("target_regs_per_interval", U16(st.TargetRegistrationsPerInterval.Get(s, netuid))),
            ("min_burn", Tagged(5, st.MinBurn.Get(s, netuid))),
            ("max_burn", Tagged(5, st.MaxBurn.Get(s, netuid))),
            ("burn_half_life", U16(st.BurnHalfLife.Get(s, netuid))),
            ("burn_increase_mult", x => x.WriteU8(7).WriteU128(st.BurnIncreaseMult.Get(s, netuid).Bits)),
            ("bonds_moving_avg", U64(st.BondsMovingAverage.Get(s, netuid))),
            ("max_regs_per_block", U16(st.MaxRegistrationsPerBlock.Get(s, netuid))),
            ("serving_rate_limit", U64(st.ServingRateLimit.Get(s, netuid))),
            ("max_validators", U16(st.MaxAllowedValidators.Get(s, netuid))),
            ("commit_reveal_period", U64(st.RevealPeriodEpochs.Get(s, netuid))),
            ("commit_reveal_weights_enabled", Bool(st.CommitRevealWeightsEnabled.Get(s, netuid))),
            ("alpha_high", U16(high)),
            ("alpha_low", U16(low)),
            ("liquid_alpha_enabled", Bool(st.LiquidAlphaOn.Get(s, netuid))),
            ("alpha_sigmoid_steepness", x => x.WriteU8(6).WriteI64(r.AlphaSigmoidSteepness(netuid).Bits)),
            ("yuma_version", U16(r.YumaVersion(netuid))),
            ("subnet_is_active", Bool(st.SubtokenEnabled.Get(s, netuid))),
            ("transfers_enabled", Bool(st.TransferToggle.Get(s, netuid))),
            ("bonds_reset_enabled", Bool(st.BondsResetOn.Get(s, netuid))),
            ("user_liquidity_enabled", Bool(false)),
            ("owner_cut_enabled", Bool(st.OwnerCutEnabled.Get(s, netuid))),
            ("owner_cut_auto_lock_enabled", Bool(st.OwnerCutAutoLockEnabled.Get(s, netuid))),
            ("min_childkey_take", U16(r.EffectiveMinChildkeyTake(netuid))),
        };
        w.WriteCompact((uint)entries.Count);
        foreach (var (name, value) in entries)
        {
            w.WriteString(name);
            value(w);
        }

        return true;

        static Action<ScaleWriter> Tagged(byte tag, UInt128 v) => x => x.WriteU8(tag).WriteCompact(v);
        static Action<ScaleWriter> U16(ushort v) => Tagged(1, v);
        static Action<ScaleWriter> U64(ulong v) => Tagged(3, v);
        static Action<ScaleWriter> Bool(bool v) => x => x.WriteU8(0).WriteBool(v);
    }

    public static bool DynamicInfo(InfoReader r, ScaleWriter w, ushort netuid)
    {
        if (!r.Exists(netuid))
        {
            return false;
        }

        var (st, s) = (r.St, r.State);
        w.WriteCompact(netuid);
        st.SubnetOwnerHotkey.Get(s, netuid).EncodeTo(w);
        st.SubnetOwner.Get(s, netuid).EncodeTo(w);
        InfoReader.WriteCompactBytes(w, r.Name(netuid));
        InfoReader.WriteCompactBytes(w, st.TokenSymbol.Get(s, netuid));
        w.WriteCompact(st.Tempo.Get(s, netuid)).WriteCompact(st.LastMechansimStepBlock.Get(s, netuid)).WriteCompact(r.BlocksSinceLastMechanismStep(netuid))
            .WriteCompact(0U) // emission: deprecated
            .WriteCompact(st.SubnetAlphaIn.Get(s, netuid)).WriteCompact(st.SubnetAlphaOut.Get(s, netuid)).WriteCompact(st.SubnetTAO.Get(s, netuid))
            .WriteCompact(st.SubnetAlphaOutEmission.Get(s, netuid)).WriteCompact(st.SubnetAlphaInEmission.Get(s, netuid))
            .WriteCompact(st.SubnetTaoInEmission.Get(s, netuid)).WriteCompact(r.PendingAlphaEmission(netuid))
            .WriteCompact(0U) // pending_root_emission: always zero
            .WriteCompact(st.SubnetVolume.Get(s, netuid)).WriteCompact(st.NetworkRegisteredAt.Get(s, netuid));
        InfoReader.WriteIdentity(w, r.Identity(netuid));
        w.WriteI128(st.SubnetMovingPrice.Get(s, netuid).Bits);
        return true;
    }

    public static bool SubnetState(InfoReader r, ScaleWriter w, ushort netuid)
    {
        if (!r.Exists(netuid))
        {
            return false;
        }

        var (st, s) = (r.St, r.State);
        var hotkeys = r.Hotkeys(netuid);
        w.WriteCompact(netuid);
        InfoReader.WriteAccounts(w, hotkeys);
        InfoReader.WriteAccounts(w, [.. hotkeys.Select(r.Coldkey)]);
        w.WriteVec(st.Active.Get(s, netuid), (x, v) => x.WriteBool(v));
        w.WriteVec(st.ValidatorPermit.Get(s, netuid), (x, v) => x.WriteBool(v));
        w.WriteCompact(0U); // pruning_score: no longer computed
        InfoReader.WriteCompactVec(w, st.LastUpdate.Get(s, netuid), v => v);
        InfoReader.WriteCompactVec(w, st.Emission.Get(s, netuid), v => v);
        InfoReader.WriteCompactVec(w, st.Dividends.Get(s, netuid), v => v);
        InfoReader.WriteCompactVec(w, st.Incentive.Get(s, netuid), v => v);
        InfoReader.WriteCompactVec(w, st.Consensus.Get(s, netuid), v => v);
        w.WriteCompact(0U).WriteCompact(0U); // trust, rank: no longer computed
        InfoReader.WriteCompactVec(w, [.. Enumerable.Range(0, hotkeys.Count).Select(uid => st.BlockAtRegistration.Get(s, netuid, (ushort)uid))], v => v);
        var (total, alpha, tao) = r.NetworkStakeWeights(netuid);
        InfoReader.WriteCompactVec(w, alpha, v => v);
        InfoReader.WriteCompactVec(w, tao, v => v);
        InfoReader.WriteCompactVec(w, total, v => v);
        var netuids = r.Netuids();
        w.WriteCompact((uint)netuids.Count);
        foreach (var n in netuids)
        {
            InfoReader.WriteCompactVec(w, hotkeys, h => st.LastHotkeyEmissionOnNetuid.Get(s, h, n));
        }

        return true;
    }
}
