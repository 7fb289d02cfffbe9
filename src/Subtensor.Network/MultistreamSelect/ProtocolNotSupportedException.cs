namespace Subtensor.Network.MultistreamSelect;

/// <summary>multistream-select ended without a protocol both sides support (every proposal got <c>na</c>).</summary>
public sealed class ProtocolNotSupportedException : IOException
{
    public ProtocolNotSupportedException()
    {
    }

    public ProtocolNotSupportedException(string message)
        : base(message)
    {
    }

    public ProtocolNotSupportedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
