using System.Collections.Immutable;
using Subtensor.Core.Types;
using Subtensor.Storage.KeyValue;
using Subtensor.Storage.State;

namespace Subtensor.Storage.Chain;

/// <summary>
/// One atomic write being prepared: a write batch plus a read-your-writes view of the records the chain logic reads
/// back (canonical index, unfinalized set, journals) and the pending reference-count changes of trie nodes.
/// Nothing reaches the store until <see cref="ChainDatabase"/> writes <see cref="Batch"/>.
/// </summary>
internal sealed class CommitContext : IDisposable
{
    private readonly IKeyValueStore _store;
    private readonly ChainState _before;
    private readonly Dictionary<uint, Hash256?> _canonical = [];
    private readonly Dictionary<Hash256, StateJournal> _pendingJournals = [];
    private readonly Dictionary<Hash256, int> _referenceDeltas = [];
    private readonly Dictionary<Hash256, byte[]> _newNodes = [];
    private readonly List<(Hash256 Hash, byte[]? Node, long ReferenceCount)> _cacheUpdates = [];
    private readonly TrieNodeCache? _cache;

    public CommitContext(IKeyValueStore store, ChainState current, TrieNodeCache? cache)
    {
        _store = store;
        _cache = cache;
        _before = current;
        Batch = store.CreateWriteBatch();
        Genesis = current.Genesis;
        Best = current.Best;
        Finalized = current.Finalized;
        StateFloor = current.StateFloor;
        BlocksFloor = current.BlocksFloor;
        Unfinalized = current.Unfinalized.ToBuilder();
    }

    public IWriteBatch Batch { get; }

    /// <summary>When preparing this write began (Stopwatch timestamp).</summary>
    public long Started { get; } = System.Diagnostics.Stopwatch.GetTimestamp();

    public BlockRef? Genesis { get; set; }

    public BlockRef? Best { get; set; }

    public BlockRef? Finalized { get; set; }

    public uint StateFloor { get; set; }

    public uint BlocksFloor { get; set; }

    public ImmutableDictionary<Hash256, UnfinalizedBlock>.Builder Unfinalized { get; }

    // ---- canonical index ----
    public Hash256? CanonicalHash(uint number)
    {
        if (_canonical.TryGetValue(number, out var pending))
        {
            return pending;
        }

        var value = _store.Get(ChainColumns.Lookup, ChainKeys.Canonical(number));
        return value is null ? null : ToHash(value, "canonical index");
    }

    public void SetCanonical(uint number, Hash256 hash)
    {
        _canonical[number] = hash;
        Batch.Put(ChainColumns.Lookup, ChainKeys.Canonical(number), ChainKeys.Hash(hash));
    }

    public void ClearCanonical(uint number)
    {
        _canonical[number] = null;
        Batch.Delete(ChainColumns.Lookup, ChainKeys.Canonical(number));
    }

    // ---- unfinalized set ----
    public void AddUnfinalized(BlockRef block, Hash256 parent)
    {
        Unfinalized[block.Hash] = new UnfinalizedBlock(block.Number, parent);
        Batch.Put(ChainColumns.Lookup, ChainKeys.Unfinalized(block.Number, block.Hash), ChainKeys.Hash(parent));
    }

    public void RemoveUnfinalized(Hash256 hash)
    {
        if (Unfinalized.TryGetValue(hash, out var block))
        {
            Unfinalized.Remove(hash);
            Batch.Delete(ChainColumns.Lookup, ChainKeys.Unfinalized(block.Number, hash));
        }
    }

    // ---- state journals ----
    public void PutJournal(BlockRef block, StateJournal journal)
    {
        _pendingJournals[block.Hash] = journal;
        Batch.Put(ChainColumns.StateMeta, ChainKeys.Journal(block.Number, block.Hash), journal.Encode());
    }

    /// <summary>Reads a block's journal (pending or stored) and deletes it.</summary>
    public StateJournal TakeJournal(uint number, Hash256 hash)
    {
        var key = ChainKeys.Journal(number, hash);
        StateJournal journal;
        if (_pendingJournals.Remove(hash, out var pending))
        {
            journal = pending;
        }
        else
        {
            var stored = _store.Get(ChainColumns.StateMeta, key)
                ?? throw new DatabaseCorruptedException($"the state journal of block #{number} ({hash}) is missing");
            journal = StateJournal.Decode(stored);
        }

        Batch.Delete(ChainColumns.StateMeta, key);
        return journal;
    }

    public void DeleteJournal(uint number, Hash256 hash)
    {
        _pendingJournals.Remove(hash);
        Batch.Delete(ChainColumns.StateMeta, ChainKeys.Journal(number, hash));
    }

    // ---- trie nodes ----
    /// <summary>Archive mode: stores a node without reference counting.</summary>
    public void PutNode(Hash256 hash, byte[] node) => _newNodes.TryAdd(hash, node);

    /// <summary>One more reference to a node (an occurrence inserted by a block still retained).</summary>
    public void Reference(Hash256 hash, byte[] node)
    {
        _newNodes.TryAdd(hash, node);
        _referenceDeltas[hash] = _referenceDeltas.GetValueOrDefault(hash) + 1;
    }

    /// <summary>One reference fewer (an occurrence deleted by a block now outside the window, or inserted by a discarded block).</summary>
    public void Unreference(Hash256 hash) => _referenceDeltas[hash] = _referenceDeltas.GetValueOrDefault(hash) - 1;

    /// <summary>
    /// Writes the trie node changes, in key order (cheap memtable inserts). Archive: puts the new nodes. Otherwise:
    /// reads the current reference counts of every touched node in one multi-get, stores nodes whose count leaves
    /// zero, deletes nodes whose count reaches zero and rewrites the others with their new count.
    /// </summary>
    public void FlushStateNodes(bool referenceCounted)
    {
        if (!referenceCounted)
        {
            foreach (var hash in _newNodes.Keys.Order())
            {
                Batch.Put(ChainColumns.State, ChainKeys.Hash(hash), _newNodes[hash]);
                _cacheUpdates.Add((hash, (byte[])_newNodes[hash].Clone(), -1));
            }

            return;
        }

        var hashes = new List<Hash256>(_referenceDeltas.Count);
        foreach (var (hash, delta) in _referenceDeltas)
        {
            if (delta != 0)
            {
                hashes.Add(hash);
            }
        }

        hashes.Sort();

        // current counts: from the writer-maintained cache entries, the rest in one multi-get
        var nodes = new byte[]?[hashes.Count];
        var counts = new uint[hashes.Count];
        var missing = new List<int>();
        for (var i = 0; i < hashes.Count; i++)
        {
            if (_cache is not null && _cache.TryGetCounted(hashes[i], out var node, out var count))
            {
                nodes[i] = node;
                counts[i] = count;
            }
            else
            {
                missing.Add(i);
            }
        }

        if (missing.Count > 0)
        {
            var stored = _store.MultiGet(ChainColumns.State, missing.ConvertAll(i => ChainKeys.Hash(hashes[i])));
            for (var j = 0; j < missing.Count; j++)
            {
                if (stored[j] is { } record)
                {
                    counts[missing[j]] = StateNodeValue.ReferenceCount(record);
                    nodes[missing[j]] = StateNodeValue.Node(record);
                }
            }
        }

        Span<byte> key = stackalloc byte[Hash256.Length];
        var value = new byte[256];
        for (var i = 0; i < hashes.Count; i++)
        {
            var hash = hashes[i];
            hash.CopyTo(key);
            var after = counts[i] + (long)_referenceDeltas[hash];
            if (after < 0)
            {
                throw new StorageException(
                    $"the reference count of trie node {hash} would fall to {after}: a block deleted a node it never referenced");
            }

            if (after == 0)
            {
                Batch.Delete(ChainColumns.State, key);
                _cacheUpdates.Add((hash, null, 0));
                continue;
            }

            var node = nodes[i] ?? _newNodes.GetValueOrDefault(hash)
                ?? throw new StorageException($"trie node {hash} gained a reference but its bytes are not stored");
            var length = StateNodeValue.Prefix + node.Length;
            if (value.Length < length)
            {
                value = new byte[Math.Max(length, value.Length * 2)];
            }

            StateNodeValue.Write(value, checked((uint)after), node);
            Batch.Put(ChainColumns.State, key, value.AsSpan(0, length)); // the batch copies it
            _cacheUpdates.Add((hash, nodes[i] is null ? (byte[])node.Clone() : node, after)); // the cache keeps its own copy
        }
    }

    /// <summary>After the batch is written: makes the node cache mirror what was stored.</summary>
    public void UpdateCache()
    {
        if (_cache is null)
        {
            return;
        }

        foreach (var (hash, node, count) in _cacheUpdates)
        {
            if (node is null)
            {
                _cache.Remove(hash);
            }
            else
            {
                _cache.SetWritten(hash, node, count);
            }
        }
    }

    /// <summary>Writes the meta records that changed and returns the chain state to publish once the batch is written.</summary>
    public ChainState Complete()
    {
        PutIfChanged(ChainKeys.Genesis, _before.Genesis, Genesis);
        PutIfChanged(ChainKeys.Best, _before.Best, Best);
        PutIfChanged(ChainKeys.Finalized, _before.Finalized, Finalized);
        if (_before.StateFloor != StateFloor)
        {
            Batch.Put(ChainColumns.Meta, ChainKeys.StateFloor, ChainKeys.EncodeU32(StateFloor));
        }

        if (_before.BlocksFloor != BlocksFloor)
        {
            Batch.Put(ChainColumns.Meta, ChainKeys.BlocksFloor, ChainKeys.EncodeU32(BlocksFloor));
        }

        return new ChainState(Genesis, Best, Finalized, StateFloor, BlocksFloor, Unfinalized.ToImmutable());
    }

    public void Dispose() => Batch.Dispose();

    private void PutIfChanged(byte[] key, BlockRef? before, BlockRef? after)
    {
        if (after is { } value && before != after)
        {
            Batch.Put(ChainColumns.Meta, key, ChainKeys.EncodeBlockRef(value));
        }
    }

    private static Hash256 ToHash(byte[] value, string what)
        => value.Length == Hash256.Length
            ? new Hash256(value)
            : throw new DatabaseCorruptedException($"a {what} record is {value.Length} bytes, expected 32");
}
