using Subtensor.Client.State;
using Subtensor.Core.Types;
using Subtensor.Runtime.State;

namespace Subtensor.Client.Blockchain;

/// <summary>
/// One block to import: the sealed header, its extrinsics and justifications, and — for blocks this node just built —
/// the state it produced, so the import does not execute it a second time (Substrate's <c>StateAction::ApplyChanges</c>).
/// </summary>
public sealed record BlockImportParams(
    Header Header,
    IReadOnlyList<byte[]> Extrinsics,
    byte[]? Justifications,
    BlockOrigin Origin,
    TrieStateBackend? ExecutedBackend = null,
    OverlayedState? ExecutedState = null,
    bool Finalize = false);
