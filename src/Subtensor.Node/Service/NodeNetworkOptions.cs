using Subtensor.Network.Multiformats;

namespace Subtensor.Node.Service;

/// <summary>The networking part of the run command (Substrate's <c>NetworkParams</c> and <c>NodeKeyParams</c>).</summary>
internal sealed record NodeNetworkOptions
{
    /// <summary>--port: the TCP port of the default listen addresses.</summary>
    public int Port { get; init; } = 30333;

    /// <summary>Neither --port nor --listen-addr was given.</summary>
    public bool PortIsDefault { get; init; } = true;

    /// <summary>With --dev and the default port taken, listen on a port the OS picks instead of failing.</summary>
    public bool AllowPortFallback { get; init; }

    /// <summary>--listen-addr; empty means /ip4/0.0.0.0/tcp/&lt;port&gt; and /ip6/::/tcp/&lt;port&gt;.</summary>
    public IReadOnlyList<Multiaddr> ListenAddresses { get; init; } = [];

    public IReadOnlyList<Multiaddr> PublicAddresses { get; init; } = [];

    /// <summary>The chain spec's bootNodes and --bootnodes.</summary>
    public IReadOnlyList<Multiaddr> Bootnodes { get; init; } = [];

    public IReadOnlyList<Multiaddr> ReservedNodes { get; init; } = [];

    public bool ReservedOnly { get; init; }

    public int InPeers { get; init; } = 32;

    public int OutPeers { get; init; } = 8;

    /// <summary>--node-key (64 hex digits), when given.</summary>
    public string? NodeKeyHex { get; init; }

    /// <summary>--node-key-file, when given; otherwise &lt;base&gt;/chains/&lt;id&gt;/network/secret_ed25519.</summary>
    public string? NodeKeyFile { get; init; }

    /// <summary>The listen addresses to bind: --listen-addr, or both wildcards on <paramref name="port"/>.</summary>
    public IReadOnlyList<Multiaddr> EffectiveListenAddresses(int port)
        => ListenAddresses.Count > 0 ? ListenAddresses : [Multiaddr.Parse($"/ip4/0.0.0.0/tcp/{port}"), Multiaddr.Parse($"/ip6/::/tcp/{port}")];
}
