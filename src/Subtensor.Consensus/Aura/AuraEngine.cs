using System.Buffers.Binary;
using Subtensor.Consensus.Engine;
using Subtensor.Core.Crypto;
using Subtensor.Core.Types;
using Subtensor.Runtime.Pallets.Aura;

namespace Subtensor.Consensus.Aura;

/// <summary>
/// Aura (PoA authority rounds): the author of slot s is authorities[s mod n]; the header carries
/// <c>PreRuntime("aura", slot u64)</c> and ends with <c>Seal("aura", sr25519 signature of blake2_256(pre-seal header))</c>
/// (sc-consensus-aura; smoldot <c>verify/aura.rs</c>).
/// </summary>
public sealed class AuraEngine : IConsensusEngine
{
    public const string KeyType = "aura";

    /// <summary>How many slots ahead of the local clock a header may be (clock drift between nodes).</summary>
    public const ulong MaxFutureSlots = 1;

    public static readonly ConsensusEngineId EngineId = ConsensusEngineId.Aura;

    public AuraEngine(ulong slotDurationMs)
    {
        if (slotDurationMs == 0)
        {
            throw new ArgumentOutOfRangeException(nameof(slotDurationMs), "slot duration must be positive");
        }

        SlotDurationMs = slotDurationMs;
    }

    public string Name => "aura";

    /// <summary>
    /// Checks a seal: sr25519 signature, pre-seal header hash, authority public key. Replaceable so that an import pipeline can verify
    /// the seals of downloaded blocks ahead of import on another core and answer from what it already verified.
    /// </summary>
    public Func<byte[], Hash256, byte[], bool> SignatureCheck { get; init; } = static (signature, preSealHash, publicKey) =>
        Sr25519.Verify(signature, preSealHash.ToArray(), publicKey);

    public ulong SlotDurationMs { get; }

    public ulong SlotAt(ulong unixMs) => unixMs / SlotDurationMs;

    public ulong? SlotOf(Header header)
    {
        ArgumentNullException.ThrowIfNull(header);
        return AuraPallet.SlotFromDigest(header.Digest);
    }

    public SlotClaim? ClaimSlot(ulong slot, IReadOnlyList<byte[]> authorities, IConsensusKeystore keystore)
    {
        ArgumentNullException.ThrowIfNull(authorities);
        ArgumentNullException.ThrowIfNull(keystore);
        if (authorities.Count == 0)
        {
            return null;
        }

        var index = (int)(slot % (ulong)authorities.Count);
        using var pair = keystore.Find(KeyType, authorities[index]);
        return pair is null ? null : new SlotClaim(slot, index, authorities[index]);
    }

    public IReadOnlyList<DigestItem> PreDigest(SlotClaim claim)
    {
        ArgumentNullException.ThrowIfNull(claim);
        var slot = new byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(slot, claim.Slot);
        return [DigestItem.PreRuntime(EngineId, slot)];
    }

    public Header Seal(Header header, SlotClaim claim, IConsensusKeystore keystore)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(claim);
        ArgumentNullException.ThrowIfNull(keystore);
        using var pair = keystore.Find(KeyType, claim.AuthorityPublicKey)
            ?? throw new InvalidOperationException($"the aura key {Hex.ToHex(claim.AuthorityPublicKey)} is not in the keystore");
        var signature = pair.Sign(header.Hash().ToArray());
        return header with { Digest = new Digest([.. header.Digest.Logs, DigestItem.Seal(EngineId, signature)]) };
    }

    /// <summary>The header without its Aura seal and the seal's signature, or null when the last digest item is not an Aura seal.</summary>
    public static (Header PreSeal, byte[] Signature)? SplitSeal(Header header)
    {
        ArgumentNullException.ThrowIfNull(header);
        var logs = header.Digest.Logs;
        if (logs.Count == 0 || logs[^1] is not { Kind: DigestItemKind.Seal } seal || seal.Engine != EngineId)
        {
            return null;
        }

        return (header with { Digest = new Digest(logs.Take(logs.Count - 1)) }, seal.Data);
    }

    public VerifiedHeader Verify(Header header, Header parent, IReadOnlyList<byte[]> authorities, ulong currentSlot, bool allowFutureSlots)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(parent);
        ArgumentNullException.ThrowIfNull(authorities);
        if (SplitSeal(header) is not { } split)
        {
            throw new ConsensusException(ConsensusError.MissingSeal, "the header has no Aura seal as its last digest item");
        }

        var (preSeal, signature) = split;
        if (AuraPallet.SlotFromDigest(preSeal.Digest) is not { } slot)
        {
            throw new ConsensusException(ConsensusError.MissingPreDigest, "the header has no Aura pre-runtime slot digest");
        }

        if (SlotOf(parent) is { } parentSlot && slot <= parentSlot)
        {
            throw new ConsensusException(ConsensusError.SlotNotIncreasing, $"slot {slot} does not follow the parent's slot {parentSlot}");
        }

        if (!allowFutureSlots && slot > currentSlot + MaxFutureSlots)
        {
            throw new ConsensusException(ConsensusError.SlotInFuture, $"slot {slot} is in the future (now {currentSlot})");
        }

        if (authorities.Count == 0)
        {
            throw new ConsensusException(ConsensusError.NoAuthorities, "the parent state has no Aura authorities");
        }

        var index = (int)(slot % (ulong)authorities.Count);
        if (signature.Length != 64 || !SignatureCheck(signature, preSeal.Hash(), authorities[index]))
        {
            throw new ConsensusException(ConsensusError.BadSeal,
                $"the seal is not a valid signature of authority #{index} ({Hex.ToHex(authorities[index])}) for slot {slot}");
        }

        return new VerifiedHeader(preSeal, slot, index);
    }
}
