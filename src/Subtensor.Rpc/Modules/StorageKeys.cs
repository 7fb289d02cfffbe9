using Subtensor.Core.Types;
using Subtensor.Trie;

namespace Subtensor.Rpc.Modules;

/// <summary>Key iteration as sc-client-api's <c>KeysIter</c> does it: keys under a prefix, optionally after a start key (exclusive).</summary>
internal static class StorageKeys
{
    /// <summary>
    /// Up to <paramref name="limit"/> keys starting with <paramref name="prefix"/>, in order. With a start key at or after
    /// the prefix, iteration begins strictly after it; a start key before the prefix is ignored.
    /// </summary>
    public static List<byte[]> Paged(MutableTrie trie, byte[] prefix, byte[]? startKey, int limit)
    {
        ArgumentNullException.ThrowIfNull(trie);
        var keys = new List<byte[]>();
        if (limit <= 0)
        {
            return keys;
        }

        byte[]? key;
        if (startKey is not null && ByteArrayComparer.Instance.Compare(startKey, prefix) >= 0)
        {
            key = trie.NextKey(startKey);
        }
        else
        {
            key = trie.Get(prefix) is not null ? prefix : trie.NextKey(prefix);
        }

        while (key is not null && key.AsSpan().StartsWith(prefix) && keys.Count < limit)
        {
            keys.Add(key);
            key = trie.NextKey(key);
        }

        return keys;
    }
}
