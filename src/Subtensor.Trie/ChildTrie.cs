using Subtensor.Core.Types;

namespace Subtensor.Trie;

/// <summary>
/// A default child trie: an independent trie whose root lives in the top trie under
/// <c>:child_storage:default:</c> ‖ child id. <see cref="Commit"/> writes that root into the top trie, or removes the
/// entry when the child trie is empty (polkadot-sdk <c>ChildInfo::new_default</c>, <c>full_storage_root</c>).
/// Commit child tries before the top trie.
/// </summary>
public sealed class ChildTrie
{
    private readonly MutableTrie _top;

    /// <summary>Opens the child trie <paramref name="childId"/> of <paramref name="top"/>, reading nodes from <paramref name="reader"/>.</summary>
    public ChildTrie(MutableTrie top, ReadOnlySpan<byte> childId, ITrieNodeReader reader)
    {
        ArgumentNullException.ThrowIfNull(top);
        _top = top;
        ChildId = childId.ToArray();
        StorageKey = PrefixedStorageKey(childId);
        var stored = top.Get(StorageKey);
        Hash256 root;
        if (stored is null)
        {
            root = TrieConstants.EmptyRoot;
        }
        else if (stored.Length == Hash256.Length)
        {
            root = new Hash256(stored);
        }
        else
        {
            throw new InvalidTrieNodeException($"child trie root under {Hex.ToHex(StorageKey)} is {stored.Length} bytes, not 32", 0);
        }

        Trie = new MutableTrie(reader, root, top.Layout);
    }

    public byte[] ChildId { get; }

    /// <summary>The top-trie key of this child trie's root.</summary>
    public byte[] StorageKey { get; }

    public MutableTrie Trie { get; }

    /// <summary><c>:child_storage:default:</c> ‖ <paramref name="childId"/>.</summary>
    public static byte[] PrefixedStorageKey(ReadOnlySpan<byte> childId)
    {
        var prefix = TrieConstants.DefaultChildStorageKeyPrefix;
        var key = new byte[prefix.Length + childId.Length];
        prefix.CopyTo(key);
        childId.CopyTo(key.AsSpan(prefix.Length));
        return key;
    }

    public byte[]? Get(ReadOnlySpan<byte> key) => Trie.Get(key);

    public void Set(ReadOnlySpan<byte> key, ReadOnlySpan<byte> value) => Trie.Set(key, value);

    public bool Remove(ReadOnlySpan<byte> key) => Trie.Remove(key);

    public ClearPrefixResult ClearPrefix(ReadOnlySpan<byte> prefix, uint? limit = null) => Trie.ClearPrefix(prefix, limit);

    public byte[]? NextKey(ReadOnlySpan<byte> key) => Trie.NextKey(key);

    /// <summary>Commits the child trie and records its root in the top trie (removing the entry when empty).</summary>
    public TrieNodeChanges Commit()
    {
        var changes = Trie.Commit();
        if (Trie.IsEmpty)
        {
            _top.Remove(StorageKey);
        }
        else
        {
            _top.Set(StorageKey, changes.Root.ToArray());
        }

        return changes;
    }
}
