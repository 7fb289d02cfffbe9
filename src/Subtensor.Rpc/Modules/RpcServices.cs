using Subtensor.Client.Blockchain;
using Subtensor.Client.Keystore;

namespace Subtensor.Rpc.Modules;

/// <summary>Everything the RPC modules read and drive.</summary>
public sealed record RpcServices(
    ChainClient Client,
    TransactionPool.TransactionPool Pool,
    LocalKeystore Keystore,
    INodeInfo Node,
    IManualSeal? ManualSeal = null);
