using Subtensor.Core.Types;
using Subtensor.Network.Substrate;

namespace Subtensor.Network.Sync;

/// <summary>
/// Read access to the local chain that networking needs (Substrate's <c>HeaderBackend</c> + <c>BlockBackend</c>): heads, headers, canonical
/// hashes, bodies and justifications. The node implements it over its block store; it must be safe to call from any thread.
/// </summary>
public interface IChainBackend
{
    ChainInfo Info { get; }

    /// <summary>Whether the header of <paramref name="hash"/> is stored (imported).</summary>
    bool IsKnown(Hash256 hash);

    /// <summary>The SCALE-encoded header, or null when unknown.</summary>
    byte[]? Header(Hash256 hash);

    /// <summary>Hash of the canonical (best chain) block at <paramref name="number"/>, or null beyond the best block.</summary>
    Hash256? CanonicalHash(uint number);

    /// <summary>The body as a list of encoded extrinsics (each with its length prefix), or null when not stored.</summary>
    IReadOnlyList<byte[]>? Body(Hash256 hash);

    /// <summary>Stored justifications of a block, or null when it has none.</summary>
    IReadOnlyList<Justification>? Justifications(Hash256 hash);
}
