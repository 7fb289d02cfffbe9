using System.Diagnostics;
using System.Globalization;
using Subtensor.Core.Types;
using Subtensor.Storage.Chain;
using Subtensor.Storage.KeyValue;
using Subtensor.Storage.RocksDb;
using Subtensor.Trie;

namespace Subtensor.Storage.CrashHarness;

/// <summary>
/// <c>bench [keys] [changes] [blocks] [reads] [state-pruning]</c>: a 1M-key state on RocksDB; commits of 10k changed
/// keys; random state reads (p50/p99); and, in the same run, raw RocksDB puts and gets of the same data for a ratio.
/// Wall-clock and CPU times are both printed, because a shared machine inflates wall time.
/// </summary>
internal static class StorageBench
{
    private const TrieLayout Layout = TrieLayout.V1;

    public static int Run(string[] args)
    {
        var keys = Arg(args, 1, 1_000_000);
        var changesPerBlock = Arg(args, 2, 10_000);
        var blocks = Arg(args, 3, 10);
        var reads = Arg(args, 4, 200_000);
        var pruning = args.Length > 5 ? PruningMode.Parse(args[5]) : PruningMode.KeepLast(4);
        var dir = Path.Combine(Path.GetTempPath(), "subtensor-bench-" + Guid.NewGuid().ToString("N"));
        Console.WriteLine($"bench: {keys:N0} keys, {changesPerBlock:N0} changes per block, {blocks} blocks, {reads:N0} reads, --state-pruning {pruning}, {Environment.ProcessorCount} cores");
        try
        {
            Execute(dir, keys, changesPerBlock, blocks, reads, pruning);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }

        return 0;
    }

    private static void Execute(string dir, int keyCount, int changesPerBlock, int blocks, int reads, PruningMode pruning)
    {
        var rocks = new RocksDbOptions { BlockCacheBytes = 512L << 20 };
        using var db = ChainDatabase.Open(Path.Combine(dir, "chain"), new ChainDatabaseOptions { StatePruning = pruning, RocksDb = rocks });
        using var raw = RocksDbStore.Open(Path.Combine(dir, "raw"), ["nodes", "kv"], rocks);
        var random = new Random(1);
        var keys = new List<byte[]>(keyCount + (blocks * changesPerBlock));
        for (var i = 0; i < keyCount; i++)
        {
            keys.Add(Hash256.Blake2(BitConverter.GetBytes(i)).ToArray());
        }

        // ---- genesis: the 1M-key state ----
        var timer = Phase.Start();
        var genesis = TrieRootBuilder.Build(keys.Select(k => new KeyValuePair<byte[], byte[]>(k, Value(random))), Layout);
        var built = timer.Lap();
        var best = db.CommitBlock(CrashWorkload.Header(Hash256.Zero, 0, genesis.Root), [0], null, genesis, isBest: true);
        var committed = timer.Lap();
        using (var batch = raw.CreateWriteBatch())
        {
            foreach (var (hash, node) in genesis.Inserted.OrderBy(e => e.Key))
            {
                batch.Put(0, hash.ToArray(), node);
            }

            raw.Write(batch);
        }

        var rawGenesis = timer.Lap();
        Console.WriteLine($"genesis: {genesis.Inserted.Count:N0} nodes; trie build {built}; CommitBlock {committed}; raw batch of the same nodes {rawGenesis}");

        // ---- blocks of 10k changed keys ----
        var trieMs = new List<double>();
        var commitMs = new List<double>();
        var rawNodesMs = new List<double>();
        var rawKvMs = new List<double>();
        var cpuCommit = TimeSpan.Zero;
        var cpuRawNodes = TimeSpan.Zero;
        var nodesWritten = 0L;
        for (var b = 1; b <= blocks; b++)
        {
            var changes = new List<KeyValuePair<byte[], byte[]>>(changesPerBlock);
            for (var i = 0; i < changesPerBlock; i++)
            {
                byte[] key;
                if (random.Next(5) == 0)
                {
                    key = Hash256.Blake2(BitConverter.GetBytes(keys.Count)).ToArray();
                    keys.Add(key);
                }
                else
                {
                    key = keys[random.Next(keys.Count)];
                }

                changes.Add(new(key, Value(random)));
            }

            timer = Phase.Start();
            var trie = db.GetState(best.Hash).OpenTrie(Layout);
            foreach (var (key, value) in changes)
            {
                trie.Set(key, value);
            }

            var nodeChanges = trie.Commit();
            var trieLap = timer.Lap();
            var header = CrashWorkload.Header(best.Hash, (uint)b, nodeChanges.Root);
            best = db.CommitBlock(header, [1], null, nodeChanges, isBest: true, finalizes: Hash256.Blake2(header));
            var commitLap = timer.Lap();

            using (var batch = raw.CreateWriteBatch())
            {
                // the raw baseline at its best: keys in order, as CommitBlock writes them
                foreach (var (hash, node) in nodeChanges.Inserted.OrderBy(e => e.Key))
                {
                    batch.Put(0, hash.ToArray(), node);
                }

                raw.Write(batch);
            }

            var rawNodesLap = timer.Lap();
            using (var batch = raw.CreateWriteBatch())
            {
                foreach (var (key, value) in changes.OrderBy(e => e.Key, ByteArrayComparer.Instance))
                {
                    batch.Put(1, key, value);
                }

                raw.Write(batch);
            }

            var rawKvLap = timer.Lap();
            trieMs.Add(trieLap.WallMs);
            commitMs.Add(commitLap.WallMs);
            rawNodesMs.Add(rawNodesLap.WallMs);
            rawKvMs.Add(rawKvLap.WallMs);
            cpuCommit += commitLap.Cpu;
            cpuRawNodes += rawNodesLap.Cpu;
            nodesWritten += nodeChanges.Inserted.Count;
            Console.WriteLine($"block {b}: {nodeChanges.Inserted.Count:N0} inserted / {nodeChanges.Deleted.Count:N0} deleted nodes; " +
                $"trie set+commit {trieLap}; CommitBlock {commitLap} (prepare {F(db.LastWriteTimings.Prepare)}, nodes {F(db.LastWriteTimings.Nodes)}, RocksDB write {F(db.LastWriteTimings.Write)} ms); raw put of the same nodes {rawNodesLap}; raw put of the 10k key-values {rawKvLap}");
        }

        var commitTotal = Median(commitMs);
        var trieTotal = Median(trieMs);
        Console.WriteLine();
        Console.WriteLine($"RESULT commit of {changesPerBlock:N0} changed keys into {keyCount:N0}: median trie set+commit {F(trieTotal)} ms + CommitBlock {F(commitTotal)} ms = {F(trieTotal + commitTotal)} ms (target < 250 ms)");
        Console.WriteLine($"RESULT write throughput, same nodes: CommitBlock {F(nodesWritten / commitMs.Sum())} nodes/ms vs raw RocksDB batch {F(nodesWritten / rawNodesMs.Sum())} nodes/ms " +
            $"= {F(100 * rawNodesMs.Sum() / commitMs.Sum())}% of raw (CPU: {F(100 * cpuRawNodes.TotalMilliseconds / cpuCommit.TotalMilliseconds)}%) (target >= 30%)");
        Console.WriteLine($"RESULT end to end vs flat key-value: raw put of the {changesPerBlock:N0} key-values {F(Median(rawKvMs))} ms vs trie+CommitBlock {F(trieTotal + commitTotal)} ms = {F(100 * Median(rawKvMs) / (trieTotal + commitTotal))}%");

        // ---- random reads from the final state ----
        var view = db.GetState(best.Hash);
        var present = keys.Count;
        ReadLatencies("warm-up", reads / 4, random, _ => view.OpenTrie(Layout).Get(keys[random.Next(present)]));
        var stateReads = ReadLatencies("state read (fresh trie from the root, every node from RocksDB)", reads, random,
            _ => view.OpenTrie(Layout).Get(keys[random.Next(present)]));
        var warmTrie = view.OpenTrie(Layout);
        ReadLatencies("state read (one long-lived trie, its nodes cached in memory)", reads, random, _ => warmTrie.Get(keys[random.Next(present)]));
        var nodeSample = genesis.Inserted.Select(e => e.Key.ToArray()).Where((_, i) => i % 7 == 0).ToArray();
        var rawReads = ReadLatencies("raw RocksDB get of a stored node", reads, random, _ => raw.Get(0, nodeSample[random.Next(nodeSample.Length)]));
        var rawKvSample = keys.Take(present).ToArray();
        using (var batch = raw.CreateWriteBatch())
        {
            foreach (var key in rawKvSample)
            {
                batch.Put(1, key, key);
            }

            raw.Write(batch);
        }

        var rawKv = ReadLatencies("raw RocksDB get of a flat key-value", reads, random, _ => raw.Get(1, rawKvSample[random.Next(rawKvSample.Length)]));
        Console.WriteLine($"RESULT cached state read p50 {F(stateReads.P50)} µs p99 {F(stateReads.P99)} µs (target p50 < 20 µs); " +
            $"raw node get p50 {F(rawReads.P50)} µs; flat key-value get p50 {F(rawKv.P50)} µs; state read / flat get = {F(stateReads.P50 / rawKv.P50)}x");
        db.Flush();
        db.Compact();
        Console.WriteLine($"database size on disk: {new DirectoryInfo(Path.Combine(dir, "chain")).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length) / (1 << 20)} MiB");
    }

    private static (double P50, double P99) ReadLatencies(string name, int count, Random random, Func<int, object?> read)
    {
        _ = random;
        var samples = new double[count];
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var started = Stopwatch.GetTimestamp();
        for (var i = 0; i < count; i++)
        {
            var t0 = Stopwatch.GetTimestamp();
            if (read(i) is null)
            {
                throw new InvalidOperationException("a key expected in the state was not found");
            }

            samples[i] = Stopwatch.GetElapsedTime(t0).TotalMicroseconds;
        }

        var wall = Stopwatch.GetElapsedTime(started);
        var cpuUsed = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        Array.Sort(samples);
        var p50 = samples[count / 2];
        var p99 = samples[(int)(count * 0.99)];
        Console.WriteLine($"{name}: {count:N0} reads, p50 {F(p50)} µs, p99 {F(p99)} µs, mean CPU {F(cpuUsed.TotalMicroseconds / count)} µs, wall {F(wall.TotalMilliseconds)} ms");
        return (p50, p99);
    }

    private static byte[] Value(Random random)
    {
        var value = new byte[random.Next(16, 81)];
        random.NextBytes(value);
        return value;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted[sorted.Length / 2];
    }

    private static int Arg(string[] args, int index, int fallback)
        => args.Length > index ? int.Parse(args[index], CultureInfo.InvariantCulture) : fallback;

    private static string F(double value) => value.ToString("0.0", CultureInfo.InvariantCulture);

    /// <summary>Wall and CPU time of consecutive laps.</summary>
    private sealed class Phase
    {
        private long _wall = Stopwatch.GetTimestamp();
        private TimeSpan _cpu = Process.GetCurrentProcess().TotalProcessorTime;

        public static Phase Start() => new();

        public Lap Lap()
        {
            var now = Stopwatch.GetTimestamp();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var lap = new Lap(Stopwatch.GetElapsedTime(_wall, now).TotalMilliseconds, cpu - _cpu);
            _wall = now;
            _cpu = cpu;
            return lap;
        }
    }

    private readonly record struct Lap(double WallMs, TimeSpan Cpu)
    {
        public override string ToString() => $"{F(WallMs)} ms (CPU {F(Cpu.TotalMilliseconds)} ms)";
    }
}
