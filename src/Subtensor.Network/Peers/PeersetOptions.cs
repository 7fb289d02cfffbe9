using Subtensor.Network.Identity;

namespace Subtensor.Network.Peers;

/// <summary>Slots and policy of a <see cref="Peerset"/> (CLI: --in-peers, --out-peers, --reserved-nodes, --reserved-only).</summary>
public sealed record PeersetOptions
{
    /// <summary>Inbound sync peers accepted, reserved peers not counted (Substrate's default 32).</summary>
    public int InPeers { get; init; } = 32;

    /// <summary>Outbound sync peers dialled, reserved peers not counted (Substrate's default 8).</summary>
    public int OutPeers { get; init; } = 8;

    public IReadOnlyCollection<PeerId> ReservedPeers { get; init; } = [];

    /// <summary>Accept and dial reserved peers only.</summary>
    public bool ReservedOnly { get; init; }

    /// <summary>How long a peer stays banned after a fatal report.</summary>
    public TimeSpan BanDuration { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Delay before dialling a peer again after a failed dial (doubles per failure, capped at 32x).</summary>
    public TimeSpan DialBackoff { get; init; } = TimeSpan.FromSeconds(5);
}
