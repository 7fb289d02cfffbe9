using Subtensor.Core.Scale;

namespace Subtensor.Consensus.Grandpa;

/// <summary>
/// The voters of one GRANDPA set and its id (runtime APIs <c>GrandpaApi_grandpa_authorities</c> → <c>Vec&lt;(AuthorityId, u64)&gt;</c> and
/// <c>GrandpaApi_current_set_id</c>). A supermajority is weight ≥ total − ⌊(total − 1) / 3⌋ (finality-grandpa <c>VoterSet::threshold</c>).
/// </summary>
public sealed class AuthoritySet
{
    private readonly Dictionary<AuthorityId, (int Index, ulong Weight)> _index = [];

    public AuthoritySet(ulong setId, IReadOnlyList<GrandpaAuthority> authorities)
    {
        ArgumentNullException.ThrowIfNull(authorities);
        if (authorities.Count == 0)
        {
            throw new ArgumentException("an authority set needs at least one voter", nameof(authorities));
        }

        ulong total = 0;
        for (var i = 0; i < authorities.Count; i++)
        {
            var authority = authorities[i];
            if (authority.Weight == 0)
            {
                throw new ArgumentException($"authority {authority.Id} has weight 0", nameof(authorities));
            }

            if (!_index.TryAdd(authority.Id, (i, authority.Weight)))
            {
                throw new ArgumentException($"authority {authority.Id} is listed twice", nameof(authorities));
            }

            total = checked(total + authority.Weight);
        }

        SetId = setId;
        Authorities = authorities;
        TotalWeight = total;
        Threshold = Supermajority(total);
    }

    public ulong SetId { get; }

    public IReadOnlyList<GrandpaAuthority> Authorities { get; }

    public ulong TotalWeight { get; }

    /// <summary>Weight needed for a supermajority.</summary>
    public ulong Threshold { get; }

    /// <summary>finality-grandpa <c>threshold</c>: total − faulty, where faulty = ⌊(total − 1) / 3⌋.</summary>
    public static ulong Supermajority(ulong totalWeight) => totalWeight == 0 ? 0 : totalWeight - ((totalWeight - 1) / 3);

    public bool Contains(AuthorityId id) => _index.ContainsKey(id);

    public ulong WeightOf(AuthorityId id) => _index.TryGetValue(id, out var entry) ? entry.Weight : 0;

    /// <summary>Position of a voter in the list, or -1.</summary>
    public int IndexOf(AuthorityId id) => _index.TryGetValue(id, out var entry) ? entry.Index : -1;

    /// <summary>Decodes the SCALE result of <c>GrandpaApi_grandpa_authorities</c>.</summary>
    public static AuthoritySet DecodeAuthorityList(ulong setId, ReadOnlySpan<byte> encoded)
    {
        var reader = new ScaleReader(encoded);
        var authorities = reader.ReadVec((ref ScaleReader r) => new GrandpaAuthority(AuthorityId.DecodeFrom(ref r), r.ReadU64()), minElementSize: 40);
        reader.EnsureAtEnd();
        return new AuthoritySet(setId, authorities);
    }

    public byte[] EncodeAuthorityList() => ScaleCodec.Encode(writer => writer.WriteVec(Authorities, (w, a) =>
    {
        a.Id.EncodeTo(w);
        w.WriteU64(a.Weight);
    }));
}
