using Subtensor.Runtime.Metadata;
using Subtensor.Runtime.Metadata.Portable;
using Subtensor.Runtime.Tests.Support;

namespace Subtensor.Runtime.Tests.Metadata;

/// <summary>The SDK's info runtime APIs as @polkadot/api sees them in the V15 metadata and RuntimeVersion.apis.</summary>
public class InfoApiMetadataTests
{
    private static readonly RuntimeMetadata V15 = RuntimeMetadata.Decode(TestChain.Runtime.MetadataV15);

    private static RuntimeApiMethodMetadata Method(string api, string name) => V15.Apis.Single(a => a.Name == api).Methods.Single(m => m.Name == name);

    private static PortableType Inner(uint type) => V15.Types[type].Def switch
    {
        PortableTypeDef.Variant v when V15.Types[type].PathString == "Option" => V15.Types[v.Variants.Single(x => x.Name == "Some").Fields[0].Type],
        PortableTypeDef.Sequence s => V15.Types[s.Element],
        _ => V15.Types[type],
    };

    [Theory]
    [InlineData("DelegateInfoRuntimeApi", 1u, new[] { "get_delegates", "get_delegate", "get_delegated" })]
    [InlineData("NeuronInfoRuntimeApi", 1u, new[] { "get_neurons", "get_neuron", "get_neurons_lite", "get_neuron_lite" })]
    [InlineData("StakeInfoRuntimeApi", 1u, new[] { "get_stake_info_for_coldkey", "get_stake_info_for_coldkeys", "get_stake_info_for_hotkey_coldkey_netuid", "get_stake_fee" })]
    [InlineData("SubnetInfoRuntimeApi", 2u, new[]
    {
        "get_subnet_info", "get_subnets_info", "get_subnet_info_v2", "get_subnets_info_v2", "get_subnet_hyperparams", "get_subnet_hyperparams_v2",
        "get_subnet_hyperparams_v3", "get_all_dynamic_info", "get_all_metagraphs", "get_metagraph", "get_all_mechagraphs", "get_mechagraph",
        "get_dynamic_info", "get_subnet_state", "get_selective_metagraph", "get_coldkey_auto_stake_hotkey", "get_selective_mechagraph",
        "get_subnet_to_prune", "get_subnet_account_id", "get_next_epoch_start_block",
    })]
    public void Info_apis_are_declared_with_Subtensors_methods_and_versions(string api, uint version, string[] methods)
    {
        Assert.Equal(methods, V15.Apis.Single(a => a.Name == api).Methods.Select(m => m.Name));
        Assert.Contains(TestChain.Runtime.Version.Apis, a => a.Id == Core.Types.RuntimeApi.IdOf(api) && a.Version == version);
    }

    [Theory]
    [InlineData("SubnetInfoRuntimeApi", "get_dynamic_info", "pallet_subtensor::rpc_info::dynamic_info::DynamicInfo")]
    [InlineData("SubnetInfoRuntimeApi", "get_metagraph", "pallet_subtensor::rpc_info::metagraph::Metagraph")]
    [InlineData("SubnetInfoRuntimeApi", "get_selective_metagraph", "pallet_subtensor::rpc_info::metagraph::SelectiveMetagraph")]
    [InlineData("SubnetInfoRuntimeApi", "get_subnet_state", "pallet_subtensor::rpc_info::show_subnet::SubnetState")]
    [InlineData("SubnetInfoRuntimeApi", "get_subnets_info_v2", "Option")]
    [InlineData("SubnetInfoRuntimeApi", "get_subnet_info_v2", "pallet_subtensor::rpc_info::subnet_info::SubnetInfov2")]
    [InlineData("SubnetInfoRuntimeApi", "get_subnet_hyperparams_v2", "pallet_subtensor::rpc_info::subnet_info::SubnetHyperparamsV2")]
    [InlineData("SubnetInfoRuntimeApi", "get_subnet_hyperparams_v3", "")]
    [InlineData("NeuronInfoRuntimeApi", "get_neurons_lite", "pallet_subtensor::rpc_info::neuron_info::NeuronInfoLite")]
    [InlineData("NeuronInfoRuntimeApi", "get_neuron", "pallet_subtensor::rpc_info::neuron_info::NeuronInfo")]
    [InlineData("DelegateInfoRuntimeApi", "get_delegate", "pallet_subtensor::rpc_info::delegate_info::DelegateInfo")]
    [InlineData("StakeInfoRuntimeApi", "get_stake_info_for_coldkey", "pallet_subtensor::rpc_info::stake_info::StakeInfo")]
    public void Outputs_use_Subtensors_type_paths(string api, string method, string path) =>
        Assert.Equal(path, Inner(Method(api, method).Output).PathString);

    [Fact]
    public void Inputs_and_field_layouts_match_Subtensor()
    {
        Assert.Equal(["netuid", "metagraph_indexes"], Method("SubnetInfoRuntimeApi", "get_selective_metagraph").Inputs.Select(i => i.Name));
        Assert.Equal(["origin", "origin_coldkey_account", "destination", "destination_coldkey_account", "amount"],
            Method("StakeInfoRuntimeApi", "get_stake_fee").Inputs.Select(i => i.Name));
        Assert.Equal(["hotkey_account", "coldkey_account", "netuid"], Method("StakeInfoRuntimeApi", "get_stake_info_for_hotkey_coldkey_netuid").Inputs.Select(i => i.Name));
        Assert.Equal(["netuid", "uid"], Method("NeuronInfoRuntimeApi", "get_neuron").Inputs.Select(i => i.Name));

        var dyn = (PortableTypeDef.Composite)Inner(Method("SubnetInfoRuntimeApi", "get_dynamic_info").Output).Def;
        Assert.Equal(21, dyn.Fields.Count);
        Assert.Equal(("netuid", "Compact<NetUid>"), (dyn.Fields[0].Name, dyn.Fields[0].TypeName));
        Assert.Equal(("moving_price", "I96F32"), (dyn.Fields[20].Name, dyn.Fields[20].TypeName));
        Assert.IsType<PortableTypeDef.Compact>(V15.Types[dyn.Fields[0].Type].Def);

        var meta = (PortableTypeDef.Composite)Inner(Method("SubnetInfoRuntimeApi", "get_metagraph").Output).Def;
        Assert.Equal(72, meta.Fields.Count);
        Assert.Equal("alpha_low", meta.Fields[50].Name);
        Assert.Equal("alpha_dividends_per_hotkey", meta.Fields[^1].Name);
        var sel = (PortableTypeDef.Composite)Inner(Method("SubnetInfoRuntimeApi", "get_selective_metagraph").Output).Def;
        Assert.Equal(74, sel.Fields.Count);
        Assert.Equal(["validators", "commitments"], sel.Fields.TakeLast(2).Select(f => f.Name));
        Assert.Equal("Option<Compact<u16>>", sel.Fields[8].TypeName);
        Assert.Equal("Compact<NetUid>", sel.Fields[0].TypeName);

        var neuron = (PortableTypeDef.Composite)Inner(Method("NeuronInfoRuntimeApi", "get_neuron").Output).Def;
        Assert.Equal(20, neuron.Fields.Count);
        Assert.Equal("pallet_subtensor::pallet::AxonInfo", V15.Types[neuron.Fields[5].Type].PathString);
        var entries = (PortableTypeDef.Sequence)Inner(Method("SubnetInfoRuntimeApi", "get_subnet_hyperparams_v3").Output).Def;
        var hv = (PortableTypeDef.Composite)V15.Types[entries.Element].Def;
        Assert.Equal("pallet_subtensor::rpc_info::subnet_info::HyperparamValue", V15.Types[hv.Fields[1].Type].PathString);
    }
}
