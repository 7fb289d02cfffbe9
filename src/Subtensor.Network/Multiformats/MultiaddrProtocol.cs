namespace Subtensor.Network.Multiformats;

/// <summary>Multiaddr protocol codes (multiformats <c>multicodec</c> table) this node understands.</summary>
public enum MultiaddrProtocol
{
    Ip4 = 0x04,
    Tcp = 0x06,
    Ip6 = 0x29,
    Dns = 0x35,
    Dns4 = 0x36,
    Dns6 = 0x37,
    DnsAddr = 0x38,
    Udp = 0x0111,
    P2pCircuit = 0x0122,
    P2p = 0x01a5,
    Tls = 0x01c0,
    QuicV1 = 0x01cd,
    Ws = 0x01dd,
    Wss = 0x01de,
}
