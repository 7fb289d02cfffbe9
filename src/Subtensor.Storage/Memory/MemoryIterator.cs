using System.Collections.Immutable;
using Subtensor.Core.Types;
using Subtensor.Storage.KeyValue;

namespace Subtensor.Storage.Memory;

/// <summary>An index cursor over one immutable column set, clamped to [lower, upper).</summary>
internal sealed class MemoryIterator : IKeyValueIterator
{
    private readonly ImmutableSortedSet<MemoryEntry> _set;
    private readonly int _start; // first index inside the bounds
    private readonly int _end;   // one past the last index inside the bounds
    private int _index = -1;

    public MemoryIterator(ImmutableSortedSet<MemoryEntry> set, byte[]? lowerBound, byte[]? upperBound)
    {
        _set = set;
        _start = lowerBound is null ? 0 : LowerIndex(lowerBound);
        _end = upperBound is null ? set.Count : LowerIndex(upperBound);
        if (_end < _start)
        {
            _end = _start;
        }
    }

    public bool IsValid => _index >= _start && _index < _end;

    public ReadOnlySpan<byte> Key => Current.Key;

    public ReadOnlySpan<byte> Value => Current.Value;

    public void SeekToFirst() => _index = _start;

    public void SeekToLast() => _index = _end - 1;

    public void Seek(ReadOnlySpan<byte> key) => _index = Math.Max(_start, LowerIndex(key));

    public void SeekForPrev(ReadOnlySpan<byte> key)
    {
        var index = LowerIndex(key);
        if (index < _set.Count && ByteArrayComparer.Instance.Compare(_set[index].Key, key.ToArray()) == 0)
        {
            _index = Math.Min(index, _end - 1);
        }
        else
        {
            _index = Math.Min(index - 1, _end - 1);
        }

        if (_index < _start)
        {
            _index = -1;
        }
    }

    public void Next()
    {
        EnsureValid();
        _index++;
    }

    public void Prev()
    {
        EnsureValid();
        _index--;
    }

    public void Dispose() => _index = -1;

    private MemoryEntry Current
    {
        get
        {
            EnsureValid();
            return _set[_index];
        }
    }

    private void EnsureValid()
    {
        if (!IsValid)
        {
            throw new InvalidOperationException("the iterator is not positioned on an entry");
        }
    }

    /// <summary>Index of the first entry with a key at or after <paramref name="key"/>.</summary>
    private int LowerIndex(ReadOnlySpan<byte> key)
    {
        var index = _set.IndexOf(MemoryEntry.Probe(key));
        return index >= 0 ? index : ~index;
    }
}
