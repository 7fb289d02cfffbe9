using Subtensor.Core.Types;
using Subtensor.Trie;

namespace Subtensor.Runtime.State;

/// <summary>
/// A whole state held in memory (genesis building, tests, the harness). Roots are computed from scratch over all
/// keys with <see cref="TrieRootBuilder"/>; fine for small states, the node uses its incremental trie instead.
/// </summary>
public sealed class InMemoryStateBackend : IStateBackend
{
    private readonly SortedByteMap _top = new();
    private readonly Dictionary<byte[], SortedByteMap> _children = new(ByteArrayComparer.Instance);

    public InMemoryStateBackend()
    {
    }

    public InMemoryStateBackend(IEnumerable<KeyValuePair<byte[], byte[]>> top)
    {
        ArgumentNullException.ThrowIfNull(top);
        foreach (var (k, v) in top)
        {
            _top.Set(k, v);
        }
    }

    public int Count => _top.Count;

    public IEnumerable<KeyValuePair<byte[], byte[]>> Entries => _top.Entries;

    public byte[]? Get(byte[] key) => _top.Get(key);

    public byte[]? NextKey(byte[] key) => _top.NextKey(key);

    public byte[]? ChildGet(byte[] childKey, byte[] key) => _children.TryGetValue(childKey, out var c) ? c.Get(key) : null;

    public byte[]? ChildNextKey(byte[] childKey, byte[] key) => _children.TryGetValue(childKey, out var c) ? c.NextKey(key) : null;

    public Hash256 Root(IReadOnlyList<KeyValuePair<byte[], byte[]?>> changes, StateVersion version) =>
        TrieRootBuilder.Root(_top.Merged(changes), Layout(version));

    public Hash256 ChildRoot(byte[] childKey, IReadOnlyList<KeyValuePair<byte[], byte[]?>> changes, StateVersion version)
    {
        var map = _children.TryGetValue(childKey, out var c) ? c : new SortedByteMap();
        return TrieRootBuilder.Root(map.Merged(changes), Layout(version));
    }

    /// <summary>Makes an overlay's pending changes permanent (what importing a block does to the state).</summary>
    public void Apply(OverlayedState overlay)
    {
        ArgumentNullException.ThrowIfNull(overlay);
        foreach (var (childKey, changes) in overlay.ChildChanges)
        {
            if (!_children.TryGetValue(childKey, out var map))
            {
                map = new SortedByteMap();
                _children.Add(childKey, map);
            }

            Apply(map, changes);
        }

        Apply(_top, overlay.TopChanges);
    }

    public Hash256 Root(StateVersion version) => TrieRootBuilder.Root(_top.Entries, Layout(version));

    private static void Apply(SortedByteMap map, IReadOnlyList<KeyValuePair<byte[], byte[]?>> changes)
    {
        foreach (var (k, v) in changes)
        {
            if (v is null)
            {
                map.Remove(k);
            }
            else
            {
                map.Set(k, v);
            }
        }
    }

    private static TrieLayout Layout(StateVersion version) => version == StateVersion.V1 ? TrieLayout.V1 : TrieLayout.V0;
}
