namespace Subtensor.Network.Host;

public enum ConnectionDirection
{
    Inbound,
    Outbound,
}
