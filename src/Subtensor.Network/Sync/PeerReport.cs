using Subtensor.Network.Identity;
using Subtensor.Network.Peers;

namespace Subtensor.Network.Sync;

/// <summary>A reputation change sync wants applied to a peer.</summary>
public readonly record struct PeerReport(PeerId Peer, ReputationChange Change);
