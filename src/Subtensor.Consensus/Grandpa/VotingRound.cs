using Subtensor.Core.Types;

namespace Subtensor.Consensus.Grandpa;

/// <summary>
/// The votes of one round and what they imply (finality-grandpa <c>Round</c> over a vote graph): the prevote GHOST (highest block whose
/// subtree holds a supermajority of prevotes), the block finalized by precommits (highest ancestor-or-self of the GHOST with a supermajority
/// of precommits), the round estimate (highest ancestor-or-self of the GHOST that can still get a supermajority of precommits) and
/// completability. A voter seen voting twice (an equivocator) counts towards every block, as in finality-grandpa.
/// </summary>
internal sealed class VotingRound
{
    private readonly Dictionary<AuthorityId, List<SignedVote>> _prevotes = [];
    private readonly Dictionary<AuthorityId, List<SignedVote>> _precommits = [];
    private readonly HashSet<AuthorityId> _prevoteEquivocators = [];
    private readonly HashSet<AuthorityId> _precommitEquivocators = [];
    private readonly Dictionary<Hash256, IReadOnlyList<Hash256>> _routes = [];
    private Dictionary<Hash256, Node> _nodes = [];

    public VotingRound(ulong number, VoteTarget @base, DateTimeOffset start, AuthoritySet set)
    {
        Number = number;
        Base = @base;
        Start = start;
        Set = set;
    }

    public ulong Number { get; }

    public VoteTarget Base { get; }

    public DateTimeOffset Start { get; }

    public AuthoritySet Set { get; }

    public bool Prevoted { get; set; }

    public bool Precommitted { get; set; }

    public VoteTarget? PrevoteGhost { get; private set; }

    public VoteTarget? Estimate { get; private set; }

    public VoteTarget? Finalized { get; private set; }

    public bool Completable { get; private set; }

    public IEnumerable<SignedVote> Prevotes => _prevotes.Values.SelectMany(v => v);

    public IEnumerable<SignedVote> Precommits => _precommits.Values.SelectMany(v => v);

    public int PrevoteCount => _prevotes.Count;

    public int PrecommitCount => _precommits.Count;

    /// <summary>Adds a verified vote. <paramref name="first"/> is the earlier vote when this one is an equivocation.</summary>
    public VoteAddition Add(SignedVote vote, out SignedVote? first)
    {
        first = null;
        var votes = vote.Kind == VoteKind.Prevote ? _prevotes : _precommits;
        if (!votes.TryGetValue(vote.Id, out var list))
        {
            votes[vote.Id] = [vote];
            return VoteAddition.New;
        }

        if (list.Exists(v => v.Target == vote.Target))
        {
            return VoteAddition.Duplicate;
        }

        if (list.Count >= 2)
        {
            return VoteAddition.Duplicate; // already known as an equivocator; more votes add nothing
        }

        first = list[0];
        list.Add(vote);
        (vote.Kind == VoteKind.Prevote ? _prevoteEquivocators : _precommitEquivocators).Add(vote.Id);
        return VoteAddition.Equivocation;
    }

    /// <summary>Recomputes GHOST, finalized block, estimate and completability from the votes whose blocks the chain knows.</summary>
    public void Update(IGrandpaChain chain)
    {
        _nodes = new Dictionary<Hash256, Node> { [Base.Hash] = new Node(Base.Number, null) };
        var prevoters = AddVotes(chain, _prevotes, prevote: true);
        var precommitters = AddVotes(chain, _precommits, prevote: false);
        foreach (var (hash, node) in _nodes)
        {
            if (node.Parent is { } parent && _nodes.TryGetValue(parent, out var parentNode))
            {
                parentNode.Children.Add(hash);
            }
        }

        var threshold = Set.Threshold;
        PrevoteGhost = null;
        Estimate = null;
        Finalized = null;
        Completable = false;
        if (WeightOf(prevoters, null) < threshold)
        {
            return;
        }

        var ghostHash = Ghost(h => Weight(h, prevote: true) >= threshold);
        if (ghostHash is not { } g)
        {
            return;
        }

        PrevoteGhost = Target(g);
        Finalized = Ancestor(g, h => Weight(h, prevote: false) >= threshold) is { } f ? Target(f) : null;
        var precommitted = WeightOf(precommitters, null);
        if (precommitted < threshold)
        {
            Estimate = PrevoteGhost;
            return;
        }

        var remaining = Set.TotalWeight - precommitted;
        bool Possible(Hash256 h) => Weight(h, prevote: false) + remaining >= threshold;
        var estimate = Ancestor(g, Possible);
        Estimate = estimate is { } e ? Target(e) : null;
        Completable = estimate is { } est && (est != g || !_nodes[g].Children.Any(Possible));
    }

    /// <summary>The hashes from <paramref name="target"/> down to the base (base excluded), or null when not resolvable yet.</summary>
    public IReadOnlyList<Hash256>? RouteFromBase(IGrandpaChain chain, VoteTarget target) => Route(chain, target);

    private HashSet<AuthorityId> AddVotes(IGrandpaChain chain, Dictionary<AuthorityId, List<SignedVote>> votes, bool prevote)
    {
        var counted = new HashSet<AuthorityId>();
        foreach (var (voter, list) in votes)
        {
            foreach (var vote in list)
            {
                var route = Route(chain, vote.Target);
                if (route is null)
                {
                    continue;
                }

                counted.Add(voter);
                Mark(_nodes[Base.Hash], voter, prevote);
                for (var i = 0; i < route.Count; i++)
                {
                    if (!_nodes.TryGetValue(route[i], out var node))
                    {
                        node = new Node(vote.Target.Number - (uint)i, i + 1 < route.Count ? route[i + 1] : Base.Hash);
                        _nodes[route[i]] = node;
                    }

                    Mark(node, voter, prevote);
                }
            }
        }

        return counted;
    }

    private static void Mark(Node node, AuthorityId voter, bool prevote) => (prevote ? node.Prevoters : node.Precommitters).Add(voter);

    private IReadOnlyList<Hash256>? Route(IGrandpaChain chain, VoteTarget target)
    {
        if (target.Hash == Base.Hash)
        {
            return target.Number == Base.Number ? [] : null;
        }

        if (target.Number <= Base.Number)
        {
            return null;
        }

        if (_routes.TryGetValue(target.Hash, out var cached))
        {
            return cached;
        }

        var route = chain.Ancestry(Base.Hash, target.Hash);
        if (route is null || route.Count != target.Number - Base.Number || route[0] != target.Hash)
        {
            return null; // unknown yet (retried on the next update) or not on top of the base
        }

        _routes[target.Hash] = route;
        return route;
    }

    private ulong Weight(Hash256 hash, bool prevote)
    {
        var node = _nodes[hash];
        return WeightOf(prevote ? node.Prevoters : node.Precommitters, prevote ? _prevoteEquivocators : _precommitEquivocators);
    }

    private ulong WeightOf(HashSet<AuthorityId> voters, HashSet<AuthorityId>? alsoCounted)
    {
        ulong weight = 0;
        foreach (var voter in voters)
        {
            weight += Set.WeightOf(voter);
        }

        if (alsoCounted is not null)
        {
            foreach (var voter in alsoCounted)
            {
                if (!voters.Contains(voter))
                {
                    weight += Set.WeightOf(voter);
                }
            }
        }

        return weight;
    }

    // Walks down from the base while exactly one child satisfies the condition.
    private Hash256? Ghost(Func<Hash256, bool> condition)
    {
        if (!condition(Base.Hash))
        {
            return null;
        }

        var current = Base.Hash;
        while (true)
        {
            var next = _nodes[current].Children.Where(condition).Take(2).ToList();
            if (next.Count != 1)
            {
                return current;
            }

            current = next[0];
        }
    }

    private Hash256? Ancestor(Hash256 from, Func<Hash256, bool> condition)
    {
        Hash256? current = from;
        while (current is { } hash)
        {
            if (condition(hash))
            {
                return hash;
            }

            current = _nodes[hash].Parent;
        }

        return null;
    }

    private VoteTarget Target(Hash256 hash) => new(hash, _nodes[hash].Number);

    private sealed class Node(uint number, Hash256? parent)
    {
        public uint Number { get; } = number;

        public Hash256? Parent { get; } = parent;

        public List<Hash256> Children { get; } = [];

        public HashSet<AuthorityId> Prevoters { get; } = [];

        public HashSet<AuthorityId> Precommitters { get; } = [];
    }
}
