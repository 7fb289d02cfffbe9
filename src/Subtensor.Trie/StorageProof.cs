using Subtensor.Core.Scale;
using Subtensor.Core.Types;

namespace Subtensor.Trie;

/// <summary>
/// A storage proof: the set of node encodings (and layout-V1 value blobs) read while looking keys up from a root
/// (polkadot-sdk <c>StorageProof</c>, SCALE <c>Vec&lt;Vec&lt;u8&gt;&gt;</c> in byte order). Inline nodes travel
/// inside their parents. It proves presence and absence alike.
/// </summary>
public sealed class StorageProof
{
    public StorageProof(IEnumerable<byte[]> nodes)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        var set = new SortedSet<byte[]>(ByteArrayComparer.Instance);
        foreach (var node in nodes)
        {
            set.Add(node ?? throw new ArgumentException("a proof node is null", nameof(nodes)));
        }

        Nodes = [.. set];
    }

    /// <summary>Distinct node encodings in byte order.</summary>
    public IReadOnlyList<byte[]> Nodes { get; }

    /// <summary>Records the nodes needed to look up every key in <paramref name="keys"/> under <paramref name="root"/>.</summary>
    public static StorageProof Generate(ITrieNodeReader reader, Hash256 root, IEnumerable<byte[]> keys)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(keys);
        var recorder = new Recorder(reader);
        var trie = new MutableTrie(recorder, root, TrieLayout.V0);
        foreach (var key in keys)
        {
            trie.Get(key);
        }

        return new StorageProof(recorder.Recorded);
    }

    /// <summary>
    /// Looks every key up in the proof against <paramref name="root"/>: the value, or null for a proven absence.
    /// Throws <see cref="StorageProofException"/> when a needed node is missing, altered or malformed.
    /// </summary>
    public static IReadOnlyDictionary<byte[], byte[]?> Verify(Hash256 root, StorageProof proof, IEnumerable<byte[]> keys)
    {
        ArgumentNullException.ThrowIfNull(proof);
        ArgumentNullException.ThrowIfNull(keys);
        var store = new Dictionary<Hash256, byte[]>();
        foreach (var node in proof.Nodes)
        {
            store[Hash256.Blake2(node)] = node;
        }

        var trie = new MutableTrie(new DictionaryReader(store), root, TrieLayout.V0);
        var result = new Dictionary<byte[], byte[]?>(ByteArrayComparer.Instance);
        foreach (var key in keys)
        {
            try
            {
                result[key] = trie.Get(key);
            }
            catch (MissingTrieNodeException e)
            {
                throw new StorageProofException($"proof for key {Hex.ToHex(key)} lacks node {e.Hash}", e);
            }
            catch (InvalidTrieNodeException e)
            {
                throw new StorageProofException($"proof for key {Hex.ToHex(key)} holds a malformed node: {e.Message}", e);
            }
        }

        return result;
    }

    /// <summary>SCALE <c>Vec&lt;Vec&lt;u8&gt;&gt;</c>.</summary>
    public byte[] Encode()
    {
        var writer = new ScaleWriter();
        writer.WriteVec(Nodes.ToArray(), (w, node) => w.WriteByteVec(node));
        return writer.ToArray();
    }

    /// <summary>Decodes a SCALE <c>Vec&lt;Vec&lt;u8&gt;&gt;</c>; throws <see cref="ScaleDecodeException"/>.</summary>
    public static StorageProof Decode(ReadOnlySpan<byte> encoded)
    {
        var reader = new ScaleReader(encoded);
        var nodes = reader.ReadVec((ref ScaleReader r) => r.ReadByteVec());
        reader.EnsureAtEnd();
        return new StorageProof(nodes);
    }

    private sealed class Recorder(ITrieNodeReader inner) : ITrieNodeReader
    {
        public List<byte[]> Recorded { get; } = [];

        public byte[]? GetNode(Hash256 hash)
        {
            var node = inner.GetNode(hash);
            if (node is not null)
            {
                Recorded.Add(node);
            }

            return node;
        }
    }

    private sealed class DictionaryReader(Dictionary<Hash256, byte[]> nodes) : ITrieNodeReader
    {
        public byte[]? GetNode(Hash256 hash) => nodes.GetValueOrDefault(hash);
    }
}
