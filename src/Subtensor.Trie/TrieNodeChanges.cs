using Subtensor.Core.Types;

namespace Subtensor.Trie;

/// <summary>
/// What a trie commit changes in the node store, counted per occurrence: every hashed node (or V1 value) the new
/// trie references that the old one did not at that position is in <see cref="Inserted"/>; every hashed node the
/// old trie referenced that the new one no longer does is in <see cref="Deleted"/>. Inline nodes never appear.
/// A storage layer applies Inserted immediately and uses Deleted for pruning once the old state leaves its window.
/// The root node is always stored by hash, even when its encoding is shorter than 32 bytes; the empty trie's root
/// (blake2_256(0x00)) is never stored. A hash may occur several times in either list.
/// </summary>
public sealed record TrieNodeChanges(
    Hash256 Root,
    IReadOnlyList<KeyValuePair<Hash256, byte[]>> Inserted,
    IReadOnlyList<Hash256> Deleted);
