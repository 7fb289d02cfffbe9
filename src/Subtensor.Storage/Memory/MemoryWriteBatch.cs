using Subtensor.Storage.KeyValue;

namespace Subtensor.Storage.Memory;

/// <summary>Operations collected for <see cref="MemoryStore.Write"/>; a null value is a delete.</summary>
internal sealed class MemoryWriteBatch : IWriteBatch
{
    private readonly List<(int Column, byte[] Key, byte[]? Value)> _operations = [];

    public MemoryWriteBatch(MemoryStore store) => Store = store;

    public MemoryStore Store { get; }

    public IReadOnlyList<(int Column, byte[] Key, byte[]? Value)> Operations => _operations;

    public int Count => _operations.Count;

    public void Put(int column, ReadOnlySpan<byte> key, ReadOnlySpan<byte> value)
    {
        Store.CheckColumn(column);
        _operations.Add((column, key.ToArray(), value.ToArray()));
    }

    public void Delete(int column, ReadOnlySpan<byte> key)
    {
        Store.CheckColumn(column);
        _operations.Add((column, key.ToArray(), null));
    }

    public void Clear() => _operations.Clear();

    public void Dispose() => _operations.Clear();
}
