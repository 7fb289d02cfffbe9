using Subtensor.Core.Types;
using Subtensor.Storage.State;

namespace Subtensor.Storage.Tests.State;

public sealed class TrieNodeCacheTests
{
    private static Hash256 H(int i) => Hash256.Blake2(BitConverter.GetBytes(i));

    [Fact]
    public void Writer_entries_carry_counts_and_reader_entries_never_replace_them()
    {
        var cache = new TrieNodeCache(1 << 20);
        cache.AddRead(H(1), [1]);
        Assert.Equal([1], cache.TryGetNode(H(1)));
        Assert.False(cache.TryGetCounted(H(1), out _, out _)); // a reader's bytes say nothing about the count

        cache.SetWritten(H(1), [1], 3);
        cache.AddRead(H(1), [9]);
        Assert.True(cache.TryGetCounted(H(1), out var node, out var count));
        Assert.Equal([1], node);
        Assert.Equal(3u, count);

        cache.Remove(H(1));
        Assert.Null(cache.TryGetNode(H(1)));
        Assert.False(cache.TryGetCounted(H(1), out _, out _));
    }

    [Fact]
    public void The_cache_stays_within_its_budget_and_keeps_what_is_used()
    {
        var cache = new TrieNodeCache(64 * 1024);
        var hot = H(-1);
        cache.SetWritten(hot, new byte[100], 1);
        for (var i = 0; i < 20_000; i++)
        {
            cache.AddRead(H(i), new byte[100]);
            Assert.NotNull(cache.TryGetNode(hot)); // used all the time: never evicted
        }

        var kept = Enumerable.Range(0, 20_000).Count(i => cache.TryGetNode(H(i)) is not null);
        Assert.InRange(kept, 100, 64 * 1024 / 100);
        Assert.NotNull(cache.TryGetNode(H(19_999))); // the most recent survive
        Assert.Null(cache.TryGetNode(H(0)));         // the oldest are gone
    }
}
