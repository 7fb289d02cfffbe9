using Subtensor.Core.Types;

namespace Subtensor.Trie;

/// <summary>Fixed values of Substrate's state trie (polkadot-sdk <c>sp-trie</c>, <c>sp-core::storage</c>).</summary>
public static class TrieConstants
{
    /// <summary>Layout V1 stores a value by its hash when it is at least this long (<c>TRIE_VALUE_NODE_THRESHOLD</c>).</summary>
    public const int HashedValueThreshold = 33;

    /// <summary>A child reference whose encoding is shorter than this is inlined in its parent (the hash length).</summary>
    public const int InlineLimit = 32;

    /// <summary>The encoding of the empty trie: the single byte 0x00.</summary>
    public const byte EmptyNode = 0x00;

    /// <summary>Reserved prefix of every child-trie root key in the top trie (<c>well_known_keys::CHILD_STORAGE_KEY_PREFIX</c>).</summary>
    public static ReadOnlySpan<byte> ChildStorageKeyPrefix => ":child_storage:"u8;

    /// <summary>Prefix of default child-trie root keys: <c>:child_storage:default:</c> followed by the child id.</summary>
    public static ReadOnlySpan<byte> DefaultChildStorageKeyPrefix => ":child_storage:default:"u8;

    /// <summary>Root of the empty trie: blake2_256(0x00).</summary>
    public static Hash256 EmptyRoot { get; } = Hash256.Blake2([EmptyNode]);

    /// <summary>Whether layout <paramref name="layout"/> stores a value of <paramref name="length"/> bytes by hash.</summary>
    public static bool IsHashedValue(TrieLayout layout, int length) => layout == TrieLayout.V1 && length >= HashedValueThreshold;
}
