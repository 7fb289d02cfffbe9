namespace Subtensor.Storage.Chain;

/// <summary>
/// The database was created with a pruning mode that cannot be switched to the requested one (only the window size of
/// a numeric mode may change; data already pruned, or journals never kept, cannot come back).
/// </summary>
public sealed class PruningModeMismatchException : DatabaseOpenException
{
    public PruningModeMismatchException(string what, PruningMode stored, PruningMode requested)
        : base($"the database was created with --{what} {stored} and cannot be opened with --{what} {requested}; " +
               $"use --{what} {stored} or another database path")
    {
        What = what;
        Stored = stored;
        Requested = requested;
    }

    public PruningModeMismatchException()
    {
        What = string.Empty;
    }

    public PruningModeMismatchException(string message)
        : base(message)
    {
        What = string.Empty;
    }

    public PruningModeMismatchException(string message, Exception inner)
        : base(message, inner)
    {
        What = string.Empty;
    }

    /// <summary>"state-pruning" or "blocks-pruning".</summary>
    public string What { get; }

    public PruningMode? Stored { get; }

    public PruningMode? Requested { get; }
}
