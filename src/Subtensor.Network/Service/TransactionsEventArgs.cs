using Subtensor.Network.Identity;

namespace Subtensor.Network.Service;

/// <summary>Extrinsics (each with its length prefix) a peer gossiped to us.</summary>
public sealed record TransactionsEventArgs(PeerId Peer, IReadOnlyList<byte[]> Extrinsics);
