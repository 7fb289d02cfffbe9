using Subtensor.Client.Blockchain;
using Subtensor.Core.Types;
using Subtensor.Storage.Chain;

namespace Subtensor.Client.Tests;

public class ChainClientTests
{
    [Fact]
    public void Authors_blocks_with_a_transfer_and_finalizes_them()
    {
        using var dev = new DevChain();
        var genesis = dev.Client.Best;
        Assert.Equal(0u, genesis.Number);
        var bobBefore = dev.Free("Bob");

        var first = dev.AuthorNext();
        Assert.Equal(1u, first.Number);
        Assert.True(first.IsNewBest);

        var hash = dev.Pool.Submit(dev.Transfer("Alice", "Bob", 1_000_000_000));
        Assert.Equal(1, dev.Pool.ReadyCount);
        var second = dev.AuthorNext();
        Assert.Equal(2u, second.Number);
        Assert.Equal(0, dev.Pool.ReadyCount);
        Assert.Equal(bobBefore + 1_000_000_000, dev.Free("Bob"));

        var body = dev.Client.GetBody(second.Hash)!;
        Assert.Equal(2, body.Count);
        Assert.Equal(hash, Hash256.Blake2(body[1]));
        Assert.Equal(second.Hash, dev.Client.Finalized.Hash);
        Assert.Equal(second.Hash, dev.Client.GetCanonicalHash(2));
    }

    [Fact]
    public void A_second_node_imports_authored_blocks_by_execution_and_agrees_on_state()
    {
        using var author = new DevChain();
        using var follower = new DevChain();
        Assert.Equal(author.Client.GenesisHash, follower.Client.GenesisHash);
        author.Pool.Submit(author.Transfer("Alice", "Charlie", 5_000_000_000));
        for (var i = 0; i < 3; i++)
        {
            author.AuthorNext();
        }

        for (uint n = 1; n <= 3; n++)
        {
            var hash = author.Client.GetCanonicalHash(n)!.Value;
            var header = author.Client.GetHeader(hash)!;
            var result = follower.Importer.Import(new BlockImportParams(header, author.Client.GetBody(hash)!, null, BlockOrigin.NetworkInitialSync));
            Assert.True(result.IsImported, result.Reason);
            Assert.Equal(hash, result.Hash);
        }

        Assert.Equal(author.Client.BestHeader.StateRoot, follower.Client.BestHeader.StateRoot);
        Assert.Equal(author.Free("Charlie"), follower.Free("Charlie"));
        Assert.Equal(ImportStatus.AlreadyKnown, follower.Importer.Import(new BlockImportParams(author.Client.BestHeader, author.Client.GetBody(author.Client.Best.Hash)!, null, BlockOrigin.NetworkBroadcast)).Status);
    }

    [Fact]
    public void Invalid_blocks_are_refused_and_change_nothing()
    {
        using var author = new DevChain();
        using var follower = new DevChain();
        author.Pool.Submit(author.Transfer("Alice", "Dave", 7));
        var block = author.AuthorNext();
        var header = author.Client.GetHeader(block.Hash)!;
        var body = author.Client.GetBody(block.Hash)!;

        // Wrong state root: the seal no longer matches, so the header is rejected before execution.
        var tampered = header with { StateRoot = Hash256.Blake2([1]) };
        Assert.Equal(ImportStatus.Invalid, follower.Importer.Import(new BlockImportParams(tampered, body, null, BlockOrigin.NetworkBroadcast)).Status);

        // Body swapped: the seal is valid but the extrinsics root no longer matches.
        var otherBody = new List<byte[]> { body[0] };
        Assert.Equal(ImportStatus.Invalid, follower.Importer.Import(new BlockImportParams(header, otherBody, null, BlockOrigin.NetworkBroadcast)).Status);

        // Unknown parent.
        var orphan = header with { ParentHash = Hash256.Blake2([2]) };
        Assert.Equal(ImportStatus.UnknownParent, follower.Importer.Import(new BlockImportParams(orphan, body, null, BlockOrigin.NetworkBroadcast)).Status);

        Assert.Equal(0u, follower.Client.Best.Number);
        Assert.Equal(ImportStatus.Imported, follower.Importer.Import(new BlockImportParams(header, body, null, BlockOrigin.NetworkBroadcast)).Status);
    }

    [Fact]
    public void The_longer_fork_wins_with_a_retracted_and_enacted_route()
    {
        // Two authors share genesis; A builds 1 block, B builds 2 on its own branch. The follower sees A's first.
        using var a = new DevChain();
        using var b = new DevChain();
        using var follower = new DevChain(chain: "dev");
        a.AuthorNext();
        b.NowMs += 60_000;
        b.AuthorNext();
        b.AuthorNext();

        var events = new List<BlockImportedEvent>();
        follower.Client.BlockImported += events.Add;
        var followerImporter = new BlockImporter(follower.Client, follower.Engine, () => follower.NowMs, allowFutureSlots: true);
        void Import(DevChain from, uint n)
        {
            var hash = from.Client.GetCanonicalHash(n)!.Value;
            var r = followerImporter.Import(new BlockImportParams(from.Client.GetHeader(hash)!, from.Client.GetBody(hash)!, null, BlockOrigin.NetworkBroadcast));
            Assert.True(r.IsImported, r.Reason);
        }

        Import(a, 1);
        Import(b, 1);
        Assert.Equal(a.Client.GetCanonicalHash(1), follower.Client.Best.Hash);
        Assert.False(events[1].IsNewBest);

        Import(b, 2);
        Assert.Equal(b.Client.Best.Hash, follower.Client.Best.Hash);
        var reorg = events[^1];
        Assert.True(reorg.IsNewBest);
        Assert.Equal([a.Client.GetCanonicalHash(1)!.Value], reorg.Retracted.Select(r => r.Hash));
        Assert.Equal([b.Client.GetCanonicalHash(1)!.Value, b.Client.GetCanonicalHash(2)!.Value], reorg.Enacted.Select(r => r.Hash));
        Assert.Equal(b.Client.GetCanonicalHash(1), follower.Client.GetCanonicalHash(1));
    }

    [Fact]
    public void Restart_on_the_same_database_resumes_from_the_best_block()
    {
        var dir = Directory.CreateTempSubdirectory("client-db");
        try
        {
            BlockRef best;
            ulong bob;
            using (var dev = new DevChain(Path.Combine(dir.FullName, "db")))
            {
                dev.Pool.Submit(dev.Transfer("Alice", "Bob", 123_456_789));
                dev.AuthorNext();
                dev.AuthorNext();
                best = dev.Client.Best;
                bob = dev.Free("Bob");
            }

            using (var reopened = new DevChain(Path.Combine(dir.FullName, "db")))
            {
                Assert.Equal(best, reopened.Client.Best);
                Assert.Equal(bob, reopened.Free("Bob"));
                reopened.AuthorNext();
                Assert.Equal(best.Number + 1, reopened.Client.Best.Number);
            }

            Assert.ThrowsAny<Exception>(() => new DevChain(Path.Combine(dir.FullName, "db"), chain: "local"));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void Transactions_with_gaps_wait_and_stale_ones_are_refused()
    {
        using var dev = new DevChain();
        dev.Pool.Submit(dev.Transfer("Alice", "Bob", 1, nonce: 1));
        Assert.Equal(1, dev.Pool.FutureCount);
        dev.Pool.Submit(dev.Transfer("Alice", "Bob", 2, nonce: 0));
        Assert.Equal(2, dev.Pool.ReadyCount);
        dev.AuthorNext();
        Assert.Equal(0, dev.Pool.ReadyCount + dev.Pool.FutureCount);
        var stale = Assert.Throws<TransactionPool.TransactionPoolException>(() => dev.Pool.Submit(dev.Transfer("Alice", "Bob", 3, nonce: 0)));
        Assert.Equal("Transaction is outdated", stale.Detail);
        var garbage = Assert.Throws<TransactionPool.TransactionPoolException>(() => dev.Pool.Submit([0x10, 0x84, 0x00]));
        Assert.Equal(TransactionPool.TransactionPoolErrorKind.BadFormat, garbage.Kind);
    }
}
