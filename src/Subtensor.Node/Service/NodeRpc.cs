using Subtensor.Rpc.JsonRpc;
using Subtensor.Rpc.Modules;

namespace Subtensor.Node.Service;

/// <summary>Registers the node's RPC methods: every module of <see cref="RpcModules"/>.</summary>
internal static class NodeRpc
{
    public static void Register(RpcMethodRegistry registry, RpcServices services, bool denyUnsafe)
        => RpcModules.Register(registry, services, denyUnsafe);
}
