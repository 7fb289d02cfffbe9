namespace Subtensor.Storage.Chain;

/// <summary>The database is damaged or was not written by this node: RocksDB reported corruption or our records are malformed.</summary>
public sealed class DatabaseCorruptedException : DatabaseOpenException
{
    public DatabaseCorruptedException()
    {
    }

    public DatabaseCorruptedException(string message)
        : base(message)
    {
    }

    public DatabaseCorruptedException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
