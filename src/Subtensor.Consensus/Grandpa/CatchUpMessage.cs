using Subtensor.Core.Scale;

namespace Subtensor.Consensus.Grandpa;

/// <summary>
/// Gossip 4: <c>FullCatchUpMessage{ set_id u64, CatchUp{ round_number u64, prevotes: Vec&lt;SignedPrevote&gt;, precommits: Vec&lt;SignedPrecommit&gt;,
/// base_hash, base_number u32 } }</c>: the votes of a completed round, enough to prove it completable.
/// </summary>
public sealed record CatchUpMessage(ulong SetId, ulong Round, IReadOnlyList<SignedVote> Prevotes, IReadOnlyList<SignedVote> Precommits, VoteTarget Base) : GrandpaMessage
{
    public override byte[] Encode()
    {
        var writer = new ScaleWriter();
        writer.WriteU8(4);
        writer.WriteU64(SetId);
        writer.WriteU64(Round);
        writer.WriteVec(Prevotes, (w, v) => v.EncodeImplicit(w));
        writer.WriteVec(Precommits, (w, v) => v.EncodeImplicit(w));
        Base.EncodeTo(writer);
        return writer.ToArray();
    }

    internal static CatchUpMessage Read(ref ScaleReader reader)
    {
        var setId = reader.ReadU64();
        var round = reader.ReadU64();
        var prevotes = reader.ReadVec((ref ScaleReader r) => SignedVote.DecodeImplicit(VoteKind.Prevote, ref r), minElementSize: 132);
        var precommits = reader.ReadVec((ref ScaleReader r) => SignedVote.DecodeImplicit(VoteKind.Precommit, ref r), minElementSize: 132);
        return new CatchUpMessage(setId, round, prevotes, precommits, VoteTarget.DecodeFrom(ref reader));
    }
}
