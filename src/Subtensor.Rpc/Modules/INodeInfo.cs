using System.Text.Json.Nodes;

namespace Subtensor.Rpc.Modules;

/// <summary>What the node tells the <c>system_*</c> methods about itself and its network (implemented by the node service).</summary>
public interface INodeInfo
{
    /// <summary><c>system_name</c> ("Subtensor.NET").</summary>
    string ImplementationName { get; }

    /// <summary><c>system_version</c>.</summary>
    string ImplementationVersion { get; }

    /// <summary><c>--name</c> of this node (used by telemetry/logs).</summary>
    string NodeName { get; }

    /// <summary><c>system_nodeRoles</c>: "Full", "Authority" or "LightClient".</summary>
    IReadOnlyList<string> Roles { get; }

    /// <summary><c>system_localPeerId</c>.</summary>
    string LocalPeerId { get; }

    /// <summary><c>system_localListenAddresses</c> (multiaddrs with /p2p/ suffix).</summary>
    IReadOnlyList<string> ListenAddresses { get; }

    /// <summary><c>system_peers</c>: {peerId, roles, bestHash, bestNumber} objects.</summary>
    JsonArray Peers();

    /// <summary>Connected peer count for <c>system_health</c>.</summary>
    int PeerCount { get; }

    /// <summary>Whether the node is major-syncing (<c>system_health.isSyncing</c>).</summary>
    bool IsSyncing { get; }

    /// <summary>Whether the node is expected to have peers (false for --dev without bootnodes).</summary>
    bool ShouldHavePeers { get; }

    /// <summary><c>system_syncState</c>: starting, current and highest block numbers.</summary>
    (uint Starting, uint Current, uint? Highest) SyncState { get; }

    /// <summary>Gossips transactions to peers after the pool accepted them (no-op without a network).</summary>
    void BroadcastTransaction(byte[] extrinsic);
}
