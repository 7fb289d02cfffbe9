namespace Subtensor.Storage.Chain;

/// <summary>The chain database could not be opened; nothing in it was changed.</summary>
public class DatabaseOpenException : StorageException
{
    public DatabaseOpenException()
    {
    }

    public DatabaseOpenException(string message)
        : base(message)
    {
    }

    public DatabaseOpenException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
