namespace Subtensor.Runtime;

/// <summary>
/// The runtime refused to continue (a Rust runtime would panic): the block or call being executed is invalid and
/// its effects must be discarded. Raised e.g. for a missing or out-of-slot timestamp, or mismatched roots on import.
/// </summary>
public sealed class RuntimePanicException : Exception
{
    public RuntimePanicException()
    {
    }

    public RuntimePanicException(string message) : base(message)
    {
    }

    public RuntimePanicException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
