using Subtensor.Core.Types;
using Subtensor.Network.Host;
using Subtensor.Network.Identity;
using Subtensor.Network.Multiformats;
using Subtensor.Network.Substrate;

namespace Subtensor.Network.Service;

/// <summary>
/// Everything a <see cref="NetworkService"/> needs, mirroring Substrate's CLI: --listen-addr, --public-addr, --bootnodes,
/// --reserved-nodes, --reserved-only, --in-peers, --out-peers, the chain's genesis hash, protocol id and fork id.
/// </summary>
public sealed record NetworkConfiguration
{
    public required NodeKey NodeKey { get; init; }

    public required Hash256 GenesisHash { get; init; }

    /// <summary>The chain spec's protocolId (legacy protocol names); Bittensor uses "bittensor".</summary>
    public string ProtocolId { get; init; } = "sup";

    public string? ForkId { get; init; }

    public NodeRole Role { get; init; } = NodeRole.Full;

    public IReadOnlyList<Multiaddr> ListenAddresses { get; init; } = [Multiaddr.Parse("/ip4/0.0.0.0/tcp/30333")];

    /// <summary>Addresses announced to others in identify (and so in their Kademlia tables) besides the listen addresses.</summary>
    public IReadOnlyList<Multiaddr> PublicAddresses { get; init; } = [];

    /// <summary>Bootnodes: multiaddrs ending in <c>/p2p/&lt;peer id&gt;</c>.</summary>
    public IReadOnlyList<Multiaddr> Bootnodes { get; init; } = [];

    /// <summary>Reserved nodes: always connected, outside the slots; multiaddrs ending in <c>/p2p/&lt;peer id&gt;</c>.</summary>
    public IReadOnlyList<Multiaddr> ReservedNodes { get; init; } = [];

    public bool ReservedOnly { get; init; }

    public int InPeers { get; init; } = 32;

    public int OutPeers { get; init; } = 8;

    /// <summary>How long a misbehaving peer stays banned.</summary>
    public TimeSpan BanDuration { get; init; } = TimeSpan.FromMinutes(2);

    public bool EnableKademlia { get; init; } = true;

    /// <summary>First delay of the Kademlia random walk; it doubles after every walk up to <see cref="RandomWalkMaxInterval"/>.</summary>
    public TimeSpan RandomWalkInitialDelay { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan RandomWalkMaxInterval { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Period of the slot/dial/reputation housekeeping.</summary>
    public TimeSpan MaintenanceInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Block requests give up after this (sc-network-sync: 20 s).</summary>
    public TimeSpan BlockRequestTimeout { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>State requests give up after this (sc-network-sync: 40 s).</summary>
    public TimeSpan StateRequestTimeout { get; init; } = TimeSpan.FromSeconds(40);

    /// <summary>Time to open a notifications substream (handshake included).</summary>
    public TimeSpan NotificationOpenTimeout { get; init; } = TimeSpan.FromSeconds(10);

    public HostOptions Host { get; init; } = new();
}
