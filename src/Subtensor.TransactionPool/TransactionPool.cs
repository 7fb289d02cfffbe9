using Serilog;
using Subtensor.Core.Types;

namespace Subtensor.TransactionPool;

/// <summary>
/// A Substrate-style transaction pool (sc-transaction-pool's graph): transactions are ready when every tag they
/// require is provided by a ready transaction or by an included one, future otherwise; a tag has one provider, and a
/// newcomer with a higher priority usurps it; limits evict the worst; included and invalid transactions are banned
/// for a while; every new best block removes what it included, retracts what re-orgs undid, drops stale transactions
/// and revalidates the rest against the new state; watchers see each transition.
/// </summary>
public sealed class TransactionPool
{
    private const int ChainTagRetentionBlocks = 256;
    private static readonly ILogger Log = Serilog.Log.ForContext<TransactionPool>();

    private readonly ITransactionValidator _validator;
    private readonly TransactionPoolOptions _options;
    private readonly Func<DateTime> _clock;
    private readonly object _lock = new();
    private readonly Dictionary<Hash256, PoolTransaction> _txs = [];
    private readonly HashSet<PoolTransaction> _future = [];
    private readonly Dictionary<string, PoolTransaction> _providers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ulong> _chainTags = new(StringComparer.Ordinal);
    private readonly Dictionary<Hash256, DateTime> _banned = [];
    private readonly Dictionary<Hash256, (ulong Number, List<TransactionWatcher> Watchers)> _inBlock = [];
    private long _nextInsertion;
    private long _readyBytes;
    private long _futureBytes;
    private int _readyCount;
    private Hash256 _bestHash;
    private ulong _bestNumber;

    public TransactionPool(ITransactionValidator validator, TransactionPoolOptions? options = null, Func<DateTime>? clock = null)
    {
        _validator = validator ?? throw new ArgumentNullException(nameof(validator));
        _options = options ?? new TransactionPoolOptions();
        _clock = clock ?? (() => DateTime.UtcNow);
    }

    public int ReadyCount
    {
        get
        {
            lock (_lock)
            {
                return _readyCount;
            }
        }
    }

    public int FutureCount
    {
        get
        {
            lock (_lock)
            {
                return _txs.Count - _readyCount;
            }
        }
    }

    /// <summary>Raised (outside the pool lock) after a transaction entered the pool through a submission.</summary>
    public event Action<Hash256>? TransactionImported;

    /// <summary>Sets the block transactions are validated against before the first <see cref="OnNewBestBlock"/>.</summary>
    public void SetBest(Hash256 hash, ulong number)
    {
        lock (_lock)
        {
            _bestHash = hash;
            _bestNumber = number;
        }
    }

    /// <summary>Validates and imports one transaction; returns its hash or throws <see cref="TransactionPoolException"/>.</summary>
    public Hash256 Submit(byte[] extrinsic, TransactionSource source = TransactionSource.External)
        => SubmitCore(extrinsic, source, []);

    /// <summary>As <see cref="Submit"/>, and returns a watcher that already holds the first status.</summary>
    public TransactionWatcher SubmitAndWatch(byte[] extrinsic, TransactionSource source = TransactionSource.External)
    {
        var hash = Hash256.Blake2(extrinsic);
        var watcher = new TransactionWatcher(hash, Detach);
        try
        {
            SubmitCore(extrinsic, source, [watcher]);
            return watcher;
        }
        catch
        {
            watcher.Dispose();
            throw;
        }
    }

    private Hash256 SubmitCore(byte[] extrinsic, TransactionSource source, IReadOnlyList<TransactionWatcher> watchers)
    {
        ArgumentNullException.ThrowIfNull(extrinsic);
        var hash = Hash256.Blake2(extrinsic);
        Hash256 at;
        ulong number;
        lock (_lock)
        {
            CheckNotKnown(hash);
            at = _bestHash;
            number = _bestNumber;
        }

        var result = _validator.Validate(source, extrinsic, at);
        if (!result.IsValid)
        {
            throw TransactionPoolException.FromValidation(result);
        }

        if (result.Valid!.Provides.Count == 0)
        {
            throw new TransactionPoolException(TransactionPoolErrorKind.NoTagsProvided, "No tags provided",
                "Transaction does not provide any tags, so the pool can't identify it");
        }

        lock (_lock)
        {
            CheckNotKnown(hash);
            var tx = new PoolTransaction(hash, extrinsic, source, result.Valid, _nextInsertion++, number);
            tx.Watchers.AddRange(watchers);

            Import(tx);
            if (!_txs.ContainsKey(hash))
            {
                throw new TransactionPoolException(TransactionPoolErrorKind.ImmediatelyDropped, "Immediately Dropped",
                    "The transaction couldn't enter the pool because of the limit");
            }
        }

        TransactionImported?.Invoke(hash);
        return hash;
    }

    private void CheckNotKnown(Hash256 hash)
    {
        if (_banned.TryGetValue(hash, out var until))
        {
            if (until > _clock())
            {
                throw new TransactionPoolException(TransactionPoolErrorKind.TemporarilyBanned, "Transaction is temporarily banned");
            }

            _banned.Remove(hash);
        }

        if (_txs.ContainsKey(hash))
        {
            throw new TransactionPoolException(TransactionPoolErrorKind.AlreadyImported, "Transaction Already Imported", hash.ToString());
        }
    }

    /// <summary>Adds a validated transaction: replacement by priority, readiness, then limits. Caller holds the lock.</summary>
    private void Import(PoolTransaction tx)
    {
        var replaced = new HashSet<PoolTransaction>();
        foreach (var tag in tx.ProvideKeys)
        {
            foreach (var other in ProvidersOf(tag))
            {
                if (other.Validity.Priority >= tx.Validity.Priority)
                {
                    throw new TransactionPoolException(TransactionPoolErrorKind.TooLowPriority,
                        $"Priority is too low: ({other.Validity.Priority} vs {tx.Validity.Priority})",
                        "The transaction has too low priority to replace another transaction already in the pool.");
                }

                replaced.Add(other);
            }
        }

        if (tx.RequireKeys.Intersect(tx.ProvideKeys, StringComparer.Ordinal).Any())
        {
            throw new TransactionPoolException(TransactionPoolErrorKind.CycleDetected, "Cycle Detected");
        }

        _txs.Add(tx.Hash, tx);
        _future.Add(tx);
        _futureBytes += tx.Bytes.Length;
        if (replaced.Count > 0)
        {
            foreach (var old in replaced)
            {
                RemoveTransaction(old, new TransactionStatus(TransactionStatusKind.Usurped, tx.Hash));
            }

            RebuildReadiness();
        }
        else if (Satisfied(tx))
        {
            PromoteFrom(tx);
        }

        if (!tx.IsReady)
        {
            Publish(tx, TransactionStatus.Future);
        }

        EnforceLimits();
    }

    private IEnumerable<PoolTransaction> ProvidersOf(string tag)
    {
        if (_providers.TryGetValue(tag, out var ready))
        {
            yield return ready;
        }

        foreach (var future in _future)
        {
            if (Array.IndexOf(future.ProvideKeys, tag) >= 0)
            {
                yield return future;
            }
        }
    }

    private bool Satisfied(PoolTransaction tx)
    {
        foreach (var tag in tx.RequireKeys)
        {
            if (!_providers.ContainsKey(tag) && !_chainTags.ContainsKey(tag))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Marks <paramref name="first"/> ready and promotes every future transaction that becomes satisfied.</summary>
    private void PromoteFrom(PoolTransaction first)
    {
        var queue = new Queue<PoolTransaction>();
        queue.Enqueue(first);
        while (queue.Count > 0)
        {
            var tx = queue.Dequeue();
            if (tx.IsReady)
            {
                continue;
            }

            MarkReady(tx);
            foreach (var candidate in _future)
            {
                if (RequiresAnyOf(candidate, tx.ProvideKeys) && Satisfied(candidate))
                {
                    queue.Enqueue(candidate);
                }
            }
        }
    }

    private static bool RequiresAnyOf(PoolTransaction tx, string[] tags)
    {
        foreach (var tag in tx.RequireKeys)
        {
            if (Array.IndexOf(tags, tag) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    private void MarkReady(PoolTransaction tx)
    {
        tx.IsReady = true;
        _future.Remove(tx);
        _readyCount++;
        _readyBytes += tx.Bytes.Length;
        _futureBytes -= tx.Bytes.Length;
        foreach (var tag in tx.ProvideKeys)
        {
            _providers[tag] = tx;
        }

        Publish(tx, TransactionStatus.Ready);
    }

    /// <summary>Recomputes which transactions are ready after removals (Kahn's algorithm over the tags).</summary>
    private void RebuildReadiness()
    {
        var wasReady = _txs.Values.Where(t => t.IsReady).Select(t => t.Hash).ToHashSet();
        _providers.Clear();
        _readyCount = 0;
        _readyBytes = 0;
        _futureBytes = 0;
        _future.Clear();
        foreach (var tx in _txs.Values)
        {
            tx.IsReady = false;
            _future.Add(tx);
            _futureBytes += tx.Bytes.Length;
        }

        var missing = new Dictionary<PoolTransaction, int>();
        var dependents = new Dictionary<string, List<PoolTransaction>>(StringComparer.Ordinal);
        var queue = new Queue<PoolTransaction>();
        foreach (var tx in _txs.Values.OrderBy(t => t.InsertionId))
        {
            var count = 0;
            foreach (var tag in tx.RequireKeys)
            {
                if (_chainTags.ContainsKey(tag))
                {
                    continue;
                }

                count++;
                if (!dependents.TryGetValue(tag, out var list))
                {
                    dependents[tag] = list = [];
                }

                list.Add(tx);
            }

            missing[tx] = count;
            if (count == 0)
            {
                queue.Enqueue(tx);
            }
        }

        while (queue.Count > 0)
        {
            var tx = queue.Dequeue();
            tx.IsReady = true;
            _future.Remove(tx);
            _readyCount++;
            _readyBytes += tx.Bytes.Length;
            _futureBytes -= tx.Bytes.Length;
            foreach (var tag in tx.ProvideKeys)
            {
                _providers[tag] = tx;
                if (dependents.TryGetValue(tag, out var list))
                {
                    foreach (var d in list)
                    {
                        if (--missing[d] == 0)
                        {
                            queue.Enqueue(d);
                        }
                    }
                }
            }
        }

        foreach (var tx in _txs.Values)
        {
            if (tx.IsReady != wasReady.Contains(tx.Hash))
            {
                Publish(tx, tx.IsReady ? TransactionStatus.Ready : TransactionStatus.Future);
            }
        }
    }

    /// <summary>Evicts the worst transactions (lowest priority, then newest) until both queues fit their limits.</summary>
    private void EnforceLimits()
    {
        var evicted = false;
        while (_txs.Count - _readyCount > _options.FutureCountLimit || _futureBytes > _options.FutureBytesLimit)
        {
            RemoveTransaction(Worst(ready: false), TransactionStatus.Dropped);
            evicted = true;
        }

        while (_readyCount > _options.ReadyCountLimit || _readyBytes > _options.ReadyBytesLimit)
        {
            RemoveTransaction(Worst(ready: true), TransactionStatus.Dropped);
            RebuildReadiness();
            evicted = true;
        }

        if (evicted)
        {
            Log.Debug("transaction pool over its limits: evicted to {Ready} ready, {Future} future", _readyCount, _txs.Count - _readyCount);
        }
    }

    private PoolTransaction Worst(bool ready)
        => (ready ? _txs.Values.Where(t => t.IsReady) : _future).OrderBy(t => t.Validity.Priority).ThenByDescending(t => t.InsertionId).First();

    /// <summary>Removes a transaction from every index and tells its watchers. Readiness is rebuilt by the caller.</summary>
    private void RemoveTransaction(PoolTransaction tx, TransactionStatus? status)
    {
        if (!_txs.Remove(tx.Hash))
        {
            return;
        }

        if (tx.IsReady)
        {
            _readyCount--;
            _readyBytes -= tx.Bytes.Length;
            foreach (var tag in tx.ProvideKeys)
            {
                if (_providers.TryGetValue(tag, out var p) && ReferenceEquals(p, tx))
                {
                    _providers.Remove(tag);
                }
            }
        }
        else
        {
            _future.Remove(tx);
            _futureBytes -= tx.Bytes.Length;
        }

        if (status is not null)
        {
            Publish(tx, status);
        }
    }

    /// <summary>Ready transactions in block-building order: priority, then age, each after the ones it depends on.</summary>
    public IReadOnlyList<PoolTransaction> ReadyTransactions()
    {
        lock (_lock)
        {
            var ready = _txs.Values.Where(t => t.IsReady).ToList();
            var missing = new Dictionary<PoolTransaction, int>();
            var dependents = new Dictionary<string, List<PoolTransaction>>(StringComparer.Ordinal);
            var queue = new PriorityQueue<PoolTransaction, (ulong, long)>(Comparer<(ulong, long)>.Create((a, b) =>
            {
                var c = b.Item1.CompareTo(a.Item1);
                return c != 0 ? c : a.Item2.CompareTo(b.Item2);
            }));
            foreach (var tx in ready)
            {
                var count = 0;
                foreach (var tag in tx.RequireKeys)
                {
                    if (_providers.ContainsKey(tag))
                    {
                        count++;
                        if (!dependents.TryGetValue(tag, out var list))
                        {
                            dependents[tag] = list = [];
                        }

                        list.Add(tx);
                    }
                }

                missing[tx] = count;
                if (count == 0)
                {
                    queue.Enqueue(tx, (tx.Validity.Priority, tx.InsertionId));
                }
            }

            var order = new List<PoolTransaction>(ready.Count);
            while (queue.TryDequeue(out var tx, out _))
            {
                order.Add(tx);
                foreach (var tag in tx.ProvideKeys)
                {
                    if (dependents.TryGetValue(tag, out var list))
                    {
                        foreach (var d in list)
                        {
                            if (--missing[d] == 0)
                            {
                                queue.Enqueue(d, (d.Validity.Priority, d.InsertionId));
                            }
                        }
                    }
                }
            }

            return order;
        }
    }

    /// <summary>All pooled transactions (ready and future), oldest first.</summary>
    public IReadOnlyList<PoolTransaction> Pending()
    {
        lock (_lock)
        {
            return _txs.Values.OrderBy(t => t.InsertionId).ToList();
        }
    }

    public bool Contains(Hash256 hash)
    {
        lock (_lock)
        {
            return _txs.ContainsKey(hash);
        }
    }

    /// <summary><c>author_removeExtrinsic</c>: removes and bans the given transactions; returns the ones removed.</summary>
    public IReadOnlyList<Hash256> Remove(IEnumerable<Hash256> hashes)
    {
        ArgumentNullException.ThrowIfNull(hashes);
        lock (_lock)
        {
            var removed = new List<Hash256>();
            foreach (var hash in hashes)
            {
                if (_txs.TryGetValue(hash, out var tx))
                {
                    RemoveTransaction(tx, TransactionStatus.Invalid);
                    Ban(hash);
                    removed.Add(hash);
                }
            }

            if (removed.Count > 0)
            {
                RebuildReadiness();
            }

            return removed;
        }
    }

    /// <summary>The network gossiped these transactions to <paramref name="peers"/>.</summary>
    public void NotifyBroadcast(IEnumerable<Hash256> hashes, IReadOnlyList<string> peers)
    {
        ArgumentNullException.ThrowIfNull(hashes);
        lock (_lock)
        {
            foreach (var hash in hashes)
            {
                if (_txs.TryGetValue(hash, out var tx))
                {
                    Publish(tx, new TransactionStatus(TransactionStatusKind.Broadcast, Peers: peers));
                }
            }
        }
    }

    /// <summary>
    /// Maintenance after the best chain moved: <paramref name="retracted"/> blocks left it (their transactions come
    /// back), <paramref name="enacted"/> blocks joined it in ascending order (their transactions leave, banned).
    /// Then stale transactions are dropped and the rest revalidated at the new best block.
    /// </summary>
    public void OnNewBestBlock(Hash256 bestHash, ulong bestNumber, IReadOnlyList<BlockExtrinsics> enacted, IReadOnlyList<BlockExtrinsics> retracted)
    {
        ArgumentNullException.ThrowIfNull(enacted);
        ArgumentNullException.ThrowIfNull(retracted);
        var resubmit = new List<(byte[] Bytes, List<TransactionWatcher> Watchers)>();
        lock (_lock)
        {
            _bestHash = bestHash;
            _bestNumber = bestNumber;
            foreach (var block in retracted)
            {
                var watched = _inBlock.Remove(block.Hash, out var entry) ? entry.Watchers : [];
                foreach (var w in watched)
                {
                    w.Publish(new TransactionStatus(TransactionStatusKind.Retracted, block.Hash));
                }

                foreach (var xt in block.Extrinsics)
                {
                    var hash = Hash256.Blake2(xt);
                    _banned.Remove(hash);
                    resubmit.Add((xt, watched.Where(w => w.Hash == hash).ToList()));
                }

                foreach (var tag in _chainTags.Where(t => t.Value >= block.Number).Select(t => t.Key).ToList())
                {
                    _chainTags.Remove(tag);
                }
            }

            foreach (var block in enacted)
            {
                foreach (var xt in block.Extrinsics)
                {
                    var hash = Hash256.Blake2(xt);
                    if (!_txs.TryGetValue(hash, out var tx))
                    {
                        continue;
                    }

                    RemoveTransaction(tx, null);
                    Ban(hash);
                    foreach (var tag in tx.ProvideKeys)
                    {
                        _chainTags[tag] = block.Number;
                    }

                    if (tx.Watchers.Count > 0)
                    {
                        var status = new TransactionStatus(TransactionStatusKind.InBlock, block.Hash);
                        if (!_inBlock.TryGetValue(block.Hash, out var entry))
                        {
                            _inBlock[block.Hash] = entry = (block.Number, []);
                        }

                        foreach (var w in tx.Watchers)
                        {
                            w.Publish(status);
                            entry.Watchers.Add(w);
                        }
                    }
                }
            }

            foreach (var tx in _txs.Values.Where(t => t.ValidTill < bestNumber).ToList())
            {
                RemoveTransaction(tx, TransactionStatus.Invalid);
            }

            foreach (var tag in _chainTags.Where(t => t.Value + ChainTagRetentionBlocks < bestNumber).Select(t => t.Key).ToList())
            {
                _chainTags.Remove(tag);
            }

            foreach (var (block, entry) in _inBlock.Where(e => e.Value.Number + (ulong)_options.FinalityTimeoutBlocks < bestNumber).ToList())
            {
                foreach (var w in entry.Watchers)
                {
                    w.Publish(new TransactionStatus(TransactionStatusKind.FinalityTimeout, block));
                }

                _inBlock.Remove(block);
            }

            RebuildReadiness();
        }

        Revalidate(bestHash, bestNumber);

        foreach (var (bytes, watchers) in resubmit)
        {
            try
            {
                SubmitCore(bytes, TransactionSource.InBlock, watchers);
            }
            catch (TransactionPoolException e)
            {
                // Inherents and transactions the new chain already contains or invalidated do not come back.
                foreach (var w in watchers)
                {
                    w.Publish(e.Kind == TransactionPoolErrorKind.AlreadyImported ? TransactionStatus.Ready : TransactionStatus.Invalid);
                }
            }
        }
    }

    /// <summary>Blocks became final: watchers of transactions in them see <c>finalized</c>.</summary>
    public void OnFinalized(IEnumerable<Hash256> finalizedBlocks)
    {
        ArgumentNullException.ThrowIfNull(finalizedBlocks);
        lock (_lock)
        {
            foreach (var block in finalizedBlocks)
            {
                if (_inBlock.Remove(block, out var entry))
                {
                    foreach (var w in entry.Watchers)
                    {
                        w.Publish(new TransactionStatus(TransactionStatusKind.Finalized, block));
                    }
                }
            }
        }
    }

    private void Revalidate(Hash256 at, ulong number)
    {
        List<PoolTransaction> batch;
        lock (_lock)
        {
            batch = _txs.Values.Where(t => t.ValidatedAt < number).OrderBy(t => t.ValidatedAt).ThenBy(t => t.InsertionId)
                .Take(_options.RevalidationBatch).ToList();
        }

        if (batch.Count == 0)
        {
            return;
        }

        var results = batch.Select(tx => (tx, result: _validator.Validate(tx.Source, tx.Bytes, at))).ToList();
        lock (_lock)
        {
            var changed = false;
            foreach (var (tx, result) in results)
            {
                if (!_txs.ContainsKey(tx.Hash))
                {
                    continue;
                }

                if (!result.IsValid || result.Valid!.Provides.Count == 0)
                {
                    RemoveTransaction(tx, TransactionStatus.Invalid);
                    Ban(tx.Hash);
                    changed = true;
                }
                else
                {
                    changed |= !tx.Validity.Requires.SequenceEqual(result.Valid.Requires, Core.Types.ByteArrayComparer.Instance)
                        || tx.Validity.Priority != result.Valid.Priority;
                    tx.Revalidated(result.Valid, number);
                }
            }

            if (changed)
            {
                RebuildReadiness();
            }
        }
    }

    private void Ban(Hash256 hash) => _banned[hash] = _clock() + _options.BanTime;

    private static void Publish(PoolTransaction tx, TransactionStatus status)
    {
        foreach (var w in tx.Watchers)
        {
            w.Publish(status);
        }
    }

    private void Detach(TransactionWatcher watcher)
    {
        lock (_lock)
        {
            if (_txs.TryGetValue(watcher.Hash, out var tx))
            {
                tx.Watchers.Remove(watcher);
            }

            foreach (var entry in _inBlock.Values)
            {
                entry.Watchers.Remove(watcher);
            }
        }
    }
}
