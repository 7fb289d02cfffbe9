using Subtensor.Consensus.Grandpa;
using Subtensor.Core.Crypto;

namespace Subtensor.Consensus.Tests.Grandpa;

/// <summary>
/// In-memory gossip between voters with a manual clock; a partition drops messages between groups (as a network split would).
/// </summary>
internal sealed class GossipBus
{
    private readonly Queue<(string From, string To, byte[] Message)> _queue = new();
    private readonly Dictionary<string, Participant> _participants = [];
    private Func<string, string, bool> _canTalk = (_, _) => true;

    public GossipBus(TestBlockTree tree, int voters, TimeSpan gossipDuration)
    {
        Tree = tree;
        Keys = [.. Enumerable.Range(0, voters).Select(i => Ed25519.FromSeed(Enumerable.Repeat((byte)(i + 1), 32).ToArray()))];
        Set = new AuthoritySet(0, [.. Keys.Select(k => new GrandpaAuthority(new AuthorityId(k.PublicKey), 1))]);
        Options = new GrandpaVoterOptions { GossipDuration = gossipDuration, RebroadcastInterval = gossipDuration * 8, CatchUpInterval = gossipDuration * 4 };
    }

    public TestBlockTree Tree { get; }

    public IReadOnlyList<Ed25519KeyPair> Keys { get; }

    public AuthoritySet Set { get; }

    public GrandpaVoterOptions Options { get; }

    public ManualTime Time { get; } = new();

    public IReadOnlyCollection<Participant> Participants => _participants.Values;

    public int Delivered { get; private set; }

    public Participant this[string name] => _participants[name];

    public Participant Add(string name, Ed25519KeyPair? key)
    {
        var chain = new VoterChain(Tree);
        var environment = new Environment(this, name, chain);
        var voter = new GrandpaVoter(Set, chain, environment, key, Options, Time);
        var participant = new Participant(name, voter, chain, environment);
        _participants[name] = participant;
        return participant;
    }

    public void Partition(params string[][] groups)
        => _canTalk = (a, b) => groups.Any(g => g.Contains(a) && g.Contains(b));

    public void Heal() => _canTalk = (_, _) => true;

    /// <summary>Advances time in small steps, ticking every voter and delivering all gossip, until <paramref name="done"/> or the step budget.</summary>
    public bool RunUntil(Func<bool> done, int maxSteps = 2000, TimeSpan? step = null)
    {
        for (var i = 0; i < maxSteps; i++)
        {
            if (done())
            {
                return true;
            }

            Time.Advance(step ?? TimeSpan.FromMilliseconds(10));
            foreach (var p in _participants.Values.ToList())
            {
                p.Voter.Tick();
            }

            DeliverAll();
        }

        return done();
    }

    public void DeliverAll()
    {
        for (var guard = 0; guard < 100_000 && _queue.Count > 0; guard++)
        {
            var (from, to, message) = _queue.Dequeue();
            if (_participants.TryGetValue(to, out var target) && _canTalk(from, to))
            {
                Delivered++;
                target.Verdicts.Add(target.Voter.OnMessage(from, message));
            }
        }
    }

    public void Send(string from, string to, byte[] message) => _queue.Enqueue((from, to, message));

    internal sealed class Participant(string name, GrandpaVoter voter, VoterChain chain, Environment environment)
    {
        public string Name { get; } = name;

        public GrandpaVoter Voter { get; } = voter;

        public VoterChain Chain { get; } = chain;

        public Environment Environment { get; } = environment;

        public List<GrandpaMessageVerdict> Verdicts { get; } = [];
    }

    internal sealed class Environment(GossipBus bus, string name, VoterChain chain) : IGrandpaEnvironment
    {
        public List<(VoteTarget Target, GrandpaJustification Justification)> Finalized { get; } = [];

        public List<GrandpaEquivocation> Equivocations { get; } = [];

        public void Broadcast(byte[] message)
        {
            foreach (var other in bus._participants.Keys.Where(n => n != name))
            {
                bus.Send(name, other, message);
            }
        }

        public void SendTo(string peer, byte[] message) => bus.Send(name, peer, message);

        public void Finalize(VoteTarget target, GrandpaJustification justification)
        {
            Finalized.Add((target, justification));
            chain.LastFinalized = target;
        }

        public void ReportEquivocation(GrandpaEquivocation equivocation) => Equivocations.Add(equivocation);
    }
}
