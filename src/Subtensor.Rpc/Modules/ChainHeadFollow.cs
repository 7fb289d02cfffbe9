using System.Text.Json.Nodes;
using Serilog;
using Subtensor.Client.Blockchain;
using Subtensor.Core.Types;
using Subtensor.Rpc.JsonRpc;

namespace Subtensor.Rpc.Modules;

/// <summary>
/// One <c>chainHead_v1_follow</c> subscription: the blocks it reported and pinned, the finalized block it knows, its
/// operations, and the event stream (<c>initialized</c>, <c>newBlock</c>, <c>bestBlockChanged</c>, <c>finalized</c>,
/// <c>stop</c>) built from the client's import and finality events, in an order where every block's parent was reported
/// first or is the finalized block.
/// </summary>
internal sealed class ChainHeadFollow : IDisposable
{
    private static readonly ILogger Log = Serilog.Log.ForContext<ChainHeadFollow>();
    private readonly object _gate = new();
    private readonly object _postGate = new();
    private readonly StateAccess _state;
    private readonly IRpcSubscriptionSink _sink;
    private readonly int _maxPinned;
    private readonly Action<ChainHeadFollow> _onStop;
    private readonly HashSet<Hash256> _pinned = [];
    private readonly Dictionary<Hash256, uint> _unfinalized = [];
    private readonly Dictionary<Hash256, RuntimeVersion> _runtimes = [];
    private readonly Dictionary<string, ChainHeadOperation> _operations = new(StringComparer.Ordinal);
    private readonly List<object> _buffered = [];
    private readonly EventPump<object> _pump;
    private readonly Action<BlockImportedEvent> _onImported;
    private readonly Action<FinalizedEvent> _onFinalized;
    private bool _initialized;
    private bool _stopped;
    private Hash256 _finalized;
    private uint _finalizedNumber;
    private Hash256 _best;
    private int _nextOperation;

    public ChainHeadFollow(StateAccess state, IRpcSubscriptionSink sink, bool withRuntime, int maxPinned, Action<ChainHeadFollow> onStop)
    {
        _state = state;
        _sink = sink;
        WithRuntime = withRuntime;
        _maxPinned = maxPinned;
        _onStop = onStop;
        _pump = new EventPump<object>(sink, (item, _) => ValueTask.FromResult(Handle(item)));
        _onImported = e => Post(e);
        _onFinalized = e => Post(e);
        Client.BlockImported += _onImported;
        Client.BlocksFinalized += _onFinalized;
        _pump.OnDispose(() =>
        {
            Client.BlockImported -= _onImported;
            Client.BlocksFinalized -= _onFinalized;
        });
    }

    public string Id => _sink.SubscriptionId;

    public object Connection => _sink.Connection;

    public bool WithRuntime { get; }

    private ChainClient Client => _state.Client;

    /// <summary>
    /// Sends <c>initialized</c>, a <c>newBlock</c> for each non-finalized block (parents first) and <c>bestBlockChanged</c>;
    /// events raised meanwhile were buffered and are handled afterwards (blocks already reported are skipped).
    /// </summary>
    public void Initialize()
    {
        lock (_gate)
        {
            var finalized = Client.Finalized;
            _finalized = finalized.Hash;
            _finalizedNumber = finalized.Number;
            _pinned.Add(finalized.Hash);
            var initialized = new JsonObject
            {
                ["event"] = "initialized",
                ["finalizedBlockHashes"] = new JsonArray(RpcJson.Hash(finalized.Hash)),
            };
            if (WithRuntime)
            {
                var version = _state.VersionAt(finalized.Hash);
                _runtimes[finalized.Hash] = version;
                initialized["finalizedBlockRuntime"] = RpcJson.RuntimeSpec(version);
            }

            _sink.TrySend(initialized);
            foreach (var (hash, number) in Client.Database.UnfinalizedBlocks.Where(b => b.Value > _finalizedNumber).OrderBy(b => b.Value))
            {
                if (Client.GetHeader(hash) is { } header && IsReported(header.ParentHash))
                {
                    ReportNewBlock(hash, header);
                }
            }

            var best = Client.Best.Hash;
            _best = IsReported(best) ? best : _finalized;
            _sink.TrySend(new JsonObject { ["event"] = "bestBlockChanged", ["bestBlockHash"] = RpcJson.Hash(_best) });
        }

        lock (_postGate)
        {
            _initialized = true;
            foreach (var item in _buffered)
            {
                _pump.Post(item);
            }

            _buffered.Clear();
        }
    }

    /// <summary>Called by the client's event raisers (under the import lock): only queues.</summary>
    private void Post(object item)
    {
        lock (_postGate)
        {
            if (_initialized)
            {
                _pump.Post(item);
            }
            else
            {
                _buffered.Add(item);
            }
        }
    }

    private bool Handle(object item)
    {
        lock (_gate)
        {
            if (_stopped)
            {
                return false;
            }

            switch (item)
            {
                case BlockImportedEvent imported:
                    OnImported(imported);
                    break;
                case FinalizedEvent finalized:
                    OnFinalized(finalized);
                    break;
            }

            if (_pinned.Count > _maxPinned)
            {
                Log.Debug("chainHead_v1_follow {Id}: {Count} pinned blocks, stopping", Id, _pinned.Count);
                StopLocked();
            }

            return !_stopped;
        }
    }

    private void OnImported(BlockImportedEvent e)
    {
        if (e.Header.Number <= _finalizedNumber && !_unfinalized.ContainsKey(e.Hash))
        {
            return;
        }

        if (!IsReported(e.Hash))
        {
            if (!ReportWithAncestors(e.Hash, e.Header))
            {
                return;
            }
        }

        if (e.IsNewBest && _best != e.Hash)
        {
            _best = e.Hash;
            _sink.TrySend(new JsonObject { ["event"] = "bestBlockChanged", ["bestBlockHash"] = RpcJson.Hash(e.Hash) });
        }
    }

    private void OnFinalized(FinalizedEvent e)
    {
        var blocks = e.Blocks.Where(b => b.Number > _finalizedNumber).ToList();
        if (blocks.Count == 0)
        {
            return;
        }

        foreach (var block in blocks)
        {
            if (!IsReported(block.Hash) && Client.GetHeader(block.Hash) is { } header)
            {
                ReportWithAncestors(block.Hash, header);
            }
        }

        var head = blocks[^1];
        var finalizedSet = blocks.Select(b => b.Hash).ToHashSet();
        var pruned = new List<Hash256>();
        foreach (var (hash, number) in _unfinalized)
        {
            if (!finalizedSet.Contains(hash) && (number <= head.Number || AncestorAt(hash, number, head.Number) != head.Hash))
            {
                pruned.Add(hash);
            }
        }

        if (pruned.Contains(_best))
        {
            // The best block must stay reportable: it moves to the new finalized head before the pruning is announced.
            _best = head.Hash;
            _sink.TrySend(new JsonObject { ["event"] = "bestBlockChanged", ["bestBlockHash"] = RpcJson.Hash(_best) });
        }

        _sink.TrySend(new JsonObject
        {
            ["event"] = "finalized",
            ["finalizedBlockHashes"] = new JsonArray(blocks.Select(b => (JsonNode?)RpcJson.Hash(b.Hash)).ToArray()),
            ["prunedBlockHashes"] = new JsonArray(pruned.Select(h => (JsonNode?)RpcJson.Hash(h)).ToArray()),
        });

        foreach (var hash in finalizedSet.Concat(pruned))
        {
            _unfinalized.Remove(hash);
            if (hash != head.Hash)
            {
                _runtimes.Remove(hash);
            }
        }

        _runtimes.Remove(_finalized);
        _finalized = head.Hash;
        _finalizedNumber = head.Number;
    }

    /// <summary>Reports <paramref name="hash"/> after any unreported ancestors; false when it is not above the finalized block.</summary>
    private bool ReportWithAncestors(Hash256 hash, Header header)
    {
        var chain = new Stack<(Hash256, Header)>();
        var cursor = (Hash: hash, Header: header);
        while (!IsReported(cursor.Header.ParentHash))
        {
            chain.Push(cursor);
            if (cursor.Header.Number <= _finalizedNumber + 1 || Client.GetHeader(cursor.Header.ParentHash) is not { } parent)
            {
                return false;
            }

            cursor = (cursor.Header.ParentHash, parent);
        }

        ReportNewBlock(cursor.Hash, cursor.Header);
        while (chain.Count > 0)
        {
            var (h, hd) = chain.Pop();
            ReportNewBlock(h, hd);
        }

        return true;
    }

    private void ReportNewBlock(Hash256 hash, Header header)
    {
        var newBlock = new JsonObject
        {
            ["event"] = "newBlock",
            ["blockHash"] = RpcJson.Hash(hash),
            ["parentBlockHash"] = RpcJson.Hash(header.ParentHash),
        };
        if (WithRuntime)
        {
            var version = _state.VersionAt(hash);
            var parent = _runtimes.GetValueOrDefault(header.ParentHash);
            _runtimes[hash] = version;
            newBlock["newRuntime"] = parent is not null && parent.Equals(version) ? null : RpcJson.RuntimeSpec(version);
        }

        _unfinalized[hash] = header.Number;
        _pinned.Add(hash);
        _sink.TrySend(newBlock);
    }

    private bool IsReported(Hash256 hash) => hash == _finalized || _unfinalized.ContainsKey(hash);

    private Hash256? AncestorAt(Hash256 hash, uint number, uint target)
    {
        var cursor = hash;
        while (number > target)
        {
            if (Client.GetHeader(cursor) is not { } header)
            {
                return null;
            }

            cursor = header.ParentHash;
            number--;
        }

        return cursor;
    }

    public bool IsPinned(Hash256 hash)
    {
        lock (_gate)
        {
            return !_stopped && _pinned.Contains(hash);
        }
    }

    /// <summary><c>chainHead_v1_unpin</c>: all or nothing.</summary>
    public void Unpin(IReadOnlyList<Hash256> hashes)
    {
        lock (_gate)
        {
            if (_stopped)
            {
                return;
            }

            if (hashes.Any(h => !_pinned.Contains(h)))
            {
                throw ChainHeadV1Rpc.InvalidBlock();
            }

            foreach (var hash in hashes)
            {
                _pinned.Remove(hash);
            }
        }
    }

    /// <summary>Reserves up to <paramref name="wanted"/> operation slots; null when the subscription is gone or full.</summary>
    public ChainHeadOperation? StartOperation(Hash256 hash, int wanted, int maxOperations)
    {
        lock (_gate)
        {
            if (_stopped)
            {
                return null;
            }

            if (!_pinned.Contains(hash))
            {
                throw ChainHeadV1Rpc.InvalidBlock();
            }

            var used = _operations.Values.Sum(o => o.Slots);
            var slots = Math.Min(wanted, maxOperations - used);
            if (slots <= 0)
            {
                return null;
            }

            var operation = new ChainHeadOperation((++_nextOperation).ToString(System.Globalization.CultureInfo.InvariantCulture), slots, _sink.Closed);
            _operations[operation.Id] = operation;
            return operation;
        }
    }

    public ChainHeadOperation? FindOperation(string id)
    {
        lock (_gate)
        {
            return _operations.GetValueOrDefault(id);
        }
    }

    public void EndOperation(ChainHeadOperation operation)
    {
        lock (_gate)
        {
            _operations.Remove(operation.Id);
        }

        operation.Dispose();
    }

    /// <summary>Sends an operation event unless the subscription has stopped.</summary>
    public void SendOperationEvent(JsonObject operationEvent)
    {
        lock (_gate)
        {
            if (!_stopped)
            {
                _sink.TrySend(operationEvent);
            }
        }
    }

    private void StopLocked()
    {
        if (_stopped)
        {
            return;
        }

        _stopped = true;
        _sink.TrySend(new JsonObject { ["event"] = "stop" });
        foreach (var operation in _operations.Values)
        {
            operation.Cancel();
        }

        _onStop(this);
        _pump.Dispose();
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _stopped = true;
            foreach (var operation in _operations.Values)
            {
                operation.Cancel();
            }
        }

        _onStop(this);
        _pump.Dispose();
    }
}
