using Subtensor.Client.State;
using Subtensor.Core.Types;
using Subtensor.Runtime.State;

namespace Subtensor.Client.Authoring;

/// <summary>A built (not yet sealed) block with the state it produced.</summary>
public sealed record ProposedBlock(Header Header, IReadOnlyList<byte[]> Extrinsics, TrieStateBackend Backend, OverlayedState State, IReadOnlyList<Hash256> Included);
