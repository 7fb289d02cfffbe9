using Subtensor.Core.Types;

namespace Subtensor.Trie.Tests;

/// <summary>The reference behaviour: a sorted map of byte keys.</summary>
internal sealed class Model
{
    public SortedDictionary<byte[], byte[]> Map { get; } = new(ByteArrayComparer.Instance);

    public byte[]? NextKey(byte[] key) => Map.Keys.FirstOrDefault(k => ByteArrayComparer.Instance.Compare(k, key) > 0);

    public List<byte[]> KeysWithPrefix(byte[] prefix) => Map.Keys.Where(k => k.AsSpan().StartsWith(prefix)).ToList();

    public Hash256 Root(TrieLayout layout) => TrieRootBuilder.Root(Map, layout);
}
