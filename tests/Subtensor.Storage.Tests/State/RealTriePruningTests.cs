using Subtensor.Core.Types;
using Subtensor.Storage.Chain;
using Subtensor.Storage.KeyValue;
using Subtensor.Storage.RocksDb;
using Subtensor.Storage.Tests.Support;
using Subtensor.Trie;

namespace Subtensor.Storage.Tests.State;

/// <summary>End to end with the real Substrate trie (layout V1): states built by <see cref="MutableTrie"/> on top of stored parent states.</summary>
public sealed class RealTriePruningTests
{
    private const TrieLayout Layout = TrieLayout.V1;

    private static byte[] Key(int i) => Hash256.Blake2(BitConverter.GetBytes(i)).ToArray();

    /// <summary>Values from 1 to 64 bytes (V1 hashes those from 33), drawn from a small pool so that equal values recur.</summary>
    private static byte[] Value(Random random)
    {
        var length = random.Next(4) switch { 0 => 4, 1 => 20, 2 => 40, _ => 64 };
        var value = new byte[length];
        value[0] = (byte)random.Next(6);
        return value;
    }

    private static SortedDictionary<byte[], byte[]> Content(MutableTrie trie)
        => new(trie.Enumerate().ToDictionary(e => e.Key, e => e.Value, ByteArrayComparer.Instance), ByteArrayComparer.Instance);

    private static string[] Hexed(SortedDictionary<byte[], byte[]> content)
        => [.. content.Select(e => Convert.ToHexString(e.Key) + "=" + Convert.ToHexString(e.Value))];

    [Fact]
    public void After_300_blocks_with_state_pruning_64_old_state_is_gone_the_db_is_smaller_and_archive_still_reads_block_1()
    {
        using var dir = new TempDirectory();
        var rocks = new RocksDbOptions { BlockCacheBytes = 8 << 20, WriteBufferBytes = 4 << 20 };
        using var pruned = ChainDatabase.Open(dir.Sub("pruned"), new ChainDatabaseOptions { StatePruning = PruningMode.Parse("64"), RocksDb = rocks });
        using var archive = ChainDatabase.Open(dir.Sub("archive"), new ChainDatabaseOptions { StatePruning = PruningMode.Archive, BlocksPruning = PruningMode.Archive, RocksDb = rocks });
        var random = new Random(300);
        var model = new SortedDictionary<byte[], byte[]>(ByteArrayComparer.Instance);
        var snapshots = new Dictionary<uint, SortedDictionary<byte[], byte[]>>();
        var hashes = new List<Hash256>();

        var genesisTrie = new MutableTrie(Layout);
        for (var i = 0; i < 3000; i++)
        {
            var value = Value(random);
            genesisTrie.Set(Key(i), value);
            model[Key(i)] = value;
        }

        var changes = genesisTrie.Commit();
        var header = TestHeaders.Encode(Hash256.Zero, 0, changes.Root);
        hashes.Add(pruned.CommitBlock(header, [0], null, changes, true).Hash);
        archive.CommitBlock(header, [0], null, changes, true);

        for (uint n = 1; n <= 300; n++)
        {
            // the next state is built on the parent state as stored in the pruned database
            var trie = pruned.GetState(hashes[^1]).OpenTrie(Layout);
            for (var c = 0; c < 100; c++)
            {
                var key = Key(random.Next(3300));
                if (random.Next(8) == 0)
                {
                    trie.Remove(key);
                    model.Remove(key);
                }
                else
                {
                    var value = Value(random);
                    trie.Set(key, value);
                    model[key] = value;
                }
            }

            changes = trie.Commit();
            header = TestHeaders.Encode(hashes[^1], n, changes.Root);
            var hash = Hash256.Blake2(header);
            pruned.CommitBlock(header, [1], null, changes, isBest: true, finalizes: hash);
            archive.CommitBlock(header, [1], null, changes, isBest: true, finalizes: hash);
            hashes.Add(hash);
            if (n is 1 or 236 or 237 or 300)
            {
                snapshots[n] = new SortedDictionary<byte[], byte[]>(model, ByteArrayComparer.Instance);
            }
        }

        // pruned: states 237..300 (the last 64) are complete; everything older is gone
        Assert.Equal(237u, pruned.OldestStateNumber);
        var reachable = new HashSet<Hash256>();
        for (var n = 0; n <= 300; n++)
        {
            Assert.Equal(n >= 237, pruned.HasState(hashes[n]));
            if (n >= 237)
            {
                var view = pruned.GetState(hashes[n]);
                TrieWalker.CollectNodes(view, view.Root, reachable);
            }
            else
            {
                Assert.Equal(StateUnavailableReason.Pruned, Assert.Throws<StateUnavailableException>(() => pruned.GetState(hashes[n])).Reason);
            }
        }

        var stored = pruned.Store.EnumeratePrefix(ChainColumns.State, []).Select(e => new Hash256(e.Key)).ToHashSet();
        Assert.True(stored.SetEquals(reachable), $"{stored.Except(reachable).Count()} unreferenced nodes kept, {reachable.Except(stored).Count()} missing");
        foreach (var n in new uint[] { 237, 300 })
        {
            var trie = pruned.GetState(hashes[(int)n]).OpenTrie(Layout);
            Assert.Equal(Hexed(snapshots[n]), Hexed(Content(trie)));
            Assert.Equal(pruned.GetHeaderInfo(hashes[(int)n])!.StateRoot, TrieRootBuilder.Root(Content(trie), Layout));
        }

        // archive: every state, block 1 included
        foreach (var n in new uint[] { 1, 236, 300 })
        {
            Assert.Equal(Hexed(snapshots[n]), Hexed(Content(archive.GetState(hashes[(int)n]).OpenTrie(Layout))));
        }

        Assert.Throws<StateUnavailableException>(() => pruned.GetState(hashes[1]));

        pruned.Store.Flush();
        archive.Store.Flush();
        for (var c = 0; c < ChainColumns.Names.Count; c++)
        {
            pruned.Store.Compact(c);
            archive.Store.Compact(c);
        }

        var prunedState = long.Parse(((RocksDbStore)pruned.Store).GetProperty(ChainColumns.State, "rocksdb.total-sst-files-size")!);
        var archiveState = long.Parse(((RocksDbStore)archive.Store).GetProperty(ChainColumns.State, "rocksdb.total-sst-files-size")!);
        var prunedSize = TempDirectory.SizeOf(dir.Sub("pruned"));
        var archiveSize = TempDirectory.SizeOf(dir.Sub("archive"));
        Assert.True(prunedState * 2 < archiveState, $"state column: pruned {prunedState} B, archive {archiveState} B");
        Assert.True(prunedSize < archiveSize, $"database: pruned {prunedSize} B, archive {archiveSize} B");
    }

    [Theory]
    [InlineData("2")]
    [InlineData("archive-canonical")]
    public void Randomized_forks_with_the_real_trie_keep_exactly_the_nodes_of_retained_states(string mode)
    {
        using var db = ChainDatabase.CreateInMemory(new ChainDatabaseOptions { StatePruning = PruningMode.Parse(mode) });
        var random = new Random(mode.Length * 31);
        var content = new Dictionary<Hash256, SortedDictionary<byte[], byte[]>>();
        var parents = new Dictionary<Hash256, Hash256>();

        var genesis = new MutableTrie(Layout);
        for (var i = 0; i < 300; i++)
        {
            genesis.Set(Key(i), Value(random));
        }

        var genesisChanges = genesis.Commit();
        var g = db.CommitBlock(TestHeaders.Encode(Hash256.Zero, 0, genesisChanges.Root), [], null, genesisChanges, true);
        content[g.Hash] = Content(genesis);
        var salt = 0;

        for (var step = 1; step <= 120; step++)
        {
            var live = content.Keys.Where(h => db.HasState(h) && (h == db.Finalized!.Value.Hash || db.UnfinalizedBlocks.ContainsKey(h))).ToList();
            var parent = random.Next(3) > 0 ? db.Best!.Value.Hash : live[random.Next(live.Count)];
            var trie = db.GetState(parent).OpenTrie(Layout);
            for (var c = random.Next(1, 12); c > 0; c--)
            {
                var key = Key(random.Next(320));
                if (random.Next(6) == 0)
                {
                    trie.Remove(key);
                }
                else
                {
                    trie.Set(key, Value(random));
                }
            }

            var changes = trie.Commit();
            var number = db.GetHeaderInfo(parent)!.Number + 1;
            var block = db.CommitBlock(TestHeaders.Encode(parent, number, changes.Root, ++salt), [], null, changes, isBest: random.Next(4) > 0);
            content[block.Hash] = Content(trie);
            parents[block.Hash] = parent;
            if (random.Next(4) == 0)
            {
                var candidates = db.UnfinalizedBlocks.Keys.ToList();
                db.Finalize(candidates[random.Next(candidates.Count)]);
            }

            if (step % 10 == 0)
            {
                var reachable = new HashSet<Hash256>();
                foreach (var (hash, expected) in content)
                {
                    if (db.HasState(hash))
                    {
                        var view = db.GetState(hash);
                        TrieWalker.CollectNodes(view, view.Root, reachable);
                        Assert.Equal(Hexed(expected), Hexed(Content(view.OpenTrie(Layout))));
                    }
                }

                var stored = db.Store.EnumeratePrefix(ChainColumns.State, []).Select(e => new Hash256(e.Key)).ToHashSet();
                Assert.True(stored.SetEquals(reachable), $"{stored.Except(reachable).Count()} unreferenced, {reachable.Except(stored).Count()} missing");
            }
        }

        Assert.True(db.Finalized!.Value.Number > 10);
    }
}
