using Subtensor.Network.Identity;

namespace Subtensor.Network.Service;

/// <summary>A raw <c>/…/grandpa/1</c> notification from a peer (decoded by the finality gadget).</summary>
public sealed record GrandpaMessageEventArgs(PeerId Peer, byte[] Message);
