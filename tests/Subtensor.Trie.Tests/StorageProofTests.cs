using Subtensor.Core.Types;

namespace Subtensor.Trie.Tests;

public class StorageProofTests
{
    private static (MemoryTrieNodeStore Store, Hash256 Root, Dictionary<byte[], byte[]> Entries) Build(int seed, int count, TrieLayout layout)
    {
        var entries = TestData.RandomEntries(new Random(seed), count);
        var store = new MemoryTrieNodeStore();
        var changes = TrieRootBuilder.Build(entries, layout);
        store.Apply(changes);
        return (store, changes.Root, entries);
    }

    private static List<byte[]> QueryKeys(Random random, Dictionary<byte[], byte[]> entries)
    {
        var keys = entries.Keys.OrderBy(_ => random.Next()).Take(5).ToList();
        for (var i = 0; i < 5; i++)
        {
            var absent = new byte[random.Next(0, 6)];
            random.NextBytes(absent);
            if (!entries.ContainsKey(absent))
            {
                keys.Add(absent);
            }
        }

        return keys;
    }

    [Theory]
    [InlineData(1, TrieLayout.V0)]
    [InlineData(2, TrieLayout.V1)]
    [InlineData(3, TrieLayout.V1)]
    public void Proofs_round_trip_for_present_and_absent_keys(int seed, TrieLayout layout)
    {
        var random = new Random(seed);
        for (var round = 0; round < 40; round++)
        {
            var (store, root, entries) = Build(seed * 1000 + round, random.Next(1, 300), layout);
            var keys = QueryKeys(random, entries);
            var proof = StorageProof.Generate(store, root, keys);
            var decoded = StorageProof.Decode(proof.Encode());
            Assert.Equal(proof.Nodes.Count, decoded.Nodes.Count);
            var result = StorageProof.Verify(root, decoded, keys);
            foreach (var key in keys)
            {
                Assert.Equal(entries.GetValueOrDefault(key), result[key]);
            }
        }
    }

    [Fact]
    public void Proof_includes_hashed_values_in_layout_v1()
    {
        var entries = new Dictionary<byte[], byte[]>(ByteArrayComparer.Instance) { [[1]] = new byte[40], [[2]] = [7] };
        var store = new MemoryTrieNodeStore();
        var changes = TrieRootBuilder.Build(entries, TrieLayout.V1);
        store.Apply(changes);
        var proof = StorageProof.Generate(store, changes.Root, [[1]]);
        Assert.Contains(proof.Nodes, n => n.AsSpan().SequenceEqual(new byte[40]));
        Assert.Equal(new byte[40], StorageProof.Verify(changes.Root, proof, [[1]])[[1]]);
    }

    [Theory]
    [InlineData(10, TrieLayout.V0)]
    [InlineData(11, TrieLayout.V1)]
    public void Removing_or_altering_any_proof_node_fails_verification(int seed, TrieLayout layout)
    {
        var random = new Random(seed);
        for (var round = 0; round < 20; round++)
        {
            var (store, root, entries) = Build(seed * 1000 + round, random.Next(2, 200), layout);
            var keys = QueryKeys(random, entries);
            var proof = StorageProof.Generate(store, root, keys);
            for (var i = 0; i < proof.Nodes.Count; i++)
            {
                var without = proof.Nodes.Where((_, j) => j != i);
                Assert.Throws<StorageProofException>(() => StorageProof.Verify(root, new StorageProof(without), keys));

                var altered = proof.Nodes.Select((n, j) =>
                {
                    if (j != i)
                    {
                        return n;
                    }

                    var copy = (byte[])n.Clone();
                    copy[random.Next(copy.Length)] ^= (byte)(1 << random.Next(8));
                    return copy;
                });
                Assert.Throws<StorageProofException>(() => StorageProof.Verify(root, new StorageProof(altered), keys));
            }
        }
    }

    [Fact]
    public void Proof_against_another_root_fails()
    {
        var (store, root, entries) = Build(5, 50, TrieLayout.V0);
        var key = entries.Keys.First();
        var proof = StorageProof.Generate(store, root, [key]);
        var otherRoot = Hash256.Blake2([1, 2, 3]);
        Assert.Throws<StorageProofException>(() => StorageProof.Verify(otherRoot, proof, [key]));
    }

    [Fact]
    public void Empty_trie_proves_absence_without_nodes()
    {
        var proof = StorageProof.Generate(new MemoryTrieNodeStore(), TrieConstants.EmptyRoot, [[1, 2]]);
        Assert.Empty(proof.Nodes);
        Assert.Null(StorageProof.Verify(TrieConstants.EmptyRoot, proof, [[1, 2]])[[1, 2]]);
    }

    [Fact]
    public void Malformed_node_in_a_proof_is_a_proof_error()
    {
        // a node that hashes to the claimed root but does not decode
        var bogus = new byte[] { 0x01, 0x02 };
        var proof = new StorageProof([bogus]);
        var e = Assert.Throws<StorageProofException>(() => StorageProof.Verify(Hash256.Blake2(bogus), proof, [[1]]));
        Assert.IsType<InvalidTrieNodeException>(e.InnerException);
    }
}
