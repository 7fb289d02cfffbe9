using Subtensor.Core.Types;

namespace Subtensor.Trie;

/// <summary>A node (or layout-V1 value) the trie references by hash is not in its <see cref="ITrieNodeReader"/>.</summary>
public sealed class MissingTrieNodeException : InvalidOperationException
{
    public MissingTrieNodeException(Hash256 hash)
        : base($"trie node {hash} is not in the node store")
    {
        Hash = hash;
    }

    public MissingTrieNodeException()
        : this(Hash256.Zero)
    {
    }

    public MissingTrieNodeException(string message)
        : base(message)
    {
    }

    public MissingTrieNodeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The hash that could not be resolved.</summary>
    public Hash256 Hash { get; }
}
