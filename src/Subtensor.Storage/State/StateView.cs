using Subtensor.Core.Types;
using Subtensor.Storage.Chain;
using Subtensor.Storage.KeyValue;
using Subtensor.Trie;

namespace Subtensor.Storage.State;

/// <summary>
/// The trie nodes of one block's state: <see cref="Root"/> plus a node reader over the <c>state</c> column.
/// Nodes are shared between blocks, so the reader itself answers for any hash still stored.
/// </summary>
public sealed class StateView : ITrieNodeReader
{
    /// <summary>blake2_256(0x00): the root of the empty trie, whose single node (0x00) is never stored.</summary>
    public static readonly Hash256 EmptyTrieRoot = Hash256.Blake2([0x00]);

    private static readonly byte[] EmptyTrieNode = [0x00];

    private readonly IKeyValueReader _reader;

    internal StateView(IKeyValueReader reader, BlockRef block, Hash256 root)
    {
        _reader = reader;
        Block = block;
        Root = root;
    }

    public BlockRef Block { get; }

    /// <summary>The state root from the block's header.</summary>
    public Hash256 Root { get; }

    public byte[]? GetNode(Hash256 hash) => ReadNode(_reader, hash);

    internal static byte[]? ReadNode(IKeyValueReader reader, Hash256 hash)
    {
        Span<byte> key = stackalloc byte[Hash256.Length];
        hash.CopyTo(key);
        var node = reader.Get(ChainColumns.State, key);
        return node ?? (hash == EmptyTrieRoot ? (byte[])EmptyTrieNode.Clone() : null);
    }
}
