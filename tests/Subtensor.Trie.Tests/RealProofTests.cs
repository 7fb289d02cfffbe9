using Subtensor.Core.Types;
using Subtensor.TestSupport;

namespace Subtensor.Trie.Tests;

public class RealProofTests
{
    // smol-dot/smoldot lib/src/trie/prefix_proof/test.json (GPL-3.0-or-later WITH Classpath exception, test data only):
    // SCALE storage proofs taken from Polkadot, a root, a prefix, and the 922 keys under that prefix.
    [Fact]
    public void Polkadot_prefix_proof_yields_the_expected_keys()
    {
        var path = Path.Combine(TestVectors.RepositoryRoot, "tests", "Subtensor.Trie.Tests", "TestData", "smoldot_prefix_proof.json");
        using var doc = System.Text.Json.JsonDocument.Parse(File.ReadAllText(path));
        var root = Hash256.Parse(doc.RootElement.GetProperty("trie_root_hash").GetString()!);
        var prefix = Hex.Parse(doc.RootElement.GetProperty("prefix").GetString()!);
        var nodes = new List<byte[]>();
        foreach (var proof in doc.RootElement.GetProperty("proofs").EnumerateArray())
        {
            nodes.AddRange(StorageProof.Decode(Hex.Parse(proof.GetString()!)).Nodes);
        }

        var store = new MemoryTrieNodeStore();
        store.Apply(new TrieNodeChanges(root, nodes.Select(n => new KeyValuePair<Hash256, byte[]>(Hash256.Blake2(n), n)).ToList(), []));
        Assert.NotNull(store.GetNode(root));

        var trie = new MutableTrie(store, root, TrieLayout.V0);
        var expected = doc.RootElement.GetProperty("expected_entries").EnumerateArray().Select(e => e.GetString()!).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(922, expected.Count);
        var keys = trie.Keys(prefix).Select(k => Hex.ToHex(k)).ToList();
        Assert.Equal(expected, keys);

        // each key's value is provable from the same nodes
        var sample = trie.Keys(prefix).Take(20).ToList();
        var proofOfSample = StorageProof.Generate(store, root, sample);
        var values = StorageProof.Verify(root, proofOfSample, sample);
        Assert.All(sample, k => Assert.Equal(trie.Get(k), values[k]));
    }
}
