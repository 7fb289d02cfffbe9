using Subtensor.Runtime.Framework.TypeInfo;
using Subtensor.Runtime.Pallets.SubtensorModule;
using static Subtensor.Runtime.Framework.TypeInfo.Ty;

namespace Subtensor.Runtime.Api.Info;

/// <summary>
/// Metadata types of the bittensor SDK's runtime API results, with Subtensor's paths and field names
/// (pallets/subtensor/src/rpc_info at 14bc6f9f). <c>NetUid</c>, <c>TaoBalance</c> and <c>AlphaBalance</c> are described as
/// their inner integers, as the rest of this runtime describes them.
/// </summary>
public static class InfoTypes
{
    private const string Rpc = "pallet_subtensor::rpc_info::";

    public static readonly MetaType C16 = Compact(U16);
    public static readonly MetaType C32 = Compact(U32);
    public static readonly MetaType C64 = Compact(U64);
    public static readonly MetaType C128 = Compact(U128);
    public static readonly MetaType CompactBytes = Vec(Compact(U8));

    public static readonly MetaType SubnetIdentityV3 = SubtensorTypes.SubnetIdentityCodec.Type;
    public static readonly MetaType ChainIdentityV2 = SubtensorTypes.ChainIdentityCodec.Type;
    public static readonly MetaType AxonInfo = SubtensorTypes.AxonInfoCodec.Type;
    public static readonly MetaType PrometheusInfo = SubtensorTypes.PrometheusInfoCodec.Type;
    public static readonly MetaType I96F32 = SubtensorTypes.I96F32Codec.Type;
    public static readonly MetaType U64F64 = SubtensorTypes.U64F64Codec.Type;

    /// <summary><c>I32F32</c> = <c>FixedI64&lt;U32&gt;</c> (the fraction marker is the one of I96F32, also 32 bits).</summary>
    public static readonly MetaType I32F32 = Composite("substrate_fixed::FixedI64", [("Frac", SubtensorTypes.I96F32Codec.Type.TypeParams[0].Type)],
        Field("bits", I64, "i64"));

    private static readonly (string, MetaType?)[] AccountParam = [("AccountId", AccountId32)];

    public static readonly MetaType SubnetInfo = Composite(Rpc + "subnet_info::SubnetInfo", AccountParam, SubnetInfoFields(false));

    public static readonly MetaType SubnetInfov2 = Composite(Rpc + "subnet_info::SubnetInfov2", AccountParam, SubnetInfoFields(true));

    public static readonly MetaType SubnetHyperparams = Composite(Rpc + "subnet_info::SubnetHyperparams", [], HyperparamsFields(false));

    public static readonly MetaType SubnetHyperparamsV2 = Composite(Rpc + "subnet_info::SubnetHyperparamsV2", [], HyperparamsFields(true));

    public static readonly MetaType HyperparamValue = Enum(Rpc + "subnet_info::HyperparamValue", [],
        Variant("Bool", 0, Field(null, Bool, "bool")), Variant("U16", 1, Field(null, C16, "Compact<u16>")), Variant("U32", 2, Field(null, C32, "Compact<u32>")),
        Variant("U64", 3, Field(null, C64, "Compact<u64>")), Variant("U128", 4, Field(null, C128, "Compact<u128>")),
        Variant("TaoBalance", 5, Field(null, C64, "Compact<TaoBalance>")), Variant("I32F32", 6, Field(null, I32F32, "I32F32")),
        Variant("U64F64", 7, Field(null, U64F64, "U64F64")));

    public static readonly MetaType HyperparamEntry = Composite(Rpc + "subnet_info::HyperparamEntry", [],
        Field("name", Bytes, "Vec<u8>"), Field("value", HyperparamValue, "HyperparamValue"));

    public static readonly MetaType DynamicInfo = Composite(Rpc + "dynamic_info::DynamicInfo", AccountParam,
        Field("netuid", C16, "Compact<NetUid>"), Field("owner_hotkey", AccountId32, "AccountId"), Field("owner_coldkey", AccountId32, "AccountId"),
        Field("subnet_name", CompactBytes, "Vec<Compact<u8>>"), Field("token_symbol", CompactBytes, "Vec<Compact<u8>>"), Field("tempo", C16, "Compact<u16>"),
        Field("last_step", C64, "Compact<u64>"), Field("blocks_since_last_step", C64, "Compact<u64>"), Field("emission", C64, "Compact<u64>"),
        Field("alpha_in", C64, "Compact<AlphaBalance>"), Field("alpha_out", C64, "Compact<AlphaBalance>"), Field("tao_in", C64, "Compact<TaoBalance>"),
        Field("alpha_out_emission", C64, "Compact<AlphaBalance>"), Field("alpha_in_emission", C64, "Compact<AlphaBalance>"),
        Field("tao_in_emission", C64, "Compact<TaoBalance>"), Field("pending_alpha_emission", C64, "Compact<AlphaBalance>"),
        Field("pending_root_emission", C64, "Compact<TaoBalance>"), Field("subnet_volume", C128, "Compact<u128>"),
        Field("network_registered_at", C64, "Compact<u64>"), Field("subnet_identity", Option(SubnetIdentityV3), "Option<SubnetIdentityV3>"),
        Field("moving_price", I96F32, "I96F32"));

    public static readonly MetaType NeuronInfo = Composite(Rpc + "neuron_info::NeuronInfo", AccountParam, NeuronFields(true));

    public static readonly MetaType NeuronInfoLite = Composite(Rpc + "neuron_info::NeuronInfoLite", AccountParam, NeuronFields(false));

    public static readonly MetaType DelegateInfo = Composite(Rpc + "delegate_info::DelegateInfo", AccountParam,
        Field("delegate_ss58", AccountId32, "AccountId"), Field("take", C16, "Compact<u16>"),
        Field("nominators", Vec(Tuple(AccountId32, Vec(Tuple(C16, C64)))), "Vec<(AccountId, Vec<(Compact<NetUid>, Compact<u64>)>)>"),
        Field("owner_ss58", AccountId32, "AccountId"), Field("registrations", Vec(C16), "Vec<Compact<NetUid>>"),
        Field("validator_permits", Vec(C16), "Vec<Compact<NetUid>>"), Field("return_per_1000", C64, "Compact<u64>"),
        Field("total_daily_return", C64, "Compact<u64>"));

    public static readonly MetaType StakeInfo = Composite(Rpc + "stake_info::StakeInfo", AccountParam,
        Field("hotkey", AccountId32, "AccountId"), Field("coldkey", AccountId32, "AccountId"), Field("netuid", C16, "Compact<NetUid>"),
        Field("stake", C64, "Compact<AlphaBalance>"), Field("locked", C64, "Compact<u64>"), Field("emission", C64, "Compact<AlphaBalance>"),
        Field("tao_emission", C64, "Compact<TaoBalance>"), Field("drain", C64, "Compact<u64>"), Field("is_registered", Bool, "bool"));

    public static readonly MetaType SubnetState = Composite(Rpc + "show_subnet::SubnetState", AccountParam,
        Field("netuid", C16, "Compact<NetUid>"), Field("hotkeys", Vec(AccountId32), "Vec<AccountId>"), Field("coldkeys", Vec(AccountId32), "Vec<AccountId>"),
        Field("active", Vec(Bool), "Vec<bool>"), Field("validator_permit", Vec(Bool), "Vec<bool>"), Field("pruning_score", Vec(C16), "Vec<Compact<u16>>"),
        Field("last_update", Vec(C64), "Vec<Compact<u64>>"), Field("emission", Vec(C64), "Vec<Compact<AlphaBalance>>"),
        Field("dividends", Vec(C16), "Vec<Compact<u16>>"), Field("incentives", Vec(C16), "Vec<Compact<u16>>"), Field("consensus", Vec(C16), "Vec<Compact<u16>>"),
        Field("trust", Vec(C16), "Vec<Compact<u16>>"), Field("rank", Vec(C16), "Vec<Compact<u16>>"),
        Field("block_at_registration", Vec(C64), "Vec<Compact<u64>>"), Field("alpha_stake", Vec(C64), "Vec<Compact<AlphaBalance>>"),
        Field("tao_stake", Vec(C64), "Vec<Compact<TaoBalance>>"), Field("total_stake", Vec(C64), "Vec<Compact<TaoBalance>>"),
        Field("emission_history", Vec(Vec(C64)), "Vec<Vec<Compact<AlphaBalance>>>"));

    private static MetaField[] SubnetInfoFields(bool v2)
    {
        var fields = new List<MetaField>
        {
            Field("netuid", C16, "Compact<NetUid>"), Field("rho", C16, "Compact<u16>"), Field("kappa", C16, "Compact<u16>"),
            Field("difficulty", C64, "Compact<u64>"), Field("immunity_period", C16, "Compact<u16>"), Field("max_allowed_validators", C16, "Compact<u16>"),
            Field("min_allowed_weights", C16, "Compact<u16>"), Field("max_weights_limit", C16, "Compact<u16>"), Field("scaling_law_power", C16, "Compact<u16>"),
            Field("subnetwork_n", C16, "Compact<u16>"), Field("max_allowed_uids", C16, "Compact<u16>"), Field("blocks_since_last_step", C64, "Compact<u64>"),
            Field("tempo", C16, "Compact<u16>"), Field("network_modality", C16, "Compact<u16>"), Field("network_connect", Vec(Array(2, U16)), "Vec<[u16; 2]>"),
            Field(v2 ? "emission_value" : "emission_values", C64, "Compact<u64>"), Field("burn", C64, "Compact<TaoBalance>"), Field("owner", AccountId32, "AccountId"),
        };
        if (v2)
        {
            fields.Add(Field("identity", Option(SubnetIdentityV3), "Option<SubnetIdentityV3>"));
        }

        return [.. fields];
    }

    private static MetaField[] HyperparamsFields(bool v2)
    {
        var fields = new List<MetaField>
        {
            Field("rho", C16, "Compact<u16>"), Field("kappa", C16, "Compact<u16>"), Field("immunity_period", C16, "Compact<u16>"),
            Field("min_allowed_weights", C16, "Compact<u16>"), Field("max_weights_limit", C16, "Compact<u16>"), Field("tempo", C16, "Compact<u16>"),
            Field("min_difficulty", C64, "Compact<u64>"), Field("max_difficulty", C64, "Compact<u64>"), Field("weights_version", C64, "Compact<u64>"),
            Field("weights_rate_limit", C64, "Compact<u64>"), Field("adjustment_interval", C16, "Compact<u16>"), Field("activity_cutoff", C64, "Compact<u64>"),
            Field("registration_allowed", Bool, "bool"), Field("target_regs_per_interval", C16, "Compact<u16>"), Field("min_burn", C64, "Compact<TaoBalance>"),
            Field("max_burn", C64, "Compact<TaoBalance>"), Field("bonds_moving_avg", C64, "Compact<u64>"), Field("max_regs_per_block", C16, "Compact<u16>"),
            Field("serving_rate_limit", C64, "Compact<u64>"), Field("max_validators", C16, "Compact<u16>"), Field("adjustment_alpha", C64, "Compact<u64>"),
            Field("difficulty", C64, "Compact<u64>"), Field("commit_reveal_period", C64, "Compact<u64>"), Field("commit_reveal_weights_enabled", Bool, "bool"),
            Field("alpha_high", C16, "Compact<u16>"), Field("alpha_low", C16, "Compact<u16>"), Field("liquid_alpha_enabled", Bool, "bool"),
        };
        if (v2)
        {
            fields.AddRange(
            [
                Field("alpha_sigmoid_steepness", I32F32, "I32F32"), Field("yuma_version", C16, "Compact<u16>"), Field("subnet_is_active", Bool, "bool"),
                Field("transfers_enabled", Bool, "bool"), Field("bonds_reset_enabled", Bool, "bool"), Field("user_liquidity_enabled", Bool, "bool"),
            ]);
        }

        return [.. fields];
    }

    private static MetaField[] NeuronFields(bool full)
    {
        var fields = new List<MetaField>
        {
            Field("hotkey", AccountId32, "AccountId"), Field("coldkey", AccountId32, "AccountId"), Field("uid", C16, "Compact<u16>"),
            Field("netuid", C16, "Compact<NetUid>"), Field("active", Bool, "bool"), Field("axon_info", AxonInfo, "AxonInfo"),
            Field("prometheus_info", PrometheusInfo, "PrometheusInfo"), Field("stake", Vec(Tuple(AccountId32, C64)), "Vec<(AccountId, Compact<AlphaBalance>)>"),
            Field("rank", C16, "Compact<u16>"), Field("emission", C64, "Compact<AlphaBalance>"), Field("incentive", C16, "Compact<u16>"),
            Field("consensus", C16, "Compact<u16>"), Field("trust", C16, "Compact<u16>"), Field("validator_trust", C16, "Compact<u16>"),
            Field("dividends", C16, "Compact<u16>"), Field("last_update", C64, "Compact<u64>"), Field("validator_permit", Bool, "bool"),
        };
        if (full)
        {
            fields.Add(Field("weights", Vec(Tuple(C16, C16)), "Vec<(Compact<u16>, Compact<u16>)>"));
            fields.Add(Field("bonds", Vec(Tuple(C16, C16)), "Vec<(Compact<u16>, Compact<u16>)>"));
        }

        fields.Add(Field("pruning_score", C16, "Compact<u16>"));
        return [.. fields];
    }
}
