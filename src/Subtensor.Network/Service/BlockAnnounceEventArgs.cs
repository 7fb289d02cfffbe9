using Subtensor.Network.Identity;
using Subtensor.Network.Substrate;

namespace Subtensor.Network.Service;

public sealed record BlockAnnounceEventArgs(PeerId Peer, BlockAnnounce Announce);
