namespace Subtensor.Storage.KeyValue;

/// <summary>
/// Writes collected to be applied atomically by <see cref="IKeyValueStore.Write"/>: all or nothing, in the order given
/// (a later write to the same key wins). Spans are copied when the call returns.
/// </summary>
public interface IWriteBatch : IDisposable
{
    /// <summary>The number of puts and deletes collected.</summary>
    int Count { get; }

    void Put(int column, ReadOnlySpan<byte> key, ReadOnlySpan<byte> value);

    void Delete(int column, ReadOnlySpan<byte> key);

    void Clear();
}
