using Subtensor.Core.Scale;

namespace Subtensor.Consensus.Grandpa;

/// <summary>
/// A commit: the finalized target and the precommits that justify it (finality-grandpa <c>Commit</c>). In justifications it is
/// target_hash ‖ target_number ‖ Vec&lt;SignedPrecommit&gt;; gossiped as a <c>CompactCommit</c>: target ‖ Vec&lt;Precommit&gt; ‖ Vec&lt;(signature, id)&gt;.
/// </summary>
public sealed record GrandpaCommit(VoteTarget Target, IReadOnlyList<SignedVote> Precommits)
{
    internal void EncodeTo(ScaleWriter writer)
    {
        Target.EncodeTo(writer);
        writer.WriteVec(Precommits, (w, p) => p.EncodeImplicit(w));
    }

    internal static GrandpaCommit DecodeFrom(ref ScaleReader reader)
    {
        var target = VoteTarget.DecodeFrom(ref reader);
        var precommits = reader.ReadVec((ref ScaleReader r) => SignedVote.DecodeImplicit(VoteKind.Precommit, ref r), minElementSize: 132);
        return new GrandpaCommit(target, precommits);
    }

    internal void EncodeCompact(ScaleWriter writer)
    {
        Target.EncodeTo(writer);
        writer.WriteVec(Precommits, (w, p) => p.Target.EncodeTo(w));
        writer.WriteVec(Precommits, (w, p) =>
        {
            w.WriteBytes(p.Signature);
            p.Id.EncodeTo(w);
        });
    }

    internal static GrandpaCommit DecodeCompact(ref ScaleReader reader)
    {
        var target = VoteTarget.DecodeFrom(ref reader);
        var targets = reader.ReadVec((ref ScaleReader r) => VoteTarget.DecodeFrom(ref r), minElementSize: 36);
        var auth = reader.ReadVec((ref ScaleReader r) => (Signature: r.ReadFixed(SignedVote.SignatureLength), Id: AuthorityId.DecodeFrom(ref r)), minElementSize: 96);
        if (targets.Length != auth.Length)
        {
            throw reader.Error($"compact commit with {targets.Length} precommits but {auth.Length} signatures");
        }

        return new GrandpaCommit(target, [.. targets.Zip(auth, (t, a) => new SignedVote(VoteKind.Precommit, t, a.Signature, a.Id))]);
    }
}
