using Subtensor.Core.Types;

namespace Subtensor.Trie;

/// <summary>
/// Where a trie reads its persisted nodes from. Keys are Blake2-256 hashes of node encodings; layout-V1 hashed
/// values are stored the same way, keyed by the hash of the value. Returns null when the node is unknown.
/// </summary>
public interface ITrieNodeReader
{
    byte[]? GetNode(Hash256 hash);
}
