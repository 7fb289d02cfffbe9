using System.Text.Json.Nodes;
using Subtensor.Client.Blockchain;
using Subtensor.Rpc.Modules;

namespace Subtensor.Node.Service;

/// <summary><see cref="INodeInfo"/> of a node without peers (the networking layer replaces it when it runs).</summary>
internal sealed class StandaloneNodeInfo(NodeConfiguration config, ChainClient client, string localPeerId) : INodeInfo
{
    public string ImplementationName => NodeVersion.Name;

    public string ImplementationVersion => NodeVersion.Version;

    public string NodeName => config.NodeName;

    public IReadOnlyList<string> Roles => [config.IsValidator ? "Authority" : "Full"];

    public string LocalPeerId => localPeerId;

    public IReadOnlyList<string> ListenAddresses => [];

    public int PeerCount => 0;

    public bool IsSyncing => false;

    public bool ShouldHavePeers => config.Spec.BootNodes.Count > 0;

    public (uint Starting, uint Current, uint? Highest) SyncState => (0, client.Best.Number, client.Best.Number);

    public JsonArray Peers() => [];

    public void BroadcastTransaction(byte[] extrinsic)
    {
    }
}
