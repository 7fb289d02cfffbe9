namespace Subtensor.ChainSpec.Wasm;

/// <summary>The runtime code (<c>:code</c>) cannot be read: bad compression, not a WASM module, or bad version sections.</summary>
public sealed class InvalidRuntimeCodeException : FormatException
{
    public InvalidRuntimeCodeException()
        : this("invalid runtime code")
    {
    }

    public InvalidRuntimeCodeException(string message)
        : base(message)
    {
    }

    public InvalidRuntimeCodeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
