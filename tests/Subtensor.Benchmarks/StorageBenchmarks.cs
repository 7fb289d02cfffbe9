using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Subtensor.Core.Types;
using Subtensor.Storage;
using Subtensor.Storage.Chain;
using Subtensor.Storage.KeyValue;
using Subtensor.Storage.RocksDb;
using Subtensor.Trie;

namespace Subtensor.Benchmarks;

/// <summary>
/// Issue targets, on RocksDB with a 1M-key state (layout V1): commit of 10k changed keys &lt; 250 ms; cached state read
/// p50 &lt; 20 µs; trie commit ≥ 30% of raw RocksDB write throughput — the raw put of the same nodes runs beside it.
/// Set SUBTENSOR_BENCH_KEYS for a smaller state. The standalone <c>Subtensor.Storage.CrashHarness bench</c> prints
/// p50/p99 and CPU times in one run.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 2, iterationCount: 10)]
public class StorageBenchmarks
{
    private const TrieLayout Layout = TrieLayout.V1;
    private string _dir = "";
    private ChainDatabase _db = null!;
    private RocksDbStore _raw = null!;
    private readonly List<byte[]> _keys = [];
    private Random _random = new(1);
    private BlockRef _best;
    private List<KeyValuePair<byte[], byte[]>> _changes = [];
    private TrieNodeChanges? _pending;
    private byte[] _pendingHeader = [];
    private byte[][] _nodeSample = [];

    public static IEnumerable<int> KeyCounts =>
        [int.TryParse(Environment.GetEnvironmentVariable("SUBTENSOR_BENCH_KEYS"), out var keys) ? keys : 1_000_000];

    [ParamsSource(nameof(KeyCounts))]
    public int Keys { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _dir = Path.Combine(Path.GetTempPath(), "subtensor-bdn-" + Guid.NewGuid().ToString("N"));
        var rocks = new RocksDbOptions { BlockCacheBytes = 512L << 20 };
        _db = ChainDatabase.Open(Path.Combine(_dir, "chain"), new ChainDatabaseOptions { StatePruning = PruningMode.KeepLast(4), RocksDb = rocks });
        _raw = RocksDbStore.Open(Path.Combine(_dir, "raw"), ["nodes"], rocks);
        for (var i = 0; i < Keys; i++)
        {
            _keys.Add(Hash256.Blake2(BitConverter.GetBytes(i)).ToArray());
        }

        var genesis = TrieRootBuilder.Build(_keys.Select(k => new KeyValuePair<byte[], byte[]>(k, Value())), Layout);
        _best = _db.CommitBlock(Header(Hash256.Zero, 0, genesis.Root), [0], null, genesis, isBest: true);
        RawPut(genesis.Inserted);
        _nodeSample = [.. genesis.Inserted.Where((_, i) => i % 7 == 0).Select(e => e.Key.ToArray())];
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _db.Dispose();
        _raw.Dispose();
        Directory.Delete(_dir, recursive: true);
    }

    [IterationSetup(Targets = [nameof(TrieSetAndCommit10k)])]
    public void NextChanges() => _changes = RandomChanges();

    [IterationSetup(Targets = [nameof(CommitBlock10k), nameof(RawPutOfTheSameNodes)])]
    public void NextNodeChanges()
    {
        var trie = _db.GetState(_best.Hash).OpenTrie(Layout);
        foreach (var (key, value) in RandomChanges())
        {
            trie.Set(key, value);
        }

        _pending = trie.Commit();
        _pendingHeader = Header(_best.Hash, _best.Number + 1, _pending.Root);
    }

    /// <summary>The trie side of a block: 10k sets on the stored best state, then encoding the changed nodes.</summary>
    [Benchmark]
    public Hash256 TrieSetAndCommit10k()
    {
        var trie = _db.GetState(_best.Hash).OpenTrie(Layout);
        foreach (var (key, value) in _changes)
        {
            trie.Set(key, value);
        }

        return trie.Commit().Root;
    }

    /// <summary>The storage side: one atomic write of the block with its ~40k changed nodes, finality and pruning.</summary>
    [Benchmark]
    public BlockRef CommitBlock10k()
        => _best = _db.CommitBlock(_pendingHeader, [1], null, _pending!, isBest: true, finalizes: Hash256.Blake2(_pendingHeader));

    /// <summary>Raw RocksDB: one sorted batch of exactly the nodes <see cref="CommitBlock10k"/> stores.</summary>
    [Benchmark]
    public int RawPutOfTheSameNodes() => RawPut(_pending!.Inserted);

    /// <summary>A state query: a fresh trie over the best state reads one random key (nodes from the cache or RocksDB).</summary>
    [Benchmark(OperationsPerInvoke = 1000)]
    public int StateRead()
    {
        var view = _db.GetState(_best.Hash);
        var found = 0;
        for (var i = 0; i < 1000; i++)
        {
            found += view.OpenTrie(Layout).Get(_keys[_random.Next(_keys.Count)]) is null ? 0 : 1;
        }

        return found;
    }

    /// <summary>Raw RocksDB: a point read of one stored node.</summary>
    [Benchmark(OperationsPerInvoke = 1000)]
    public int RawGet()
    {
        var found = 0;
        for (var i = 0; i < 1000; i++)
        {
            found += _raw.Get(0, _nodeSample[_random.Next(_nodeSample.Length)]) is null ? 0 : 1;
        }

        return found;
    }

    private int RawPut(IEnumerable<KeyValuePair<Hash256, byte[]>> nodes)
    {
        using var batch = _raw.CreateWriteBatch();
        foreach (var (hash, node) in nodes.OrderBy(e => e.Key))
        {
            batch.Put(0, hash.ToArray(), node);
        }

        var count = batch.Count;
        _raw.Write(batch);
        return count;
    }

    private List<KeyValuePair<byte[], byte[]>> RandomChanges()
    {
        var changes = new List<KeyValuePair<byte[], byte[]>>(10_000);
        for (var i = 0; i < 10_000; i++)
        {
            changes.Add(new(_keys[_random.Next(_keys.Count)], Value()));
        }

        return changes;
    }

    private byte[] Value()
    {
        var value = new byte[_random.Next(16, 81)];
        _random.NextBytes(value);
        return value;
    }

    private static byte[] Header(Hash256 parent, uint number, Hash256 stateRoot)
    {
        var writer = new Subtensor.Core.Scale.ScaleWriter();
        parent.EncodeTo(writer);
        writer.WriteCompact(number);
        stateRoot.EncodeTo(writer);
        Hash256.Zero.EncodeTo(writer);
        writer.WriteCompact(0u);
        return writer.ToArray();
    }
}
