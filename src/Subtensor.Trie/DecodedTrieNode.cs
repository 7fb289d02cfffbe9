using Subtensor.Core.Types;

namespace Subtensor.Trie;

/// <summary>A decoded trie node: kind, partial key (as nibbles), value (inline bytes or V1 value hash) and children.</summary>
public sealed class DecodedTrieNode
{
    internal DecodedTrieNode(TrieNodeKind kind, byte[] partialKey, byte[]? value, Hash256? valueHash, TrieChildReference?[]? children)
    {
        Kind = kind;
        PartialKey = partialKey;
        Value = value;
        ValueHash = valueHash;
        Children = children;
    }

    public TrieNodeKind Kind { get; }

    /// <summary>The partial key, one nibble (0..15) per byte.</summary>
    public byte[] PartialKey { get; }

    /// <summary>The inline value, when the node has one.</summary>
    public byte[]? Value { get; }

    /// <summary>The blake2_256 of the value, for the layout-V1 hashed-value kinds.</summary>
    public Hash256? ValueHash { get; }

    /// <summary>The 16 child slots of a branch (null entries are absent children); null for leaves and the empty node.</summary>
    public TrieChildReference?[]? Children { get; }

    public bool IsBranch => Kind is TrieNodeKind.BranchWithoutValue or TrieNodeKind.BranchWithValue or TrieNodeKind.HashedValueBranch;

    public bool HasValue => Value is not null || ValueHash is not null;
}
