using System.Text.Json.Nodes;
using Subtensor.Network.Service;
using Subtensor.Network.Substrate;
using Subtensor.Network.Sync;
using Subtensor.Node.Service;
using Subtensor.Rpc.Modules;

namespace Subtensor.Node.Networking;

/// <summary><see cref="INodeInfo"/> of a networked node: peers, sync state and addresses come from the network and sync services.</summary>
internal sealed class NetworkNodeInfo(NodeConfiguration config, NetworkService network, SyncService sync, TransactionGossip gossip) : INodeInfo
{
    public string ImplementationName => NodeVersion.Name;

    public string ImplementationVersion => NodeVersion.Version;

    public string NodeName => config.NodeName;

    public IReadOnlyList<string> Roles => [config.IsValidator ? "Authority" : "Full"];

    public string LocalPeerId => network.LocalPeerId.ToString();

    /// <summary>Listen and public addresses with the <c>/p2p/</c> tail (sc-rpc <c>system_localListenAddresses</c>).</summary>
    public IReadOnlyList<string> ListenAddresses
        => [.. network.ListenAddresses.Concat(network.PublicAddresses).Select(a => a.WithPeerId(network.LocalPeerId).ToString()).Distinct()];

    public int PeerCount => network.PeerCount;

    public bool IsSyncing => sync.IsMajorSyncing;

    /// <summary>sc-service: a node is expected to have peers unless it is a dev node that was given none.</summary>
    public bool ShouldHavePeers => !config.IsDev || config.Network.Bootnodes.Count > 0 || config.Network.ReservedNodes.Count > 0;

    public (uint Starting, uint Current, uint? Highest) SyncState
    {
        get
        {
            var state = sync.State;
            return (state.StartingBlock, state.CurrentBlock, state.HighestBlock);
        }
    }

    /// <summary>sc-rpc <c>system_peers</c>: <c>{ peerId, roles, bestHash, bestNumber }</c>, roles as Substrate prints them.</summary>
    public JsonArray Peers()
        => [.. network.Peers.Select(p => (JsonNode)new JsonObject
        {
            ["peerId"] = p.PeerId.ToString(),
            ["roles"] = RolesText(p.Roles),
            ["bestHash"] = p.BestHash.ToString(),
            ["bestNumber"] = p.BestNumber,
        })];

    public void BroadcastTransaction(byte[] extrinsic) => gossip.Broadcast(extrinsic);

    private static string RolesText(NodeRole roles)
        => roles.HasFlag(NodeRole.Authority) ? "AUTHORITY" : roles.HasFlag(NodeRole.Light) ? "LIGHT" : "FULL";
}
