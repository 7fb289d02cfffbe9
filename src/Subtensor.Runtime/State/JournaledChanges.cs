using Subtensor.Core.Types;

namespace Subtensor.Runtime.State;

/// <summary>
/// Pending key changes of one trie (a null value marks a deletion), kept in key order, with an undo journal per
/// open transactional layer: rolling a layer back restores exactly what it overwrote.
/// </summary>
internal sealed class JournaledChanges
{
    /// <summary>A key greater than every real key, for open-ended range views.</summary>
    private static readonly byte[] Infinity = [0xff];

    private readonly SortedSet<byte[]> _keys = new(KeyOrder.Instance);
    private readonly Dictionary<byte[], byte[]?> _values = new(ByteArrayComparer.Instance);
    private readonly List<Dictionary<byte[], (bool Had, byte[]? Old)>> _journals = [];

    public int Count => _values.Count;

    /// <summary>True when the key has a pending change; <paramref name="value"/> is null for a pending deletion.</summary>
    public bool TryGet(byte[] key, out byte[]? value) => _values.TryGetValue(key, out value);

    public void Put(byte[] key, byte[]? value)
    {
        if (_journals.Count > 0)
        {
            var journal = _journals[^1];
            if (!journal.ContainsKey(key))
            {
                var had = _values.TryGetValue(key, out var old);
                journal[key] = (had, old);
            }
        }

        if (_values.TryAdd(key, value))
        {
            _keys.Add(key);
        }
        else
        {
            _values[key] = value;
        }
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
                yield return new(k, _values[k]);
            }
        }
    }

    public IReadOnlyList<KeyValuePair<byte[], byte[]?>> Sorted() => _keys.Select(k => new KeyValuePair<byte[], byte[]?>(k, _values[k])).ToList();

    public void Start() => _journals.Add(new Dictionary<byte[], (bool, byte[]?)>(ByteArrayComparer.Instance));

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
            if (prior.Had)
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
        _journals.Clear();
    }

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
