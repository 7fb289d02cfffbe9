using Subtensor.Core.Types;
using Subtensor.Runtime.State;
using Subtensor.Trie;

namespace Subtensor.Runtime.Tests.State;

public class OverlayedStateTests
{
    private static byte[] B(params byte[] b) => b;

    private static OverlayedState WithBackend(params (byte[] Key, byte[] Value)[] entries) =>
        new(new InMemoryStateBackend(entries.Select(e => new KeyValuePair<byte[], byte[]>(e.Key, e.Value))));

    [Fact]
    public void Rollback_undoes_only_the_layer_writes()
    {
        var s = WithBackend((B(1), B(10)));
        s.Set(B(2), B(20));
        s.StartTransaction();
        s.Set(B(1), B(11));
        s.Clear(B(2));
        s.Set(B(3), B(30));
        Assert.Equal(B(11), s.Get(B(1)));
        Assert.Null(s.Get(B(2)));
        s.RollbackTransaction();
        Assert.Equal(B(10), s.Get(B(1)));
        Assert.Equal(B(20), s.Get(B(2)));
        Assert.Null(s.Get(B(3)));
        Assert.Equal(0, s.TransactionDepth);
    }

    [Fact]
    public void Nested_commit_then_outer_rollback_undoes_both()
    {
        var s = WithBackend();
        s.StartTransaction();
        s.Set(B(1), B(1));
        s.StartTransaction();
        s.Set(B(1), B(2));
        s.Set(B(5), B(5));
        s.CommitTransaction();
        Assert.Equal(B(2), s.Get(B(1)));
        s.RollbackTransaction();
        Assert.Null(s.Get(B(1)));
        Assert.Null(s.Get(B(5)));
        Assert.Empty(s.TopChanges);
    }

    [Fact]
    public void Inner_rollback_keeps_outer_writes()
    {
        var s = WithBackend();
        s.StartTransaction();
        s.Set(B(1), B(1));
        s.StartTransaction();
        s.Set(B(1), B(2));
        s.RollbackTransaction();
        s.CommitTransaction();
        Assert.Equal(B(1), s.Get(B(1)));
    }

    [Fact]
    public void Closing_a_layer_that_is_not_open_is_refused()
    {
        var s = WithBackend();
        Assert.Throws<InvalidOperationException>(s.CommitTransaction);
        Assert.Throws<InvalidOperationException>(s.RollbackTransaction);
    }

    [Fact]
    public void Next_key_merges_backend_and_overlay_and_skips_deletions()
    {
        var s = WithBackend((B(1), B(1)), (B(3), B(3)), (B(5), B(5)));
        s.Set(B(2), B(2));
        s.Clear(B(3));
        s.Set(B(6), B(6));
        var keys = new List<byte[]>();
        var cursor = Array.Empty<byte>();
        while (s.NextKey(cursor) is { } k)
        {
            keys.Add(k);
            cursor = k;
        }

        Assert.Equal([B(1), B(2), B(5), B(6)], keys);
    }

    [Fact]
    public void Clear_prefix_respects_the_limit_and_reports_completion()
    {
        var s = WithBackend((B(7, 1), B(1)), (B(7, 2), B(2)), (B(7, 3), B(3)), (B(8), B(8)));
        var partial = s.ClearPrefix(B(7), 2);
        Assert.Equal(new ClearPrefixResult(2, false), partial);
        var rest = s.ClearPrefix(B(7));
        Assert.Equal(new ClearPrefixResult(1, true), rest);
        Assert.Null(s.NextKey(B(7)) is { } k && k[0] == 7 ? k : null);
        Assert.Equal(B(8), s.Get(B(8)));
    }

    [Fact]
    public void Root_equals_the_trie_root_of_the_merged_state()
    {
        var s = WithBackend((B(1), B(1)), (B(2), B(2)));
        s.Set(B(3), new byte[40]);
        s.Clear(B(1));
        var expected = TrieRootBuilder.Root(
            [new KeyValuePair<byte[], byte[]>(B(2), B(2)), new KeyValuePair<byte[], byte[]>(B(3), new byte[40])], TrieLayout.V1);
        Assert.Equal(expected, s.Root(StateVersion.V1));
        Assert.NotEqual(expected, s.Root(StateVersion.V0));
    }

    [Fact]
    public void Empty_state_has_the_empty_trie_root()
    {
        Assert.Equal(Hash256.Parse("0x03170a2e7597b7b7e3d84c05391d139a62b157e78786d8c082f29dcf4c111314"), WithBackend().Root(StateVersion.V1));
        Assert.Equal(OverlayedState.EmptyTrieRoot, WithBackend().Root(StateVersion.V0));
    }

    [Fact]
    public void Child_trie_root_is_stored_under_the_default_child_prefix()
    {
        var s = WithBackend();
        var child = B(0xaa);
        s.ChildSet(child, B(1), B(2));
        var childRoot = TrieRootBuilder.Root([new KeyValuePair<byte[], byte[]>(B(1), B(2))], TrieLayout.V1);
        Assert.Equal(childRoot, s.ChildRoot(child, StateVersion.V1));
        s.Root(StateVersion.V1);
        Assert.Equal(childRoot.ToArray(), s.Get(WellKnownKeys.DefaultChildRootKey(child)));
        s.ChildKill(child);
        s.Root(StateVersion.V1);
        Assert.Null(s.Get(WellKnownKeys.DefaultChildRootKey(child)));
    }
}
