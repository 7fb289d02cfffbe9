using Subtensor.Network.Multiformats;
using Subtensor.Network.Yamux;

namespace Subtensor.Network.Host;

/// <summary>Identity strings, timeouts and limits of a <see cref="Libp2pHost"/>.</summary>
public sealed record HostOptions
{
    /// <summary>Identify's protocolVersion; Substrate nodes send <c>/substrate/1.0</c>.</summary>
    public string ProtocolVersion { get; init; } = "/substrate/1.0";

    public string AgentVersion { get; init; } = "Subtensor.NET/0.1.0";

    /// <summary>Addresses identify announces besides the listen addresses (--public-addr).</summary>
    public IReadOnlyList<Multiaddr> ExternalAddresses { get; init; } = [];

    public TimeSpan DialTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Time allowed for multistream-select, Noise and the muxer negotiation on a new connection.</summary>
    public TimeSpan UpgradeTimeout { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>Time allowed to negotiate the protocol of a substream.</summary>
    public TimeSpan StreamNegotiationTimeout { get; init; } = TimeSpan.FromSeconds(10);

    public int MaxConnections { get; init; } = 256;

    /// <summary>Inbound connections allowed in their handshake at once; more are dropped.</summary>
    public int MaxPendingInboundUpgrades { get; init; } = 64;

    /// <summary>Largest identify message accepted.</summary>
    public int MaxIdentifyMessage { get; init; } = 64 * 1024;

    public YamuxOptions Yamux { get; init; } = new();
}
