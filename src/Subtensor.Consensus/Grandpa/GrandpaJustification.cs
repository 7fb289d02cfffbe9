using Subtensor.Core.Scale;
using Subtensor.Core.Types;

namespace Subtensor.Consensus.Grandpa;

/// <summary>
/// A GRANDPA justification, stored with the finalized block under engine id <c>FRNK</c> and served to syncing peers
/// (sc-consensus-grandpa <c>GrandpaJustification</c>): round u64 ‖ commit{ target_hash, target_number u32, Vec&lt;SignedPrecommit&gt; } ‖
/// votes_ancestries: Vec&lt;Header&gt; (the headers between the target and every precommitted block).
/// </summary>
public sealed class GrandpaJustification
{
    public GrandpaJustification(ulong round, GrandpaCommit commit, IReadOnlyList<AncestryHeader> votesAncestries)
    {
        ArgumentNullException.ThrowIfNull(commit);
        ArgumentNullException.ThrowIfNull(votesAncestries);
        Round = round;
        Commit = commit;
        VotesAncestries = votesAncestries;
    }

    public ulong Round { get; }

    public GrandpaCommit Commit { get; }

    public IReadOnlyList<AncestryHeader> VotesAncestries { get; }

    public VoteTarget Target => Commit.Target;

    public byte[] Encode()
    {
        var writer = new ScaleWriter();
        writer.WriteU64(Round);
        Commit.EncodeTo(writer);
        writer.WriteCompact((uint)VotesAncestries.Count);
        foreach (var header in VotesAncestries)
        {
            writer.WriteBytes(header.Encoded);
        }

        return writer.ToArray();
    }

    /// <summary>Decodes a justification; throws <see cref="ScaleDecodeException"/>.</summary>
    public static GrandpaJustification Decode(ReadOnlySpan<byte> bytes)
    {
        var reader = new ScaleReader(bytes);
        var round = reader.ReadU64();
        var commit = GrandpaCommit.DecodeFrom(ref reader);
        var headers = reader.ReadVec((ref ScaleReader r) => AncestryHeader.Read(ref r), minElementSize: 98);
        reader.EnsureAtEnd();
        return new GrandpaJustification(round, commit, headers);
    }

    /// <summary>Decodes and verifies; throws <see cref="GrandpaJustificationException"/> for anything that is not a valid proof.</summary>
    public static GrandpaJustification DecodeAndVerify(ReadOnlySpan<byte> bytes, AuthoritySet authorities, VoteTarget? expectedTarget = null)
    {
        GrandpaJustification justification;
        try
        {
            justification = Decode(bytes);
        }
        catch (ScaleDecodeException ex)
        {
            throw new GrandpaJustificationException("undecodable justification: " + ex.Message, ex);
        }

        justification.Verify(authorities, expectedTarget);
        return justification;
    }

    /// <summary>
    /// Checks the proof against <paramref name="authorities"/> (sc-consensus-grandpa <c>verify_with_voter_set</c>): every precommit is signed
    /// by a voter of the set for this round and set id and points at the target or a descendant proven by <see cref="VotesAncestries"/>; the
    /// distinct voters carry a supermajority of weight; and no ancestry header is superfluous.
    /// </summary>
    public void Verify(AuthoritySet authorities, VoteTarget? expectedTarget = null)
    {
        ArgumentNullException.ThrowIfNull(authorities);
        if (expectedTarget is { } expected && expected != Target)
        {
            throw new GrandpaJustificationException($"justification targets {Target}, expected {expected}");
        }

        var ancestry = new Dictionary<Hash256, AncestryHeader>();
        foreach (var header in VotesAncestries)
        {
            ancestry.TryAdd(header.Hash, header);
        }

        var used = new HashSet<Hash256>();
        var voters = new HashSet<AuthorityId>();
        ulong weight = 0;
        foreach (var precommit in Commit.Precommits)
        {
            if (!authorities.Contains(precommit.Id))
            {
                throw new GrandpaJustificationException($"precommit by {precommit.Id}, who is not a voter of set {authorities.SetId}");
            }

            if (!precommit.Verify(Round, authorities.SetId))
            {
                throw new GrandpaJustificationException($"bad signature of {precommit.Id} on its precommit for {precommit.Target}");
            }

            if (!DescendsFromTarget(precommit.Target, ancestry, used))
            {
                throw new GrandpaJustificationException($"precommit for {precommit.Target} is not proven to descend from the target {Target}");
            }

            if (voters.Add(precommit.Id))
            {
                weight += authorities.WeightOf(precommit.Id);
            }
        }

        if (weight < authorities.Threshold)
        {
            throw new GrandpaJustificationException($"precommits carry weight {weight}, a supermajority needs {authorities.Threshold} of {authorities.TotalWeight}");
        }

        if (used.Count != ancestry.Count)
        {
            throw new GrandpaJustificationException($"{ancestry.Count - used.Count} votes_ancestries headers are not used by any precommit");
        }
    }

    private bool DescendsFromTarget(VoteTarget vote, Dictionary<Hash256, AncestryHeader> ancestry, HashSet<Hash256> used)
    {
        var hash = vote.Hash;
        var number = vote.Number;
        while (true)
        {
            if (hash == Target.Hash)
            {
                return number == Target.Number;
            }

            if (number <= Target.Number || !ancestry.TryGetValue(hash, out var header) || header.Number != number)
            {
                return false;
            }

            used.Add(hash);
            hash = header.ParentHash;
            number--;
        }
    }
}
