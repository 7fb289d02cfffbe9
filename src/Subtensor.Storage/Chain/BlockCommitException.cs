namespace Subtensor.Storage.Chain;

/// <summary>A write to the chain database was refused before anything was written.</summary>
public sealed class BlockCommitException : StorageException
{
    public BlockCommitException(BlockCommitError error, string message)
        : base(message) => Error = error;

    public BlockCommitException(BlockCommitError error, string message, Exception inner)
        : base(message, inner) => Error = error;

    public BlockCommitException()
    {
    }

    public BlockCommitException(string message)
        : base(message)
    {
    }

    public BlockCommitException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public BlockCommitError Error { get; }
}
