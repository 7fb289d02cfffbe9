namespace Subtensor.Core.Scale;

/// <summary>The one error every SCALE decoder raises: what went wrong and at which byte offset.</summary>
public sealed class ScaleDecodeException : FormatException
{
    public ScaleDecodeException(string reason, int offset)
        : base($"SCALE decode error at offset {offset}: {reason}")
    {
        Reason = reason;
        Offset = offset;
    }

    public ScaleDecodeException() : this("invalid input", 0) { }

    public ScaleDecodeException(string message) : this(message, 0) { }

    public ScaleDecodeException(string message, Exception innerException) : base(message, innerException) { Reason = message; }

    /// <summary>What was wrong, without the offset.</summary>
    public string Reason { get; } = "";

    /// <summary>Byte offset in the input at which decoding failed.</summary>
    public int Offset { get; }
}
