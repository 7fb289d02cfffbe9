using Subtensor.Core.Types;
using Subtensor.Storage.Chain;
using Subtensor.Storage.KeyValue;
using Subtensor.Trie;

namespace Subtensor.Storage.Tests.Support;

/// <summary>
/// Drives a <see cref="ChainDatabase"/> with <see cref="ToyTrie"/> states and keeps an independent model of every
/// committed block, so tests can check the database's pruning against first principles.
/// </summary>
public sealed class ChainModel
{
    private int _salt;

    public ChainModel(ChainDatabase db) => Db = db;

    public ChainDatabase Db { get; set; }

    public sealed record Block(Hash256 Hash, uint Number, Hash256 Parent, ToyTrie Trie, TrieNodeChanges Changes, byte[] Header, byte[] Body);

    public Dictionary<Hash256, Block> Blocks { get; } = [];

    public Block Genesis { get; private set; } = null!;

    public Block CommitGenesis(IEnumerable<KeyValuePair<int, byte[]?>> values)
    {
        var (trie, changes) = ToyTrie.Empty.Apply(values);
        var header = TestHeaders.Encode(Hash256.Zero, 0, trie.Root);
        var body = new byte[] { 0x00 };
        var block = Db.CommitBlock(header, body, null, changes, isBest: true);
        Genesis = Blocks[block.Hash] = new Block(block.Hash, 0, Hash256.Zero, trie, changes, header, body);
        return Genesis;
    }

    public Block Commit(
        Hash256 parent, IEnumerable<KeyValuePair<int, byte[]?>> values, bool isBest = true, Hash256? finalizes = null,
        byte[]? justifications = null, bool finalizeSelf = false)
    {
        var p = Blocks[parent];
        var (trie, changes) = p.Trie.Apply(values);
        var header = TestHeaders.Encode(parent, p.Number + 1, trie.Root, ++_salt);
        if (finalizeSelf)
        {
            finalizes = Hash256.Blake2(header);
        }

        var body = BitConverter.GetBytes(_salt);
        var block = Db.CommitBlock(header, body, justifications, changes, isBest, finalizes);
        return Blocks[block.Hash] = new Block(block.Hash, block.Number, parent, trie, changes, header, body);
    }

    public static KeyValuePair<int, byte[]?> Set(int key, string? hexValue)
        => new(key, hexValue is null ? null : Convert.FromHexString(hexValue));

    public bool IsAncestorOrSelf(Hash256 ancestor, Hash256 block)
    {
        while (true)
        {
            if (block == ancestor)
            {
                return true;
            }

            if (!Blocks.TryGetValue(block, out var b) || b.Number == 0)
            {
                return false;
            }

            block = b.Parent;
        }
    }

    /// <summary>Which blocks must still have their state, computed from the model alone.</summary>
    public HashSet<Hash256> ExpectedRetained()
    {
        var finalized = Db.Finalized!.Value;
        var mode = Db.StatePruning;
        var retained = new HashSet<Hash256>();
        foreach (var block in Blocks.Values)
        {
            if (mode.IsArchive)
            {
                retained.Add(block.Hash);
            }
            else if (block.Number <= finalized.Number)
            {
                var inWindow = mode.Kind == PruningModeKind.ArchiveCanonical || block.Number + mode.Blocks > finalized.Number;
                if (inWindow && IsAncestorOrSelf(block.Hash, finalized.Hash))
                {
                    retained.Add(block.Hash);
                }
            }
            else if (IsAncestorOrSelf(finalized.Hash, block.Hash))
            {
                retained.Add(block.Hash);
            }
        }

        return retained;
    }

    /// <summary>
    /// Checks the strong pruning invariant: every retained state loads completely with the right content; no other
    /// state is readable; the stored nodes are exactly the union of the retained states' nodes (all of them in archive
    /// mode); reference counts equal occurrences; no journal outlives its block's need.
    /// </summary>
    public void Verify()
    {
        var retained = ExpectedRetained();
        var reachable = new HashSet<Hash256>();
        foreach (var block in Blocks.Values)
        {
            Assert.Equal(retained.Contains(block.Hash), Db.HasState(block.Hash));
            if (retained.Contains(block.Hash))
            {
                var view = Db.GetState(block.Hash);
                Assert.Equal(block.Trie.Root, view.Root);
                var loaded = ToyTrie.Load(view, view.Root, reachable);
                Assert.Equal(ToyTrie.Load(new ModelReader(block.Trie), block.Trie.Root), loaded);
            }
            else
            {
                var e = Assert.Throws<StateUnavailableException>(() => Db.GetState(block.Hash));
                Assert.NotEqual(StateUnavailableReason.UnknownBlock, e.Reason);
            }
        }

        var store = Db.Store;
        var stored = store.EnumeratePrefix(ChainColumns.State, []).Select(e => new Hash256(e.Key)).ToHashSet();
        if (Db.StatePruning.IsArchive)
        {
            var all = Blocks.Values.SelectMany(b => b.Trie.Occurrences()).Select(n => n.Hash).ToHashSet();
            Assert.True(all.SetEquals(stored), "archive keeps every node ever committed");
            Assert.Empty(store.EnumeratePrefix(ChainColumns.StateMeta, []));
            Assert.All(store.EnumeratePrefix(ChainColumns.State, []), e => Assert.Equal(e.Key, Hash256.Blake2(e.Value).ToArray()));
            return;
        }

        Assert.True(reachable.SetEquals(stored),
            $"stored nodes must be exactly those of retained states: {stored.Except(reachable).Count()} unreferenced, {reachable.Except(stored).Count()} missing");

        // reference count = occurrences in the oldest retained canonical state + insertions of every retained block above it
        var floorBlock = Blocks.Values.Single(b => retained.Contains(b.Hash) && b.Number == Db.OldestStateNumber && IsAncestorOrSelf(b.Hash, Db.Finalized!.Value.Hash));
        var expected = new Dictionary<Hash256, uint>();
        foreach (var node in floorBlock.Trie.Occurrences())
        {
            expected[node.Hash] = expected.GetValueOrDefault(node.Hash) + 1;
        }

        foreach (var hash in retained.Where(h => h != floorBlock.Hash))
        {
            foreach (var (node, _) in Blocks[hash].Changes.Inserted)
            {
                expected[node] = expected.GetValueOrDefault(node) + 1;
            }
        }

        var counts = store.EnumeratePrefix(ChainColumns.State, [])
            .ToDictionary(e => new Hash256(e.Key), e => BitConverter.ToUInt32(e.Value));
        Assert.Equal(expected.OrderBy(e => e.Key), counts.OrderBy(e => e.Key));

        var journals = store.EnumeratePrefix(ChainColumns.StateMeta, [(byte)'j']).Select(e => new Hash256(e.Key.AsSpan(5))).ToHashSet();
        var finalizedNumber = Db.Finalized!.Value.Number;
        var expectedJournals = retained.Where(h => Blocks[h].Number > finalizedNumber
            || (Db.StatePruning.Kind == PruningModeKind.Constrained && Blocks[h].Number > Db.OldestStateNumber)).ToHashSet();
        Assert.True(expectedJournals.SetEquals(journals), "journals are kept exactly for blocks whose changes may still be undone or applied");
    }

    /// <summary>Reads nodes from the model trie itself.</summary>
    private sealed class ModelReader(ToyTrie trie) : ITrieNodeReader
    {
        private readonly Dictionary<Hash256, byte[]> _nodes = trie.Occurrences().DistinctBy(n => n.Hash).ToDictionary(n => n.Hash, n => n.Encoded);

        public byte[]? GetNode(Hash256 hash) => _nodes.GetValueOrDefault(hash);
    }
}
