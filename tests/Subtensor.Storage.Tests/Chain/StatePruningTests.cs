using Subtensor.Core.Types;
using Subtensor.Storage.Chain;
using Subtensor.Storage.KeyValue;
using Subtensor.Storage.Tests.Support;
using static Subtensor.Storage.Tests.Support.ChainModel;

namespace Subtensor.Storage.Tests.Chain;

public sealed class StatePruningTests
{
    private static ChainModel NewModel(PruningMode state, PruningMode? blocks = null, bool nodeCache = true)
        => new(ChainDatabase.CreateInMemory(new ChainDatabaseOptions
        {
            StatePruning = state,
            BlocksPruning = blocks ?? PruningMode.ArchiveCanonical,
            NodeCacheBytes = nodeCache ? 1 << 20 : 0,
            VerifyInsertedNodes = true,
        }));

    [Fact]
    public void A_node_deleted_by_one_block_and_reinserted_by_a_later_one_survives_pruning()
    {
        var m = NewModel(PruningMode.KeepLast(1));
        var g = m.CommitGenesis([Set(0x100, "aa")]);
        var b1 = m.Commit(g.Hash, [Set(0x001, "c0ffee")], finalizes: null);
        var leaf = Hash256.Blake2([0x01, 0xc0, 0xff, 0xee]);
        Assert.Contains(b1.Changes.Inserted, e => e.Key == leaf);
        var b2 = m.Commit(b1.Hash, [Set(0x001, "beef")]);
        Assert.Contains(leaf, b2.Changes.Deleted);
        var b3 = m.Commit(b2.Hash, [Set(0x001, "c0ffee")]);
        Assert.Contains(b3.Changes.Inserted, e => e.Key == leaf);

        m.Db.Finalize(b3.Hash);

        Assert.Equal(3u, m.Db.OldestStateNumber);
        Assert.NotNull(m.Db.Nodes.GetNode(leaf));
        Assert.Equal("C0FFEE", ToyTrie.Load(m.Db.GetState(b3.Hash), b3.Trie.Root)[0x001]);
        m.Verify();
    }

    [Fact]
    public void A_node_at_two_positions_stays_while_either_position_holds_it()
    {
        var m = NewModel(PruningMode.KeepLast(1));
        var g = m.CommitGenesis([Set(0x011, "dd"), Set(0x022, "dd")]);
        var leaf = Hash256.Blake2([0x01, 0xdd]);
        Assert.Equal(2, g.Changes.Inserted.Count(e => e.Key == leaf));

        var b1 = m.Commit(g.Hash, [Set(0x011, "ee")], finalizes: null);
        Assert.Contains(leaf, b1.Changes.Deleted);
        m.Db.Finalize(b1.Hash);
        Assert.Equal(1u, m.Db.OldestStateNumber);
        Assert.NotNull(m.Db.Nodes.GetNode(leaf)); // still at 0x022
        m.Verify();

        var b2 = m.Commit(b1.Hash, [Set(0x022, null)], finalizes: null);
        m.Db.Finalize(b2.Hash);
        Assert.Null(m.Db.Nodes.GetNode(leaf));
        m.Verify();
    }

    [Fact]
    public void State_older_than_the_window_is_gone_and_newer_state_loads()
    {
        var m = NewModel(PruningMode.KeepLast(4));
        var parent = m.CommitGenesis([Set(1, "01"), Set(2, "02")]);
        var chain = new List<Block> { parent };
        for (var i = 1; i <= 12; i++)
        {
            parent = m.Commit(parent.Hash, [Set(i % 5, i.ToString("x2")), Set(100 + i, "ff")], finalizes: null);
            chain.Add(parent);
            m.Db.Finalize(parent.Hash);
            m.Verify();
        }

        Assert.Equal(9u, m.Db.OldestStateNumber);
        for (var n = 0; n <= 12; n++)
        {
            Assert.Equal(n >= 9, m.Db.HasState(chain[n].Hash));
        }

        var e = Assert.Throws<StateUnavailableException>(() => m.Db.GetState(chain[8].Hash));
        Assert.Equal(StateUnavailableReason.Pruned, e.Reason);
        Assert.Contains("pruned", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Finalizing_one_fork_discards_the_other_and_its_nodes()
    {
        var m = NewModel(PruningMode.KeepLast(8));
        var g = m.CommitGenesis([Set(1, "01")]);
        var a1 = m.Commit(g.Hash, [Set(2, "a1")]);
        var a2 = m.Commit(a1.Hash, [Set(3, "a2")]);
        var b1 = m.Commit(g.Hash, [Set(2, "b1")], isBest: false);
        var b2 = m.Commit(b1.Hash, [Set(4, "b2")], isBest: false);
        var c2 = m.Commit(a1.Hash, [Set(5, "c2")], isBest: false);
        m.Verify();
        var onlyB = Hash256.Blake2([0x01, 0xb2]);
        Assert.NotNull(m.Db.Nodes.GetNode(onlyB));

        m.Db.Finalize(a1.Hash);

        foreach (var discarded in new[] { b1, b2 })
        {
            Assert.Equal(StateUnavailableReason.Discarded, Assert.Throws<StateUnavailableException>(() => m.Db.GetState(discarded.Hash)).Reason);
            Assert.NotNull(m.Db.GetHeader(discarded.Hash)); // headers are always kept
            Assert.Null(m.Db.GetBody(discarded.Hash));       // archive-canonical blocks: abandoned bodies go
        }

        Assert.True(m.Db.HasState(a2.Hash));
        Assert.True(m.Db.HasState(c2.Hash)); // a sibling of a2, still above the finalized block
        Assert.Null(m.Db.Nodes.GetNode(onlyB));
        Assert.Equal(a2.Hash, m.Db.Best!.Value.Hash);
        m.Verify();

        m.Db.Finalize(c2.Hash);
        Assert.False(m.Db.HasState(a2.Hash));
        Assert.Equal(c2.Hash, m.Db.Best!.Value.Hash); // the best block moved off the abandoned fork
        Assert.Equal(c2.Hash, m.Db.GetCanonicalHash(2));
        m.Verify();
    }

    [Fact]
    public void Archive_keeps_abandoned_forks_readable()
    {
        var m = NewModel(PruningMode.Archive, PruningMode.Archive);
        var g = m.CommitGenesis([Set(1, "01")]);
        var a1 = m.Commit(g.Hash, [Set(2, "a1")], finalizes: null);
        var b1 = m.Commit(g.Hash, [Set(2, "b1")], isBest: false);
        m.Db.Finalize(a1.Hash);
        Assert.True(m.Db.HasState(b1.Hash));
        Assert.NotNull(m.Db.GetBody(b1.Hash));
        Assert.True(m.Db.HasState(g.Hash));
        m.Verify();
    }

    [Fact]
    public void Archive_canonical_keeps_every_finalized_state_and_drops_forks()
    {
        var m = NewModel(PruningMode.ArchiveCanonical);
        var parent = m.CommitGenesis([Set(1, "01")]);
        for (var i = 0; i < 10; i++)
        {
            var fork = m.Commit(parent.Hash, [Set(7, "ee")], isBest: false);
            parent = m.Commit(parent.Hash, [Set(7, i.ToString("x2"))]);
            m.Db.Finalize(parent.Hash);
            Assert.False(m.Db.HasState(fork.Hash));
        }

        Assert.True(m.Db.HasState(m.Genesis.Hash));
        m.Verify();
    }

    [Fact]
    public void Blocks_pruning_keeps_the_last_n_bodies_and_every_header()
    {
        var m = NewModel(PruningMode.ArchiveCanonical, PruningMode.KeepLast(3));
        var blocks = new List<Block> { m.CommitGenesis([Set(1, "01")]) };
        for (var i = 1; i <= 8; i++)
        {
            blocks.Add(m.Commit(blocks[^1].Hash, [Set(1, i.ToString("x2"))], finalizes: null, justifications: [0x01, (byte)i]));
            m.Db.Finalize(blocks[^1].Hash);
        }

        Assert.Equal(6u, m.Db.OldestBodyNumber);
        for (var n = 0; n <= 8; n++)
        {
            Assert.NotNull(m.Db.GetHeader(blocks[n].Hash));
            Assert.Equal(n >= 6, m.Db.GetBody(blocks[n].Hash) is not null);
            Assert.Equal(n >= 6, m.Db.GetJustifications(blocks[n].Hash) is not null);
            Assert.Equal(blocks[n].Hash, m.Db.GetCanonicalHash((uint)n));
        }
    }

    public static TheoryData<string> Modes => new() { "archive", "archive-canonical", "1", "3", "16" };

    [Theory]
    [MemberData(nameof(Modes))]
    public void Randomized_forks_reinsertions_and_finality_keep_exactly_the_retained_nodes(string mode)
    {
        for (var seed = 1; seed <= 4; seed++)
        {
            var m = NewModel(PruningMode.Parse(mode), nodeCache: seed % 2 == 0);
            RandomChain.Run(m, new Random(seed * 7919 + mode.Length), steps: 150, verifyEvery: 5);
        }
    }
}
