using Subtensor.Core.Types;

namespace Subtensor.TransactionPool.Tests;

public class TransactionPoolTests
{
    private readonly NonceValidator _validator = new();

    private static List<TransactionStatus> Drain(TransactionWatcher w)
    {
        var list = new List<TransactionStatus>();
        while (w.Events.TryRead(out var s))
        {
            list.Add(s);
        }

        return list;
    }

    private static Hash256 Block(int n) => Hash256.Blake2([(byte)n, 0xb1]);

    [Fact]
    public void Ready_order_is_by_dependency_then_priority_then_age()
    {
        var pool = new TransactionPool(_validator);
        pool.Submit(NonceValidator.Tx(1, 1, priority: 100));
        pool.Submit(NonceValidator.Tx(1, 0, priority: 1));
        pool.Submit(NonceValidator.Tx(2, 0, priority: 50));
        pool.Submit(NonceValidator.Tx(3, 0, priority: 50));

        var order = pool.ReadyTransactions().Select(t => (t.Bytes[0], t.Bytes[1])).ToList();
        // Account 1's nonce 1 (priority 100) cannot precede its nonce 0 (priority 1).
        Assert.Equal([(2, 0), (3, 0), (1, 0), (1, 1)], order);
        Assert.Equal(4, pool.ReadyCount);
        Assert.Equal(0, pool.FutureCount);
    }

    [Fact]
    public void Gap_in_nonces_is_future_until_filled()
    {
        var pool = new TransactionPool(_validator);
        using var w2 = pool.SubmitAndWatch(NonceValidator.Tx(1, 2));
        pool.Submit(NonceValidator.Tx(1, 0));
        Assert.Equal(1, pool.FutureCount);
        Assert.Equal([TransactionStatusKind.Future], Drain(w2).Select(s => s.Kind));

        pool.Submit(NonceValidator.Tx(1, 1));
        Assert.Equal(0, pool.FutureCount);
        Assert.Equal(3, pool.ReadyCount);
        Assert.Equal([TransactionStatusKind.Ready], Drain(w2).Select(s => s.Kind));
        Assert.Equal([0u, 1u, 2u], pool.ReadyTransactions().Select(t => (uint)t.Bytes[1]));
    }

    [Fact]
    public void Higher_priority_usurps_the_same_tag_and_lower_is_refused()
    {
        var pool = new TransactionPool(_validator);
        using var old = pool.SubmitAndWatch(NonceValidator.Tx(1, 0, priority: 10));
        var low = Assert.Throws<TransactionPoolException>(() => pool.Submit(NonceValidator.Tx(1, 0, priority: 5, salt: 1)));
        Assert.Equal(TransactionPoolErrorKind.TooLowPriority, low.Kind);
        var equal = Assert.Throws<TransactionPoolException>(() => pool.Submit(NonceValidator.Tx(1, 0, priority: 10, salt: 2)));
        Assert.Equal(TransactionPoolErrorKind.TooLowPriority, equal.Kind);

        var newer = pool.Submit(NonceValidator.Tx(1, 0, priority: 11, salt: 3));
        var events = Drain(old);
        Assert.Equal(TransactionStatusKind.Usurped, events[^1].Kind);
        Assert.Equal(newer, events[^1].Block);
        Assert.Single(pool.Pending());
        Assert.True(old.Events.Completion.IsCompleted);
    }

    [Fact]
    public void Duplicates_stale_and_banned_transactions_get_substrate_errors()
    {
        var pool = new TransactionPool(_validator);
        var tx = NonceValidator.Tx(1, 0);
        var hash = pool.Submit(tx);
        Assert.Equal(TransactionPoolErrorKind.AlreadyImported, Assert.Throws<TransactionPoolException>(() => pool.Submit(tx)).Kind);

        _validator.ChainNonces[1] = 1;
        pool.OnNewBestBlock(Block(1), 1, [new BlockExtrinsics(Block(1), 1, [tx])], []);
        Assert.False(pool.Contains(hash));
        var banned = Assert.Throws<TransactionPoolException>(() => pool.Submit(tx));
        Assert.Equal(TransactionPoolErrorKind.TemporarilyBanned, banned.Kind);

        var stale = Assert.Throws<TransactionPoolException>(() => pool.Submit(NonceValidator.Tx(1, 0, salt: 9)));
        Assert.Equal(TransactionPoolErrorKind.InvalidTransaction, stale.Kind);
        Assert.Equal("Transaction is outdated", stale.Detail);
        Assert.Equal(1010, (int)stale.Kind);
    }

    [Fact]
    public void Ban_expires()
    {
        var now = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var pool = new TransactionPool(_validator, new TransactionPoolOptions { BanTime = TimeSpan.FromSeconds(10) }, () => now);
        var tx = NonceValidator.Tx(1, 0);
        var hash = pool.Submit(tx);
        pool.Remove([hash]);
        Assert.Throws<TransactionPoolException>(() => pool.Submit(tx));
        now = now.AddSeconds(11);
        Assert.Equal(hash, pool.Submit(tx));
    }

    [Fact]
    public void Watcher_sees_ready_in_block_and_finalized_and_dependents_stay_ready()
    {
        var pool = new TransactionPool(_validator);
        var tx0 = NonceValidator.Tx(7, 0);
        using var w = pool.SubmitAndWatch(tx0);
        pool.Submit(NonceValidator.Tx(7, 1));
        pool.Submit(NonceValidator.Tx(7, 2));

        _validator.ChainNonces[7] = 1;
        pool.OnNewBestBlock(Block(1), 1, [new BlockExtrinsics(Block(1), 1, [tx0])], []);
        Assert.Equal(2, pool.ReadyCount);
        Assert.Equal([1u, 2u], pool.ReadyTransactions().Select(t => (uint)t.Bytes[1]));

        pool.OnFinalized([Block(1)]);
        var events = Drain(w);
        Assert.Equal([TransactionStatusKind.Ready, TransactionStatusKind.InBlock, TransactionStatusKind.Finalized], events.Select(e => e.Kind));
        Assert.Equal(Block(1), events[1].Block);
        Assert.Equal("{\"finalized\":\"" + Block(1) + "\"}", events[2].ToJson().ToJsonString());
        Assert.True(w.Events.Completion.IsCompleted);
    }

    [Fact]
    public void Revalidation_drops_transactions_the_chain_made_invalid()
    {
        var pool = new TransactionPool(_validator);
        using var w = pool.SubmitAndWatch(NonceValidator.Tx(4, 0));
        pool.Submit(NonceValidator.Tx(5, 0));
        // A block we did not see in the pool bumps account 4's nonce (its tx came from elsewhere).
        _validator.ChainNonces[4] = 1;
        pool.OnNewBestBlock(Block(1), 1, [new BlockExtrinsics(Block(1), 1, [NonceValidator.Tx(4, 0, salt: 42)])], []);
        Assert.Single(pool.Pending());
        Assert.Equal(TransactionStatusKind.Invalid, Drain(w)[^1].Kind);
        Assert.Equal(TransactionPoolErrorKind.TemporarilyBanned, Assert.Throws<TransactionPoolException>(() => pool.Submit(NonceValidator.Tx(4, 0))).Kind);
    }

    [Fact]
    public void Retracted_block_returns_its_transactions_to_the_pool()
    {
        var pool = new TransactionPool(_validator);
        var tx = NonceValidator.Tx(2, 0);
        using var w = pool.SubmitAndWatch(tx);
        _validator.ChainNonces[2] = 1;
        pool.OnNewBestBlock(Block(1), 1, [new BlockExtrinsics(Block(1), 1, [tx])], []);
        Assert.Empty(pool.Pending());

        // Re-org: block 1 is replaced by block 1' that does not contain the transaction.
        _validator.ChainNonces[2] = 0;
        pool.OnNewBestBlock(Block(11), 1, [new BlockExtrinsics(Block(11), 1, [])], [new BlockExtrinsics(Block(1), 1, [tx])]);
        Assert.Single(pool.Pending());
        var kinds = Drain(w).Select(e => e.Kind).ToList();
        Assert.Equal([TransactionStatusKind.Ready, TransactionStatusKind.InBlock, TransactionStatusKind.Retracted, TransactionStatusKind.Ready], kinds);
    }

    [Fact]
    public void Limits_evict_the_worst_and_refuse_a_newcomer_that_does_not_fit()
    {
        var pool = new TransactionPool(_validator, new TransactionPoolOptions { ReadyCountLimit = 3 });
        using var worst = pool.SubmitAndWatch(NonceValidator.Tx(1, 0, priority: 1));
        pool.Submit(NonceValidator.Tx(2, 0, priority: 5));
        pool.Submit(NonceValidator.Tx(3, 0, priority: 5));
        pool.Submit(NonceValidator.Tx(4, 0, priority: 9));
        Assert.Equal(3, pool.ReadyCount);
        Assert.Equal(TransactionStatusKind.Dropped, Drain(worst)[^1].Kind);

        var dropped = Assert.Throws<TransactionPoolException>(() => pool.Submit(NonceValidator.Tx(5, 0, priority: 0)));
        Assert.Equal(TransactionPoolErrorKind.ImmediatelyDropped, dropped.Kind);
        Assert.Equal(3, pool.ReadyCount);
    }

    [Fact]
    public void Finality_timeout_after_the_configured_depth()
    {
        var pool = new TransactionPool(_validator, new TransactionPoolOptions { FinalityTimeoutBlocks = 2 });
        var tx = NonceValidator.Tx(1, 0);
        using var w = pool.SubmitAndWatch(tx);
        _validator.ChainNonces[1] = 1;
        pool.OnNewBestBlock(Block(1), 1, [new BlockExtrinsics(Block(1), 1, [tx])], []);
        for (var n = 2; n <= 4; n++)
        {
            pool.OnNewBestBlock(Block(n), (ulong)n, [new BlockExtrinsics(Block(n), (ulong)n, [])], []);
        }

        var events = Drain(w);
        Assert.Equal(TransactionStatusKind.FinalityTimeout, events[^1].Kind);
        Assert.Equal(Block(1), events[^1].Block);
    }

    [Fact]
    public void Invalid_signature_is_rejected_and_changes_nothing()
    {
        var pool = new TransactionPool(_validator);
        _validator.BadSigners.Add(9);
        var e = Assert.Throws<TransactionPoolException>(() => pool.Submit(NonceValidator.Tx(9, 0)));
        Assert.Equal(TransactionPoolErrorKind.InvalidTransaction, e.Kind);
        Assert.Equal("Transaction has a bad signature", e.Detail);
        Assert.Empty(pool.Pending());
    }

    [Fact]
    public void Many_accounts_many_nonces_all_ready_in_nonce_order()
    {
        // Random submission order parks many transactions in the future queue: give it room (a tenth of ready).
        var pool = new TransactionPool(_validator, new TransactionPoolOptions { ReadyCountLimit = 20_000 });
        var random = new Random(3);
        var submissions = Enumerable.Range(0, 100).SelectMany(a => Enumerable.Range(0, 20).Select(n => ((byte)a, (uint)n))).OrderBy(_ => random.Next()).ToList();
        foreach (var (a, n) in submissions)
        {
            pool.Submit(NonceValidator.Tx(a, n, priority: (ulong)random.Next(1, 5)));
        }

        Assert.Equal(2000, pool.ReadyCount);
        var seen = new Dictionary<byte, uint>();
        foreach (var tx in pool.ReadyTransactions())
        {
            var expected = seen.GetValueOrDefault(tx.Bytes[0]);
            Assert.Equal(expected, (uint)tx.Bytes[1]);
            seen[tx.Bytes[0]] = expected + 1;
        }
    }
}
