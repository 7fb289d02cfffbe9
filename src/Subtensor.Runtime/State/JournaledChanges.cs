using Subtensor.Core.Types;

namespace Subtensor.Runtime.State;

/// <summary>
/// Pending key changes of one trie (a null value marks a deletion), kept in key order, with an undo journal per
/// open transactional layer: rolling a layer back restores exactly what it overwrote. Keys appended to
/// (<see cref="Append"/>) hold an <see cref="AppendableVec"/> that grows in place; a layer's journal keeps the vector and
/// its length at the layer's first touch, so undoing appends is a truncation, not a copy of the whole value.
/// </summary>
internal sealed class JournaledChanges
{
    /// <summary>A key greater than every real key, for open-ended range views.</summary>
    private static readonly byte[] Infinity = [0xff];

    private readonly SortedSet<byte[]> _keys = new(KeyOrder.Instance);
    private readonly Dictionary<byte[], byte[]?> _values = new(ByteArrayComparer.Instance);
    private readonly Dictionary<byte[], AppendableVec> _appends = new(ByteArrayComparer.Instance);
    private readonly List<Dictionary<byte[], Prior>> _journals = [];

    public int Count => _values.Count;

    /// <summary>True when the key has a pending change; <paramref name="value"/> is null for a pending deletion.</summary>
    public bool TryGet(byte[] key, out byte[]? value)
    {
        if (_appends.TryGetValue(key, out var vec))
        {
            value = vec.Encoded();
            return true;
        }

        return _values.TryGetValue(key, out value);
    }

    public void Put(byte[] key, byte[]? value)
    {
        Journal(key);
        _appends.Remove(key);
        Store(key, value);
    }

    /// <summary>
    /// Appends an encoded element to the <c>Vec</c> at <paramref name="key"/>; <paramref name="current"/> gives the value
    /// below this overlay when the key has no pending change yet.
    /// </summary>
    public void Append(byte[] key, ReadOnlySpan<byte> encodedItem, Func<byte[]?> current)
    {
        Journal(key);
        if (!_appends.TryGetValue(key, out var vec))
        {
            vec = AppendableVec.From(_values.TryGetValue(key, out var pending) ? pending : current());
            Store(key, null);
            _appends.Add(key, vec);
        }

        vec.Add(encodedItem);
    }

    /// <summary>The first pending change with a key strictly greater than <paramref name="key"/> (deletions included).</summary>
    public IEnumerable<KeyValuePair<byte[], byte[]?>> After(byte[] key)
    {
        if (_keys.Count == 0 || KeyOrder.Instance.Compare(key, _keys.Max) >= 0)
        {
            yield break;
        }

        foreach (var k in _keys.GetViewBetween(key, Infinity))
        {
            if (KeyOrder.Instance.Compare(k, key) > 0)
            {
                yield return new(k, ValueOf(k));
            }
        }
    }

    public IReadOnlyList<KeyValuePair<byte[], byte[]?>> Sorted() => _keys.Select(k => new KeyValuePair<byte[], byte[]?>(k, ValueOf(k))).ToList();

    public void Start() => _journals.Add(new Dictionary<byte[], Prior>(ByteArrayComparer.Instance));

    public void Commit()
    {
        var top = _journals[^1];
        _journals.RemoveAt(_journals.Count - 1);
        if (_journals.Count == 0)
        {
            return;
        }

        var parent = _journals[^1];
        foreach (var (key, prior) in top)
        {
            parent.TryAdd(key, prior);
        }
    }

    public void Rollback()
    {
        var top = _journals[^1];
        _journals.RemoveAt(_journals.Count - 1);
        foreach (var (key, prior) in top)
        {
            _appends.Remove(key);
            if (prior.Vec is { } vec)
            {
                vec.Truncate(prior.VecLength, prior.VecCount);
                _appends[key] = vec;
            }
            else if (prior.Had)
            {
                _values[key] = prior.Old;
            }
            else
            {
                _values.Remove(key);
                _keys.Remove(key);
            }
        }
    }

    public void Clear()
    {
        _keys.Clear();
        _values.Clear();
        _appends.Clear();
        _journals.Clear();
    }

    private byte[]? ValueOf(byte[] key) => _appends.TryGetValue(key, out var vec) ? vec.Encoded() : _values[key];

    /// <summary>Records the key's state before the innermost open layer first touches it.</summary>
    private void Journal(byte[] key)
    {
        if (_journals.Count == 0)
        {
            return;
        }

        var journal = _journals[^1];
        if (journal.ContainsKey(key))
        {
            return;
        }

        if (_appends.TryGetValue(key, out var vec))
        {
            journal[key] = new Prior(true, null, vec, vec.Length, vec.Count);
        }
        else
        {
            var had = _values.TryGetValue(key, out var old);
            journal[key] = new Prior(had, old, null, 0, 0);
        }
    }

    private void Store(byte[] key, byte[]? value)
    {
        if (_values.TryAdd(key, value))
        {
            _keys.Add(key);
        }
        else
        {
            _values[key] = value;
        }
    }

    /// <summary>A key's state before a layer touched it: a plain value (or none), or an appendable vector at a length.</summary>
    private readonly record struct Prior(bool Had, byte[]? Old, AppendableVec? Vec, int VecLength, uint VecCount);

    /// <summary>Lexicographic order where the <see cref="Infinity"/> sentinel sorts after everything.</summary>
    private sealed class KeyOrder : IComparer<byte[]>
    {
        public static readonly KeyOrder Instance = new();

        public int Compare(byte[]? x, byte[]? y)
        {
            if (ReferenceEquals(x, y))
            {
                return 0;
            }

            if (ReferenceEquals(x, Infinity))
            {
                return 1;
            }

            return ReferenceEquals(y, Infinity) ? -1 : ByteArrayComparer.Instance.Compare(x, y);
        }
    }
}
