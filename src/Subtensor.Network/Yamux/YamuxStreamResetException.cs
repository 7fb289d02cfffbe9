namespace Subtensor.Network.Yamux;

/// <summary>The stream was reset (RST) by either side.</summary>
public sealed class YamuxStreamResetException : IOException
{
    public YamuxStreamResetException()
    {
    }

    public YamuxStreamResetException(string message)
        : base(message)
    {
    }

    public YamuxStreamResetException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
