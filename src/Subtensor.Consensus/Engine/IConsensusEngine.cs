using Subtensor.Core.Types;

namespace Subtensor.Consensus.Engine;

/// <summary>
/// The consensus plug (docs/ARCHITECTURE.md): who may author in a slot, the digests that say so, the seal, and the
/// verification of a foreign header. The authority set of a block is read by the caller from the runtime at the
/// parent state and passed in, so engines stay pure.
/// </summary>
public interface IConsensusEngine
{
    /// <summary>Engine name for logs ("aura").</summary>
    string Name { get; }

    /// <summary>Slot length in milliseconds.</summary>
    ulong SlotDurationMs { get; }

    /// <summary>The slot that contains the unix time <paramref name="unixMs"/>.</summary>
    ulong SlotAt(ulong unixMs);

    /// <summary>Whether a key in <paramref name="keystore"/> may author in <paramref name="slot"/>; null when not.</summary>
    SlotClaim? ClaimSlot(ulong slot, IReadOnlyList<byte[]> authorities, IConsensusKeystore keystore);

    /// <summary>The pre-runtime digest items announcing the claim, placed in the header before execution.</summary>
    IReadOnlyList<DigestItem> PreDigest(SlotClaim claim);

    /// <summary>Signs the finished header and returns it with the seal appended.</summary>
    Header Seal(Header header, SlotClaim claim, IConsensusKeystore keystore);

    /// <summary>
    /// Checks a header against its parent: pre-digest present, seal valid and by the expected author, slot strictly
    /// increasing and not beyond <paramref name="currentSlot"/> (plus drift) unless <paramref name="allowFutureSlots"/>.
    /// </summary>
    VerifiedHeader Verify(Header header, Header parent, IReadOnlyList<byte[]> authorities, ulong currentSlot, bool allowFutureSlots);

    /// <summary>The slot a header claims, or null when it carries none (genesis).</summary>
    ulong? SlotOf(Header header);
}
