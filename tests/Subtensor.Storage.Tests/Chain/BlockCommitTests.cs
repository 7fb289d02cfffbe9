using Subtensor.Core.Types;
using Subtensor.Storage.Chain;
using Subtensor.Storage.KeyValue;
using Subtensor.Storage.State;
using Subtensor.Storage.Tests.Support;
using Subtensor.Trie;
using static Subtensor.Storage.Tests.Support.ChainModel;

namespace Subtensor.Storage.Tests.Chain;

public sealed class BlockCommitTests
{
    private static ChainModel NewModel(Hash256? expectedGenesis = null)
        => new(ChainDatabase.CreateInMemory(new ChainDatabaseOptions { StatePruning = PruningMode.KeepLast(2), ExpectedGenesis = expectedGenesis, VerifyInsertedNodes = true }));

    private static string Dump(ChainDatabase db)
        => string.Join("\n", Enumerable.Range(0, ChainColumns.Names.Count).SelectMany(c =>
            db.Store.EnumeratePrefix(c, []).Select(e => $"{c}:{Convert.ToHexString(e.Key)}={Convert.ToHexString(e.Value)}")));

    [Fact]
    public void Genesis_is_best_finalized_and_canonical_and_its_block_reads_back()
    {
        var m = NewModel();
        Assert.Null(m.Db.Genesis);
        var g = m.CommitGenesis([Set(1, "01")]);
        var expected = new BlockRef(g.Hash, 0);
        Assert.Equal(expected, m.Db.Genesis);
        Assert.Equal(expected, m.Db.Best);
        Assert.Equal(expected, m.Db.Finalized);
        Assert.Equal(g.Hash, m.Db.GetCanonicalHash(0));
        Assert.Equal(g.Header, m.Db.GetHeader(g.Hash));
        Assert.Equal(g.Body, m.Db.GetBody(g.Hash));
        Assert.Equal(g.Trie.Root, m.Db.GetHeaderInfo(g.Hash)!.StateRoot);
        Assert.Null(m.Db.GetCanonicalHash(1));
    }

    [Fact]
    public void Best_chain_drives_the_canonical_index_through_reorgs()
    {
        var m = NewModel();
        var g = m.CommitGenesis([Set(1, "01")]);
        var a1 = m.Commit(g.Hash, [Set(2, "a1")]);
        var a2 = m.Commit(a1.Hash, [Set(2, "a2")]);
        var a3 = m.Commit(a2.Hash, [Set(2, "a3")]);
        var b2 = m.Commit(a1.Hash, [Set(2, "b2")], isBest: false);
        Assert.Equal(a3.Hash, m.Db.Best!.Value.Hash);
        Assert.Equal(a2.Hash, m.Db.GetCanonicalHash(2));

        m.Db.SetBest(b2.Hash);
        Assert.Equal(new BlockRef(b2.Hash, 2), m.Db.Best);
        Assert.Equal(b2.Hash, m.Db.GetCanonicalHash(2));
        Assert.Null(m.Db.GetCanonicalHash(3));
        Assert.Equal(a1.Hash, m.Db.GetCanonicalHash(1));

        var b3 = m.Commit(b2.Hash, [Set(3, "b3")], justifications: [0x46, 0x52, 0x4e, 0x4b]);
        Assert.Equal(b3.Hash, m.Db.GetCanonicalHash(3));
        Assert.Equal([0x46, 0x52, 0x4e, 0x4b], m.Db.GetJustifications(b3.Hash));
        m.Verify();
    }

    [Fact]
    public void A_commit_can_finalize_itself_or_an_ancestor_in_the_same_write()
    {
        var m = NewModel();
        var g = m.CommitGenesis([Set(1, "01")]);
        var b1 = m.Commit(g.Hash, [Set(2, "01")]);
        var b2 = m.Commit(b1.Hash, [Set(2, "02")], finalizes: b1.Hash);
        Assert.Equal(new BlockRef(b1.Hash, 1), m.Db.Finalized);
        var b3 = m.Commit(b2.Hash, [Set(2, "03")], finalizes: b2.Hash);
        var b4 = m.Commit(b3.Hash, [Set(2, "04")], finalizeSelf: true);
        Assert.Equal(new BlockRef(b4.Hash, 4), m.Db.Finalized);
        Assert.Equal(3u, m.Db.OldestStateNumber);
        m.Verify();
    }

    [Fact]
    public void Refused_commits_change_nothing_and_say_why()
    {
        var m = NewModel();
        var g = m.CommitGenesis([Set(1, "01")]);
        var a1 = m.Commit(g.Hash, [Set(2, "a1")]);
        var a2 = m.Commit(a1.Hash, [Set(2, "a2")]);
        var c1 = m.Commit(g.Hash, [Set(2, "c1")], isBest: false);
        m.Db.Finalize(a1.Hash); // c1 is discarded
        var before = Dump(m.Db);
        var (trie, changes) = a2.Trie.Apply([Set(9, "09")]);

        void Refused(BlockCommitError error, Action action)
        {
            var e = Assert.Throws<BlockCommitException>(action);
            Assert.Equal(error, e.Error);
            Assert.False(string.IsNullOrWhiteSpace(e.Message));
            Assert.Equal(before, Dump(m.Db));
        }

        Refused(BlockCommitError.InvalidHeader, () => m.Db.CommitBlock([1, 2, 3], [], null, changes, true));
        Refused(BlockCommitError.AlreadyKnown, () => m.Db.CommitBlock(a2.Header, a2.Body, null, a2.Changes, true));
        Refused(BlockCommitError.UnknownParent, () => m.Db.CommitBlock(TestHeaders.Encode(Hash256.Blake2([9]), 3, trie.Root), [], null, changes, true));
        Refused(BlockCommitError.InvalidHeader, () => m.Db.CommitBlock(TestHeaders.Encode(a2.Hash, 7, trie.Root), [], null, changes, true));
        Refused(BlockCommitError.StateRootMismatch, () => m.Db.CommitBlock(TestHeaders.Encode(a2.Hash, 3, a2.Trie.Root), [], null, changes, true));
        Refused(BlockCommitError.NotDescendantOfFinalized, () => m.Db.CommitBlock(TestHeaders.Encode(c1.Hash, 2, trie.Root), [], null, changes, true));
        Refused(BlockCommitError.GenesisAlreadyPresent, () => m.Db.CommitBlock(TestHeaders.Encode(Hash256.Zero, 0, trie.Root, 5), [], null, changes, true));
        var forged = new TrieNodeChanges(trie.Root, [new(Hash256.Blake2([1]), [2])], []);
        Refused(BlockCommitError.InvalidStateChanges, () => m.Db.CommitBlock(TestHeaders.Encode(a2.Hash, 3, trie.Root), [], null, forged, true));
        Refused(BlockCommitError.InvalidTarget, () => m.Db.CommitBlock(TestHeaders.Encode(a2.Hash, 3, trie.Root), [], null, changes, true, finalizes: c1.Hash));
        Refused(BlockCommitError.NotDescendantOfFinalized, () => m.Db.Finalize(c1.Hash));
        Refused(BlockCommitError.UnknownParent, () => m.Db.Finalize(Hash256.Blake2([7])));
        Refused(BlockCommitError.InvalidTarget, () => m.Db.SetBest(c1.Hash));
        Refused(BlockCommitError.InvalidTarget, () => m.Db.SetBest(g.Hash));

        // finalizing an already-final block is a no-op
        m.Db.Finalize(g.Hash);
        Assert.Equal(before, Dump(m.Db));
    }

    [Fact]
    public void Genesis_rules_are_enforced()
    {
        var expected = Hash256.Blake2([1, 2, 3]);
        var m = NewModel(expected);
        var (trie, changes) = ToyTrie.Empty.Apply([Set(1, "01")]);
        var e = Assert.Throws<BlockCommitException>(() => m.Db.CommitBlock(TestHeaders.Encode(Hash256.Zero, 0, trie.Root), [], null, changes, true));
        Assert.Equal(BlockCommitError.GenesisMismatch, e.Error);
        e = Assert.Throws<BlockCommitException>(() => m.Db.CommitBlock(TestHeaders.Encode(Hash256.Blake2([0]), 1, trie.Root), [], null, changes, true));
        Assert.Equal(BlockCommitError.GenesisMissing, e.Error);
        e = Assert.Throws<BlockCommitException>(() => m.Db.Finalize(Hash256.Zero));
        Assert.Equal(BlockCommitError.GenesisMissing, e.Error);
        Assert.Empty(m.Db.Store.EnumeratePrefix(ChainColumns.Headers, []));

        var other = NewModel();
        var withDeletes = new TrieNodeChanges(trie.Root, changes.Inserted, [Hash256.Blake2([5])]);
        e = Assert.Throws<BlockCommitException>(() => other.Db.CommitBlock(TestHeaders.Encode(Hash256.Zero, 0, trie.Root), [], null, withDeletes, true));
        Assert.Equal(BlockCommitError.InvalidStateChanges, e.Error);
    }

    [Fact]
    public void Unknown_blocks_have_no_state()
    {
        var m = NewModel();
        m.CommitGenesis([Set(1, "01")]);
        Assert.False(m.Db.HasState(Hash256.Blake2([4])));
        var e = Assert.Throws<StateUnavailableException>(() => m.Db.GetState(Hash256.Blake2([4])));
        Assert.Equal(StateUnavailableReason.UnknownBlock, e.Reason);
    }

    [Fact]
    public void A_decoded_core_header_is_stored_in_its_scale_encoding()
    {
        var m = NewModel();
        var (trie, changes) = ToyTrie.Empty.Apply([Set(1, "01")]);
        var header = new Header(Hash256.Zero, 0, trie.Root, StateView.EmptyTrieRoot, new Digest([]));
        var block = m.Db.CommitBlock(header, [], null, changes, isBest: true);
        Assert.Equal(header.Hash(), block.Hash);
        Assert.Equal(header.Encode(), m.Db.GetHeader(block.Hash));
        Assert.Equal(header.StateRoot, m.Db.GetHeaderInfo(block.Hash)!.StateRoot);
    }
}
