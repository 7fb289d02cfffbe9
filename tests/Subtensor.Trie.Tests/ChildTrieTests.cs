using Subtensor.Core.Types;

namespace Subtensor.Trie.Tests;

public class ChildTrieTests
{
    [Fact]
    public void Child_root_is_written_into_the_top_trie_and_removed_when_empty()
    {
        var store = new MemoryTrieNodeStore();
        var top = new MutableTrie(store, TrieConstants.EmptyRoot, TrieLayout.V1);
        top.Set(TestData.Utf8("top"), [1]);
        var child = new ChildTrie(top, TestData.Utf8("kids"), store);
        var childEntries = new Dictionary<byte[], byte[]>(ByteArrayComparer.Instance)
        {
            [TestData.Utf8("a")] = [1],
            [TestData.Utf8("b")] = new byte[64],
        };
        foreach (var (k, v) in childEntries)
        {
            child.Set(k, v);
        }

        var childChanges = child.Commit();
        store.Apply(childChanges);
        var topChanges = top.Commit();
        store.Apply(topChanges);

        var childRoot = TrieRootBuilder.Root(childEntries, TrieLayout.V1);
        Assert.Equal(childRoot, childChanges.Root);
        Assert.Equal(TestData.Utf8(":child_storage:default:kids"), child.StorageKey);
        var expectedTop = new Dictionary<byte[], byte[]>(ByteArrayComparer.Instance)
        {
            [TestData.Utf8("top")] = [1],
            [TestData.Utf8(":child_storage:default:kids")] = childRoot.ToArray(),
        };
        Assert.Equal(TrieRootBuilder.Root(expectedTop, TrieLayout.V1), topChanges.Root);

        // reopen and read back through the top trie
        var top2 = new MutableTrie(store, topChanges.Root, TrieLayout.V1);
        var child2 = new ChildTrie(top2, TestData.Utf8("kids"), store);
        Assert.Equal(new byte[64], child2.Get(TestData.Utf8("b")));
        child2.ClearPrefix([]);
        store.Apply(child2.Commit());
        var emptied = top2.Commit();
        store.Apply(emptied);
        Assert.Null(top2.Get(child.StorageKey));
        Assert.Equal(TrieRootBuilder.Root(new Dictionary<byte[], byte[]> { [TestData.Utf8("top")] = [1] }, TrieLayout.V1), emptied.Root);
    }

    [Fact]
    public void Child_root_entry_of_wrong_length_is_rejected()
    {
        var top = new MutableTrie(TrieLayout.V0);
        top.Set(ChildTrie.PrefixedStorageKey([9]), [1, 2, 3]);
        Assert.Throws<InvalidTrieNodeException>(() => new ChildTrie(top, [9], EmptyTrieNodeReader.Instance));
    }
}
