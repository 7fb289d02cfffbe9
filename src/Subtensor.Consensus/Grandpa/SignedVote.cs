using Subtensor.Core.Crypto;
using Subtensor.Core.Scale;

namespace Subtensor.Consensus.Grandpa;

/// <summary>
/// A signed prevote, precommit or primary proposal. The signature is ed25519 over
/// SCALE(Message enum: kind ‖ target_hash ‖ target_number u32) ‖ round u64 ‖ set_id u64 (sp-consensus-grandpa <c>localized_payload</c>).
/// </summary>
public sealed record SignedVote(VoteKind Kind, VoteTarget Target, byte[] Signature, AuthorityId Id)
{
    public const int SignatureLength = 64;

    /// <summary>The bytes an authority signs for a vote in <paramref name="round"/> of set <paramref name="setId"/>.</summary>
    public static byte[] SigningPayload(VoteKind kind, VoteTarget target, ulong round, ulong setId)
    {
        var writer = new ScaleWriter(1 + 32 + 4 + 8 + 8);
        writer.WriteU8((byte)kind);
        target.EncodeTo(writer);
        writer.WriteU64(round);
        writer.WriteU64(setId);
        return writer.ToArray();
    }

    public static SignedVote Sign(Ed25519KeyPair key, VoteKind kind, VoteTarget target, ulong round, ulong setId)
    {
        ArgumentNullException.ThrowIfNull(key);
        return new SignedVote(kind, target, key.Sign(SigningPayload(kind, target, round, setId)), new AuthorityId(key.PublicKey));
    }

    public bool Verify(ulong round, ulong setId)
        => Signature.Length == SignatureLength && Ed25519.Verify(Signature, SigningPayload(Kind, Target, round, setId), Id.ToArray());

    /// <summary>SignedMessage of a vote gossip message: Message enum ‖ signature[64] ‖ id[32].</summary>
    internal void EncodeSignedMessage(ScaleWriter writer)
    {
        writer.WriteU8((byte)Kind);
        Target.EncodeTo(writer);
        writer.WriteBytes(Signature);
        Id.EncodeTo(writer);
    }

    internal static SignedVote DecodeSignedMessage(ref ScaleReader reader)
    {
        var kind = (VoteKind)reader.ReadEnumIndex(3);
        var target = VoteTarget.DecodeFrom(ref reader);
        var signature = reader.ReadFixed(SignatureLength);
        return new SignedVote(kind, target, signature, AuthorityId.DecodeFrom(ref reader));
    }

    /// <summary>SignedPrevote / SignedPrecommit (justifications, catch-up): target ‖ signature ‖ id, the kind implied.</summary>
    internal void EncodeImplicit(ScaleWriter writer)
    {
        Target.EncodeTo(writer);
        writer.WriteBytes(Signature);
        Id.EncodeTo(writer);
    }

    internal static SignedVote DecodeImplicit(VoteKind kind, ref ScaleReader reader)
    {
        var target = VoteTarget.DecodeFrom(ref reader);
        var signature = reader.ReadFixed(SignatureLength);
        return new SignedVote(kind, target, signature, AuthorityId.DecodeFrom(ref reader));
    }

    public bool Equals(SignedVote? other)
        => other is not null && Kind == other.Kind && Target == other.Target && Id == other.Id && Signature.AsSpan().SequenceEqual(other.Signature);

    public override int GetHashCode() => HashCode.Combine(Kind, Target, Id);
}
