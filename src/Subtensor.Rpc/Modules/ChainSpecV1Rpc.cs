using Subtensor.Rpc.JsonRpc;

namespace Subtensor.Rpc.Modules;

/// <summary><c>chainSpec_v1_*</c> (json-rpc-interface-spec <c>chainSpec</c>): the chain's name, genesis hash and properties.</summary>
public sealed class ChainSpecV1Rpc
{
    private readonly RpcServices _services;

    public ChainSpecV1Rpc(RpcServices services) => _services = services ?? throw new ArgumentNullException(nameof(services));

    public void Register(RpcMethodRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        var client = _services.Client;
        registry.Add("chainSpec_v1_chainName", RpcJson.Sync(_ => client.Spec.Name));
        registry.Add("chainSpec_v1_genesisHash", RpcJson.Sync(_ => RpcJson.Hash(client.GenesisHash)));
        registry.Add("chainSpec_v1_properties", RpcJson.Sync(_ => SystemRpc.Properties(client.Spec.PropertiesJson)));
    }
}
