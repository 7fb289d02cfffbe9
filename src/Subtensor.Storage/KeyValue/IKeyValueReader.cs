namespace Subtensor.Storage.KeyValue;

/// <summary>Point reads and ordered iteration over the column families of a key-value store (or a snapshot of one).</summary>
public interface IKeyValueReader
{
    /// <summary>The value stored under <paramref name="key"/> in <paramref name="column"/>, or null.</summary>
    byte[]? Get(int column, ReadOnlySpan<byte> key);

    /// <summary>Several point reads in one call; element i answers <paramref name="keys"/>[i].</summary>
    byte[]?[] MultiGet(int column, IReadOnlyList<byte[]> keys);

    /// <summary>
    /// An iterator over <paramref name="column"/> in byte-wise key order, limited to keys in
    /// [<paramref name="lowerBound"/>, <paramref name="upperBound"/>) when those are given. It starts unpositioned.
    /// </summary>
    IKeyValueIterator CreateIterator(int column, byte[]? lowerBound = null, byte[]? upperBound = null);
}
