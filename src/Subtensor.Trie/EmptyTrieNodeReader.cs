using Subtensor.Core.Types;

namespace Subtensor.Trie;

/// <summary>A node source that holds nothing: the backing of a trie that starts empty and lives in memory.</summary>
public sealed class EmptyTrieNodeReader : ITrieNodeReader
{
    public static EmptyTrieNodeReader Instance { get; } = new();

    private EmptyTrieNodeReader()
    {
    }

    public byte[]? GetNode(Hash256 hash) => null;
}
