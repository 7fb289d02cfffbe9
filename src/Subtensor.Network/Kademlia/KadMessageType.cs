namespace Subtensor.Network.Kademlia;

/// <summary><c>Message.MessageType</c> of the libp2p Kademlia DHT protobuf.</summary>
public enum KadMessageType
{
    PutValue = 0,
    GetValue = 1,
    AddProvider = 2,
    GetProviders = 3,
    FindNode = 4,
    Ping = 5,
}
