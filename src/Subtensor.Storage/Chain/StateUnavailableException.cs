using Subtensor.Core.Types;

namespace Subtensor.Storage.Chain;

/// <summary>The state of a block was asked for but is not (or no longer) stored.</summary>
public sealed class StateUnavailableException : StorageException
{
    public StateUnavailableException(Hash256 block, StateUnavailableReason reason, string message)
        : base(message)
    {
        Block = block;
        Reason = reason;
    }

    public StateUnavailableException()
    {
    }

    public StateUnavailableException(string message)
        : base(message)
    {
    }

    public StateUnavailableException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public Hash256 Block { get; }

    public StateUnavailableReason Reason { get; }
}
