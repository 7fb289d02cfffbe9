namespace Subtensor.Trie;

/// <summary>Outcome of <see cref="MutableTrie.ClearPrefix"/>: keys removed, and whether no key with the prefix remains.</summary>
public readonly record struct ClearPrefixResult(uint Removed, bool AllRemoved);
