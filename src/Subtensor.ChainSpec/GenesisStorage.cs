using Subtensor.Core.Types;
using Subtensor.Trie;

namespace Subtensor.ChainSpec;

/// <summary>
/// Genesis storage (<c>sp_core::storage::Storage</c>): the top trie's pairs and each default child trie's pairs,
/// keyed by the child's unprefixed storage key.
/// </summary>
public sealed class GenesisStorage
{
    public SortedDictionary<byte[], byte[]> Top { get; } = new(ByteArrayComparer.Instance);

    public SortedDictionary<byte[], SortedDictionary<byte[], byte[]>> ChildrenDefault { get; } = new(ByteArrayComparer.Instance);

    public static byte[] CodeKey => ":code"u8.ToArray();

    /// <summary>The runtime code (<c>:code</c>), if present.</summary>
    public byte[]? Code => Top.GetValueOrDefault(CodeKey);

    /// <summary>Child storage for <paramref name="childKey"/>, created when absent.</summary>
    public SortedDictionary<byte[], byte[]> Child(byte[] childKey)
    {
        ArgumentNullException.ThrowIfNull(childKey);
        if (!ChildrenDefault.TryGetValue(childKey, out var child))
        {
            child = new SortedDictionary<byte[], byte[]>(ByteArrayComparer.Instance);
            ChildrenDefault[childKey] = child;
        }

        return child;
    }

    /// <summary>
    /// The state root under <paramref name="layout"/>: each non-empty child trie's root is written into the top
    /// trie under <c>:child_storage:default:</c> ‖ key first (polkadot-sdk <c>full_storage_root</c>).
    /// </summary>
    public Hash256 StateRoot(TrieLayout layout) => TrieRootBuilder.Root(TopWithChildRoots(layout, null), layout);

    /// <summary>Every trie node of this state (child tries first, then the top trie), for writing a genesis state.</summary>
    public IReadOnlyList<TrieNodeChanges> TrieNodes(TrieLayout layout)
    {
        var changes = new List<TrieNodeChanges>();
        var top = TopWithChildRoots(layout, changes);
        changes.Add(TrieRootBuilder.Build(top, layout));
        return changes;
    }

    private SortedDictionary<byte[], byte[]> TopWithChildRoots(TrieLayout layout, List<TrieNodeChanges>? collect)
    {
        var top = new SortedDictionary<byte[], byte[]>(Top, ByteArrayComparer.Instance);
        foreach (var (childKey, child) in ChildrenDefault)
        {
            if (child.Count == 0)
            {
                continue;
            }

            Hash256 root;
            if (collect is null)
            {
                root = TrieRootBuilder.Root(child, layout);
            }
            else
            {
                var built = TrieRootBuilder.Build(child, layout);
                collect.Add(built);
                root = built.Root;
            }

            top[ChildTrie.PrefixedStorageKey(childKey)] = root.ToArray();
        }

        return top;
    }
}
