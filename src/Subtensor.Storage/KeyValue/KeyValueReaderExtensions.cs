namespace Subtensor.Storage.KeyValue;

/// <summary>Prefix and range enumeration on top of <see cref="IKeyValueReader.CreateIterator"/>.</summary>
public static class KeyValueReaderExtensions
{
    /// <summary>
    /// The smallest key greater than every key that starts with <paramref name="prefix"/>, or null when there is none
    /// (the prefix is empty or all 0xff).
    /// </summary>
    public static byte[]? PrefixUpperBound(ReadOnlySpan<byte> prefix)
    {
        for (var i = prefix.Length - 1; i >= 0; i--)
        {
            if (prefix[i] != 0xff)
            {
                var bound = prefix[..(i + 1)].ToArray();
                bound[i]++;
                return bound;
            }
        }

        return null;
    }

    /// <summary>Every entry whose key starts with <paramref name="prefix"/>, in ascending (or descending) key order.</summary>
    public static IEnumerable<KeyValuePair<byte[], byte[]>> EnumeratePrefix(
        this IKeyValueReader reader, int column, byte[] prefix, bool reverse = false)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        return reader.EnumerateRange(column, prefix.Length == 0 ? null : prefix, PrefixUpperBound(prefix), reverse);
    }

    /// <summary>Every entry with a key in [<paramref name="lowerBound"/>, <paramref name="upperBound"/>), in order.</summary>
    public static IEnumerable<KeyValuePair<byte[], byte[]>> EnumerateRange(
        this IKeyValueReader reader, int column, byte[]? lowerBound, byte[]? upperBound, bool reverse = false)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return Enumerate(reader, column, lowerBound, upperBound, reverse);
    }

    private static IEnumerable<KeyValuePair<byte[], byte[]>> Enumerate(
        IKeyValueReader reader, int column, byte[]? lowerBound, byte[]? upperBound, bool reverse)
    {
        using var iterator = reader.CreateIterator(column, lowerBound, upperBound);
        if (reverse)
        {
            iterator.SeekToLast();
        }
        else
        {
            iterator.SeekToFirst();
        }

        while (iterator.IsValid)
        {
            yield return new KeyValuePair<byte[], byte[]>(iterator.Key.ToArray(), iterator.Value.ToArray());
            if (reverse)
            {
                iterator.Prev();
            }
            else
            {
                iterator.Next();
            }
        }
    }
}
