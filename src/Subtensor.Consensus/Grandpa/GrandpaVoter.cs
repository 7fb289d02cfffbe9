using Serilog;
using Subtensor.Core.Crypto;
using Subtensor.Core.Scale;
using Subtensor.Core.Types;

namespace Subtensor.Consensus.Grandpa;

/// <summary>
/// A GRANDPA voter (after finality-grandpa's <c>Voter</c>): rounds of prevote and precommit signed with the local <c>gran</c> ed25519 key,
/// a supermajority of weight finalizes, commits are gossiped, neighbor packets and catch-up keep voters in step, equivocations are detected
/// and reported. Time comes from a <see cref="TimeProvider"/> and nothing runs on its own: a driver calls <see cref="Tick"/> (see
/// <see cref="GrandpaVoterWorker"/>) and hands in messages and block imports. When no supermajority is reachable the voter simply keeps
/// rebroadcasting and waiting; block production is never blocked by it. Thread-safe.
/// <list type="bullet">
/// <item>Prevote at round start + 2T (or once the round is completable): the best chain containing the previous round's estimate.</item>
/// <item>Precommit at start + 4T (or once completable): the prevote GHOST, if it descends from the previous round's estimate.</item>
/// <item>A completable round (after our precommit) starts the next one, whose base is the last finalized block.</item>
/// </list>
/// Not modelled: primary proposals, persistence of the voter state across restarts, authority set changes signalled by digests (the
/// node calls <see cref="ChangeAuthoritySet"/>).
/// </summary>
public sealed class GrandpaVoter
{
    private const int MaxEquivocationsKept = 256;

    private readonly object _gate = new();
    private readonly List<Action> _outbox = [];
    private readonly IGrandpaChain _chain;
    private readonly IGrandpaEnvironment _environment;
    private readonly Ed25519KeyPair? _key;
    private readonly AuthorityId? _localId;
    private readonly GrandpaVoterOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _log;
    private readonly List<(ulong Round, SignedVote Vote)> _futureVotes = [];
    private readonly Dictionary<string, (ulong Round, ulong SetId)> _peerViews = [];
    private readonly List<GrandpaEquivocation> _equivocations = [];
    private AuthoritySet _set;
    private VotingRound? _current;
    private VotingRound? _previous;
    private VoteTarget _lastFinalized;
    private CommitMessage? _lastCommit;
    private DateTimeOffset _lastRebroadcast;
    private DateTimeOffset _lastCatchUpRequest = DateTimeOffset.MinValue;

    public GrandpaVoter(
        AuthoritySet authorities,
        IGrandpaChain chain,
        IGrandpaEnvironment environment,
        Ed25519KeyPair? key = null,
        GrandpaVoterOptions? options = null,
        TimeProvider? time = null,
        ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(authorities);
        ArgumentNullException.ThrowIfNull(chain);
        ArgumentNullException.ThrowIfNull(environment);
        _set = authorities;
        _chain = chain;
        _environment = environment;
        _key = key;
        _localId = key is null ? null : new AuthorityId(key.PublicKey);
        _options = options ?? new GrandpaVoterOptions();
        _time = time ?? TimeProvider.System;
        _log = (logger ?? Serilog.Core.Logger.None).ForContext("SourceContext", "grandpa");
    }

    public ulong SetId
    {
        get
        {
            lock (_gate)
            {
                return _set.SetId;
            }
        }
    }

    public AuthoritySet Authorities
    {
        get
        {
            lock (_gate)
            {
                return _set;
            }
        }
    }

    /// <summary>Number of the round being voted (0 before <see cref="Start"/>).</summary>
    public ulong CurrentRound
    {
        get
        {
            lock (_gate)
            {
                return _current?.Number ?? 0;
            }
        }
    }

    public VoteTarget LastFinalized
    {
        get
        {
            lock (_gate)
            {
                return _lastFinalized;
            }
        }
    }

    /// <summary>Whether the local key is a voter of the current set (otherwise the voter only observes).</summary>
    public bool IsVoter
    {
        get
        {
            lock (_gate)
            {
                return IsVoterLocked;
            }
        }
    }

    public IReadOnlyList<GrandpaEquivocation> Equivocations
    {
        get
        {
            lock (_gate)
            {
                return [.. _equivocations];
            }
        }
    }

    private bool IsVoterLocked => _localId is { } id && _set.Contains(id);

    private TimeSpan GossipDuration => _options.GossipDuration;

    /// <summary>Starts round 1 on top of the chain's last finalized block.</summary>
    public void Start()
    {
        lock (_gate)
        {
            _lastFinalized = _chain.LastFinalized;
            _previous = null;
            _current = new VotingRound(1, _lastFinalized, _time.GetUtcNow(), _set);
            _lastRebroadcast = _time.GetUtcNow();
            _log.Information("👴 GRANDPA voter started: set {SetId} with {Voters} voters, {Role}, finalized {Finalized}",
                _set.SetId, _set.Authorities.Count, IsVoterLocked ? "voting" : "observing", _lastFinalized);
            BroadcastNeighbor();
            Evaluate();
        }

        Flush();
    }

    /// <summary>Progress driven by time: timers, round completion, rebroadcasts.</summary>
    public void Tick()
    {
        lock (_gate)
        {
            if (_current is not null)
            {
                Evaluate();
            }
        }

        Flush();
    }

    /// <summary>A block was imported (or finalized through a justification): votes on it can now count.</summary>
    public void OnBlockImported() => Tick();

    /// <summary>A new authority set takes over (its voting starts at round 1 on top of the last finalized block).</summary>
    public void ChangeAuthoritySet(AuthoritySet authorities)
    {
        ArgumentNullException.ThrowIfNull(authorities);
        lock (_gate)
        {
            _set = authorities;
            _futureVotes.Clear();
            _lastFinalized = Max(_lastFinalized, _chain.LastFinalized);
            _previous = null;
            _current = new VotingRound(1, _lastFinalized, _time.GetUtcNow(), _set);
            _log.Information("👴 GRANDPA authority set {SetId} with {Voters} voters takes over", _set.SetId, _set.Authorities.Count);
            BroadcastNeighbor();
            Evaluate();
        }

        Flush();
    }

    /// <summary>A new gossip peer: tell it where we are and what we voted.</summary>
    public void OnPeerConnected(string peer)
    {
        lock (_gate)
        {
            if (_current is null)
            {
                return;
            }

            var neighbor = new NeighborPacket(_current.Number, _set.SetId, _lastFinalized.Number).Encode();
            var messages = new List<byte[]> { neighbor };
            messages.AddRange(OwnVotes(_previous).Concat(OwnVotes(_current)));
            if (_lastCommit is not null)
            {
                messages.Add(_lastCommit.Encode());
            }

            foreach (var message in messages)
            {
                _outbox.Add(() => _environment.SendTo(peer, message));
            }
        }

        Flush();
    }

    public void OnPeerDisconnected(string peer)
    {
        lock (_gate)
        {
            _peerViews.Remove(peer);
        }
    }

    /// <summary>Handles one gossip message from <paramref name="peer"/>.</summary>
    public GrandpaMessageVerdict OnMessage(string peer, ReadOnlySpan<byte> bytes)
    {
        GrandpaMessage message;
        try
        {
            message = GrandpaMessage.Decode(bytes);
        }
        catch (ScaleDecodeException ex)
        {
            _log.Debug("Undecodable GRANDPA message from {Peer}: {Reason}", peer, ex.Message);
            return GrandpaMessageVerdict.Invalid;
        }

        GrandpaMessageVerdict verdict;
        var raw = bytes.ToArray();
        lock (_gate)
        {
            if (_current is null)
            {
                return GrandpaMessageVerdict.Ignored;
            }

            verdict = message switch
            {
                VoteMessage vote => OnVote(peer, vote, raw),
                CommitMessage commit => OnCommit(commit),
                NeighborPacket neighbor => OnNeighbor(peer, neighbor),
                CatchUpRequest request => OnCatchUpRequest(peer, request),
                CatchUpMessage catchUp => OnCatchUp(catchUp),
                _ => GrandpaMessageVerdict.Ignored,
            };
            if (verdict == GrandpaMessageVerdict.Accepted)
            {
                Evaluate();
            }
        }

        Flush();
        return verdict;
    }

    private static VoteTarget Max(VoteTarget a, VoteTarget b) => b.Number > a.Number ? b : a;

    private void Flush()
    {
        List<Action> actions;
        lock (_gate)
        {
            if (_outbox.Count == 0)
            {
                return;
            }

            actions = [.. _outbox];
            _outbox.Clear();
        }

        foreach (var action in actions)
        {
            try
            {
                action();
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                _log.Error(ex, "GRANDPA environment callback failed");
            }
        }
    }

    private void Broadcast(byte[] message) => _outbox.Add(() => _environment.Broadcast(message));

    private void BroadcastNeighbor() => Broadcast(new NeighborPacket(_current!.Number, _set.SetId, _lastFinalized.Number).Encode());

    private IEnumerable<byte[]> OwnVotes(VotingRound? round)
    {
        if (round is null || _localId is not { } me)
        {
            return [];
        }

        return round.Prevotes.Concat(round.Precommits).Where(v => v.Id == me).Select(v => new VoteMessage(round.Number, _set.SetId, v).Encode());
    }

    // ---- the voting state machine -------------------------------------------------------------------------------------------------

    private void Evaluate()
    {
        for (var pass = 0; pass < 4; pass++)
        {
            _lastFinalized = Max(_lastFinalized, _chain.LastFinalized);
            if (_previous is not null)
            {
                _previous.Update(_chain);
                TryFinalize(_previous);
            }

            var round = _current!;
            round.Update(_chain);
            TryFinalize(round);
            var now = _time.GetUtcNow();
            if (IsVoterLocked)
            {
                if (!round.Prevoted && (now >= round.Start + (2 * GossipDuration) || round.Completable))
                {
                    var estimate = LastRoundEstimate(round);
                    Vote(round, VoteKind.Prevote, _chain.BestChainContaining(estimate.Hash) ?? estimate);
                    round.Update(_chain);
                }

                if (round.Prevoted && !round.Precommitted && round.PrevoteGhost is { } ghost && (now >= round.Start + (4 * GossipDuration) || round.Completable))
                {
                    var estimate = LastRoundEstimate(round);
                    if (ghost == estimate || _chain.Ancestry(estimate.Hash, ghost.Hash) is not null)
                    {
                        Vote(round, VoteKind.Precommit, ghost);
                        round.Update(_chain);
                        TryFinalize(round);
                    }
                }
            }

            // Move on once the round is completable and we voted in it; a voter that could not precommit (its estimate is not below
            // the GHOST) does not hold the round open forever.
            if (round.Completable && (round.Precommitted || !IsVoterLocked || now >= round.Start + (8 * GossipDuration)))
            {
                StartNextRound(now);
                continue;
            }

            if (now - _lastRebroadcast >= _options.RebroadcastInterval)
            {
                _lastRebroadcast = now;
                foreach (var message in OwnVotes(_previous).Concat(OwnVotes(round)))
                {
                    Broadcast(message);
                }

                if (_lastCommit is not null)
                {
                    Broadcast(_lastCommit.Encode());
                }

                BroadcastNeighbor();
            }

            break;
        }
    }

    private VoteTarget LastRoundEstimate(VotingRound round)
    {
        if (_previous?.Estimate is { } estimate && (estimate == round.Base || _chain.Ancestry(round.Base.Hash, estimate.Hash) is not null))
        {
            return estimate;
        }

        return round.Base;
    }

    private void Vote(VotingRound round, VoteKind kind, VoteTarget target)
    {
        var vote = SignedVote.Sign(_key!, kind, target, round.Number, _set.SetId);
        round.Add(vote, out _);
        if (kind == VoteKind.Prevote)
        {
            round.Prevoted = true;
        }
        else
        {
            round.Precommitted = true;
        }

        _log.Debug("GRANDPA round {Round}: {Kind} for {Target}", round.Number, kind, target);
        Broadcast(new VoteMessage(round.Number, _set.SetId, vote).Encode());
    }

    private void StartNextRound(DateTimeOffset now)
    {
        _previous = _current;
        _current = new VotingRound(_previous!.Number + 1, _lastFinalized, now, _set);
        _lastRebroadcast = now;
        _log.Debug("GRANDPA round {Round} completed (estimate {Estimate}); starting round {Next}", _previous.Number, _previous.Estimate, _current.Number);
        BroadcastNeighbor();
        foreach (var (_, vote) in _futureVotes.Where(f => f.Round == _current.Number).ToList())
        {
            AddVote(_current, vote);
        }

        _futureVotes.RemoveAll(f => f.Round <= _current.Number);
    }

    private void TryFinalize(VotingRound round)
    {
        if (round.Finalized is not { } target || target.Number <= _lastFinalized.Number)
        {
            return;
        }

        if (_chain.Ancestry(_lastFinalized.Hash, target.Hash) is null)
        {
            _log.Error("GRANDPA round {Round} finalizes {Target}, which does not descend from the finalized {Finalized}", round.Number, target, _lastFinalized);
            return;
        }

        var justification = BuildJustification(round.Number, target, round.Precommits);
        if (justification is null)
        {
            return;
        }

        Finalize(target, justification, new CommitMessage(round.Number, _set.SetId, justification.Commit));
    }

    private void Finalize(VoteTarget target, GrandpaJustification justification, CommitMessage commit)
    {
        _lastFinalized = target;
        _lastCommit = commit;
        _log.Information("✨ GRANDPA finalized {Target} in round {Round} of set {SetId}", target, commit.Round, commit.SetId);
        _outbox.Add(() => _environment.Finalize(target, justification));
        Broadcast(commit.Encode());
    }

    /// <summary>A justification from the precommits on the target's subtree, with the headers linking them to it.</summary>
    private GrandpaJustification? BuildJustification(ulong round, VoteTarget target, IEnumerable<SignedVote> precommits)
    {
        var chosen = new List<SignedVote>();
        var headers = new Dictionary<Hash256, AncestryHeader>();
        foreach (var precommit in precommits)
        {
            if (precommit.Target == target)
            {
                chosen.Add(precommit);
                continue;
            }

            var route = _chain.Ancestry(target.Hash, precommit.Target.Hash);
            if (route is null || route.Count != precommit.Target.Number - target.Number)
            {
                continue;
            }

            foreach (var hash in route)
            {
                if (headers.ContainsKey(hash))
                {
                    continue;
                }

                var encoded = _chain.Header(hash);
                if (encoded is null)
                {
                    return null;
                }

                headers[hash] = AncestryHeader.Decode(encoded);
            }

            chosen.Add(precommit);
        }

        return new GrandpaJustification(round, new GrandpaCommit(target, chosen), [.. headers.Values.OrderByDescending(h => h.Number)]);
    }

    // ---- incoming messages ---------------------------------------------------------------------------------------------------------

    private GrandpaMessageVerdict OnVote(string peer, VoteMessage message, byte[] raw)
    {
        if (message.SetId != _set.SetId || message.Vote.Kind == VoteKind.PrimaryPropose)
        {
            return GrandpaMessageVerdict.Ignored;
        }

        if (!_set.Contains(message.Vote.Id))
        {
            return GrandpaMessageVerdict.Invalid;
        }

        var current = _current!;
        VotingRound? round = message.Round == current.Number ? current : message.Round == _previous?.Number ? _previous : null;
        if (round is null)
        {
            if (message.Round == current.Number + 1)
            {
                if (!message.Vote.Verify(message.Round, message.SetId))
                {
                    return GrandpaMessageVerdict.Invalid;
                }

                if (_futureVotes.Count < 4 * _set.Authorities.Count && !_futureVotes.Exists(f => f.Round == message.Round && f.Vote.Equals(message.Vote)))
                {
                    _futureVotes.Add((message.Round, message.Vote));
                    Broadcast(raw);
                    return GrandpaMessageVerdict.Accepted;
                }

                return GrandpaMessageVerdict.Duplicate;
            }

            if (message.Round > current.Number + 1)
            {
                MaybeRequestCatchUp(peer, message.Round);
            }

            return GrandpaMessageVerdict.Ignored;
        }

        if (!message.Vote.Verify(message.Round, message.SetId))
        {
            return GrandpaMessageVerdict.Invalid;
        }

        var addition = AddVote(round, message.Vote);
        if (addition == VoteAddition.Duplicate)
        {
            return GrandpaMessageVerdict.Duplicate;
        }

        Broadcast(raw); // gossip on; the network drops it for peers that already have it
        return GrandpaMessageVerdict.Accepted;
    }

    private VoteAddition AddVote(VotingRound round, SignedVote vote)
    {
        var addition = round.Add(vote, out var first);
        if (addition == VoteAddition.Equivocation)
        {
            var equivocation = new GrandpaEquivocation(_set.SetId, round.Number, vote.Kind, vote.Id, first!, vote);
            _log.Warning("⚠️ GRANDPA equivocation by {Voter} in round {Round} ({Kind}): {First} and {Second}", vote.Id, round.Number, vote.Kind, first!.Target, vote.Target);
            if (_equivocations.Count < MaxEquivocationsKept)
            {
                _equivocations.Add(equivocation);
            }

            _outbox.Add(() => _environment.ReportEquivocation(equivocation));
        }

        return addition;
    }

    private GrandpaMessageVerdict OnCommit(CommitMessage message)
    {
        if (message.SetId != _set.SetId)
        {
            return GrandpaMessageVerdict.Ignored;
        }

        var commit = message.Commit;
        var voters = new HashSet<AuthorityId>();
        ulong weight = 0;
        foreach (var precommit in commit.Precommits)
        {
            if (!_set.Contains(precommit.Id) || !precommit.Verify(message.Round, message.SetId))
            {
                return GrandpaMessageVerdict.Invalid;
            }

            if (precommit.Target != commit.Target)
            {
                var route = _chain.Ancestry(commit.Target.Hash, precommit.Target.Hash);
                if (route is null || route.Count != precommit.Target.Number - commit.Target.Number)
                {
                    return GrandpaMessageVerdict.Ignored; // unknown blocks (or a lie we cannot tell yet)
                }
            }

            if (voters.Add(precommit.Id))
            {
                weight += _set.WeightOf(precommit.Id);
            }
        }

        if (weight < _set.Threshold)
        {
            return GrandpaMessageVerdict.Invalid;
        }

        if (commit.Target.Number <= _lastFinalized.Number)
        {
            return GrandpaMessageVerdict.Duplicate;
        }

        if (_chain.Ancestry(_lastFinalized.Hash, commit.Target.Hash) is null)
        {
            return GrandpaMessageVerdict.Ignored;
        }

        var justification = BuildJustification(message.Round, commit.Target, commit.Precommits);
        if (justification is null || justification.Commit.Precommits.Count != commit.Precommits.Count)
        {
            return GrandpaMessageVerdict.Ignored;
        }

        Finalize(commit.Target, justification, message);
        return GrandpaMessageVerdict.Accepted;
    }

    private GrandpaMessageVerdict OnNeighbor(string peer, NeighborPacket packet)
    {
        _peerViews[peer] = (packet.Round, packet.SetId);
        if (packet.SetId == _set.SetId && packet.Round >= _current!.Number + 2)
        {
            MaybeRequestCatchUp(peer, packet.Round);
        }

        return GrandpaMessageVerdict.Accepted;
    }

    private void MaybeRequestCatchUp(string peer, ulong round)
    {
        var now = _time.GetUtcNow();
        if (now - _lastCatchUpRequest < _options.CatchUpInterval)
        {
            return;
        }

        _lastCatchUpRequest = now;
        _log.Debug("GRANDPA: {Peer} is in round {Round}, we are in {Ours}; asking it to catch us up", peer, round, _current!.Number);
        var request = new CatchUpRequest(round, _set.SetId).Encode();
        _outbox.Add(() => _environment.SendTo(peer, request));
    }

    private GrandpaMessageVerdict OnCatchUpRequest(string peer, CatchUpRequest request)
    {
        if (request.SetId != _set.SetId || request.Round > _current!.Number || _previous is not { Completable: true } completed)
        {
            return GrandpaMessageVerdict.Ignored;
        }

        var answer = new CatchUpMessage(_set.SetId, completed.Number, [.. completed.Prevotes], [.. completed.Precommits], completed.Base).Encode();
        _outbox.Add(() => _environment.SendTo(peer, answer));
        return GrandpaMessageVerdict.Accepted;
    }

    private GrandpaMessageVerdict OnCatchUp(CatchUpMessage message)
    {
        if (message.SetId != _set.SetId || message.Round < _current!.Number)
        {
            return GrandpaMessageVerdict.Ignored;
        }

        var round = new VotingRound(message.Round, message.Base, _time.GetUtcNow(), _set);
        foreach (var vote in message.Prevotes.Concat(message.Precommits))
        {
            if (!_set.Contains(vote.Id) || !vote.Verify(message.Round, message.SetId))
            {
                return GrandpaMessageVerdict.Invalid;
            }

            round.Add(vote, out _);
        }

        round.Update(_chain);
        if (!round.Completable)
        {
            return GrandpaMessageVerdict.Ignored; // blocks we lack, or not a proof
        }

        round.Prevoted = round.Precommitted = true;
        _log.Information("GRANDPA caught up to round {Round}", message.Round + 1);
        _previous = round;
        TryFinalize(round);
        _current = new VotingRound(message.Round + 1, _lastFinalized, _time.GetUtcNow(), _set);
        BroadcastNeighbor();
        foreach (var (_, vote) in _futureVotes.Where(f => f.Round == _current.Number).ToList())
        {
            AddVote(_current, vote);
        }

        _futureVotes.RemoveAll(f => f.Round <= _current.Number);
        return GrandpaMessageVerdict.Accepted;
    }
}
