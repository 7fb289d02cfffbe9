using Subtensor.Core.Types;

namespace Subtensor.Trie;

/// <summary>
/// An in-memory node store with reference counts, applying <see cref="TrieNodeChanges"/> the way a persistent store
/// does (insert immediately, release on delete). Used for in-memory states, proofs and tests.
/// </summary>
public sealed class MemoryTrieNodeStore : ITrieNodeReader
{
    private readonly Dictionary<Hash256, Entry> _nodes = [];

    /// <summary>Number of distinct nodes held.</summary>
    public int Count => _nodes.Count;

    /// <summary>Sum of all reference counts (occurrences).</summary>
    public long ReferenceCount { get; private set; }

    public byte[]? GetNode(Hash256 hash) => _nodes.TryGetValue(hash, out var entry) ? entry.Data : null;

    /// <summary>Reference count of <paramref name="hash"/> (0 when absent).</summary>
    public int References(Hash256 hash) => _nodes.TryGetValue(hash, out var entry) ? entry.References : 0;

    /// <summary>Adds every inserted node, then releases every deleted one; a release of an unknown node throws.</summary>
    public void Apply(TrieNodeChanges changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        foreach (var (hash, data) in changes.Inserted)
        {
            if (_nodes.TryGetValue(hash, out var entry))
            {
                entry.References++;
            }
            else
            {
                _nodes[hash] = new Entry(data);
            }

            ReferenceCount++;
        }

        foreach (var hash in changes.Deleted)
        {
            if (!_nodes.TryGetValue(hash, out var entry))
            {
                throw new InvalidOperationException($"release of node {hash}, which the store does not hold");
            }

            ReferenceCount--;
            if (--entry.References == 0)
            {
                _nodes.Remove(hash);
            }
        }
    }

    /// <summary>Every (hash, reference count) pair, for comparisons in tests and tools.</summary>
    public IReadOnlyDictionary<Hash256, int> Snapshot() => _nodes.ToDictionary(p => p.Key, p => p.Value.References);

    private sealed class Entry(byte[] data)
    {
        public byte[] Data { get; } = data;

        public int References { get; set; } = 1;
    }
}
