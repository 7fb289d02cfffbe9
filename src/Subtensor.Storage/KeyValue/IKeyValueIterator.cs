namespace Subtensor.Storage.KeyValue;

/// <summary>
/// A cursor over one column family, in byte-wise key order, with RocksDB's semantics: after any move check
/// <see cref="IsValid"/>; <see cref="Key"/> and <see cref="Value"/> are valid until the next move or disposal.
/// </summary>
public interface IKeyValueIterator : IDisposable
{
    bool IsValid { get; }

    ReadOnlySpan<byte> Key { get; }

    ReadOnlySpan<byte> Value { get; }

    void SeekToFirst();

    void SeekToLast();

    /// <summary>Positions at the first key at or after <paramref name="key"/>.</summary>
    void Seek(ReadOnlySpan<byte> key);

    /// <summary>Positions at the last key at or before <paramref name="key"/>.</summary>
    void SeekForPrev(ReadOnlySpan<byte> key);

    void Next();

    void Prev();
}
