using System.Collections.Concurrent;
using Subtensor.Core.Types;
using Subtensor.Storage.Chain;
using Subtensor.Storage.RocksDb;
using Subtensor.Storage.Tests.Support;
using Subtensor.Trie;

namespace Subtensor.Storage.Tests.State;

public sealed class ConcurrentReadTests
{
    private static byte[] Key(int i) => Hash256.Blake2(BitConverter.GetBytes(i)).ToArray();

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Pinned_states_read_consistently_while_a_writer_commits_and_prunes(bool rocksdb)
    {
        using var dir = new TempDirectory();
        var options = new ChainDatabaseOptions { StatePruning = PruningMode.KeepLast(1), NodeCacheBytes = 1 << 16, RocksDb = new RocksDbOptions { BlockCacheBytes = 4 << 20 } };
        using var db = rocksdb ? ChainDatabase.Open(dir.Sub("db"), options) : ChainDatabase.CreateInMemory(options);
        var expected = new ConcurrentDictionary<Hash256, int>(); // block → the value every key holds in its state
        var trie = new MutableTrie(TrieLayout.V1);
        for (var i = 0; i < 200; i++)
        {
            trie.Set(Key(i), BitConverter.GetBytes(0));
        }

        var changes = trie.Commit();
        var best = db.CommitBlock(TestHeaders.Encode(Hash256.Zero, 0, changes.Root), [], null, changes, true);
        expected[best.Hash] = 0;

        var failures = new ConcurrentQueue<string>();
        var reads = 0;
        using var stop = new CancellationTokenSource();
        var readers = Enumerable.Range(0, 3).Select(r => Task.Run(() =>
        {
            var random = new Random(r);
            while (!stop.IsCancellationRequested)
            {
                var block = db.Best!.Value.Hash;
                try
                {
                    using var pinned = db.PinState(block);
                    Thread.Sleep(random.Next(2)); // let the writer move on and prune this state meanwhile
                    var reader = pinned.OpenTrie(TrieLayout.V1);
                    for (var k = 0; k < 50; k++)
                    {
                        var value = reader.Get(Key(random.Next(200)));
                        if (value is null || BitConverter.ToInt32(value) != expected[block])
                        {
                            failures.Enqueue($"block {block}: wrong value");
                        }
                    }

                    Interlocked.Increment(ref reads);
                }
                catch (StateUnavailableException)
                {
                    // pruned between reading Best and pinning: allowed
                }
                catch (Exception e)
                {
                    failures.Enqueue(e.ToString());
                }
            }
        })).ToArray();

        var n = 0;
        while (++n <= 150 || (Volatile.Read(ref reads) < 30 && n < 20_000))
        {
            trie = db.GetState(best.Hash).OpenTrie(TrieLayout.V1);
            for (var i = 0; i < 200; i++)
            {
                trie.Set(Key(i), BitConverter.GetBytes(n)); // every node changes, so pruning deletes the whole previous state
            }

            changes = trie.Commit();
            var header = TestHeaders.Encode(best.Hash, (uint)n, changes.Root);
            expected[Hash256.Blake2(header)] = n;
            best = db.CommitBlock(header, [], null, changes, isBest: true, finalizes: Hash256.Blake2(header));
        }

        stop.Cancel();
        await Task.WhenAll(readers);
        Assert.True(failures.IsEmpty, string.Join("\n", failures.Take(3)));
        Assert.True(reads >= 30, $"only {reads} pinned reads ran");
        Assert.Equal(best.Number, db.OldestStateNumber);
    }
}
