namespace Subtensor.Network;

/// <summary>The remote side broke a libp2p protocol rule (bad frame, bad handshake, oversized message…); the connection or stream is closed.</summary>
public class Libp2pProtocolException : IOException
{
    public Libp2pProtocolException()
    {
    }

    public Libp2pProtocolException(string message)
        : base(message)
    {
    }

    public Libp2pProtocolException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
