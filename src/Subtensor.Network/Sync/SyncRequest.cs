using Subtensor.Network.Identity;
using Subtensor.Network.Substrate;

namespace Subtensor.Network.Sync;

/// <summary>A block request <see cref="ChainSync"/> wants sent to a peer; its answer comes back with the same <see cref="Id"/>.</summary>
public sealed record SyncRequest(ulong Id, PeerId Peer, BlockRequest Request);
