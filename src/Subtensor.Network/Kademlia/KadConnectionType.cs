namespace Subtensor.Network.Kademlia;

/// <summary><c>Message.ConnectionType</c>: what the sender knows of its connection to a listed peer.</summary>
public enum KadConnectionType
{
    NotConnected = 0,
    Connected = 1,
    CanConnect = 2,
    CannotConnect = 3,
}
