namespace Subtensor.Network.Peers;

/// <summary>Which slot a connected sync peer occupies.</summary>
public enum PeerSlot
{
    Inbound,
    Outbound,
    Reserved,
}
