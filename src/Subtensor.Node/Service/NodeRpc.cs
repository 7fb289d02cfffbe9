using Subtensor.Rpc.JsonRpc;
using Subtensor.Rpc.Modules;
using Subtensor.Rpc.Server;

namespace Subtensor.Node.Service;

/// <summary>Registers the node's RPC methods (every module of Subtensor.Rpc) under the server's safe/unsafe policy.</summary>
internal static class NodeRpc
{
    public static void Register(RpcMethodRegistry registry, RpcServices services, RpcServerOptions options)
        => RpcModules.Register(registry, services, denyUnsafe: !options.AllowUnsafe);
}
