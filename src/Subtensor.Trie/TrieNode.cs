using Subtensor.Core.Types;

namespace Subtensor.Trie;

/// <summary>
/// A node of a <see cref="MutableTrie"/>. Unloaded nodes know only where their encoding is (a hash in the store or an
/// inline encoding); loaded nodes hold partial key, value and children. A clean node's encoding is recoverable from
/// its content because the value keeps the form (inline or hashed) it was written with.
/// </summary>
internal sealed class TrieNode
{
    /// <summary>Hash of the encoding; valid when <see cref="HasHash"/>.</summary>
    public Hash256 Hash;

    public bool HasHash;

    /// <summary>This position's encoding is referenced in the store under <see cref="Hash"/>.</summary>
    public bool InStore;

    /// <summary>The encoding of a clean node when shorter than 32 bytes (it is inlined unless it is the root).</summary>
    public byte[]? SmallEncoding;

    public bool Loaded;

    public bool Dirty;

    /// <summary>Partial key as nibbles.</summary>
    public byte[] Partial = [];

    /// <summary>The 16 child slots of a branch; null for a leaf.</summary>
    public TrieNode?[]? Children;

    public bool HasValue;

    /// <summary>Stored by hash (layout-V1 form) rather than inline.</summary>
    public bool ValueHashed;

    /// <summary>A hashed value not yet handed to the store by a commit.</summary>
    public bool ValueNew;

    /// <summary>The inline value, or the hashed value's bytes when known.</summary>
    public byte[]? Value;

    public Hash256 ValueHash;

    public static TrieNode Unloaded(Hash256 hash) => new() { Hash = hash, HasHash = true, InStore = true };

    public static TrieNode UnloadedInline(byte[] encoding) => new() { SmallEncoding = encoding };

    public int ChildCount(out int lastIndex)
    {
        lastIndex = -1;
        if (Children is null)
        {
            return 0;
        }

        var count = 0;
        for (var i = 0; i < 16; i++)
        {
            if (Children[i] is not null)
            {
                count++;
                lastIndex = i;
            }
        }

        return count;
    }
}
