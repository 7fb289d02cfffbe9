using System.Collections.Immutable;
using System.Globalization;
using Subtensor.Core.Scale;
using Subtensor.Core.Types;
using Subtensor.Storage.KeyValue;
using Subtensor.Storage.Memory;
using Subtensor.Storage.RocksDb;
using Subtensor.Storage.State;
using Subtensor.Trie;

namespace Subtensor.Storage.Chain;

/// <summary>
/// The node's database: block store (headers, bodies, justifications, canonical index), state store (trie nodes with
/// reference-counted pruning) and meta (schema version, genesis, best, finalized, pruning modes), over any
/// <see cref="IKeyValueStore"/>. Every write — <see cref="CommitBlock"/>, <see cref="Finalize"/>, <see cref="SetBest"/> —
/// is validated first and then applied as ONE atomic write batch, so a crash leaves either all of it or none.
/// </summary>
/// <remarks>
/// State pruning keeps, per trie node hash, a reference count: the node's occurrences in the oldest retained
/// canonical state plus its occurrences inserted by every retained block above it. A block's commit adds its
/// inserted occurrences; when the window moves past a canonical block, the deletions journaled by its child are
/// subtracted; when a fork is abandoned, its insertions are subtracted. A node is stored exactly while its count is
/// positive, so it survives being deleted by one block and re-inserted by a later one, and nodes shared by forks or
/// by several positions of one trie are counted once per occurrence.
/// </remarks>
public sealed class ChainDatabase : IDisposable
{
    /// <summary>The schema this code writes and reads. Bump it (and add a migration) when a record's layout changes.</summary>
    public const uint SchemaVersion = 1;

    private readonly IKeyValueStore _store;
    private readonly bool _ownsStore;
    private readonly object _writeLock = new();
    private readonly TrieNodeCache? _cache;
    private ChainState _state;
    private ChainState? _pendingState;
    private bool _disposed;

    private ChainDatabase(IKeyValueStore store, bool ownsStore, ChainDatabaseOptions options, ChainState state)
    {
        _store = store;
        _ownsStore = ownsStore;
        Options = options;
        _state = state;
        _cache = options.NodeCacheBytes > 0 ? new TrieNodeCache(options.NodeCacheBytes) : null;
    }

    public ChainDatabaseOptions Options { get; }

    public PruningMode StatePruning => Options.StatePruning;

    public PruningMode BlocksPruning => Options.BlocksPruning;

    /// <summary>The genesis block, or null before it is committed.</summary>
    public BlockRef? Genesis => Current.Genesis;

    public BlockRef? Best => Current.Best;

    public BlockRef? Finalized => Current.Finalized;

    /// <summary>The lowest finalized block number whose state is still stored.</summary>
    public uint OldestStateNumber => Current.StateFloor;

    /// <summary>The lowest finalized block number whose body is still stored.</summary>
    public uint OldestBodyNumber => Current.BlocksFloor;

    /// <summary>Blocks above the last finalized one that may still become final, by hash.</summary>
    public IReadOnlyDictionary<Hash256, uint> UnfinalizedBlocks => Current.Unfinalized.ToImmutableDictionary(e => e.Key, e => e.Value.Number);

    /// <summary>The underlying store, for diagnostics and tests.</summary>
    internal IKeyValueStore Store => _store;

    /// <summary>A raw reader of every stored trie node, whatever block it belongs to.</summary>
    public ITrieNodeReader Nodes => new StateView(_store, _cache, !StatePruning.IsArchive, default, StateView.EmptyTrieRoot);

    private IKeyValueReader Reader()
    {
        _ = Current;
        return _store;
    }

    private ChainState Current
    {
        get
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return Volatile.Read(ref _state);
        }
    }

    // =====================================================================================================
    // Opening
    // =====================================================================================================

    /// <summary>
    /// Opens (or creates) the RocksDB database at <paramref name="path"/>. An existing database is first checked
    /// through a read-only open — schema version, genesis, pruning modes — so a refused open changes nothing.
    /// </summary>
    public static ChainDatabase Open(string path, ChainDatabaseOptions options)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(options);
        var exists = RocksDbStore.Exists(path);
        if (!exists && Directory.Exists(path) && Directory.EnumerateFileSystemEntries(path).Any())
        {
            throw new DatabaseOpenException($"'{path}' is not empty and holds no RocksDB database (no CURRENT file); refusing to create one there");
        }

        var fresh = !exists || PreValidate(path, options);
        RocksDbStore store;
        try
        {
            store = RocksDbStore.Open(path, ChainColumns.Names, options.RocksDb with { CreateIfMissing = fresh });
        }
        catch (RocksDbException e)
        {
            throw Translate(path, e);
        }

        try
        {
            return Open(store, options, ownsStore: true);
        }
        catch
        {
            store.Dispose();
            throw;
        }
    }

    /// <summary>Opens a chain database over <paramref name="store"/>, whose column families must be <see cref="ChainColumns.Names"/>.</summary>
    public static ChainDatabase Open(IKeyValueStore store, ChainDatabaseOptions options, bool ownsStore = false)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(options);
        if (!store.ColumnFamilies.SequenceEqual(ChainColumns.Names, StringComparer.Ordinal))
        {
            throw new ArgumentException("the store's column families must be ChainColumns.Names", nameof(store));
        }

        ChainState state;
        try
        {
            state = LoadAndValidate(store, options, out var fresh, out var storedState, out var storedBlocks);
            if (fresh)
            {
                using var batch = store.CreateWriteBatch();
                batch.Put(ChainColumns.Meta, ChainKeys.SchemaVersion, ChainKeys.EncodeU32(SchemaVersion));
                batch.Put(ChainColumns.Meta, ChainKeys.StatePruning, Utf8(options.StatePruning.ToString()));
                batch.Put(ChainColumns.Meta, ChainKeys.BlocksPruning, Utf8(options.BlocksPruning.ToString()));
                store.Write(batch);
            }
            else if (storedState != options.StatePruning || storedBlocks != options.BlocksPruning)
            {
                // only the window of a numeric mode may change (checked by LoadAndValidate)
                using var batch = store.CreateWriteBatch();
                batch.Put(ChainColumns.Meta, ChainKeys.StatePruning, Utf8(options.StatePruning.ToString()));
                batch.Put(ChainColumns.Meta, ChainKeys.BlocksPruning, Utf8(options.BlocksPruning.ToString()));
                store.Write(batch);
            }
        }
        catch (RocksDbException e)
        {
            throw Translate(store is RocksDbStore rocks ? rocks.Path : "(store)", e);
        }

        return new ChainDatabase(store, ownsStore, options, state);
    }

    /// <summary>
    /// The pruning modes an existing database at <paramref name="path"/> was created with, read without opening it for
    /// writing; null when there is no initialised database there. Commands that only read a database use them so that
    /// opening it never changes its modes.
    /// </summary>
    public static (PruningMode State, PruningMode Blocks)? ReadPruningModes(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!RocksDbStore.Exists(path))
        {
            return null;
        }

        try
        {
            using var store = RocksDbStore.OpenReadOnly(path, ChainColumns.Names, RocksDbOptions.Default with { BlockCacheBytes = 1 << 20 });
            if (store.Get(ChainColumns.Meta, ChainKeys.SchemaVersion) is null)
            {
                return null;
            }

            return (ReadMode(store, ChainKeys.StatePruning, "state pruning"), ReadMode(store, ChainKeys.BlocksPruning, "blocks pruning"));
        }
        catch (RocksDbException e)
        {
            throw Translate(path, e);
        }
    }

    /// <summary>A chain database in memory (for tests and tools).</summary>
    public static ChainDatabase CreateInMemory(ChainDatabaseOptions options)
        => Open(new MemoryStore(ChainColumns.Names), options, ownsStore: true);

    /// <summary>Checks an existing RocksDB database read-only. Returns true when it holds nothing yet (created, never initialised).</summary>
    private static bool PreValidate(string path, ChainDatabaseOptions options)
    {
        try
        {
            var listed = RocksDbStore.ListColumnFamilies(path).Where(n => n != "default").ToArray();
            var readOptions = options.RocksDb with { BlockCacheBytes = 1 << 20 };
            if (!listed.Contains("meta", StringComparer.Ordinal))
            {
                throw new DatabaseOpenException($"'{path}' is a RocksDB database without a 'meta' column family: not a Subtensor.NET chain database");
            }

            var ours = ChainColumns.Names;
            if (!listed.ToHashSet(StringComparer.Ordinal).SetEquals(ours))
            {
                using var odd = RocksDbStore.OpenReadOnly(path, listed, readOptions);
                var schema = odd.Get(Array.IndexOf(listed, "meta"), ChainKeys.SchemaVersion);
                if (schema is not null)
                {
                    var version = ChainKeys.DecodeU32(schema, "schema version");
                    if (version != SchemaVersion)
                    {
                        throw new SchemaVersionException(version, SchemaVersion);
                    }
                }

                var unexpected = listed.Except(ours, StringComparer.Ordinal).ToArray();
                var empty = schema is null && unexpected.Length == 0
                    && Enumerable.Range(0, listed.Length).All(i => !odd.EnumeratePrefix(i, []).Any());
                if (empty)
                {
                    return true; // a creation interrupted before the first write: finish it
                }

                throw new DatabaseCorruptedException(
                    $"'{path}' has column families [{string.Join(", ", listed)}], expected [{string.Join(", ", ours)}]");
            }

            using var readOnly = RocksDbStore.OpenReadOnly(path, ours, readOptions);
            LoadAndValidate(readOnly, options, out var fresh, out _, out _);
            return fresh;
        }
        catch (RocksDbException e)
        {
            throw Translate(path, e);
        }
    }

    private static DatabaseOpenException Translate(string path, RocksDbException e)
        => e.IsCorruption
            ? new DatabaseCorruptedException($"the database at '{path}' is corrupted: {e.RocksDbMessage}", e)
            : new DatabaseOpenException($"the database at '{path}' cannot be opened: {e.RocksDbMessage}", e);

    /// <summary>Reads and checks every meta record; throws a typed <see cref="DatabaseOpenException"/> on any problem.</summary>
    private static ChainState LoadAndValidate(
        IKeyValueReader reader, ChainDatabaseOptions options, out bool fresh, out PruningMode? storedState, out PruningMode? storedBlocks)
    {
        storedState = null;
        storedBlocks = null;
        var schema = reader.Get(ChainColumns.Meta, ChainKeys.SchemaVersion);
        if (schema is null)
        {
            var empty = Enumerable.Range(0, ChainColumns.Names.Count).All(c => !reader.EnumeratePrefix(c, []).Any());
            if (!empty)
            {
                throw new DatabaseCorruptedException("the database holds data but no schema version: it was not written by this node, or is damaged");
            }

            fresh = true;
            return ChainState.Empty;
        }

        fresh = false;
        var version = ChainKeys.DecodeU32(schema, "schema version");
        if (version != SchemaVersion)
        {
            throw new SchemaVersionException(version, SchemaVersion);
        }

        storedState = ReadMode(reader, ChainKeys.StatePruning, "state pruning");
        storedBlocks = ReadMode(reader, ChainKeys.BlocksPruning, "blocks pruning");
        if (storedState.Kind != options.StatePruning.Kind)
        {
            throw new PruningModeMismatchException("state-pruning", storedState, options.StatePruning);
        }

        if (storedBlocks.Kind != options.BlocksPruning.Kind)
        {
            throw new PruningModeMismatchException("blocks-pruning", storedBlocks, options.BlocksPruning);
        }

        var genesis = ReadRef(reader, ChainKeys.Genesis, "genesis");
        if (genesis is { } g && options.ExpectedGenesis is { } expected && g.Hash != expected)
        {
            throw new GenesisMismatchException(g.Hash, expected);
        }

        var best = ReadRef(reader, ChainKeys.Best, "best");
        var finalized = ReadRef(reader, ChainKeys.Finalized, "final");
        if (genesis is not null && (best is null || finalized is null))
        {
            throw new DatabaseCorruptedException("the database has a genesis block but no best or finalized block record");
        }

        var stateFloor = reader.Get(ChainColumns.Meta, ChainKeys.StateFloor) is { } sf ? ChainKeys.DecodeU32(sf, "state floor") : 0;
        var blocksFloor = reader.Get(ChainColumns.Meta, ChainKeys.BlocksFloor) is { } bf ? ChainKeys.DecodeU32(bf, "blocks floor") : 0;
        var unfinalized = ImmutableDictionary.CreateBuilder<Hash256, UnfinalizedBlock>();
        foreach (var (key, value) in reader.EnumeratePrefix(ChainColumns.Lookup, [ChainKeys.UnfinalizedPrefix]))
        {
            var (number, hash) = ChainKeys.ParseNumberAndHash(key);
            if (value.Length != Hash256.Length)
            {
                throw new DatabaseCorruptedException($"the unfinalized-block record of {hash} is malformed");
            }

            unfinalized[hash] = new UnfinalizedBlock(number, new Hash256(value));
        }

        return new ChainState(genesis, best, finalized, stateFloor, blocksFloor, unfinalized.ToImmutable());
    }

    private static PruningMode ReadMode(IKeyValueReader reader, byte[] key, string what)
    {
        var value = reader.Get(ChainColumns.Meta, key) ?? throw new DatabaseCorruptedException($"the {what} mode record is missing");
        return PruningMode.TryParse(System.Text.Encoding.UTF8.GetString(value), out var mode, out var error)
            ? mode
            : throw new DatabaseCorruptedException($"the stored {what} mode is malformed: {error}");
    }

    private static BlockRef? ReadRef(IKeyValueReader reader, byte[] key, string what)
        => reader.Get(ChainColumns.Meta, key) is { } value ? ChainKeys.DecodeBlockRef(value, what) : null;

    private static byte[] Utf8(string value) => System.Text.Encoding.UTF8.GetBytes(value);

    // =====================================================================================================
    // Block reads
    // =====================================================================================================

    public byte[]? GetHeader(Hash256 hash) => Reader().Get(ChainColumns.Headers, ChainKeys.Hash(hash));

    /// <summary>The decoded header of a stored block, or null.</summary>
    public BlockHeaderInfo? GetHeaderInfo(Hash256 hash) => GetHeader(hash) is { } header ? DecodeStored(header, hash) : null;

    /// <summary>The body of a block, or null when unknown or pruned.</summary>
    public byte[]? GetBody(Hash256 hash) => Reader().Get(ChainColumns.Bodies, ChainKeys.Hash(hash));

    public byte[]? GetJustifications(Hash256 hash) => Reader().Get(ChainColumns.Justifications, ChainKeys.Hash(hash));

    /// <summary>The hash of the block at <paramref name="number"/> on the best chain (finalized part included), or null.</summary>
    public Hash256? GetCanonicalHash(uint number)
    {
        _ = Current;
        var value = _store.Get(ChainColumns.Lookup, ChainKeys.Canonical(number));
        return value is { Length: Hash256.Length } ? new Hash256(value) : null;
    }

    // =====================================================================================================
    // State reads
    // =====================================================================================================

    /// <summary>True when the state of <paramref name="blockHash"/> is stored (not pruned, not on an abandoned fork).</summary>
    public bool HasState(Hash256 blockHash) => StateAvailability(_store, Current, blockHash, out _) is null;

    /// <summary>
    /// The state of a block; throws <see cref="StateUnavailableException"/> when it is not stored. Its nodes are read
    /// from the live database: if the block leaves the pruning window while the view is in use, reads may fail with a
    /// missing node (use <see cref="PinState"/> for long reads of old blocks).
    /// </summary>
    public StateView GetState(Hash256 blockHash)
    {
        var info = RequireState(_store, Current, blockHash);
        return new StateView(_store, _cache, !StatePruning.IsArchive, info.Ref, info.StateRoot);
    }

    /// <summary>
    /// The state of a block, read through a snapshot taken now, so that concurrent pruning cannot remove its nodes while
    /// it is read; throws <see cref="StateUnavailableException"/> when it is not stored. Dispose it when done.
    /// </summary>
    public PinnedState PinState(Hash256 blockHash)
    {
        var snapshot = _store.CreateSnapshot();
        try
        {
            // The snapshot holds the database either before or after any write in flight. A write publishes its chain
            // state as "pending" before it starts and clears it only after publishing it as current, so checking the
            // block against the pending state too (pruning only moves forward) covers both cases; blocks themselves are
            // looked up in the snapshot, so one written after it is unknown to it.
            var pending = Volatile.Read(ref _pendingState);
            var info = RequireState(snapshot, Current, blockHash);
            if (pending is not null)
            {
                RequireState(snapshot, pending, blockHash);
            }

            return new PinnedState(snapshot, new StateView(snapshot, _cache, !StatePruning.IsArchive, info.Ref, info.StateRoot));
        }
        catch
        {
            snapshot.Dispose();
            throw;
        }
    }

    private BlockHeaderInfo RequireState(IKeyValueReader reader, ChainState state, Hash256 blockHash)
    {
        var reason = StateAvailability(reader, state, blockHash, out var info);
        if (reason is { } r)
        {
            var text = r switch
            {
                StateUnavailableReason.UnknownBlock => $"block {blockHash} is not in the database",
                StateUnavailableReason.Pruned => $"the state of block #{info!.Number} ({blockHash}) has been pruned " +
                    $"(--state-pruning {StatePruning} keeps blocks from #{state.StateFloor})",
                _ => $"block #{info!.Number} ({blockHash}) is on an abandoned fork; its state was discarded",
            };
            throw new StateUnavailableException(blockHash, r, text);
        }

        return info!;
    }

    private StateUnavailableReason? StateAvailability(IKeyValueReader reader, ChainState state, Hash256 blockHash, out BlockHeaderInfo? info)
    {
        var header = reader.Get(ChainColumns.Headers, ChainKeys.Hash(blockHash));
        info = header is null ? null : DecodeStored(header, blockHash);
        if (info is null || state.Finalized is not { } finalized)
        {
            return StateUnavailableReason.UnknownBlock;
        }

        if (StatePruning.IsArchive || state.Unfinalized.ContainsKey(blockHash))
        {
            return null;
        }

        var canonical = reader.Get(ChainColumns.Lookup, ChainKeys.Canonical(info.Number));
        if (info.Number > finalized.Number || canonical is null || new Hash256(canonical) != blockHash)
        {
            return StateUnavailableReason.Discarded;
        }

        return info.Number < state.StateFloor ? StateUnavailableReason.Pruned : null;
    }

    // =====================================================================================================
    // Writes
    // =====================================================================================================

    /// <summary>
    /// Stores one imported block in ONE atomic write: header, body, justifications, the trie nodes its state commit
    /// inserted (with the pruning journal), its entry in the unfinalized set, and — when asked — the best-block change
    /// and the finalization of <paramref name="finalizes"/> (this block or one of its ancestors) with all the pruning
    /// that follows. Block 0 is the genesis: it is best and finalized at once.
    /// </summary>
    /// <exception cref="BlockCommitException">The block is refused; nothing was written.</exception>
    public BlockRef CommitBlock(
        byte[] header, byte[] body, byte[]? justifications, TrieNodeChanges stateChanges, bool isBest, Hash256? finalizes = null)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(stateChanges);
        BlockHeaderInfo info;
        try
        {
            info = BlockHeaderInfo.Decode(header);
        }
        catch (ScaleDecodeException e)
        {
            throw new BlockCommitException(BlockCommitError.InvalidHeader, "the header does not decode: " + e.Message, e);
        }

        lock (_writeLock)
        {
            var state = Current;
            ValidateCommit(state, info, stateChanges);
            using var ctx = new CommitContext(_store, state, _cache);
            var block = info.Ref;
            var hashKey = ChainKeys.Hash(block.Hash);
            ctx.Batch.Put(ChainColumns.Headers, hashKey, header);
            ctx.Batch.Put(ChainColumns.Bodies, hashKey, body);
            if (justifications is not null)
            {
                ctx.Batch.Put(ChainColumns.Justifications, hashKey, justifications);
            }

            if (block.Number == 0)
            {
                CommitGenesisState(ctx, block, stateChanges);
                ctx.Genesis = block;
                ctx.Best = block;
                ctx.Finalized = block;
                ctx.SetCanonical(0, block.Hash);
            }
            else
            {
                ctx.AddUnfinalized(block, info.ParentHash);
                CommitBlockState(ctx, block, stateChanges);
                if (isBest)
                {
                    SetBestCore(ctx, block.Hash);
                }

                if (finalizes is { } target)
                {
                    if (!IsAncestorOrSelf(ctx, target, block.Hash))
                    {
                        throw new BlockCommitException(BlockCommitError.InvalidTarget,
                            $"a block commit may finalize only the block itself or one of its unfinalized ancestors, not {target}");
                    }

                    FinalizeCore(ctx, target, null);
                }
            }

            Apply(ctx);
            return block;
        }
    }

    /// <summary>As <see cref="CommitBlock(byte[], byte[], byte[], TrieNodeChanges, bool, Hash256?)"/>, for a decoded header.</summary>
    public BlockRef CommitBlock(
        Header header, byte[] body, byte[]? justifications, TrieNodeChanges stateChanges, bool isBest, Hash256? finalizes = null)
    {
        ArgumentNullException.ThrowIfNull(header);
        return CommitBlock(header.Encode(), body, justifications, stateChanges, isBest, finalizes);
    }

    /// <summary>Finalizes a block (and its unfinalized ancestors), discards forks that no longer descend from it and prunes; one write.</summary>
    /// <exception cref="BlockCommitException">The block cannot be finalized; nothing was written.</exception>
    public void Finalize(Hash256 hash, byte[]? justifications = null)
    {
        lock (_writeLock)
        {
            var state = Current;
            RequireGenesis(state);
            using var ctx = new CommitContext(_store, state, _cache);
            FinalizeCore(ctx, hash, justifications);
            Apply(ctx);
        }
    }

    /// <summary>Makes <paramref name="hash"/> the best block and rewrites the canonical index to its chain; one write.</summary>
    /// <exception cref="BlockCommitException">The block cannot be best; nothing was written.</exception>
    public void SetBest(Hash256 hash)
    {
        lock (_writeLock)
        {
            var state = Current;
            RequireGenesis(state);
            using var ctx = new CommitContext(_store, state, _cache);
            SetBestCore(ctx, hash);
            Apply(ctx);
        }
    }

    /// <summary>
    /// Reverts up to <paramref name="maxBlocks"/> blocks off the top of the best chain, never a finalized one (Substrate's
    /// <c>Backend::revert</c> without <c>revert_finalized</c>): the best block becomes the ancestor that many blocks down
    /// (at most down to the finalized block), and every unfinalized block above that height — the reverted best-chain
    /// blocks and any fork block as high — is removed with its header, body, justifications, canonical index entry and
    /// the trie nodes only it referenced, so it can be imported again. One write; nothing changes when nothing can be
    /// reverted.
    /// </summary>
    public RevertResult Revert(uint maxBlocks)
    {
        lock (_writeLock)
        {
            var state = Current;
            RequireGenesis(state);
            var best = state.Best!.Value;
            var finalized = state.Finalized!.Value;
            var count = Math.Min(maxBlocks, best.Number - finalized.Number);
            if (count == 0)
            {
                return new RevertResult(best, best, []);
            }

            using var ctx = new CommitContext(_store, state, _cache);
            var target = best;
            for (var i = 0u; i < count; i++)
            {
                var block = ctx.Unfinalized.TryGetValue(target.Hash, out var b)
                    ? b
                    : throw new DatabaseCorruptedException($"the best chain block {target} is missing from the unfinalized set");
                target = new BlockRef(block.Parent, block.Number - 1);
            }

            var removed = ctx.Unfinalized
                .Where(e => e.Value.Number > target.Number)
                .Select(e => new BlockRef(e.Key, e.Value.Number))
                .OrderByDescending(r => r.Number)
                .ThenBy(r => r.Hash)
                .ToList();
            foreach (var block in removed)
            {
                Discard(ctx, block);
                var key = ChainKeys.Hash(block.Hash);
                ctx.Batch.Delete(ChainColumns.Headers, key);
                ctx.Batch.Delete(ChainColumns.Bodies, key);
                ctx.Batch.Delete(ChainColumns.Justifications, key);
            }

            for (var n = target.Number + 1; n <= best.Number; n++)
            {
                ctx.ClearCanonical(n);
            }

            ctx.Best = target;
            Apply(ctx);
            return new RevertResult(best, target, removed);
        }
    }

    /// <summary>Where the last write spent its time (milliseconds): preparing, writing trie nodes (counts included), RocksDB write.</summary>
    internal (double Prepare, double Nodes, double Write) LastWriteTimings { get; private set; }

    private void Apply(CommitContext ctx)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var prepared = System.Diagnostics.Stopwatch.GetElapsedTime(ctx.Started, started).TotalMilliseconds;
        ctx.FlushStateNodes(referenceCounted: !StatePruning.IsArchive);
        var nodes = System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        var next = ctx.Complete();
        Volatile.Write(ref _pendingState, next);
        try
        {
            var writing = System.Diagnostics.Stopwatch.GetTimestamp();
            _store.Write(ctx.Batch);
            LastWriteTimings = (prepared, nodes, System.Diagnostics.Stopwatch.GetElapsedTime(writing).TotalMilliseconds);
            ctx.UpdateCache();
            Volatile.Write(ref _state, next);
        }
        finally
        {
            Volatile.Write(ref _pendingState, null);
        }
    }

    private static void RequireGenesis(ChainState state)
    {
        if (state.Genesis is null)
        {
            throw new BlockCommitException(BlockCommitError.GenesisMissing, "the database has no genesis block yet");
        }
    }

    private void ValidateCommit(ChainState state, BlockHeaderInfo info, TrieNodeChanges changes)
    {
        if (_store.Get(ChainColumns.Headers, ChainKeys.Hash(info.Hash)) is not null)
        {
            throw new BlockCommitException(BlockCommitError.AlreadyKnown, $"block #{info.Number} ({info.Hash}) is already stored");
        }

        if (changes.Root != info.StateRoot)
        {
            throw new BlockCommitException(BlockCommitError.StateRootMismatch,
                $"block #{info.Number} ({info.Hash}) has state root {info.StateRoot} but its state changes produce {changes.Root}");
        }

        if (Options.VerifyInsertedNodes)
        {
            foreach (var (hash, node) in changes.Inserted)
            {
                if (node is null || Hash256.Blake2(node) != hash)
                {
                    throw new BlockCommitException(BlockCommitError.InvalidStateChanges,
                        $"an inserted trie node is not stored under the Blake2-256 hash of its bytes ({hash})");
                }
            }
        }

        if (info.Number == 0)
        {
            if (state.Genesis is { } existing)
            {
                throw new BlockCommitException(BlockCommitError.GenesisAlreadyPresent, $"the database already has genesis {existing.Hash}");
            }

            if (Options.ExpectedGenesis is { } expected && expected != info.Hash)
            {
                throw new BlockCommitException(BlockCommitError.GenesisMismatch, $"genesis {info.Hash} is not the expected {expected}");
            }

            if (!info.ParentHash.IsZero || changes.Deleted.Count != 0)
            {
                throw new BlockCommitException(BlockCommitError.InvalidStateChanges,
                    "a genesis block has a zero parent hash and its state changes start from the empty trie (nothing deleted)");
            }

            return;
        }

        if (state.Finalized is not { } finalized)
        {
            throw new BlockCommitException(BlockCommitError.GenesisMissing, "the genesis block must be committed first");
        }

        var parentNumber = info.Number - 1;
        if (info.ParentHash == finalized.Hash && parentNumber == finalized.Number)
        {
            return;
        }

        if (state.Unfinalized.TryGetValue(info.ParentHash, out var parent))
        {
            if (parent.Number != parentNumber)
            {
                throw new BlockCommitException(BlockCommitError.InvalidHeader,
                    $"block #{info.Number} ({info.Hash}) names parent {info.ParentHash}, which is block #{parent.Number}");
            }

            return;
        }

        throw _store.Get(ChainColumns.Headers, ChainKeys.Hash(info.ParentHash)) is null
            ? new BlockCommitException(BlockCommitError.UnknownParent, $"the parent {info.ParentHash} of block #{info.Number} is unknown")
            : new BlockCommitException(BlockCommitError.NotDescendantOfFinalized,
                $"block #{info.Number} ({info.Hash}) does not descend from the finalized block {finalized}");
    }

    private void CommitGenesisState(CommitContext ctx, BlockRef block, TrieNodeChanges changes)
    {
        _ = block;
        foreach (var (hash, node) in changes.Inserted)
        {
            if (StatePruning.IsArchive)
            {
                ctx.PutNode(hash, node);
            }
            else
            {
                ctx.Reference(hash, node);
            }
        }
    }

    private void CommitBlockState(CommitContext ctx, BlockRef block, TrieNodeChanges changes)
    {
        if (StatePruning.IsArchive)
        {
            foreach (var (hash, node) in changes.Inserted)
            {
                ctx.PutNode(hash, node);
            }

            return;
        }

        var inserted = new Hash256[changes.Inserted.Count];
        for (var i = 0; i < inserted.Length; i++)
        {
            var (hash, node) = changes.Inserted[i];
            inserted[i] = hash;
            ctx.Reference(hash, node);
        }

        // archive-canonical never applies deletions, so it journals insertions only (to undo them if the fork is abandoned)
        IReadOnlyList<Hash256> deleted = StatePruning.Kind == PruningModeKind.Constrained ? [.. changes.Deleted] : [];
        ctx.PutJournal(block, new StateJournal(inserted, deleted));
    }

    private static bool IsAncestorOrSelf(CommitContext ctx, Hash256 ancestor, Hash256 descendant)
    {
        var current = descendant;
        while (true)
        {
            if (current == ancestor)
            {
                return true;
            }

            if (!ctx.Unfinalized.TryGetValue(current, out var block))
            {
                return false;
            }

            current = block.Parent;
        }
    }

    /// <summary>The unfinalized blocks from just above the finalized block up to <paramref name="target"/>, or null when it does not descend from it.</summary>
    private static List<BlockRef>? RouteFromFinalized(CommitContext ctx, Hash256 target)
    {
        var finalized = ctx.Finalized!.Value.Hash;
        var route = new List<BlockRef>();
        var current = target;
        while (current != finalized)
        {
            if (!ctx.Unfinalized.TryGetValue(current, out var block))
            {
                return null;
            }

            route.Add(new BlockRef(current, block.Number));
            current = block.Parent;
        }

        route.Reverse();
        return route;
    }

    private void SetBestCore(CommitContext ctx, Hash256 hash)
    {
        var route = RouteFromFinalized(ctx, hash)
            ?? throw new BlockCommitException(BlockCommitError.InvalidTarget,
                $"block {hash} cannot become best: it is not the finalized block or an unfinalized descendant of it");
        var target = route.Count == 0 ? ctx.Finalized!.Value : route[^1];
        for (var i = route.Count - 1; i >= 0; i--)
        {
            if (ctx.CanonicalHash(route[i].Number) == route[i].Hash)
            {
                break; // the rest of the route is canonical already
            }

            ctx.SetCanonical(route[i].Number, route[i].Hash);
        }

        for (var n = target.Number + 1; ctx.Best is { } best && n <= best.Number; n++)
        {
            ctx.ClearCanonical(n);
        }

        ctx.Best = target;
    }

    private void FinalizeCore(CommitContext ctx, Hash256 hash, byte[]? justifications)
    {
        var finalized = ctx.Finalized!.Value;
        var route = RouteFromFinalized(ctx, hash);
        if (route is null)
        {
            var info = GetHeaderInfo(hash);
            if (info is not null && info.Number <= finalized.Number && ctx.CanonicalHash(info.Number) == hash)
            {
                StoreJustifications(ctx, hash, justifications);
                return; // already final
            }

            throw new BlockCommitException(info is null ? BlockCommitError.UnknownParent : BlockCommitError.NotDescendantOfFinalized,
                info is null
                    ? $"cannot finalize unknown block {hash}"
                    : $"cannot finalize block #{info.Number} ({hash}): it does not descend from the finalized block {finalized}");
        }

        StoreJustifications(ctx, hash, justifications);
        if (route.Count == 0)
        {
            return;
        }

        var target = route[^1];

        // 1. the route becomes canonical and final
        foreach (var block in route)
        {
            ctx.SetCanonical(block.Number, block.Hash);
            ctx.RemoveUnfinalized(block.Hash);
            if (StatePruning.Kind == PruningModeKind.ArchiveCanonical)
            {
                ctx.DeleteJournal(block.Number, block.Hash);
            }
        }

        // 2. every other unfinalized block survives only if it descends from the new finalized block
        var kept = new HashSet<Hash256> { target.Hash };
        foreach (var (blockHash, block) in ctx.Unfinalized.OrderBy(e => e.Value.Number).ToArray())
        {
            if (block.Number > target.Number && kept.Contains(block.Parent))
            {
                kept.Add(blockHash);
            }
            else
            {
                Discard(ctx, new BlockRef(blockHash, block.Number));
            }
        }

        // 3. the best block must descend from the finalized one
        if (ctx.Best is not { } best || !kept.Contains(best.Hash))
        {
            for (var n = target.Number + 1; ctx.Best is { } b && n <= b.Number; n++)
            {
                ctx.ClearCanonical(n);
            }

            ctx.Best = target;
        }

        ctx.Finalized = target;

        // 4. state window: keep the states of the last N finalized blocks
        if (StatePruning.Kind == PruningModeKind.Constrained)
        {
            var floor = WindowFloor(target.Number, StatePruning.Blocks);
            for (var k = ctx.StateFloor; k < floor; k++)
            {
                // leaving state k behind: the deletions made by its canonical child k+1 take effect
                var child = ctx.CanonicalHash(k + 1)
                    ?? throw new DatabaseCorruptedException($"the canonical index has no block #{k + 1}");
                foreach (var node in ctx.TakeJournal(k + 1, child).Deleted)
                {
                    ctx.Unreference(node);
                }
            }

            ctx.StateFloor = Math.Max(ctx.StateFloor, floor);
        }

        // 5. block window: keep bodies and justifications of the last N finalized blocks
        if (BlocksPruning.Kind == PruningModeKind.Constrained)
        {
            var floor = WindowFloor(target.Number, BlocksPruning.Blocks);
            for (var k = ctx.BlocksFloor; k < floor; k++)
            {
                if (ctx.CanonicalHash(k) is { } old)
                {
                    ctx.Batch.Delete(ChainColumns.Bodies, ChainKeys.Hash(old));
                    ctx.Batch.Delete(ChainColumns.Justifications, ChainKeys.Hash(old));
                }
            }

            ctx.BlocksFloor = Math.Max(ctx.BlocksFloor, floor);
        }
    }

    /// <summary>The lowest block number a window of <paramref name="window"/> blocks ending at <paramref name="finalized"/> keeps.</summary>
    private static uint WindowFloor(uint finalized, uint window) => finalized + 1 >= window ? finalized + 1 - window : 0;

    private void Discard(CommitContext ctx, BlockRef block)
    {
        ctx.RemoveUnfinalized(block.Hash);
        if (!StatePruning.IsArchive)
        {
            foreach (var node in ctx.TakeJournal(block.Number, block.Hash).Inserted)
            {
                ctx.Unreference(node);
            }
        }

        if (!BlocksPruning.IsArchive)
        {
            ctx.Batch.Delete(ChainColumns.Bodies, ChainKeys.Hash(block.Hash));
            ctx.Batch.Delete(ChainColumns.Justifications, ChainKeys.Hash(block.Hash));
        }
    }

    private static void StoreJustifications(CommitContext ctx, Hash256 hash, byte[]? justifications)
    {
        if (justifications is not null)
        {
            ctx.Batch.Put(ChainColumns.Justifications, ChainKeys.Hash(hash), justifications);
        }
    }

    private static BlockHeaderInfo DecodeStored(byte[] header, Hash256 hash)
    {
        try
        {
            return BlockHeaderInfo.Decode(header);
        }
        catch (ScaleDecodeException e)
        {
            throw new DatabaseCorruptedException($"the stored header of {hash} does not decode: {e.Message}", e);
        }
    }

    /// <summary>Writes in-memory buffers to disk (not needed for durability: the write-ahead log already has every commit).</summary>
    public void Flush()
    {
        _ = Current;
        _store.Flush();
    }

    /// <summary>Compacts every column family, reclaiming the space of pruned data now rather than gradually.</summary>
    public void Compact()
    {
        _ = Current;
        for (var column = 0; column < ChainColumns.Names.Count; column++)
        {
            _store.Compact(column);
        }
    }

    public override string ToString()
        => string.Create(CultureInfo.InvariantCulture, $"ChainDatabase(best {Best}, finalized {Finalized}, state {StatePruning}, blocks {BlocksPruning})");

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        lock (_writeLock)
        {
            _disposed = true;
            if (_ownsStore)
            {
                _store.Dispose();
            }
        }
    }
}
