using Subtensor.Core.Types;

namespace Subtensor.Storage.Chain;

/// <summary>The database belongs to another chain: its genesis hash is not the one expected.</summary>
public sealed class GenesisMismatchException : DatabaseOpenException
{
    public GenesisMismatchException(Hash256 stored, Hash256 expected)
        : base($"the database holds the chain with genesis {stored}, but this node runs the chain with genesis {expected}; " +
               "use another database path or the matching chain spec")
    {
        Stored = stored;
        Expected = expected;
    }

    public GenesisMismatchException()
    {
    }

    public GenesisMismatchException(string message)
        : base(message)
    {
    }

    public GenesisMismatchException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public Hash256 Stored { get; }

    public Hash256 Expected { get; }
}
