using Subtensor.Core.Types;

using Subtensor.Trie;

namespace Subtensor.Runtime.State;

/// <summary>
/// The runtime's working state for one call: pending changes over a read-only <see cref="IStateBackend"/>, with
/// nested transactional layers (a failed dispatch rolls back only its own layer). After a block the node takes
/// <see cref="TopChanges"/> and <see cref="ChildChanges"/> and commits them.
/// </summary>
public sealed class OverlayedState : IStateAccess
{
    private readonly IStateBackend _backend;
    private readonly JournaledChanges _top = new();
    private readonly Dictionary<byte[], JournaledChanges> _children = new(ByteArrayComparer.Instance);
    private int _depth;

    public OverlayedState(IStateBackend backend)
    {
        _backend = backend ?? throw new ArgumentNullException(nameof(backend));
    }

    public IStateBackend Backend => _backend;

    public int TransactionDepth => _depth;

    /// <summary>Pending main-trie changes in key order (null = deleted). Child roots are folded in by <see cref="Root"/>.</summary>
    public IReadOnlyList<KeyValuePair<byte[], byte[]?>> TopChanges => _top.Sorted();

    /// <summary>Pending changes per default child trie.</summary>
    public IReadOnlyDictionary<byte[], IReadOnlyList<KeyValuePair<byte[], byte[]?>>> ChildChanges =>
        _children.ToDictionary(kv => kv.Key, kv => kv.Value.Sorted(), ByteArrayComparer.Instance);

    public byte[]? Get(byte[] key) => _top.TryGet(key, out var v) ? v : _backend.Get(key);

    public void Set(byte[] key, byte[] value)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(value);
        _top.Put(key, value);
    }

    public void Clear(byte[] key) => _top.Put(key, null);

    public void Append(byte[] key, byte[] encodedItem)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(encodedItem);
        _top.Append(key, encodedItem, () => _backend.Get(key));
    }

    public ClearPrefixResult ClearPrefix(byte[] prefix, uint? limit = null)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        uint removed = 0;
        var cursor = prefix;
        if (Get(prefix) is not null)
        {
            if (limit is { } l0 && l0 == 0)
            {
                return new ClearPrefixResult(0, false);
            }

            Clear(prefix);
            removed++;
        }

        while (NextKey(cursor) is { } next && next.AsSpan().StartsWith(prefix))
        {
            if (limit is { } l && removed >= l)
            {
                return new ClearPrefixResult(removed, false);
            }

            Clear(next);
            removed++;
            cursor = next;
        }

        return new ClearPrefixResult(removed, true);
    }

    public byte[]? NextKey(byte[] key) => NextIn(_top, key, _backend.NextKey);

    public Hash256 Root(StateVersion version)
    {
        foreach (var (childKey, changes) in _children)
        {
            if (changes.Count == 0)
            {
                continue;
            }

            var childRoot = _backend.ChildRoot(childKey, changes.Sorted(), version);
            var rootKey = WellKnownKeys.DefaultChildRootKey(childKey);
            if (childRoot == EmptyTrieRoot)
            {
                _top.Put(rootKey, null);
            }
            else
            {
                _top.Put(rootKey, childRoot.ToArray());
            }
        }

        return _backend.Root(_top.Sorted(), version);
    }

    public void StartTransaction()
    {
        _top.Start();
        foreach (var c in _children.Values)
        {
            c.Start();
        }

        _depth++;
    }

    public void CommitTransaction()
    {
        RequireLayer();
        _top.Commit();
        foreach (var c in _children.Values)
        {
            c.Commit();
        }

        _depth--;
    }

    public void RollbackTransaction()
    {
        RequireLayer();
        _top.Rollback();
        foreach (var c in _children.Values)
        {
            c.Rollback();
        }

        _depth--;
    }

    public byte[]? ChildGet(byte[] childKey, byte[] key) =>
        _children.TryGetValue(childKey, out var c) && c.TryGet(key, out var v) ? v : _backend.ChildGet(childKey, key);

    public void ChildSet(byte[] childKey, byte[] key, byte[] value) => Child(childKey).Put(key, value);

    public void ChildClear(byte[] childKey, byte[] key) => Child(childKey).Put(key, null);

    public void ChildKill(byte[] childKey)
    {
        var cursor = Array.Empty<byte>();
        if (ChildGet(childKey, cursor) is not null)
        {
            ChildClear(childKey, cursor);
        }

        while (ChildNextKey(childKey, cursor) is { } next)
        {
            ChildClear(childKey, next);
            cursor = next;
        }
    }

    public byte[]? ChildNextKey(byte[] childKey, byte[] key) =>
        _children.TryGetValue(childKey, out var c) ? NextIn(c, key, k => _backend.ChildNextKey(childKey, k)) : _backend.ChildNextKey(childKey, key);

    public Hash256 ChildRoot(byte[] childKey, StateVersion version) =>
        _backend.ChildRoot(childKey, _children.TryGetValue(childKey, out var c) ? c.Sorted() : [], version);

    /// <summary>Root of an empty trie: blake2_256 of the single byte 0x00.</summary>
    public static readonly Hash256 EmptyTrieRoot = Hash256.Blake2([0]);

    private JournaledChanges Child(byte[] childKey)
    {
        if (!_children.TryGetValue(childKey, out var c))
        {
            c = new JournaledChanges();
            for (var i = 0; i < _depth; i++)
            {
                c.Start();
            }

            _children.Add(childKey.ToArray(), c);
        }

        return c;
    }

    private void RequireLayer()
    {
        if (_depth == 0)
        {
            throw new InvalidOperationException("no transactional layer is open");
        }
    }

    private static byte[]? NextIn(JournaledChanges changes, byte[] key, Func<byte[], byte[]?> backendNext)
    {
        var backendCursor = key;
        byte[]? fromBackend = null;
        var backendDone = false;
        using var overlay = changes.After(key).GetEnumerator();
        var hasOverlay = overlay.MoveNext();
        while (true)
        {
            if (!backendDone && fromBackend is null)
            {
                fromBackend = backendNext(backendCursor);
                if (fromBackend is null)
                {
                    backendDone = true;
                }
                else if (changes.TryGet(fromBackend, out var pending) && pending is null)
                {
                    // deleted in the overlay: look further
                    backendCursor = fromBackend;
                    fromBackend = null;
                    continue;
                }
            }

            // skip overlay deletions
            while (hasOverlay && overlay.Current.Value is null)
            {
                hasOverlay = overlay.MoveNext();
            }

            var candidateOverlay = hasOverlay ? overlay.Current.Key : null;
            if (candidateOverlay is null)
            {
                return fromBackend;
            }

            if (fromBackend is null)
            {
                return candidateOverlay;
            }

            return ByteArrayComparer.Instance.Compare(candidateOverlay, fromBackend) <= 0 ? candidateOverlay : fromBackend;
        }
    }
}
