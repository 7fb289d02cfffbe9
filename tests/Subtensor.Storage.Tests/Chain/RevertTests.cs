using Subtensor.Core.Types;
using Subtensor.Storage.Chain;
using Subtensor.Storage.KeyValue;
using Subtensor.Storage.Tests.Support;
using static Subtensor.Storage.Tests.Support.ChainModel;

namespace Subtensor.Storage.Tests.Chain;

public sealed class RevertTests
{
    private static ChainModel NewModel(PruningMode state, PruningMode? blocks = null)
        => new(ChainDatabase.CreateInMemory(new ChainDatabaseOptions
        {
            StatePruning = state,
            BlocksPruning = blocks ?? PruningMode.ArchiveCanonical,
            NodeCacheBytes = 1 << 20,
            VerifyInsertedNodes = true,
        }));

    private static string Dump(ChainDatabase db)
        => string.Join("\n", Enumerable.Range(0, ChainColumns.Names.Count).SelectMany(c =>
            db.Store.EnumeratePrefix(c, []).Select(e => $"{c}:{Convert.ToHexString(e.Key)}={Convert.ToHexString(e.Value)}")));

    /// <summary>Genesis, then <paramref name="length"/> blocks on top, each changing some keys and re-inserting old values.</summary>
    private static List<Block> Chain(ChainModel m, int length)
    {
        var chain = new List<Block> { m.CommitGenesis([Set(1, "01"), Set(2, "02"), Set(0x300, "aa")]) };
        for (var i = 1; i <= length; i++)
        {
            chain.Add(m.Commit(chain[^1].Hash, [Set(i % 3, (i % 2).ToString("x2")), Set(0x100 + i, "ff"), Set(0x300, i % 2 == 0 ? "aa" : "bb")]));
        }

        return chain;
    }

    private static void Forget(ChainModel m, IEnumerable<BlockRef> removed)
    {
        foreach (var block in removed)
        {
            Assert.True(m.Blocks.Remove(block.Hash));
        }
    }

    public static TheoryData<string> Modes => new() { "256", "2", "archive-canonical" };

    private static PruningMode Parse(string mode) => PruningMode.Parse(mode);

    [Theory]
    [MemberData(nameof(Modes))]
    public void Reverting_two_blocks_moves_best_back_and_forgets_them_and_they_can_be_imported_again(string mode)
    {
        var m = NewModel(Parse(mode));
        var chain = Chain(m, 6);
        m.Db.Finalize(chain[2].Hash);
        m.Verify();

        var result = m.Db.Revert(2);

        Assert.Equal(new BlockRef(chain[6].Hash, 6), result.PreviousBest);
        Assert.Equal(new BlockRef(chain[4].Hash, 4), result.Best);
        Assert.Equal(2u, result.Count);
        Assert.Equal([new BlockRef(chain[6].Hash, 6), new BlockRef(chain[5].Hash, 5)], result.Removed);
        Assert.Equal(new BlockRef(chain[4].Hash, 4), m.Db.Best);
        Assert.Equal(new BlockRef(chain[2].Hash, 2), m.Db.Finalized);
        Assert.Null(m.Db.GetCanonicalHash(5));
        Assert.Null(m.Db.GetCanonicalHash(6));
        Assert.Equal(chain[4].Hash, m.Db.GetCanonicalHash(4));
        foreach (var gone in chain.Skip(5))
        {
            Assert.Null(m.Db.GetHeader(gone.Hash));
            Assert.Null(m.Db.GetBody(gone.Hash));
            Assert.False(m.Db.UnfinalizedBlocks.ContainsKey(gone.Hash));
            Assert.Equal(StateUnavailableReason.UnknownBlock, Assert.Throws<StateUnavailableException>(() => m.Db.GetState(gone.Hash)).Reason);
        }

        Forget(m, result.Removed);
        m.Verify(); // stored nodes and reference counts are exactly those of the remaining blocks

        foreach (var again in chain.Skip(5))
        {
            m.Db.CommitBlock(again.Header, again.Body, null, again.Changes, isBest: true);
            m.Blocks[again.Hash] = again;
        }

        Assert.Equal(new BlockRef(chain[6].Hash, 6), m.Db.Best);
        Assert.Equal(chain[6].Hash, m.Db.GetCanonicalHash(6));
        m.Verify();

        m.Db.Finalize(chain[6].Hash);
        m.Verify();
    }

    [Fact]
    public void Revert_never_crosses_the_finalized_block()
    {
        var m = NewModel(PruningMode.KeepLast(4));
        var chain = Chain(m, 5);
        m.Db.Finalize(chain[3].Hash);

        var result = m.Db.Revert(10);
        Assert.Equal(2u, result.Count);
        Assert.Equal(new BlockRef(chain[3].Hash, 3), m.Db.Best);
        Assert.Equal(new BlockRef(chain[3].Hash, 3), m.Db.Finalized);
        Assert.NotNull(m.Db.GetHeader(chain[3].Hash));
        Forget(m, result.Removed);
        m.Verify();

        // nothing left to revert: no write at all
        var before = Dump(m.Db);
        var none = m.Db.Revert(5);
        Assert.Equal(0u, none.Count);
        Assert.Empty(none.Removed);
        Assert.Equal(none.PreviousBest, none.Best);
        Assert.Equal(before, Dump(m.Db));
    }

    [Fact]
    public void Forks_above_the_new_best_height_go_and_lower_forks_stay()
    {
        var m = NewModel(PruningMode.KeepLast(8));
        var chain = Chain(m, 5);
        var low = m.Commit(chain[1].Hash, [Set(7, "07")], isBest: false);                 // #2 on a fork
        var lowChild = m.Commit(low.Hash, [Set(0x300, "aa")], isBest: false);               // #3 on that fork
        var high = m.Commit(chain[3].Hash, [Set(8, "08"), Set(1, "01")], isBest: false);    // #4 on another fork
        m.Verify();

        var result = m.Db.Revert(2); // best #5 -> #3

        Assert.Equal(new BlockRef(chain[3].Hash, 3), m.Db.Best);
        Assert.Equal(
            new[] { chain[5].Hash, chain[4].Hash, high.Hash }.Order(),
            result.Removed.Select(r => r.Hash).Order());
        Assert.Equal(5u, result.Removed[0].Number);
        Assert.Null(m.Db.GetHeader(high.Hash));
        Assert.NotNull(m.Db.GetHeader(low.Hash));
        Assert.NotNull(m.Db.GetHeader(lowChild.Hash));
        Assert.True(m.Db.HasState(lowChild.Hash));
        Forget(m, result.Removed);
        m.Verify();

        // the remaining fork can still become best and final
        m.Db.SetBest(lowChild.Hash);
        m.Db.Finalize(lowChild.Hash);
        m.Verify();
    }

    [Fact]
    public void Revert_in_archive_mode_forgets_the_blocks_and_allows_reimport()
    {
        var m = NewModel(PruningMode.Archive, PruningMode.Archive);
        var chain = Chain(m, 4);
        var result = m.Db.Revert(1);
        Assert.Equal(new BlockRef(chain[3].Hash, 3), m.Db.Best);
        Assert.Null(m.Db.GetHeader(chain[4].Hash));
        Assert.Null(m.Db.GetBody(chain[4].Hash));
        Assert.Single(result.Removed);
        Assert.True(m.Db.HasState(chain[3].Hash));
        m.Db.CommitBlock(chain[4].Header, chain[4].Body, null, chain[4].Changes, isBest: true);
        Assert.Equal(new BlockRef(chain[4].Hash, 4), m.Db.Best);
        m.Verify();
    }

    [Fact]
    public void A_revert_is_persisted_and_stored_pruning_modes_can_be_read_without_opening_for_write()
    {
        using var dir = new TempDirectory();
        var path = dir.Sub("db");
        Assert.Null(ChainDatabase.ReadPruningModes(path));
        Hash256 kept;
        Hash256 reverted;
        var options = new ChainDatabaseOptions { StatePruning = PruningMode.KeepLast(16), BlocksPruning = PruningMode.Archive };
        using (var db = ChainDatabase.Open(path, options))
        {
            var m = new ChainModel(db);
            var chain = Chain(m, 3);
            kept = chain[1].Hash;
            reverted = chain[2].Hash;
            Assert.Equal(2u, db.Revert(2).Count);
        }

        Assert.Equal((PruningMode.KeepLast(16), PruningMode.Archive), ChainDatabase.ReadPruningModes(path));
        using (var db = ChainDatabase.Open(path, options))
        {
            Assert.Equal(new BlockRef(kept, 1), db.Best);
            Assert.Null(db.GetHeader(reverted));
            Assert.Null(db.GetCanonicalHash(2));
            Assert.Equal([kept], db.UnfinalizedBlocks.Keys);
        }
    }
}
