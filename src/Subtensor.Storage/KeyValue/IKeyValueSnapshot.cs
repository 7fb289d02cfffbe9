namespace Subtensor.Storage.KeyValue;

/// <summary>A consistent, read-only view of a store as of the moment it was taken. Dispose it to let go of old data.</summary>
public interface IKeyValueSnapshot : IKeyValueReader, IDisposable
{
}
