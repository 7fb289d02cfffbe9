namespace Subtensor.Trie;

/// <summary>Trie layout: V0 stores every value inline; V1 stores values of 33 bytes or more by their Blake2-256 hash.</summary>
public enum TrieLayout
{
    V0 = 0,
    V1 = 1,
}
