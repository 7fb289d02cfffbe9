using Subtensor.Core.Types;

namespace Subtensor.Consensus.Grandpa;

/// <summary>
/// The block tree as the voter sees it (finality-grandpa <c>Chain</c> plus what justifications need). Implemented by the node over its
/// client; must be safe to call from the voter's thread.
/// </summary>
public interface IGrandpaChain
{
    /// <summary>
    /// The hashes from <paramref name="block"/> back to <paramref name="base"/>, <paramref name="block"/> first and <paramref name="base"/>
    /// excluded (empty when they are equal); null when <paramref name="block"/> is unknown or not a descendant of <paramref name="base"/>.
    /// </summary>
    IReadOnlyList<Hash256>? Ancestry(Hash256 @base, Hash256 block);

    /// <summary>The head of the best chain that contains <paramref name="base"/> (the fork-choice rule), or null when none does.</summary>
    VoteTarget? BestChainContaining(Hash256 @base);

    /// <summary>The last finalized block (the voter also learns finality from imported justifications through this).</summary>
    VoteTarget LastFinalized { get; }

    /// <summary>The SCALE-encoded header of a known block, for justification ancestries.</summary>
    byte[]? Header(Hash256 hash);
}
