using Subtensor.Core.Types;
using Subtensor.Runtime.State;
using Subtensor.Trie;

namespace Subtensor.Client.State;

/// <summary>
/// The committed state of one block as the runtime sees it: reads go to the block's trie (loaded lazily through the
/// node store), and roots of pending changes are computed by applying them to a copy of that trie. The last root
/// computation is kept, so committing the same changes after <c>finalize_block</c> does not hash the trie twice.
/// Not thread-safe: one instance per state user.
/// </summary>
public sealed class TrieStateBackend : IStateBackend
{
    private readonly ITrieNodeReader _nodes;
    private readonly Hash256 _root;
    private readonly MutableTrie _top;
    private readonly Dictionary<byte[], MutableTrie?> _children = new(ByteArrayComparer.Instance);
    private readonly Dictionary<byte[], CachedCommit> _childCommits = new(ByteArrayComparer.Instance);
    private CachedCommit? _topCommit;

    public TrieStateBackend(ITrieNodeReader nodes, Hash256 root)
    {
        _nodes = nodes ?? throw new ArgumentNullException(nameof(nodes));
        _root = root;
        // Reads do not depend on the layout; it only matters when changes are written.
        _top = new MutableTrie(nodes, root, TrieLayout.V1);
    }

    public Hash256 StateRoot => _root;

    public byte[]? Get(byte[] key) => _top.Get(key);

    public byte[]? NextKey(byte[] key) => _top.NextKey(key);

    public byte[]? ChildGet(byte[] childKey, byte[] key) => Child(childKey)?.Get(key);

    public byte[]? ChildNextKey(byte[] childKey, byte[] key) => Child(childKey)?.NextKey(key);

    /// <summary>Root of the child trie stored under <c>:child_storage:default:</c> ‖ <paramref name="childKey"/> (empty root when absent).</summary>
    public Hash256 ChildStateRoot(byte[] childKey)
        => _top.Get(WellKnownKeys.DefaultChildRootKey(childKey)) is { Length: 32 } r ? new Hash256(r) : TrieConstants.EmptyRoot;

    public Hash256 Root(IReadOnlyList<KeyValuePair<byte[], byte[]?>> changes, StateVersion version)
        => CommitTop(changes, version).Root;

    public Hash256 ChildRoot(byte[] childKey, IReadOnlyList<KeyValuePair<byte[], byte[]?>> changes, StateVersion version)
        => CommitChild(childKey, changes, version).Root;

    /// <summary>
    /// The node-store changes that make an overlay's pending writes permanent: every touched child trie, then the top
    /// trie (whose changes include the new child roots), merged into one set for one atomic block commit.
    /// </summary>
    public TrieNodeChanges Commit(OverlayedState overlay, StateVersion version)
    {
        ArgumentNullException.ThrowIfNull(overlay);
        var root = overlay.Root(version);
        var inserted = new List<KeyValuePair<Hash256, byte[]>>();
        var deleted = new List<Hash256>();
        foreach (var (childKey, changes) in overlay.ChildChanges)
        {
            if (changes.Count == 0)
            {
                continue;
            }

            var child = CommitChild(childKey, changes, version);
            inserted.AddRange(child.Inserted);
            deleted.AddRange(child.Deleted);
        }

        var top = CommitTop(overlay.TopChanges, version);
        if (top.Root != root)
        {
            throw new InvalidOperationException($"state root mismatch between overlay ({root}) and commit ({top.Root})");
        }

        inserted.AddRange(top.Inserted);
        deleted.AddRange(top.Deleted);
        return new TrieNodeChanges(top.Root, inserted, deleted);
    }

    private TrieNodeChanges CommitTop(IReadOnlyList<KeyValuePair<byte[], byte[]?>> changes, StateVersion version)
    {
        if (_topCommit is { } cached && cached.Matches(changes, version))
        {
            return cached.Result;
        }

        var trie = new MutableTrie(_nodes, _root, Layout(version));
        var result = Apply(trie, changes);
        _topCommit = new CachedCommit(changes, version, result);
        return result;
    }

    private TrieNodeChanges CommitChild(byte[] childKey, IReadOnlyList<KeyValuePair<byte[], byte[]?>> changes, StateVersion version)
    {
        if (_childCommits.TryGetValue(childKey, out var cached) && cached.Matches(changes, version))
        {
            return cached.Result;
        }

        var trie = new MutableTrie(_nodes, ChildStateRoot(childKey), Layout(version));
        var result = Apply(trie, changes);
        _childCommits[childKey] = new CachedCommit(changes, version, result);
        return result;
    }

    private static TrieNodeChanges Apply(MutableTrie trie, IReadOnlyList<KeyValuePair<byte[], byte[]?>> changes)
    {
        foreach (var (key, value) in changes)
        {
            if (value is null)
            {
                trie.Remove(key);
            }
            else
            {
                trie.Set(key, value);
            }
        }

        return trie.Commit();
    }

    private MutableTrie? Child(byte[] childKey)
    {
        if (!_children.TryGetValue(childKey, out var trie))
        {
            var root = ChildStateRoot(childKey);
            trie = root == TrieConstants.EmptyRoot ? null : new MutableTrie(_nodes, root, TrieLayout.V1);
            _children[childKey] = trie;
        }

        return trie;
    }

    private static TrieLayout Layout(StateVersion version) => version == StateVersion.V0 ? TrieLayout.V0 : TrieLayout.V1;

    private sealed record CachedCommit(IReadOnlyList<KeyValuePair<byte[], byte[]?>> Changes, StateVersion Version, TrieNodeChanges Result)
    {
        public bool Matches(IReadOnlyList<KeyValuePair<byte[], byte[]?>> changes, StateVersion version)
        {
            if (version != Version || changes.Count != Changes.Count)
            {
                return false;
            }

            for (var i = 0; i < changes.Count; i++)
            {
                var (k, v) = changes[i];
                var (ck, cv) = Changes[i];
                if (!k.AsSpan().SequenceEqual(ck) || (v is null) != (cv is null) || (v is not null && !v.AsSpan().SequenceEqual(cv)))
                {
                    return false;
                }
            }

            return true;
        }
    }
}
