using Subtensor.Core.Types;

namespace Subtensor.Runtime.State;

/// <summary>A byte-keyed map in lexicographic key order with "next key after" queries.</summary>
internal sealed class SortedByteMap
{
    private static readonly byte[] Infinity = [0xff];
    private readonly SortedSet<byte[]> _keys = new(Order.Instance);
    private readonly Dictionary<byte[], byte[]> _values = new(ByteArrayComparer.Instance);

    public int Count => _values.Count;

    public byte[]? Get(byte[] key) => _values.TryGetValue(key, out var v) ? v : null;

    public void Set(byte[] key, byte[] value)
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

    public void Remove(byte[] key)
    {
        if (_values.Remove(key))
        {
            _keys.Remove(key);
        }
    }

    public byte[]? NextKey(byte[] key)
    {
        if (_keys.Count == 0 || Order.Instance.Compare(key, _keys.Max) >= 0)
        {
            return null;
        }

        foreach (var k in _keys.GetViewBetween(key, Infinity))
        {
            if (Order.Instance.Compare(k, key) > 0)
            {
                return k;
            }
        }

        return null;
    }

    public IEnumerable<KeyValuePair<byte[], byte[]>> Entries => _keys.Select(k => new KeyValuePair<byte[], byte[]>(k, _values[k]));

    /// <summary>This map's entries with <paramref name="changes"/> applied, in key order, without modifying the map.</summary>
    public IEnumerable<KeyValuePair<byte[], byte[]>> Merged(IReadOnlyList<KeyValuePair<byte[], byte[]?>> changes)
    {
        if (changes.Count == 0)
        {
            return Entries;
        }

        var copy = new SortedDictionary<byte[], byte[]>(_values, ByteArrayComparer.Instance);
        foreach (var (k, v) in changes)
        {
            if (v is null)
            {
                copy.Remove(k);
            }
            else
            {
                copy[k] = v;
            }
        }

        return copy;
    }

    private sealed class Order : IComparer<byte[]>
    {
        public static readonly Order Instance = new();

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
