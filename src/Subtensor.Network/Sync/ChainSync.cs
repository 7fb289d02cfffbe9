using Subtensor.Core.Scale;
using Subtensor.Core.Types;
using Subtensor.Network.Identity;
using Subtensor.Network.Peers;
using Subtensor.Network.Substrate;

namespace Subtensor.Network.Sync;

/// <summary>
/// Full sync as a sans-IO state machine (after sc-network-sync <c>ChainSync</c> and smoldot's <c>all_forks</c>): no sockets, no clocks.
/// The driver feeds it peers, announces, responses and import results, and asks it which requests to send and which blocks to import.
/// <list type="bullet">
/// <item>Ranges: above the last queued block, each idle peer whose best is higher downloads the next missing range of up to
/// <see cref="ChainSyncOptions.MaxBlocksPerRequest"/> blocks (ascending, by number), so several peers work in parallel; completed ranges
/// are released for import in order, at most <see cref="ChainSyncOptions.MaxDownloadAhead"/> blocks ahead.</item>
/// <item>Forks: an announced block we lack, a peer's best block we lack, or a range whose first parent is unknown becomes a fork target,
/// fetched descending by hash until a known ancestor appears; the branch is then imported parent first (the importer re-orgs).</item>
/// <item>Every response is checked (hashes, numbers, parent links); a peer that lies is reported with a fatal reputation change, and a
/// peer whose block the importer finds invalid is reported too.</item>
/// </list>
/// Not thread-safe: one driver thread owns it.
/// </summary>
public sealed class ChainSync
{
    private const BlockAttributes Fields = BlockAttributes.Header | BlockAttributes.Body | BlockAttributes.Justification;

    private readonly IChainBackend _chain;
    private readonly ChainSyncOptions _options;
    private readonly Dictionary<PeerId, PeerSync> _peers = [];
    private readonly SortedDictionary<uint, BlockRange> _ranges = [];
    private readonly Dictionary<Hash256, ForkTarget> _forks = [];
    private readonly Dictionary<Hash256, uint> _queued = [];
    private readonly List<IncomingBlock> _ready = [];
    private readonly List<PeerReport> _reports = [];
    private readonly HashSet<Hash256> _abandoned = [];
    private uint _bestQueuedNumber;
    private ulong _nextRequestId;

    public ChainSync(IChainBackend chain, ChainSyncOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(chain);
        _chain = chain;
        _options = options ?? new ChainSyncOptions();
        var info = chain.Info;
        _bestQueuedNumber = info.BestNumber;
        StartingBlock = info.BestNumber;
    }

    /// <summary>Best block number when sync started (<c>system_syncState.startingBlock</c>).</summary>
    public uint StartingBlock { get; }

    public int PeerCount => _peers.Count;

    /// <summary>Highest block number handed out for import (or imported).</summary>
    public uint BestQueuedNumber => _bestQueuedNumber;

    /// <summary>Blocks waiting in sync's queue or in the import queue.</summary>
    public int QueuedBlocks => _queued.Count;

    /// <summary>Median of the peers' best numbers, as Substrate's <c>median_seen</c>; null without peers.</summary>
    public uint? MedianSeen
    {
        get
        {
            if (_peers.Count == 0)
            {
                return null;
            }

            var numbers = _peers.Values.Select(p => p.BestNumber).Order().ToList();
            return numbers[numbers.Count / 2];
        }
    }

    /// <summary>Highest best number any peer claims.</summary>
    public uint? HighestSeen => _peers.Count == 0 ? null : _peers.Values.Max(p => p.BestNumber);

    /// <summary>Whether the node is far behind its peers (<c>system_health.isSyncing</c>).</summary>
    public bool IsMajorSyncing => MedianSeen is { } seen && seen > _chain.Info.BestNumber + _options.MajorSyncBlocks;

    public SyncState State
    {
        get
        {
            var current = _chain.Info.BestNumber;
            return new SyncState(StartingBlock, current, Math.Max(current, HighestSeen ?? 0));
        }
    }

    /// <summary>A peer opened block announces with us; its handshake tells its best block.</summary>
    public void AddPeer(PeerId peer, Hash256 bestHash, uint bestNumber)
    {
        ArgumentNullException.ThrowIfNull(peer);
        _peers[peer] = new PeerSync(bestHash, bestNumber);
    }

    public void RemovePeer(PeerId peer)
    {
        if (!_peers.Remove(peer, out var state))
        {
            return;
        }

        if (state.InFlight is { Kind: RequestKind.Range } range)
        {
            if (_ranges.TryGetValue(range.RangeStart, out var r) && r.RequestId == range.Id)
            {
                _ranges.Remove(range.RangeStart);
            }
        }

        foreach (var fork in _forks.Values.ToList())
        {
            fork.Peers.Remove(peer);
            if (state.InFlight is { Kind: RequestKind.Fork } f && f.ForkHash == fork.TopHash)
            {
                fork.InFlight = false;
            }

            if (fork.Peers.Count == 0 && !fork.InFlight)
            {
                _forks.Remove(fork.TopHash);
            }
        }
    }

    public bool HasPeer(PeerId peer) => _peers.ContainsKey(peer);

    /// <summary>A block announcement: updates the peer's best and schedules the block (and its missing ancestors) for download.</summary>
    public void OnBlockAnnounce(PeerId peer, HeaderSummary header, bool isBest)
    {
        ArgumentNullException.ThrowIfNull(header);
        if (!_peers.TryGetValue(peer, out var state))
        {
            return;
        }

        if (isBest || header.Number > state.BestNumber)
        {
            state.BestHash = header.Hash;
            state.BestNumber = header.Number;
        }

        if (IsKnownOrQueued(header.Hash) || header.Number <= _chain.Info.FinalizedNumber)
        {
            return;
        }

        if (header.Number > _bestQueuedNumber + _options.MaxBlocksPerRequest)
        {
            return; // far ahead: range sync fetches it
        }

        if (_forks.TryGetValue(header.Hash, out var existing))
        {
            existing.Peers.Add(peer);
            return;
        }

        _forks[header.Hash] = new ForkTarget(header.Hash, header.Number, peer) { KnownParent = IsKnownOrQueued(header.ParentHash) };
    }

    /// <summary>Requests to send now: at most one per idle peer.</summary>
    public IReadOnlyList<SyncRequest> NextRequests()
    {
        var info = _chain.Info;
        _bestQueuedNumber = Math.Max(_bestQueuedNumber, info.BestNumber);
        foreach (var done in _forks.Values.Where(f => !f.InFlight && IsKnownOrQueued(f.TopHash)).ToList())
        {
            _forks.Remove(done.TopHash);
        }

        var requests = new List<SyncRequest>();
        foreach (var (peer, state) in _peers.OrderByDescending(p => p.Value.BestNumber))
        {
            if (state.InFlight is not null)
            {
                continue;
            }

            if (state.BestNumber <= _bestQueuedNumber && state.BestNumber > info.FinalizedNumber && state.CheckedBestHash != state.BestHash
                && !IsKnownOrQueued(state.BestHash))
            {
                state.CheckedBestHash = state.BestHash;
                if (_forks.TryGetValue(state.BestHash, out var known))
                {
                    known.Peers.Add(peer);
                }
                else
                {
                    _forks[state.BestHash] = new ForkTarget(state.BestHash, state.BestNumber, peer);
                }
            }

            if (NextForkRequest(peer, state, info) is { } forkRequest)
            {
                requests.Add(forkRequest);
            }
            else if (NextRangeRequest(peer, state) is { } rangeRequest)
            {
                requests.Add(rangeRequest);
            }
        }

        return requests;
    }

    /// <summary>The answer to request <paramref name="requestId"/> of <paramref name="peer"/>.</summary>
    public void OnBlockResponse(PeerId peer, ulong requestId, BlockResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (!_peers.TryGetValue(peer, out var state) || state.InFlight is not { } inFlight || inFlight.Id != requestId)
        {
            return;
        }

        state.InFlight = null;
        if (inFlight.Kind == RequestKind.Range)
        {
            OnRangeResponse(peer, state, inFlight, response);
        }
        else
        {
            OnForkResponse(peer, inFlight, response);
        }
    }

    /// <summary>Request <paramref name="requestId"/> failed (timeout, refusal, undecodable answer); the work goes back to the pool.</summary>
    public void OnRequestFailed(PeerId peer, ulong requestId)
    {
        if (!_peers.TryGetValue(peer, out var state) || state.InFlight is not { } inFlight || inFlight.Id != requestId)
        {
            return;
        }

        state.InFlight = null;
        if (inFlight.Kind == RequestKind.Range)
        {
            if (_ranges.TryGetValue(inFlight.RangeStart, out var range) && range.RequestId == requestId)
            {
                _ranges.Remove(inFlight.RangeStart);
            }
        }
        else if (_forks.TryGetValue(inFlight.ForkHash, out var fork))
        {
            fork.InFlight = false;
            fork.Peers.Remove(peer);
            if (fork.Peers.Count == 0)
            {
                _forks.Remove(fork.TopHash);
            }
        }
    }

    /// <summary>Blocks ready for the import queue, parents first.</summary>
    public IReadOnlyList<IncomingBlock> TakeBlocksToImport(int max)
    {
        var count = Math.Min(max, _ready.Count);
        var batch = _ready.GetRange(0, count);
        _ready.RemoveRange(0, count);
        return batch;
    }

    /// <summary>Results of a batch from <see cref="TakeBlocksToImport"/>; failures restart sync from the chain's best block.</summary>
    public void OnBlocksProcessed(IReadOnlyList<IncomingBlock> blocks, IReadOnlyList<BlockImportResult> results)
    {
        ArgumentNullException.ThrowIfNull(blocks);
        ArgumentNullException.ThrowIfNull(results);
        var restart = results.Count < blocks.Count;
        for (var i = 0; i < blocks.Count; i++)
        {
            var block = blocks[i];
            _queued.Remove(block.Hash);
            if (i >= results.Count)
            {
                continue;
            }

            switch (results[i].Outcome)
            {
                case BlockImportOutcome.Imported or BlockImportOutcome.AlreadyKnown:
                    break;
                case BlockImportOutcome.UnknownParent:
                    restart = true;
                    if (block.Origin is { } origin && _peers.ContainsKey(origin) && !_forks.ContainsKey(block.Header.ParentHash)
                        && block.Number > _chain.Info.FinalizedNumber + 1)
                    {
                        _forks[block.Header.ParentHash] = new ForkTarget(block.Header.ParentHash, block.Number - 1, origin);
                    }

                    break;
                case BlockImportOutcome.Invalid:
                    restart = true;
                    if (block.Origin is { } bad)
                    {
                        _reports.Add(new PeerReport(bad, ReputationChange.BadBlock));
                        RemovePeer(bad);
                    }

                    break;
                default:
                    restart = true;
                    break;
            }
        }

        if (restart)
        {
            Restart();
        }
    }

    /// <summary>Reputation changes for peers, collected since the last call.</summary>
    public IReadOnlyList<PeerReport> TakeReports()
    {
        var reports = _reports.ToList();
        _reports.Clear();
        return reports;
    }

    private bool IsKnownOrQueued(Hash256 hash) => _queued.ContainsKey(hash) || _chain.IsKnown(hash);

    private void Restart()
    {
        _queued.Clear();
        _ready.Clear();
        _ranges.Clear();
        foreach (var fork in _forks.Values)
        {
            fork.Collected.Clear();
            fork.NextHash = fork.TopHash;
            fork.NextNumber = fork.TopNumber;
        }

        _bestQueuedNumber = _chain.Info.BestNumber;
    }

    private SyncRequest? NextForkRequest(PeerId peer, PeerSync state, ChainInfo info)
    {
        var fork = _forks.Values.FirstOrDefault(f => !f.InFlight && f.Peers.Contains(peer));
        if (fork is null)
        {
            return null;
        }

        var count = fork.KnownParent && fork.Collected.Count == 0
            ? 1u
            : Math.Clamp(fork.NextNumber - Math.Min(info.FinalizedNumber, fork.NextNumber), 1u, _options.MaxBlocksPerRequest);
        fork.InFlight = true;
        var id = ++_nextRequestId;
        state.InFlight = new InFlightRequest(id, RequestKind.Fork, 0, count, fork.TopHash);
        return new SyncRequest(id, peer, BlockRequest.ByHash(fork.NextHash, count, BlockRequestDirection.Descending, Fields));
    }

    private SyncRequest? NextRangeRequest(PeerId peer, PeerSync state)
    {
        if (state.BestNumber <= _bestQueuedNumber || _queued.Count >= _options.MaxImportingBlocks)
        {
            return null;
        }

        var start = _bestQueuedNumber + 1;
        uint? nextStart = null;
        foreach (var range in _ranges.Values)
        {
            if (range.End <= start)
            {
                continue;
            }

            if (range.Start <= start)
            {
                start = range.End;
                continue;
            }

            nextStart = range.Start;
            break;
        }

        var limit = (ulong)_bestQueuedNumber + 1 + _options.MaxDownloadAhead;
        if (start > state.BestNumber || start >= limit)
        {
            return null;
        }

        var end = Math.Min((ulong)start + _options.MaxBlocksPerRequest, Math.Min((ulong)state.BestNumber + 1, limit));
        if (nextStart is { } next)
        {
            end = Math.Min(end, next);
        }

        var count = (uint)(end - start);
        var id = ++_nextRequestId;
        _ranges[start] = new BlockRange(start, count, peer, id);
        state.InFlight = new InFlightRequest(id, RequestKind.Range, start, count, default);
        return new SyncRequest(id, peer, BlockRequest.ByNumber(start, count, BlockRequestDirection.Ascending, Fields));
    }

    private void OnRangeResponse(PeerId peer, PeerSync state, InFlightRequest request, BlockResponse response)
    {
        if (!_ranges.TryGetValue(request.RangeStart, out var range) || range.RequestId != request.Id)
        {
            return; // discarded by a restart meanwhile
        }

        if (response.Blocks.Count == 0)
        {
            // The peer does not have what it claimed; stop asking it for this height.
            _ranges.Remove(request.RangeStart);
            state.BestNumber = Math.Min(state.BestNumber, request.RangeStart - 1);
            return;
        }

        var blocks = Validate(peer, response, request.Count, Direction.Ascending, expectedFirstNumber: request.RangeStart, expectedFirstHash: null);
        if (blocks is null)
        {
            _ranges.Remove(request.RangeStart);
            return;
        }

        range.Count = (uint)blocks.Count;
        range.Blocks = blocks;
        Drain();
    }

    private void OnForkResponse(PeerId peer, InFlightRequest request, BlockResponse response)
    {
        if (!_forks.TryGetValue(request.ForkHash, out var fork))
        {
            return;
        }

        fork.InFlight = false;
        if (response.Blocks.Count == 0)
        {
            fork.Peers.Remove(peer);
            if (fork.Peers.Count == 0)
            {
                _forks.Remove(fork.TopHash);
            }

            return;
        }

        var blocks = Validate(peer, response, request.Count, Direction.Descending, expectedFirstNumber: fork.NextNumber, expectedFirstHash: fork.NextHash);
        if (blocks is null)
        {
            fork.Peers.Remove(peer);
            if (fork.Peers.Count == 0)
            {
                _forks.Remove(fork.TopHash);
            }

            return;
        }

        for (var i = 0; i < blocks.Count; i++)
        {
            if (IsKnownOrQueued(blocks[i].Hash))
            {
                Complete(fork, blocks.GetRange(0, i));
                return;
            }

            if (IsKnownOrQueued(blocks[i].Header.ParentHash))
            {
                Complete(fork, blocks.GetRange(0, i + 1));
                return;
            }
        }

        fork.Collected.AddRange(blocks);
        var lowest = blocks[^1];
        var finalized = _chain.Info.FinalizedNumber;
        if (lowest.Number <= finalized + 1 || fork.Collected.Count >= _options.MaxForkLength)
        {
            Abandon(fork); // the branch leaves the finalized chain, or is too long to fetch backwards
            return;
        }

        fork.NextHash = lowest.Header.ParentHash;
        fork.NextNumber = lowest.Number - 1;
        fork.KnownParent = false;
    }

    private void Abandon(ForkTarget fork)
    {
        _forks.Remove(fork.TopHash);
        if (_abandoned.Count >= 1024)
        {
            _abandoned.Clear();
        }

        _abandoned.Add(fork.TopHash);
        _abandoned.Add(fork.NextHash);
    }

    private void Complete(ForkTarget fork, List<IncomingBlock> lowestPart)
    {
        _forks.Remove(fork.TopHash);
        var descending = fork.Collected.Concat(lowestPart).ToList();
        descending.Reverse();
        Enqueue(descending);
    }

    private void Enqueue(List<IncomingBlock> ascending)
    {
        foreach (var block in ascending)
        {
            if (_queued.TryAdd(block.Hash, block.Number))
            {
                _ready.Add(block);
                _bestQueuedNumber = Math.Max(_bestQueuedNumber, block.Number);
            }
        }
    }

    // Releases completed ranges in order; a range whose first new block does not link to anything we have turns into a fork target.
    private void Drain()
    {
        while (_ranges.Count > 0)
        {
            var range = _ranges.First().Value;
            if (range.Start > _bestQueuedNumber + 1)
            {
                break;
            }

            if (range.Blocks is null)
            {
                if (range.End <= _bestQueuedNumber + 1)
                {
                    _ranges.Remove(range.Start); // made useless by blocks queued meanwhile; its answer will be ignored
                    continue;
                }

                break;
            }

            _ranges.Remove(range.Start);
            var fresh = range.Blocks.Where(b => !IsKnownOrQueued(b.Hash)).ToList();
            if (fresh.Count == 0)
            {
                continue;
            }

            var first = fresh[0];
            if (!IsKnownOrQueued(first.Header.ParentHash))
            {
                if (_abandoned.Contains(first.Header.ParentHash) || first.Number <= _chain.Info.FinalizedNumber + 1)
                {
                    _reports.Add(new PeerReport(range.Peer, ReputationChange.Fatal("Chain conflicts with our finalized chain")));
                    RemovePeer(range.Peer);
                }
                else if (_peers.ContainsKey(range.Peer) && !_forks.ContainsKey(first.Header.ParentHash))
                {
                    _forks[first.Header.ParentHash] = new ForkTarget(first.Header.ParentHash, first.Number - 1, range.Peer);
                }

                _ranges.Clear();
                break;
            }

            Enqueue(fresh);
        }
    }

    private List<IncomingBlock>? Validate(PeerId peer, BlockResponse response, uint requested, Direction direction, uint expectedFirstNumber, Hash256? expectedFirstHash)
    {
        if (response.Blocks.Count > requested)
        {
            return Reject(peer, $"{response.Blocks.Count} blocks for a request of {requested}");
        }

        var result = new List<IncomingBlock>(response.Blocks.Count);
        foreach (var data in response.Blocks)
        {
            if (data.Header is null)
            {
                return Reject(peer, "block without the requested header");
            }

            HeaderSummary header;
            try
            {
                header = HeaderSummary.Decode(data.Header);
            }
            catch (ScaleDecodeException)
            {
                return Reject(peer, "undecodable header");
            }

            if (header.Hash != data.Hash)
            {
                return Reject(peer, "header does not hash to the given hash");
            }

            var expectedNumber = direction == Direction.Ascending ? expectedFirstNumber + (uint)result.Count : expectedFirstNumber - (uint)result.Count;
            if (header.Number != expectedNumber)
            {
                return Reject(peer, $"block #{header.Number} where #{expectedNumber} was due");
            }

            if (result.Count == 0 && expectedFirstHash is { } firstHash && header.Hash != firstHash)
            {
                return Reject(peer, "first block is not the requested one");
            }

            if (result.Count > 0)
            {
                var previous = result[^1];
                var linked = direction == Direction.Ascending ? header.ParentHash == previous.Hash : previous.Header.ParentHash == header.Hash;
                if (!linked)
                {
                    return Reject(peer, "blocks do not form a chain");
                }
            }

            result.Add(new IncomingBlock(header, data.Body ?? [], data.Justifications, peer));
            if (direction == Direction.Descending && header.Number == 0)
            {
                break;
            }
        }

        return result;
    }

    private List<IncomingBlock>? Reject(PeerId peer, string reason)
    {
        _reports.Add(new PeerReport(peer, ReputationChange.Fatal("Invalid block response: " + reason)));
        RemovePeer(peer);
        return null;
    }

    private enum Direction
    {
        Ascending,
        Descending,
    }

    private enum RequestKind
    {
        Range,
        Fork,
    }

    private sealed record InFlightRequest(ulong Id, RequestKind Kind, uint RangeStart, uint Count, Hash256 ForkHash);

    private sealed class PeerSync(Hash256 bestHash, uint bestNumber)
    {
        public Hash256 BestHash { get; set; } = bestHash;

        public uint BestNumber { get; set; } = bestNumber;

        public Hash256? CheckedBestHash { get; set; }

        public InFlightRequest? InFlight { get; set; }
    }

    private sealed class BlockRange(uint start, uint count, PeerId peer, ulong requestId)
    {
        public uint Start { get; } = start;

        public uint Count { get; set; } = count;

        public uint End => Start + Count;

        public PeerId Peer { get; } = peer;

        public ulong RequestId { get; } = requestId;

        public List<IncomingBlock>? Blocks { get; set; }
    }

    private sealed class ForkTarget(Hash256 topHash, uint topNumber, PeerId peer)
    {
        public Hash256 TopHash { get; } = topHash;

        public uint TopNumber { get; } = topNumber;

        public HashSet<PeerId> Peers { get; } = [peer];

        public Hash256 NextHash { get; set; } = topHash;

        public uint NextNumber { get; set; } = topNumber;

        public bool KnownParent { get; set; }

        public bool InFlight { get; set; }

        public List<IncomingBlock> Collected { get; } = [];
    }
}
