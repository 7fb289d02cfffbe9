using Subtensor.Network.Identity;

namespace Subtensor.Network.Peers;

/// <summary>A temporary ban: who, until when, and why.</summary>
public sealed record PeerBan(PeerId Peer, DateTimeOffset Until, string Reason);
