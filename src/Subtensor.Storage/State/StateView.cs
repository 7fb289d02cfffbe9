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
    public static Hash256 EmptyTrieRoot => TrieConstants.EmptyRoot;

    private static readonly byte[] EmptyTrieNode = [0x00];

    private readonly IKeyValueReader _reader;
    private readonly TrieNodeCache? _cache;
    private readonly bool _referenceCounted;

    internal StateView(IKeyValueReader reader, TrieNodeCache? cache, bool referenceCounted, BlockRef block, Hash256 root)
    {
        _reader = reader;
        _cache = cache;
        _referenceCounted = referenceCounted;
        Block = block;
        Root = root;
    }

    public BlockRef Block { get; }

    /// <summary>The state root from the block's header.</summary>
    public Hash256 Root { get; }

    public byte[]? GetNode(Hash256 hash)
    {
        if (_cache?.TryGetNode(hash) is { } cached)
        {
            return (byte[])cached.Clone();
        }

        var node = ReadNode(_reader, _referenceCounted, hash);
        if (node is not null && _cache is not null && hash != EmptyTrieRoot)
        {
            _cache.AddRead(hash, (byte[])node.Clone());
        }

        return node;
    }

    /// <summary>A trie over this state, to read it or to build the next block's state on top of it.</summary>
    public MutableTrie OpenTrie(TrieLayout layout) => new(this, Root, layout);

    internal static byte[]? ReadNode(IKeyValueReader reader, bool referenceCounted, Hash256 hash)
    {
        Span<byte> key = stackalloc byte[Hash256.Length];
        hash.CopyTo(key);
        var value = reader.Get(ChainColumns.State, key);
        if (value is null)
        {
            return hash == EmptyTrieRoot ? (byte[])EmptyTrieNode.Clone() : null;
        }

        return referenceCounted ? StateNodeValue.Node(value) : value;
    }
}
