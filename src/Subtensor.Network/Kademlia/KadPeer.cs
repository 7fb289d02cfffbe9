using Subtensor.Network.Identity;
using Subtensor.Network.Multiformats;

namespace Subtensor.Network.Kademlia;

/// <summary>A peer listed in a Kademlia message (<c>Message.Peer{ bytes id = 1; repeated bytes addrs = 2; ConnectionType connection = 3 }</c>).</summary>
public sealed record KadPeer(PeerId Id, IReadOnlyList<Multiaddr> Addresses, KadConnectionType Connection);
