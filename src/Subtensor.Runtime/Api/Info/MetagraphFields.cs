using Subtensor.Core.Arithmetic;
using Subtensor.Core.Scale;
using Subtensor.Core.Types;
using Subtensor.Runtime.Framework.TypeInfo;
using Subtensor.Runtime.Pallets.SubtensorModule;
using static Subtensor.Runtime.Framework.TypeInfo.Ty;

namespace Subtensor.Runtime.Api.Info;

/// <summary>
/// The fields of <c>Metagraph</c> and <c>SelectiveMetagraph</c> (rpc_info/metagraph.rs) in declaration order; a field's
/// position is its <c>SelectiveMetagraphIndex</c>. <c>Metagraph</c> is fields 0..71 as they are; <c>SelectiveMetagraph</c>
/// is the netuid followed by every other field (72 and 73 included) wrapped in <c>Option</c>.
/// </summary>
public static class MetagraphFields
{
    /// <summary>Index of the last field of <c>Metagraph</c> (alpha_dividends_per_hotkey); validators and commitments follow.</summary>
    public const int LastMetagraphField = 71;

    public static readonly IReadOnlyList<MetagraphField> All = Build();

    public static readonly MetaType Metagraph = Composite("pallet_subtensor::rpc_info::metagraph::Metagraph", [("AccountId", Ty.AccountId32)],
        [.. All.Take(LastMetagraphField + 1).Select(f => Field(f.Name, f.Type, f.TypeName))]);

    public static readonly MetaType SelectiveMetagraph = Composite("pallet_subtensor::rpc_info::metagraph::SelectiveMetagraph", [("AccountId", Ty.AccountId32)],
        [Field(All[0].Name, All[0].Type, All[0].TypeName), .. All.Skip(1).Select(f => Field(f.Name, Option(f.Type), $"Option<{f.TypeName}>"))]);

    /// <summary>
    /// <c>get_metagraph</c> (mechanism 0) or <c>get_mechagraph</c>: false when the subnet or mechanism does not exist. A
    /// mechanism's graph carries its storage index as netuid and its own last_update and incentives.
    /// </summary>
    public static bool WriteMetagraph(InfoReader r, ScaleWriter w, ushort netuid, byte mecid = 0)
    {
        if (!r.Exists(netuid) || r.St.MechanismCountCurrent.Get(r.State, netuid) <= mecid)
        {
            return false;
        }

        var src = new MetagraphSource(r, netuid, SubtensorModulePallet.MechanismStorageIndex(netuid, mecid));
        for (var i = 0; i <= LastMetagraphField; i++)
        {
            All[i].Write(w, src);
        }

        return true;
    }

    /// <summary>
    /// <c>get_selective_metagraph</c>: the requested fields as Some, the others None. The netuid is the subnet's only when
    /// index 0 is requested, else 0 (Subtensor merges the netuid like any other field); unknown indexes are ignored.
    /// With <paramref name="mecid"/> (<c>get_selective_mechagraph</c>) last_update and incentives are the mechanism's and
    /// the netuid is always the subnet's.
    /// </summary>
    public static bool WriteSelective(InfoReader r, ScaleWriter w, ushort netuid, IReadOnlyCollection<ushort> indexes, byte? mecid = null)
    {
        if (!r.Exists(netuid))
        {
            return false;
        }

        var src = new MetagraphSource(r, netuid, SubtensorModulePallet.MechanismStorageIndex(netuid, mecid ?? 0));
        var wanted = indexes.ToHashSet();
        w.WriteCompact(wanted.Contains(0) || mecid is not null ? netuid : 0U);
        for (var i = 1; i < All.Count; i++)
        {
            if (wanted.Contains((ushort)i))
            {
                w.WriteU8(1);
                All[i].Write(w, src);
            }
            else
            {
                w.WriteU8(0);
            }
        }

        return true;
    }

    private static IReadOnlyList<MetagraphField> Build()
    {
        var c16 = InfoTypes.C16;
        var c64 = InfoTypes.C64;
        var fields = new List<MetagraphField>();

        void Add(string name, MetaType type, string typeName, Action<ScaleWriter, MetagraphSource> write) => fields.Add(new(name, type, typeName, write));
        void U16(string name, Func<MetagraphSource, ushort> get) => Add(name, c16, "Compact<u16>", (w, s) => w.WriteCompact(get(s)));
        void U64(string name, Func<MetagraphSource, ulong> get, string typeName = "Compact<u64>") => Add(name, c64, typeName, (w, s) => w.WriteCompact(get(s)));
        void Flag(string name, Func<MetagraphSource, bool> get) => Add(name, Bool, "bool", (w, s) => w.WriteBool(get(s)));
        void Vec16(string name, Func<MetagraphSource, ushort[]> get) => Add(name, Vec(c16), "Vec<Compact<u16>>", (w, s) => InfoReader.WriteCompactVec(w, get(s), v => v));
        void Vec64(string name, Func<MetagraphSource, ulong[]> get, string typeName) => Add(name, Vec(c64), typeName, (w, s) => InfoReader.WriteCompactVec(w, get(s), v => v));
        void Accounts(string name, Func<MetagraphSource, List<AccountId32>> get) => Add(name, Vec(Ty.AccountId32), "Vec<AccountId>", (w, s) => InfoReader.WriteAccounts(w, get(s)));
        void Account(string name, Func<MetagraphSource, AccountId32> get) => Add(name, Ty.AccountId32, "AccountId", (w, s) => get(s).EncodeTo(w));

        U16("netuid", s => s.StorageIndex);
        fields[0] = fields[0] with { TypeName = "Compact<NetUid>" };
        Add("name", InfoTypes.CompactBytes, "Vec<Compact<u8>>", (w, s) => InfoReader.WriteCompactBytes(w, s.R.Name(s.Netuid)));
        Add("symbol", InfoTypes.CompactBytes, "Vec<Compact<u8>>", (w, s) => InfoReader.WriteCompactBytes(w, s.R.St.TokenSymbol.Get(s.R.State, s.Netuid)));
        Add("identity", Option(InfoTypes.SubnetIdentityV3), "Option<SubnetIdentityV3>", (w, s) => InfoReader.WriteIdentity(w, s.R.Identity(s.Netuid)));
        U64("network_registered_at", s => s.R.St.NetworkRegisteredAt.Get(s.R.State, s.Netuid));
        Account("owner_hotkey", s => s.R.St.SubnetOwnerHotkey.Get(s.R.State, s.Netuid));
        Account("owner_coldkey", s => s.R.St.SubnetOwner.Get(s.R.State, s.Netuid));
        U64("block", s => s.R.Block);
        U16("tempo", s => s.R.St.Tempo.Get(s.R.State, s.Netuid));
        U64("last_step", s => s.R.St.LastMechansimStepBlock.Get(s.R.State, s.Netuid));
        U64("blocks_since_last_step", s => s.R.BlocksSinceLastMechanismStep(s.Netuid));
        U64("subnet_emission", _ => 0);
        U64("alpha_in", s => s.R.St.SubnetAlphaIn.Get(s.R.State, s.Netuid), "Compact<AlphaBalance>");
        U64("alpha_out", s => s.R.St.SubnetAlphaOut.Get(s.R.State, s.Netuid), "Compact<AlphaBalance>");
        U64("tao_in", s => s.R.St.SubnetTAO.Get(s.R.State, s.Netuid), "Compact<TaoBalance>");
        U64("alpha_out_emission", s => s.R.St.SubnetAlphaOutEmission.Get(s.R.State, s.Netuid), "Compact<AlphaBalance>");
        U64("alpha_in_emission", s => s.R.St.SubnetAlphaInEmission.Get(s.R.State, s.Netuid), "Compact<AlphaBalance>");
        U64("tao_in_emission", s => s.R.St.SubnetTaoInEmission.Get(s.R.State, s.Netuid), "Compact<TaoBalance>");
        U64("pending_alpha_emission", s => s.R.PendingAlphaEmission(s.Netuid), "Compact<AlphaBalance>");
        U64("pending_root_emission", _ => 0, "Compact<TaoBalance>");
        Add("subnet_volume", InfoTypes.C128, "Compact<u128>", (w, s) => w.WriteCompact(s.R.St.SubnetVolume.Get(s.R.State, s.Netuid)));
        Add("moving_price", InfoTypes.I96F32, "I96F32", (w, s) => w.WriteI128(s.R.St.SubnetMovingPrice.Get(s.R.State, s.Netuid).Bits));
        U16("rho", s => s.R.St.Rho.Get(s.R.State, s.Netuid));
        U16("kappa", s => s.R.St.Kappa.Get(s.R.State, s.Netuid));
        U16("min_allowed_weights", s => s.R.St.MinAllowedWeights.Get(s.R.State, s.Netuid));
        U16("max_weights_limit", s => s.R.St.MaxWeightsLimit.Get(s.R.State, s.Netuid));
        U64("weights_version", s => s.R.St.WeightsVersionKey.Get(s.R.State, s.Netuid));
        U64("weights_rate_limit", s => s.R.St.WeightsSetRateLimit.Get(s.R.State, s.Netuid));
        U64("activity_cutoff", s => s.R.ActivityCutoffBlocks(s.Netuid));
        U16("max_validators", s => s.R.St.MaxAllowedValidators.Get(s.R.State, s.Netuid));
        U16("num_uids", s => s.R.N(s.Netuid));
        U16("max_uids", s => s.R.St.MaxAllowedUids.Get(s.R.State, s.Netuid));
        U64("burn", s => s.R.St.Burn.Get(s.R.State, s.Netuid), "Compact<TaoBalance>");
        U64("difficulty", s => s.R.St.Difficulty.Get(s.R.State, s.Netuid));
        Flag("registration_allowed", s => s.R.St.NetworkRegistrationAllowed.Get(s.R.State, s.Netuid));
        Flag("pow_registration_allowed", s => s.R.St.NetworkPowRegistrationAllowed.Get(s.R.State, s.Netuid));
        U16("immunity_period", s => s.R.St.ImmunityPeriod.Get(s.R.State, s.Netuid));
        U64("min_difficulty", s => s.R.St.MinDifficulty.Get(s.R.State, s.Netuid));
        U64("max_difficulty", s => s.R.St.MaxDifficulty.Get(s.R.State, s.Netuid));
        U64("min_burn", s => s.R.St.MinBurn.Get(s.R.State, s.Netuid), "Compact<TaoBalance>");
        U64("max_burn", s => s.R.St.MaxBurn.Get(s.R.State, s.Netuid), "Compact<TaoBalance>");
        U64("adjustment_alpha", s => s.R.St.AdjustmentAlpha.Get(s.R.State, s.Netuid));
        U16("adjustment_interval", s => s.R.St.AdjustmentInterval.Get(s.R.State, s.Netuid));
        U16("target_regs_per_interval", s => s.R.St.TargetRegistrationsPerInterval.Get(s.R.State, s.Netuid));
        U16("max_regs_per_block", s => s.R.St.MaxRegistrationsPerBlock.Get(s.R.State, s.Netuid));
        U64("serving_rate_limit", s => s.R.St.ServingRateLimit.Get(s.R.State, s.Netuid));
        Flag("commit_reveal_weights_enabled", s => s.R.St.CommitRevealWeightsEnabled.Get(s.R.State, s.Netuid));
        U64("commit_reveal_period", s => s.R.St.RevealPeriodEpochs.Get(s.R.State, s.Netuid));
        Flag("liquid_alpha_enabled", s => s.R.St.LiquidAlphaOn.Get(s.R.State, s.Netuid));
        U16("alpha_high", s => s.R.AlphaValues(s.Netuid).High);
        U16("alpha_low", s => s.R.AlphaValues(s.Netuid).Low);
        U64("bonds_moving_avg", s => s.R.St.BondsMovingAverage.Get(s.R.State, s.Netuid));
        Accounts("hotkeys", s => s.Hotkeys);
        Accounts("coldkeys", s => s.Coldkeys);
        Add("identities", Vec(Option(InfoTypes.ChainIdentityV2)), "Vec<Option<ChainIdentityOfV2>>", (w, s) => w.WriteVec(s.Coldkeys, (x, ck) =>
            x.WriteOption(s.R.St.IdentitiesV2.TryGet(s.R.State, ck, out var id) ? id : null, (y, v) => SubtensorTypes.ChainIdentityCodec.Encode(y, v))));
        Add("axons", Vec(InfoTypes.AxonInfo), "Vec<AxonInfo>", (w, s) => w.WriteVec(s.Hotkeys, (x, hk) => SubtensorTypes.AxonInfoCodec.Encode(x, s.R.Axon(s.Netuid, hk))));
        Add("active", Vec(Bool), "Vec<bool>", (w, s) => w.WriteVec(s.R.St.Active.Get(s.R.State, s.Netuid), (x, v) => x.WriteBool(v)));
        Add("validator_permit", Vec(Bool), "Vec<bool>", (w, s) => w.WriteVec(s.R.St.ValidatorPermit.Get(s.R.State, s.Netuid), (x, v) => x.WriteBool(v)));
        Vec16("pruning_score", _ => []);
        Vec64("last_update", s => s.R.St.LastUpdate.Get(s.R.State, s.StorageIndex), "Vec<Compact<u64>>");
        Vec64("emission", s => s.R.St.Emission.Get(s.R.State, s.Netuid), "Vec<Compact<AlphaBalance>>");
        Vec16("dividends", s => s.R.St.Dividends.Get(s.R.State, s.Netuid));
        Vec16("incentives", s => s.R.St.Incentive.Get(s.R.State, s.StorageIndex));
        Vec16("consensus", s => s.R.St.Consensus.Get(s.R.State, s.Netuid));
        Vec16("trust", _ => []);
        Vec16("rank", _ => []);
        Vec64("block_at_registration", s => [.. Enumerable.Range(0, s.Hotkeys.Count).Select(uid => s.R.St.BlockAtRegistration.Get(s.R.State, s.Netuid, (ushort)uid))],
            "Vec<Compact<u64>>");
        Vec64("alpha_stake", s => s.Weights.Alpha, "Vec<Compact<AlphaBalance>>");
        Vec64("tao_stake", s => s.Weights.Tao, "Vec<Compact<TaoBalance>>");
        Vec64("total_stake", s => s.Weights.Total, "Vec<Compact<TaoBalance>>");
        Add("tao_dividends_per_hotkey", Vec(Tuple(Ty.AccountId32, c64)), "Vec<(AccountId, Compact<TaoBalance>)>", (w, s) => w.WriteVec(s.Hotkeys, (x, hk) =>
        {
            hk.EncodeTo(x);
            x.WriteCompact(0U); // TAO dividends were removed
        }));
        Add("alpha_dividends_per_hotkey", Vec(Tuple(Ty.AccountId32, c64)), "Vec<(AccountId, Compact<AlphaBalance>)>", (w, s) => w.WriteVec(s.Hotkeys, (x, hk) =>
        {
            hk.EncodeTo(x);
            x.WriteCompact(s.R.St.AlphaDividendsPerSubnet.Get(s.R.State, s.Netuid, hk));
        }));
        Vec16("validators", Validators);

        // Commitments come from pallet_commitments, which this runtime does not have yet: always an empty list.
        Add("commitments", Vec(Tuple(Ty.AccountId32, InfoTypes.CompactBytes)), "Vec<(AccountId, Vec<Compact<u8>>)>", (w, _) => w.WriteCompact(0U));
        return fields;
    }

    /// <summary>
    /// <c>get_validators</c>: uids (in Keys storage order) holding a validator permit, stably sorted by total stake weight
    /// ascending, keeping those above StakeThreshold.
    /// </summary>
    private static ushort[] Validators(MetagraphSource s)
    {
        var (st, state) = (s.R.St, s.R.State);
        var permits = st.ValidatorPermit.Get(state, s.Netuid);
        var threshold = I64F64.SaturatingFromNum((UInt128)st.StakeThreshold.Get(state));
        var taoWeight = I64F64.SaturatingFrom(s.R.TaoWeight());
        return
        [
            .. st.Keys.IteratePrefix(state, s.Netuid)
                .Where(kv => InfoReader.At(permits, kv.Key, false))
                .Select(kv => (Uid: kv.Key, Stake: s.R.StakeWeights(kv.Value, s.Netuid, taoWeight).Total))
                .OrderBy(v => v.Stake)
                .Where(v => v.Stake > threshold)
                .Select(v => v.Uid),
        ];
    }
}
