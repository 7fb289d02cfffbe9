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

    public CommitContext(IKeyValueStore store, ChainState current)
    {
        _store = store;
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
    public void PutNode(Hash256 hash, byte[] node)
    {
        if (_newNodes.TryAdd(hash, node))
        {
            Batch.Put(ChainColumns.State, ChainKeys.Hash(hash), node);
        }
    }

    /// <summary>One more reference to a node (an occurrence inserted by a block still retained).</summary>
    public void Reference(Hash256 hash, byte[] node)
    {
        _newNodes.TryAdd(hash, node);
        _referenceDeltas[hash] = _referenceDeltas.GetValueOrDefault(hash) + 1;
    }

    /// <summary>One reference fewer (an occurrence deleted by a block now outside the window, or inserted by a discarded block).</summary>
    public void Unreference(Hash256 hash) => _referenceDeltas[hash] = _referenceDeltas.GetValueOrDefault(hash) - 1;

    /// <summary>
    /// Applies the collected reference changes: reads the current counts in one multi-get, stores nodes whose count
    /// leaves zero, deletes nodes whose count reaches zero and writes the other counts.
    /// </summary>
    public void FlushReferenceCounts()
    {
        var hashes = new List<Hash256>(_referenceDeltas.Count);
        foreach (var (hash, delta) in _referenceDeltas)
        {
            if (delta != 0)
            {
                hashes.Add(hash);
            }
        }

        if (hashes.Count == 0)
        {
            return;
        }

        var keys = hashes.ConvertAll(ChainKeys.RefCount);
        var counts = _store.MultiGet(ChainColumns.StateMeta, keys);
        for (var i = 0; i < hashes.Count; i++)
        {
            var hash = hashes[i];
            long before = counts[i] is { } stored ? ChainKeys.DecodeU32(stored, "reference count") : 0;
            var after = before + _referenceDeltas[hash];
            if (after < 0)
            {
                throw new StorageException(
                    $"the reference count of trie node {hash} would fall to {after}: a block deleted a node it never referenced");
            }

            if (after == 0)
            {
                Batch.Delete(ChainColumns.State, ChainKeys.Hash(hash));
                Batch.Delete(ChainColumns.StateMeta, keys[i]);
                continue;
            }

            if (before == 0)
            {
                if (!_newNodes.TryGetValue(hash, out var node))
                {
                    throw new StorageException($"trie node {hash} gained a reference but its bytes are not stored");
                }

                Batch.Put(ChainColumns.State, ChainKeys.Hash(hash), node);
            }

            Batch.Put(ChainColumns.StateMeta, keys[i], ChainKeys.EncodeU32(checked((uint)after)));
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
