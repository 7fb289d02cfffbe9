using System.Diagnostics;
using Subtensor.Core.Types;
using Subtensor.Storage.Chain;
using Subtensor.Storage.CrashHarness;
using Subtensor.Storage.KeyValue;
using Subtensor.Storage.Tests.Support;
using Subtensor.Trie;
using Xunit.Abstractions;

namespace Subtensor.Storage.Tests.State;

/// <summary>
/// A child process commits blocks of 10,000 random changes until it is SIGKILLed at a random moment; 20 times over.
/// After every kill the database must open, hold every block the child reported committed, hold no half-written
/// block, and the best block's state must be complete with the root its header names, recomputed from scratch.
/// </summary>
public sealed class CrashSafetyTests(ITestOutputHelper output)
{
    private const int Cycles = 20;
    private const int Seed = 20240611;

    [Fact]
    public void A_writer_killed_at_random_moments_20_times_leaves_a_consistent_database()
    {
        using var dir = new TempDirectory();
        var path = dir.Sub("db");
        var workload = new CrashWorkload(Seed);
        var model = new CrashModel(workload);
        var random = new Random(Seed);
        var reported = -1L;
        var killedWhileCommitting = 0;
        for (var cycle = 1; cycle <= Cycles; cycle++)
        {
            var (lastReported, startedCommitting) = RunAndKill(path, random, cycle);
            reported = Math.Max(reported, lastReported);
            killedWhileCommitting += startedCommitting ? 1 : 0;

            using var db = ChainDatabase.Open(path, CrashWorkload.Options);
            var best = model.Verify(db, reported);
            output.WriteLine($"cycle {cycle}: child reported #{lastReported}, database best #{best}");
        }

        Assert.True(model.Verified >= 5, $"the writer made too little progress: best block #{model.Verified}");
        Assert.True(killedWhileCommitting >= 10, "most kills must land while blocks are being written");
    }

    private (long LastReported, bool StartedCommitting) RunAndKill(string path, Random random, int cycle)
    {
        var harness = Path.Combine(AppContext.BaseDirectory, "Subtensor.Storage.CrashHarness.dll");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(harness);
        start.ArgumentList.Add("write");
        start.ArgumentList.Add(path);
        start.ArgumentList.Add(Seed.ToString(System.Globalization.CultureInfo.InvariantCulture));

        var lastReported = -1L;
        using var ready = new ManualResetEventSlim();
        var errors = new System.Text.StringBuilder();
        using var child = new Process { StartInfo = start };
        child.OutputDataReceived += (_, e) =>
        {
            if (e.Data is { } line)
            {
                if (line.StartsWith("committed ", StringComparison.Ordinal))
                {
                    Interlocked.Exchange(ref lastReported, long.Parse(line[10..], System.Globalization.CultureInfo.InvariantCulture));
                }
                else if (line.StartsWith("ready", StringComparison.Ordinal))
                {
                    ready.Set();
                }
            }
        };
        child.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (errors)
                {
                    errors.AppendLine(e.Data);
                }
            }
        };
        child.Start();
        child.BeginOutputReadLine();
        child.BeginErrorReadLine();

        // a few kills land during start-up (opening, recovery, genesis); the rest while blocks are being committed
        var duringStartup = cycle % 7 == 3;
        if (!duringStartup)
        {
            Assert.True(ready.Wait(TimeSpan.FromSeconds(90)) || child.HasExited, "the writer did not start");
        }

        Thread.Sleep(duringStartup ? random.Next(50, 400) : random.Next(100, 2500));
        var exitedOnItsOwn = child.HasExited;
        child.Kill(); // SIGKILL
        child.WaitForExit();
        lock (errors)
        {
            Assert.False(exitedOnItsOwn, "the writer stopped by itself: " + errors);
        }

        return (Interlocked.Read(ref lastReported), ready.IsSet);
    }

    /// <summary>The expected chain, rebuilt from the workload alone, and the checks run after each kill.</summary>
    private sealed class CrashModel(CrashWorkload workload)
    {
        private readonly SortedDictionary<byte[], byte[]> _state = new(workload.GenesisEntries().ToDictionary(e => e.Key, e => e.Value, ByteArrayComparer.Instance), ByteArrayComparer.Instance);
        private uint _modelNumber;

        public long Verified { get; private set; } = -1;

        public long Verify(ChainDatabase db, long reported)
        {
            if (db.Genesis is null)
            {
                Assert.Equal(-1, reported); // genesis was never reported committed
                Assert.Empty(db.Store.EnumeratePrefix(ChainColumns.Headers, []));
                return -1;
            }

            var best = db.Best!.Value;
            Assert.True(best.Number >= reported, $"block #{reported} was reported committed but the best block is #{best.Number}");
            Assert.True(best.Number >= Verified, "the chain went backwards");
            while (_modelNumber < best.Number)
            {
                _modelNumber++;
                foreach (var (key, value) in workload.Changes(_modelNumber))
                {
                    if (value is null)
                    {
                        _state.Remove(key);
                    }
                    else
                    {
                        _state[key] = value;
                    }
                }
            }

            // the best block's state: complete, equal to the model, and hashing to the header's root
            var header = db.GetHeaderInfo(best.Hash)!;
            Assert.Equal(TrieRootBuilder.Root(_state, CrashWorkload.Layout), header.StateRoot);
            var stored = db.GetState(best.Hash).OpenTrie(CrashWorkload.Layout).Enumerate().ToList();
            Assert.Equal(_state.Count, stored.Count);
            Assert.Equal(header.StateRoot, TrieRootBuilder.RootOfSorted(stored, CrashWorkload.Layout));
            Assert.True(_state.Zip(stored).All(p => p.First.Key.AsSpan().SequenceEqual(p.Second.Key) && p.First.Value.AsSpan().SequenceEqual(p.Second.Value)));

            // every block whole: header, body, canonical entry, parent link; nothing beyond the best block
            var parent = Hash256.Zero;
            for (uint n = 0; n <= best.Number; n++)
            {
                var hash = db.GetCanonicalHash(n) ?? throw new InvalidOperationException($"no canonical block #{n}");
                var info = db.GetHeaderInfo(hash)!;
                Assert.Equal(n, info.Number);
                Assert.Equal(parent, info.ParentHash);
                Assert.Equal(CrashWorkload.Body(n), db.GetBody(hash));
                parent = hash;
            }

            var store = db.Store;
            Assert.Equal(best.Number + 1, (uint)store.EnumeratePrefix(ChainColumns.Headers, []).Count());
            Assert.Equal(best.Number + 1, (uint)store.EnumeratePrefix(ChainColumns.Bodies, []).Count());
            Assert.Equal(best.Number + 1, (uint)store.EnumeratePrefix(ChainColumns.Lookup, [(byte)'n']).Count());

            // finality and pruning exactly where the writer's commits put them
            var finalized = best.Number > CrashWorkload.FinalityLag ? best.Number - CrashWorkload.FinalityLag : 0;
            Assert.Equal(finalized, db.Finalized!.Value.Number);
            Assert.Equal(best.Number - finalized, (uint)db.UnfinalizedBlocks.Count);
            var window = CrashWorkload.Options.StatePruning.Blocks;
            var floor = finalized + 1 >= window ? finalized + 1 - window : 0;
            Assert.Equal(floor, db.OldestStateNumber);
            var reachable = new HashSet<Hash256>();
            for (uint n = 0; n <= best.Number; n++)
            {
                var hash = db.GetCanonicalHash(n)!.Value;
                Assert.Equal(n >= floor, db.HasState(hash));
                if (n >= floor)
                {
                    var view = db.GetState(hash);
                    TrieWalker.CollectNodes(view, view.Root, reachable);
                }
            }

            var nodes = store.EnumeratePrefix(ChainColumns.State, []).Select(e => new Hash256(e.Key)).ToHashSet();
            Assert.True(nodes.SetEquals(reachable), $"{nodes.Except(reachable).Count()} unreferenced nodes, {reachable.Except(nodes).Count()} missing");
            Assert.Equal(best.Number - floor, (uint)store.EnumeratePrefix(ChainColumns.StateMeta, [(byte)'j']).Count());
            Verified = best.Number;
            return best.Number;
        }
    }
}
