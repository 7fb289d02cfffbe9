namespace Subtensor.Trie;

/// <summary>The node variants of the Substrate trie codec, named by their header (<c>sp-trie</c> <c>NodeHeader</c>).</summary>
public enum TrieNodeKind
{
    /// <summary><c>0x00</c>: the empty trie.</summary>
    Empty = 0,

    /// <summary><c>01</c> + 6 length bits: leaf with an inline value.</summary>
    Leaf = 1,

    /// <summary><c>10</c> + 6 length bits: branch without a value.</summary>
    BranchWithoutValue = 2,

    /// <summary><c>11</c> + 6 length bits: branch with an inline value.</summary>
    BranchWithValue = 3,

    /// <summary><c>001</c> + 5 length bits: leaf holding the blake2_256 hash of its value (layout V1).</summary>
    HashedValueLeaf = 4,

    /// <summary><c>0001</c> + 4 length bits: branch holding the blake2_256 hash of its value (layout V1).</summary>
    HashedValueBranch = 5,
}
