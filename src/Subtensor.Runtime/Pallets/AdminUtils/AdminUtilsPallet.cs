using Subtensor.Core.Arithmetic;
using Subtensor.Core.Hashing;
using Subtensor.Core.Scale;
using Subtensor.Core.Types;
using Subtensor.Runtime.Framework;
using Subtensor.Runtime.Framework.Codec;
using Subtensor.Runtime.Framework.Dispatch;
using Subtensor.Runtime.Framework.Storage;
using Subtensor.Runtime.Framework.TypeInfo;
using Subtensor.Runtime.Pallets.Grandpa;
using Subtensor.Runtime.Pallets.SubtensorModule;
using Subtensor.Runtime.State;
using static Subtensor.Runtime.Framework.TypeInfo.Ty;
using HP = Subtensor.Runtime.Pallets.SubtensorModule.Hyperparameter;
using TT = Subtensor.Runtime.Pallets.SubtensorModule.TransactionType;

namespace Subtensor.Runtime.Pallets.AdminUtils;

/// <summary>
/// pallet_admin_utils (index 19): the hyperparameter setters. Root-only ones set global or economic parameters; the
/// owner-or-root ones let a subnet owner change a per-subnet knob outside the admin freeze window and at most once per
/// OwnerHyperparamRateLimit tempos per parameter (root bypasses the rate limit). Indices, checks, errors and events
/// follow <c>pallets/admin-utils/src/lib.rs</c> at 14bc6f9f.
/// </summary>
public sealed class AdminUtilsPallet : Pallet
{
    private readonly SubtensorModulePallet _st;
    private readonly ErrorDef[] _errors;

    public AdminUtilsPallet(SubtensorModulePallet subtensor, GrandpaPallet grandpa)
        : base("AdminUtils", 19, "pallet_admin_utils")
    {
        _st = subtensor ?? throw new ArgumentNullException(nameof(subtensor));
        ArgumentNullException.ThrowIfNull(grandpa);
        string[] precompiles = ["BalanceTransfer", "Staking", "Subnet", "Metagraph", "Neuron", "UidLookup", "Alpha", "Crowdloan", "Proxy", "Leasing", "AddressMapping", "VotingPower"];
        var precompile = new ScaleCodec<byte>(SimpleEnum("pallet_admin_utils::pallet::PrecompileEnum", precompiles), (w, v) => w.WriteU8(v),
            (ref ScaleReader r) => r.ReadEnumIndex(precompiles.Length));
        PrecompileEnable = Map("PrecompileEnable", StorageHasher.Blake2_128Concat, precompile, Codecs.Bool, true, " Map PrecompileEnum --> enabled");

        var netuidField = Arg("netuid", Codecs.U16, "NetUid");
        var enabledField = Arg("enabled", Codecs.Bool, "bool");
        PrecompileUpdated = Event(0, "PrecompileUpdated", Arg("precompile_id", precompile, "PrecompileEnum"), enabledField);
        Yuma3EnableToggled = Event(1, "Yuma3EnableToggled", netuidField, enabledField);
        BondsResetToggled = Event(2, "BondsResetToggled", netuidField, enabledField);
        BurnHalfLifeSet = Event(3, "BurnHalfLifeSet", netuidField, Arg("burn_half_life", Codecs.U16, "u16"));
        BurnIncreaseMultSet = Event(4, "BurnIncreaseMultSet", netuidField, Arg("burn_increase_mult", SubtensorTypes.U64F64Codec, "U64F64"));
        SubnetEmissionEnabledSet = Event(5, "SubnetEmissionEnabledSet", netuidField, enabledField);
        _errors = System.Enum.GetValues<AdminUtilsError>().Select(e => Error((byte)e, e.ToString())).ToArray();

        DeclareCalls(precompile, grandpa);
    }

    public StorageMap<byte, bool> PrecompileEnable { get; }

    public EventDef PrecompileUpdated { get; }

    public EventDef Yuma3EnableToggled { get; }

    public EventDef BondsResetToggled { get; }

    public EventDef BurnHalfLifeSet { get; }

    public EventDef BurnIncreaseMultSet { get; }

    public EventDef SubnetEmissionEnabledSet { get; }

    public ErrorDef ErrorOf(AdminUtilsError e) => _errors[(int)e];

    private void DeclareCalls(ScaleCodec<byte> precompile, GrandpaPallet grandpa)
    {
        var netuid = Arg("netuid", Codecs.U16, "NetUid");
        CallArg U16(string name) => Arg(name, Codecs.U16, "u16");
        CallArg U64(string name) => Arg(name, Codecs.U64, "u64");
        CallArg Bool(string name) => Arg(name, Codecs.Bool, "bool");
        CallArg Tao(string name) => Arg(name, Codecs.U64, "TaoBalance");
        static Weight W(ulong r, ulong p, ulong reads, ulong writes) => SubtensorModulePallet.W(r, p, reads, writes);

        var auraAuthorities = Codecs.Vec(Codecs.Bytes32.As(Composite("sp_consensus_aura::sr25519::app_sr25519::Public", [], Field(null, Bytes32, "sr25519::Public"))));
        Call(0, "swap_authorities", [Arg("new_authorities", auraAuthorities.As(BoundedVec(auraAuthorities.Type.Def is MetaTypeDef.Sequence s ? s.Element : U8)),
            "BoundedVec<<T as Config>::AuthorityId, T::MaxAuthorities>")],
            a => Normal(Weight.FromParts(4_442_146, 0).SaturatingAdd(Weight.FromParts(1_207_000, 0).SaturatingMul((ulong)a.Get<byte[][]>(0).Length))
                .SaturatingAdd(Pallets.FrameSystem.SystemPallet.DbWrites(1))),
            NotImplemented, "The extrinsic sets the new authorities for Aura consensus (not implemented by Subtensor.NET).");
        Root(1, "sudo_set_default_take", [U16("default_take")], W(5_400_000, 0, 0, 1), (s, a) =>
        {
            _st.MaxDelegateTake.Put(s, a.Get<ushort>(0));
            Emit(s, SubtensorEvent.MaxDelegateTakeSet, a.Get<ushort>(0));
        });
        Root(2, "sudo_set_tx_rate_limit", [U64("tx_rate_limit")], W(5_440_000, 0, 0, 1), (s, a) =>
        {
            _st.TxRateLimit.Put(s, a.Get<ulong>(0));
            Emit(s, SubtensorEvent.TxRateLimitSet, a.Get<ulong>(0));
        });
        Owner(3, "sudo_set_serving_rate_limit", [netuid, U64("serving_rate_limit")], W(28_633_000, 4212, 4, 1), HP.ServingRateLimit, exists: false,
            (s, a, _) => _st.SetServingRateLimit(s, a.Get<ushort>(0), a.Get<ulong>(1)));
        RootWindow(4, "sudo_set_min_difficulty", [netuid, U64("min_difficulty")], W(34_554_000, 4383, 5, 1), (s, a) => _st.SetMinDifficulty(s, a.Get<ushort>(0), a.Get<ulong>(1)));
        Owner(5, "sudo_set_max_difficulty", [netuid, U64("max_difficulty")], W(34_704_000, 4383, 5, 1), HP.MaxDifficulty, exists: true,
            (s, a, _) => _st.SetMaxDifficulty(s, a.Get<ushort>(0), a.Get<ulong>(1)));
        Call(6, "sudo_set_weights_version_key", [netuid, U64("weights_version_key")], _ => Normal(W(34_204_000, 4383, 5, 1)), (s, o, a) =>
        {
            var n = a.Get<ushort>(0);
            var owner = _st.EnsureOwnerOrRootWithLimits(s, o, n, (TT.SetWeightsVersionKey, HP.Unknown));
            _st.EnsureAdminWindowOpen(s, n);
            EnsureExists(s, n);
            _st.RecordOwnerRateLimits(s, owner, n, (TT.SetWeightsVersionKey, HP.Unknown));
            _st.SetWeightsVersionKey(s, n, a.Get<ulong>(1));
            return DispatchOutcome.Ok();
        });
        RootExists(7, "sudo_set_weights_set_rate_limit", [netuid, U64("weights_set_rate_limit")], W(16_420_000, 4084, 1, 1),
            (s, a) => _st.SetWeightsSetRateLimit(s, a.Get<ushort>(0), a.Get<ulong>(1)));
        RootExists(8, "sudo_set_adjustment_interval", [netuid, U16("adjustment_interval")], W(16_320_000, 4084, 1, 1),
            (s, a) => _st.SetAdjustmentInterval(s, a.Get<ushort>(0), a.Get<ushort>(1)));
        Owner(9, "sudo_set_adjustment_alpha", [netuid, U64("adjustment_alpha")], W(14_000_000, 0, 1, 1), HP.AdjustmentAlpha, exists: true,
            (s, a, _) => _st.SetAdjustmentAlpha(s, a.Get<ushort>(0), a.Get<ulong>(1)));
        Owner(13, "sudo_set_immunity_period", [netuid, U16("immunity_period")], W(34_414_000, 4383, 5, 1), HP.ImmunityPeriod, exists: true,
            (s, a, _) => _st.SetImmunityPeriod(s, a.Get<ushort>(0), a.Get<ushort>(1)));
        Owner(14, "sudo_set_min_allowed_weights", [netuid, U16("min_allowed_weights")], W(34_664_000, 4383, 5, 1), HP.MinAllowedWeights, exists: true,
            (s, a, _) => _st.SetMinAllowedWeights(s, a.Get<ushort>(0), a.Get<ushort>(1)));
        Owner(15, "sudo_set_max_allowed_uids", [netuid, U16("max_allowed_uids")], W(43_381_000, 4433, 8, 1), HP.MaxAllowedUids, exists: true, (s, a, _) =>
        {
            var n = a.Get<ushort>(0);
            var max = a.Get<ushort>(1);
            Ensure(max >= _st.MinAllowedUids.Get(s, n), AdminUtilsError.MaxAllowedUidsLessThanMinAllowedUids);
            Ensure(_st.SubnetworkN.Get(s, n) <= max, AdminUtilsError.MaxAllowedUIdsLessThanCurrentUIds);
            Ensure(max <= 256, AdminUtilsError.MaxAllowedUidsGreaterThanDefaultMaxAllowedUids);
            _st.EnsureMaxUidsOverAllMechanisms(max, _st.MechanismCountCurrent.Get(s, n));
            _st.SetMaxAllowedUids(s, n, max);
        });
        RootExists(16, "sudo_set_kappa", [netuid, U16("kappa")], W(16_301_000, 4084, 1, 1), (s, a) => _st.SetKappa(s, a.Get<ushort>(0), a.Get<ushort>(1)));
        Owner(17, "sudo_set_rho", [netuid, U16("rho")], W(31_268_000, 4383, 5, 1), HP.Rho, exists: true, (s, a, _) => _st.Rho.Insert(s, a.Get<ushort>(0), a.Get<ushort>(1)));
        Owner(18, "sudo_set_activity_cutoff", [netuid, U16("activity_cutoff")], W(35_165_000, 4383, 6, 1), HP.ActivityCutoff, exists: true, (s, a, _) =>
        {
            if (a.Get<ushort>(1) < _st.MinActivityCutoff.Get(s))
            {
                throw _st.ErrorOf(SubtensorError.ActivityCutoffTooLow).Exception();
            }

            _st.SetActivityCutoff(s, a.Get<ushort>(0), a.Get<ushort>(1));
        });
        Root(19, "sudo_set_network_registration_allowed", [netuid, Bool("registration_allowed")], W(7_113_000, 0, 0, 1),
            (s, a) => _st.SetNetworkRegistrationAllowed(s, a.Get<ushort>(0), a.Get<bool>(1)));
        Call(20, "sudo_set_network_pow_registration_allowed", [netuid, Bool("registration_allowed")], _ => Normal(W(14_000_000, 0, 0, 1)),
            (_, _, _) => throw Err(AdminUtilsError.POWRegistrationDisabled));
        RootWindow(21, "sudo_set_target_registrations_per_interval", [netuid, U16("target_registrations_per_interval")], W(34_103_000, 4383, 5, 1),
            (s, a) => _st.SetTargetRegistrationsPerInterval(s, a.Get<ushort>(0), a.Get<ushort>(1)));
        Owner(22, "sudo_set_min_burn", [netuid, Tao("min_burn")], W(37_780_000, 4385, 6, 1), HP.MinBurn, exists: true, (s, a, _) =>
        {
            var n = a.Get<ushort>(0);
            var v = a.Get<ulong>(1);
            Ensure(v < SubtensorModulePallet.MinBurnUpperBound, AdminUtilsError.ValueNotInBounds);
            Ensure(v < _st.MaxBurn.Get(s, n), AdminUtilsError.ValueNotInBounds);
            _st.SetMinBurn(s, n, v);
        });
        Owner(23, "sudo_set_max_burn", [netuid, Tao("max_burn")], W(36_949_000, 4410, 6, 1), HP.MaxBurn, exists: true, (s, a, _) =>
        {
            var n = a.Get<ushort>(0);
            var v = a.Get<ulong>(1);
            Ensure(v > SubtensorModulePallet.MaxBurnLowerBound, AdminUtilsError.ValueNotInBounds);
            Ensure(v > _st.MinBurn.Get(s, n), AdminUtilsError.ValueNotInBounds);
            _st.SetMaxBurn(s, n, v);
        });
        RootWindow(24, "sudo_set_difficulty", [netuid, U64("difficulty")], W(34_434_000, 4383, 5, 1), (s, a) => _st.SetDifficulty(s, a.Get<ushort>(0), a.Get<ulong>(1)));
        RootWindow(25, "sudo_set_max_allowed_validators", [netuid, U16("max_allowed_validators")], W(35_896_000, 4383, 6, 1), (s, a) =>
        {
            Ensure(a.Get<ushort>(1) <= _st.MaxAllowedUids.Get(s, a.Get<ushort>(0)), AdminUtilsError.MaxValidatorsLargerThanMaxUIds);
            _st.SetMaxAllowedValidators(s, a.Get<ushort>(0), a.Get<ushort>(1));
        });
        Call(26, "sudo_set_bonds_moving_average", [netuid, U64("bonds_moving_average")], _ => Normal(W(34_495_000, 4383, 5, 1)), (s, o, a) =>
        {
            var n = a.Get<ushort>(0);
            var owner = _st.EnsureOwnerOrRootWithLimits(s, o, n, (TT.OwnerHyperparamUpdate, HP.BondsMovingAverage));
            _st.EnsureAdminWindowOpen(s, n);
            if (owner is not null)
            {
                Ensure(a.Get<ulong>(1) <= 975_000, AdminUtilsError.BondsMovingAverageMaxReached);
            }

            EnsureExists(s, n);
            _st.SetBondsMovingAverage(s, n, a.Get<ulong>(1));
            _st.RecordOwnerRateLimits(s, owner, n, (TT.OwnerHyperparamUpdate, HP.BondsMovingAverage));
            return DispatchOutcome.Ok();
        });
        Owner(60, "sudo_set_bonds_penalty", [netuid, U16("bonds_penalty")], W(34_354_000, 4383, 5, 1), HP.BondsPenalty, exists: true,
            (s, a, _) => _st.SetBondsPenalty(s, a.Get<ushort>(0), a.Get<ushort>(1)));
        RootWindow(27, "sudo_set_max_registrations_per_block", [netuid, U16("max_registrations_per_block")], W(34_604_000, 4383, 5, 1),
            (s, a) => _st.SetMaxRegistrationsPerBlock(s, a.Get<ushort>(0), a.Get<ushort>(1)));
        Root(28, "sudo_set_subnet_owner_cut", [U16("subnet_owner_cut")], W(14_000_000, 0, 0, 1), (s, a) =>
        {
            _st.SubnetOwnerCut.Put(s, a.Get<ushort>(0));
            Emit(s, SubtensorEvent.SubnetOwnerCutSet, a.Get<ushort>(0));
        });
        Root(29, "sudo_set_network_rate_limit", [U64("rate_limit")], W(14_000_000, 0, 0, 1), (s, a) =>
        {
            _st.NetworkRateLimit.Put(s, a.Get<ulong>(0));
            Emit(s, SubtensorEvent.NetworkRateLimitSet, a.Get<ulong>(0));
        });
        RootWindow(30, "sudo_set_tempo", [netuid, U16("tempo")], W(36_298_000, 4383, 5, 2), (s, a) => _st.ApplyTempoWithCycleReset(s, a.Get<ushort>(0), a.Get<ushort>(1)));
        Call(33, "sudo_set_total_issuance", [Tao("total_issuance")], _ => Normal(W(5_931_000, 0, 0, 0)), (_, _, _) => throw Err(AdminUtilsError.Deprecated));
        Root(35, "sudo_set_network_immunity_period", [U64("immunity_period")], W(14_000_000, 0, 0, 1), (s, a) =>
        {
            _st.NetworkImmunityPeriod.Put(s, a.Get<ulong>(0));
            Emit(s, SubtensorEvent.NetworkImmunityPeriodSet, a.Get<ulong>(0));
        });
        Root(36, "sudo_set_network_min_lock_cost", [Tao("lock_cost")], W(14_000_000, 0, 0, 1), (s, a) =>
        {
            _st.NetworkMinLockCost.Put(s, a.Get<ulong>(0));
            Emit(s, SubtensorEvent.NetworkMinLockCostSet, a.Get<ulong>(0));
        });
        Root(37, "sudo_set_subnet_limit", [U16("max_subnets")], W(14_000_000, 0, 0, 1), (s, a) =>
        {
            _st.SubnetLimit.Put(s, a.Get<ushort>(0));
            Emit(s, SubtensorEvent.SubnetLimitSet, a.Get<ushort>(0));
        });
        Root(38, "sudo_set_lock_reduction_interval", [U64("interval")], W(14_000_000, 0, 0, 1), (s, a) =>
        {
            _st.NetworkLockReductionInterval.Put(s, a.Get<ulong>(0));
            Emit(s, SubtensorEvent.NetworkLockCostReductionIntervalSet, a.Get<ulong>(0));
        });
        RootExists(39, "sudo_set_rao_recycled", [netuid, Tao("rao_recycled")], W(16_541_000, 4084, 1, 1), (s, a) => _st.SetRaoRecycled(s, a.Get<ushort>(0), a.Get<ulong>(1)));
        Root(42, "sudo_set_stake_threshold", [U64("min_stake")], W(5_500_000, 0, 0, 1), (s, a) =>
        {
            _st.StakeThreshold.Put(s, a.Get<ulong>(0));
            Emit(s, SubtensorEvent.StakeThresholdSet, a.Get<ulong>(0));
        });
        Root(43, "sudo_set_nominator_min_required_stake", [U64("min_stake")], W(30_697_000, 6890, 5, 1), (s, a) =>
        {
            var previous = _st.NominatorMinRequiredStakeValue(s);
            _st.NominatorMinRequiredStake.Put(s, a.Get<ulong>(0));
            if (a.Get<ulong>(0) > previous)
            {
                _st.ClearSmallNominations(s);
            }
        });
        Root(45, "sudo_set_tx_delegate_take_rate_limit", [U64("tx_rate_limit")], W(5_420_000, 0, 0, 1), (s, a) =>
        {
            _st.TxDelegateTakeRateLimit.Put(s, a.Get<ulong>(0));
            Emit(s, SubtensorEvent.TxDelegateTakeRateLimitSet, a.Get<ulong>(0));
        });
        Root(46, "sudo_set_min_delegate_take", [U16("take")], W(5_490_000, 0, 0, 1), (s, a) =>
        {
            _st.MinDelegateTake.Put(s, a.Get<ushort>(0));
            Emit(s, SubtensorEvent.MinDelegateTakeSet, a.Get<ushort>(0));
        });
        Owner(93, "sudo_set_min_childkey_take_per_subnet", [netuid, U16("take")], W(38_100_000, 4419, 7, 1), HP.MinChildkeyTake, exists: true, (s, a, _) =>
        {
            var take = a.Get<ushort>(1);
            Ensure(take >= _st.MinChildkeyTake.Get(s) && take <= _st.MaxChildkeyTake.Get(s), AdminUtilsError.InvalidValue);
            _st.SetMinChildkeyTakeForSubnet(s, a.Get<ushort>(0), take);
        });
        Owner(49, "sudo_set_commit_reveal_weights_enabled", [netuid, Bool("enabled")], W(34_544_000, 4383, 5, 1), HP.CommitRevealEnabled, exists: true,
            (s, a, _) => _st.SetCommitRevealWeightsEnabled(s, a.Get<ushort>(0), a.Get<bool>(1)));
        Owner(50, "sudo_set_liquid_alpha_enabled", [netuid, Bool("enabled")], W(25_538_000, 4280, 4, 1), HP.LiquidAlphaEnabled, exists: false,
            (s, a, _) => _st.LiquidAlphaOn.Insert(s, a.Get<ushort>(0), a.Get<bool>(1)));
        Owner(51, "sudo_set_alpha_values", [netuid, U16("alpha_low"), U16("alpha_high")], W(34_224_000, 4427, 5, 1), HP.AlphaValues, exists: false,
            (s, a, _) => _st.SetAlphaValues(s, a.Get<ushort>(0), a.Get<ushort>(1), a.Get<ushort>(2)));
        Root(55, "sudo_set_dissolve_network_schedule_duration", [Arg("duration", Codecs.U32, "BlockNumberFor<T>")], W(5_591_000, 0, 0, 1), (s, a) =>
        {
            _st.DissolveNetworkScheduleDuration.Put(s, a.Get<uint>(0));
            Emit(s, SubtensorEvent.DissolveNetworkScheduleDurationSet, a.Get<uint>(0));
        });
        Owner(57, "sudo_set_commit_reveal_weights_interval", [netuid, U64("interval")], W(34_654_000, 4383, 5, 1), HP.WeightCommitInterval, exists: true,
            (s, a, _) => _st.SetRevealPeriod(s, a.Get<ushort>(0), a.Get<ulong>(1)));
        Call(58, "sudo_set_evm_chain_id", [U64("chain_id")], _ => Normal(W(27_199_000, 0, 1, 1)), NotImplemented,
            "Sets the EVM chain id (the EVMChainId pallet is not part of Subtensor.NET).");
        var grandpaAuthorities = Codecs.Vec(Codecs.Tuple(Codecs.Bytes32.As(grandpa.PublicType), Codecs.U64));
        Call(59, "schedule_grandpa_change", [Arg("next_authorities", grandpaAuthorities, "AuthorityList"), Arg("in_blocks", Codecs.U32, "BlockNumberFor<T>"),
            Arg("forced", Codecs.OptionValue(Codecs.U32), "Option<BlockNumberFor<T>>")],
            a => Normal(Weight.FromParts(7_972_506, 2779).SaturatingAdd(Weight.FromParts(10_000, 0).SaturatingMul((ulong)a.Get<(byte[], ulong)[]>(0).Length))
                .SaturatingAdd(W(0, 0, 1, 1))),
            NotImplemented, "Schedules a GRANDPA authority change (not implemented by Subtensor.NET).");
        Owner(61, "sudo_set_toggle_transfer", [netuid, Arg("toggle", Codecs.Bool, "bool")], W(28_343_000, 4280, 4, 1), HP.TransferEnabled, exists: false,
            (s, a, _) => _st.ToggleTransfer(s, a.Get<ushort>(0), a.Get<bool>(1)));
        Owner(80, "sudo_set_recycle_or_burn", [netuid, Arg("recycle_or_burn", SubtensorTypes.RecycleOrBurnCodec, "pallet_subtensor::RecycleOrBurnEnum")],
            W(20_000_000, 0, 2, 2), HP.RecycleOrBurn, exists: false, (s, a, _) => _st.RecycleOrBurn.Insert(s, a.Get<ushort>(0), a.Get<RecycleOrBurn>(1)));
        Root(62, "sudo_toggle_evm_precompile", [Arg("precompile_id", precompile, "PrecompileEnum"), Bool("enabled")], W(6_162_000, 3507, 1, 0), (s, a) =>
        {
            if (PrecompileEnable.Get(s, a.Get<byte>(0)) != a.Get<bool>(1))
            {
                PrecompileEnable.Insert(s, a.Get<byte>(0), a.Get<bool>(1));
                Deposit(s, PrecompileUpdated, a.Get<byte>(0), a.Get<bool>(1));
            }
        });
        Root(63, "sudo_set_subnet_moving_alpha", [Arg("alpha", SubtensorTypes.I96F32Codec, "I96F32")], W(2_955_000, 0, 0, 1),
            (s, a) => _st.SubnetMovingAlpha.Put(s, a.Get<I96F32>(0)));
        Call(64, "sudo_set_subnet_owner_hotkey", [netuid, Arg("hotkey", Codecs.AccountId, "<T as frame_system::Config>::AccountId")],
            _ => Normal(W(3_918_000, 0, 0, 1)), (s, o, a) =>
            {
                _st.DoSetSnOwnerHotkey(s, o, a.Get<ushort>(0), a.Get<AccountId32>(1));
                return DispatchOutcome.Ok();
            });
        Root(65, "sudo_set_ema_price_halving_period", [netuid, U64("ema_halving")], W(4_198_000, 0, 0, 1),
            (s, a) => _st.EMAPriceHalvingBlocks.Insert(s, a.Get<ushort>(0), a.Get<ulong>(1)));
        Call(68, "sudo_set_alpha_sigmoid_steepness", [netuid, Arg("steepness", SubtensorTypes.I16Codec, "i16")], _ => Normal(W(31_438_000, 4383, 5, 1)), (s, o, a) =>
        {
            var n = a.Get<ushort>(0);
            var owner = _st.EnsureOwnerOrRootWithLimits(s, o, n, (TT.OwnerHyperparamUpdate, HP.AlphaSigmoidSteepness));
            _st.EnsureAdminWindowOpen(s, n);
            EnsureExists(s, n);
            Ensure(o.IsRoot || a.Get<short>(1) >= 0, AdminUtilsError.NegativeSigmoidSteepness);
            _st.AlphaSigmoidSteepness.Insert(s, n, a.Get<short>(1));
            _st.RecordOwnerRateLimits(s, owner, n, (TT.OwnerHyperparamUpdate, HP.AlphaSigmoidSteepness));
            return DispatchOutcome.Ok();
        });
        Owner(69, "sudo_set_yuma3_enabled", [netuid, Bool("enabled")], W(28_583_000, 4280, 4, 1), HP.Yuma3Enabled, exists: false, (s, a, _) =>
        {
            _st.Yuma3On.Insert(s, a.Get<ushort>(0), a.Get<bool>(1));
            Deposit(s, Yuma3EnableToggled, a.Get<ushort>(0), a.Get<bool>(1));
        });
        Owner(70, "sudo_set_bonds_reset_enabled", [netuid, Bool("enabled")], W(30_507_000, 4280, 4, 1), HP.BondsResetEnabled, exists: false, (s, a, _) =>
        {
            _st.SetBondsReset(s, a.Get<ushort>(0), a.Get<bool>(1));
            Deposit(s, BondsResetToggled, a.Get<ushort>(0), a.Get<bool>(1));
        });
        Call(67, "sudo_set_sn_owner_hotkey", [netuid, Arg("hotkey", Codecs.AccountId, "<T as frame_system::Config>::AccountId")],
            _ => Normal(W(25_687_000, 4177, 2, 2)), (s, o, a) =>
            {
                _st.DoSetSnOwnerHotkey(s, o, a.Get<ushort>(0), a.Get<AccountId32>(1));
                return DispatchOutcome.Ok();
            });
        RootWindowNoExists(66, "sudo_set_subtoken_enabled", [netuid, Bool("subtoken_enabled")], W(25_467_000, 4280, 4, 1),
            (s, a) => _st.SubtokenEnabled.Insert(s, a.Get<ushort>(0), a.Get<bool>(1)));
        Root(71, "sudo_set_commit_reveal_version", [U16("version")], W(6_052_000, 0, 0, 1), (s, a) =>
        {
            _st.CommitRevealWeightsVersion.Put(s, a.Get<ushort>(0));
            Emit(s, SubtensorEvent.CommitRevealVersionSet, a.Get<ushort>(0));
        });
        Owner(72, "sudo_set_owner_immune_neuron_limit", [netuid, U16("immune_neurons")], W(25_107_000, 4280, 4, 1), HP.ImmuneNeuronLimit, exists: false,
            (s, a, _) => _st.SetOwnerImmuneNeuronLimit(s, a.Get<ushort>(0), a.Get<ushort>(1)));
        Root(73, "sudo_set_ck_burn", [U64("burn")], W(15_650_000, 0, 1, 1), (s, a) => _st.CKBurn.Put(s, a.Get<ulong>(0)));
        Root(74, "sudo_set_admin_freeze_window", [U16("window")], W(5_450_000, 0, 0, 1), (s, a) =>
        {
            _st.AdminFreezeWindow.Put(s, a.Get<ushort>(0));
            Emit(s, SubtensorEvent.AdminFreezeWindowSet, a.Get<ushort>(0));
        });
        Root(75, "sudo_set_owner_hparam_rate_limit", [U16("epochs")], W(5_471_000, 0, 0, 1), (s, a) =>
        {
            _st.OwnerHyperparamRateLimit.Put(s, a.Get<ushort>(0));
            Emit(s, SubtensorEvent.OwnerHyperparamRateLimitSet, a.Get<ushort>(0));
        });
        OwnerTx(76, "sudo_set_mechanism_count", [netuid, Arg("mechanism_count", Codecs.U8, "MechId")], W(15_000_000, 0, 1, 1), TT.MechanismCountUpdate,
            (s, a) => _st.SetMechanismCount(s, a.Get<ushort>(0), a.Get<byte>(1)));
        OwnerTx(77, "sudo_set_mechanism_emission_split", [netuid, Arg("maybe_split", Codecs.Option(SubtensorTypes.U16Vec), "Option<Vec<u16>>")], W(15_000_000, 0, 1, 1),
            TT.MechanismEmission, (s, a) => _st.SetEmissionSplit(s, a.Get<ushort>(0), a.Get<ushort[]?>(1)));
        Call(78, "sudo_trim_to_max_allowed_uids", [netuid, U16("max_n")], _ => Normal(W(38_302_000, 4398, 8, 1)), NotImplemented,
            "Trims a subnet to a smaller UID count (not implemented by Subtensor.NET).");
        RootWindow(79, "sudo_set_min_allowed_uids", [netuid, U16("min_allowed_uids")], W(37_890_000, 4383, 7, 1), (s, a) =>
        {
            var n = a.Get<ushort>(0);
            Ensure(a.Get<ushort>(1) < _st.MaxAllowedUids.Get(s, n), AdminUtilsError.MinAllowedUidsGreaterThanMaxAllowedUids);
            Ensure(a.Get<ushort>(1) < _st.SubnetworkN.Get(s, n), AdminUtilsError.MinAllowedUidsGreaterThanCurrentUids);
            _st.SetMinAllowedUids(s, n, a.Get<ushort>(1));
        });
        Root(81, "sudo_set_tao_flow_cutoff", [Arg("flow_cutoff", SubtensorTypes.I64F64Codec, "I64F64")], W(7_343_000, 0, 0, 1),
            (s, a) => _st.TaoFlowCutoff.Put(s, a.Get<I64F64>(0)));
        Root(82, "sudo_set_tao_flow_normalization_exponent", [Arg("exponent", SubtensorTypes.U64F64Codec, "U64F64")], W(7_343_000, 0, 0, 1), (s, a) =>
        {
            var e = a.Get<U64F64>(0);
            Ensure(e >= U64F64.One && e <= U64F64.SaturatingFromNum(2UL), AdminUtilsError.InvalidValue);
            _st.FlowNormExponent.Put(s, e);
        });
        Root(83, "sudo_set_tao_flow_smoothing_factor", [U64("smoothing_factor")], W(7_343_000, 0, 0, 1), (s, a) => _st.FlowEmaSmoothingFactor.Put(s, a.Get<ulong>(0)));
        Root(91, "sudo_set_net_tao_flow_enabled", [Bool("enabled")], W(7_343_000, 0, 0, 1), (s, a) => _st.NetTaoFlowEnabled.Put(s, a.Get<bool>(0)));
        Root(88, "sudo_set_max_mechanism_count", [Arg("max_mechanism_count", Codecs.U8, "MechId")], W(15_000_000, 0, 1, 1),
            (s, a) => _st.SetMaxMechanismCount(s, a.Get<byte>(0)));
        Root(84, "sudo_set_min_non_immune_uids", [netuid, U16("min")], W(6_783_000, 0, 0, 1), (s, a) => _st.SetMinNonImmuneUids(s, a.Get<ushort>(0), a.Get<ushort>(1)));
        Root(85, "sudo_set_start_call_delay", [U64("delay")], W(14_000_000, 0, 0, 1), (s, a) =>
        {
            _st.StartCallDelay.Put(s, a.Get<ulong>(0));
            Emit(s, SubtensorEvent.StartCallDelaySet, a.Get<ulong>(0));
        });
        Root(86, "sudo_set_coldkey_swap_announcement_delay", [Arg("duration", Codecs.U32, "BlockNumberFor<T>")], W(5_370_000, 0, 0, 1), (s, a) =>
        {
            _st.ColdkeySwapAnnouncementDelay.Put(s, a.Get<uint>(0));
            Emit(s, SubtensorEvent.ColdkeySwapAnnouncementDelaySet, a.Get<uint>(0));
        });
        Root(87, "sudo_set_coldkey_swap_reannouncement_delay", [Arg("duration", Codecs.U32, "BlockNumberFor<T>")], W(5_360_000, 0, 0, 1), (s, a) =>
        {
            _st.ColdkeySwapReannouncementDelay.Put(s, a.Get<uint>(0));
            Emit(s, SubtensorEvent.ColdkeySwapReannouncementDelaySet, a.Get<uint>(0));
        });
        OwnerOperational(89, "sudo_set_burn_half_life", [netuid, U16("burn_half_life")], HP.BurnHalfLife, (s, a) =>
        {
            var v = a.Get<ushort>(1);
            Ensure(v > 0 && v <= SubtensorModulePallet.MaxBurnHalfLife, AdminUtilsError.InvalidValue);
            _st.BurnHalfLife.Insert(s, a.Get<ushort>(0), v);
            Deposit(s, BurnHalfLifeSet, a.Get<ushort>(0), v);
        });
        OwnerOperational(90, "sudo_set_burn_increase_mult", [netuid, Arg("burn_increase_mult", SubtensorTypes.U64F64Codec, "U64F64")], HP.BurnIncreaseMult, (s, a) =>
        {
            var m = a.Get<U64F64>(1);
            Ensure(m >= U64F64.One && m <= U64F64.SaturatingFromNum(3UL), AdminUtilsError.InvalidValue);
            _st.BurnIncreaseMult.Insert(s, a.Get<ushort>(0), m);
            Deposit(s, BurnIncreaseMultSet, a.Get<ushort>(0), m);
        });
        OwnerFlag(92, "sudo_set_owner_cut_enabled", [netuid, Bool("enabled")], (s, a) => _st.OwnerCutEnabled.Insert(s, a.Get<ushort>(0), a.Get<bool>(1)));
        OwnerFlag(95, "sudo_set_owner_cut_auto_lock_enabled", [netuid, Bool("enabled")], (s, a) => _st.OwnerCutAutoLockEnabled.Insert(s, a.Get<ushort>(0), a.Get<bool>(1)));
        Root(94, "sudo_set_subnet_emission_enabled", [netuid, Bool("enabled")], W(16_351_000, 4084, 1, 1), (s, a) =>
        {
            var n = a.Get<ushort>(0);
            EnsureExists(s, n);
            Ensure(n != SubtensorModulePallet.RootNetUid, AdminUtilsError.NotPermittedOnRootSubnet);
            _st.SubnetEmissionEnabled.Insert(s, n, a.Get<bool>(1));
            Deposit(s, SubnetEmissionEnabledSet, n, a.Get<bool>(1));
        });
        Root(96, "sudo_set_max_epochs_per_block", [Arg("max_epochs_per_block", Codecs.U8, "u8")], W(5_530_000, 0, 0, 1), (s, a) =>
        {
            Ensure(a.Get<byte>(0) >= 1, AdminUtilsError.ValueNotInBounds);
            _st.MaxEpochsPerBlock.Put(s, a.Get<byte>(0));
            Emit(s, SubtensorEvent.MaxEpochsPerBlockSet, a.Get<byte>(0));
        });
    }

    /// <summary>A root-only setter.</summary>
    private void Root(byte index, string name, CallArg[] args, Weight weight, Action<IStateAccess, CallArgs> apply) =>
        Call(index, name, args, _ => Normal(weight), (s, o, a) =>
        {
            o.EnsureRoot();
            apply(s, a);
            return DispatchOutcome.Ok();
        });

    /// <summary>A root-only per-subnet setter that needs the subnet to exist.</summary>
    private void RootExists(byte index, string name, CallArg[] args, Weight weight, Action<IStateAccess, CallArgs> apply) =>
        Root(index, name, args, weight, (s, a) =>
        {
            EnsureExists(s, a.Get<ushort>(0));
            apply(s, a);
        });

    /// <summary>A root-only per-subnet setter outside the admin freeze window, on an existing subnet.</summary>
    private void RootWindow(byte index, string name, CallArg[] args, Weight weight, Action<IStateAccess, CallArgs> apply) =>
        Root(index, name, args, weight, (s, a) =>
        {
            _st.EnsureAdminWindowOpen(s, a.Get<ushort>(0));
            EnsureExists(s, a.Get<ushort>(0));
            apply(s, a);
        });

    private void RootWindowNoExists(byte index, string name, CallArg[] args, Weight weight, Action<IStateAccess, CallArgs> apply) =>
        Root(index, name, args, weight, (s, a) =>
        {
            _st.EnsureAdminWindowOpen(s, a.Get<ushort>(0));
            apply(s, a);
        });

    /// <summary>An owner-or-root hyperparameter: rate limit (owner), freeze window, optional existence check, apply, record.</summary>
    private void Owner(byte index, string name, CallArg[] args, Weight weight, HP parameter, bool exists, Action<IStateAccess, CallArgs, AccountId32?> apply) =>
        Call(index, name, args, _ => Normal(weight), (s, o, a) =>
        {
            var n = a.Get<ushort>(0);
            var owner = _st.EnsureOwnerOrRootWithLimits(s, o, n, (TT.OwnerHyperparamUpdate, parameter));
            _st.EnsureAdminWindowOpen(s, n);
            if (exists)
            {
                EnsureExists(s, n);
            }

            apply(s, a, owner);
            _st.RecordOwnerRateLimits(s, owner, n, (TT.OwnerHyperparamUpdate, parameter));
            return DispatchOutcome.Ok();
        });

    /// <summary>An owner-or-root setter limited by a transaction type (mechanisms).</summary>
    private void OwnerTx(byte index, string name, CallArg[] args, Weight weight, TT type, Action<IStateAccess, CallArgs> apply) =>
        Call(index, name, args, _ => Normal(weight), (s, o, a) =>
        {
            var n = a.Get<ushort>(0);
            var owner = _st.EnsureOwnerOrRootWithLimits(s, o, n, (type, HP.Unknown));
            _st.EnsureAdminWindowOpen(s, n);
            apply(s, a);
            _st.RecordOwnerRateLimits(s, owner, n, (type, HP.Unknown));
            return DispatchOutcome.Ok();
        });

    /// <summary>An operational owner-or-root burn parameter (not on root).</summary>
    private void OwnerOperational(byte index, string name, CallArg[] args, HP parameter, Action<IStateAccess, CallArgs> apply) =>
        Call(index, name, args, _ => Operational(), (s, o, a) =>
        {
            var n = a.Get<ushort>(0);
            var owner = _st.EnsureOwnerOrRootWithLimits(s, o, n, (TT.OwnerHyperparamUpdate, parameter));
            _st.EnsureAdminWindowOpen(s, n);
            EnsureExists(s, n);
            Ensure(n != SubtensorModulePallet.RootNetUid, AdminUtilsError.NotPermittedOnRootSubnet);
            apply(s, a);
            _st.RecordOwnerRateLimits(s, owner, n, (TT.OwnerHyperparamUpdate, parameter));
            return DispatchOutcome.Ok();
        });

    /// <summary>An operational owner-or-root flag without rate limit (owner cut switches).</summary>
    private void OwnerFlag(byte index, string name, CallArg[] args, Action<IStateAccess, CallArgs> apply) =>
        Call(index, name, args, _ => Operational(), (s, o, a) =>
        {
            var n = a.Get<ushort>(0);
            _st.EnsureSubnetOwnerOrRoot(s, o, n);
            _st.EnsureAdminWindowOpen(s, n);
            EnsureExists(s, n);
            Ensure(n != SubtensorModulePallet.RootNetUid, AdminUtilsError.NotPermittedOnRootSubnet);
            apply(s, a);
            return DispatchOutcome.Ok();
        });

    private static DispatchInfo Operational() =>
        new(SubtensorModulePallet.W(25_000_000, 0, 4, 1), Weight.Zero, DispatchClass.Operational, Pays.Yes);

    private DispatchOutcome NotImplemented(IStateAccess state, Origin origin, CallArgs args)
    {
        origin.EnsureRoot();
        return DispatchOutcome.Fail(DispatchError.Other("not implemented by Subtensor.NET"));
    }

    private void EnsureExists(IStateAccess state, ushort netuid) => Ensure(_st.NetworksAdded.Get(state, netuid), AdminUtilsError.SubnetDoesNotExist);

    private void Ensure(bool condition, AdminUtilsError e)
    {
        if (!condition)
        {
            throw Err(e);
        }
    }

    private DispatchException Err(AdminUtilsError e) => _errors[(int)e].Exception();

    private void Emit(IStateAccess state, SubtensorEvent e, params object?[] fields) => _st.EmitFrom(state, e, fields);
}
