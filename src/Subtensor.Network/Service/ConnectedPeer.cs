using Subtensor.Core.Types;
using Subtensor.Network.Identity;
using Subtensor.Network.Peers;
using Subtensor.Network.Substrate;

namespace Subtensor.Network.Service;

/// <summary>A sync peer as <c>system_peers</c> shows it: id, roles, best block, and the slot it holds.</summary>
public sealed record ConnectedPeer(PeerId PeerId, NodeRole Roles, Hash256 BestHash, uint BestNumber, PeerSlot Slot);
