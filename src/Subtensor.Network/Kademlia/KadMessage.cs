using Google.Protobuf;
using Subtensor.Network.Identity;
using Subtensor.Network.Multiformats;

namespace Subtensor.Network.Kademlia;

/// <summary>
/// The libp2p Kademlia DHT message (libp2p specs <c>kad-dht</c>; <c>dht.proto</c>): <c>Message{ MessageType type = 1; int32 clusterLevelRaw = 10;
/// bytes key = 2; Record record = 3; repeated Peer closerPeers = 8; repeated Peer providerPeers = 9 }</c>. Records are carried opaquely;
/// we only use FIND_NODE (and answer PING).
/// </summary>
public sealed record KadMessage
{
    public KadMessageType Type { get; init; }

    public byte[] Key { get; init; } = [];

    /// <summary>Encoded <c>Record</c>, kept opaque.</summary>
    public byte[]? Record { get; init; }

    public IReadOnlyList<KadPeer> CloserPeers { get; init; } = [];

    public IReadOnlyList<KadPeer> ProviderPeers { get; init; } = [];

    public static KadMessage FindNode(ReadOnlySpan<byte> key) => new() { Type = KadMessageType.FindNode, Key = key.ToArray() };

    public byte[] Encode()
    {
        using var memory = new MemoryStream();
        var output = new CodedOutputStream(memory);
        if (Type != KadMessageType.PutValue)
        {
            output.WriteTag(1, WireFormat.WireType.Varint);
            output.WriteEnum((int)Type);
        }

        if (Key.Length > 0)
        {
            output.WriteTag(2, WireFormat.WireType.LengthDelimited);
            output.WriteBytes(ByteString.CopyFrom(Key));
        }

        if (Record is { } record)
        {
            output.WriteTag(3, WireFormat.WireType.LengthDelimited);
            output.WriteBytes(ByteString.CopyFrom(record));
        }

        foreach (var peer in CloserPeers)
        {
            output.WriteTag(8, WireFormat.WireType.LengthDelimited);
            output.WriteBytes(EncodePeer(peer));
        }

        foreach (var peer in ProviderPeers)
        {
            output.WriteTag(9, WireFormat.WireType.LengthDelimited);
            output.WriteBytes(EncodePeer(peer));
        }

        output.Flush();
        return memory.ToArray();
    }

    /// <summary>
    /// Decodes a message. Malformed protobuf or an unknown type is a <see cref="Libp2pProtocolException"/>; listed peers with a bad id are
    /// dropped, and addresses we cannot parse are skipped.
    /// </summary>
    public static KadMessage Decode(ReadOnlySpan<byte> bytes)
    {
        var type = KadMessageType.PutValue;
        byte[] key = [];
        byte[]? record = null;
        var closer = new List<KadPeer>();
        var providers = new List<KadPeer>();
        try
        {
            var input = new CodedInputStream(bytes.ToArray());
            uint tag;
            while ((tag = input.ReadTag()) != 0)
            {
                switch (WireFormat.GetTagFieldNumber(tag), WireFormat.GetTagWireType(tag))
                {
                    case (1, WireFormat.WireType.Varint):
                        var value = input.ReadEnum();
                        type = value is >= 0 and <= 5 ? (KadMessageType)value : throw new Libp2pProtocolException($"kad: unknown message type {value}");
                        break;
                    case (2, WireFormat.WireType.LengthDelimited):
                        key = input.ReadBytes().ToByteArray();
                        break;
                    case (3, WireFormat.WireType.LengthDelimited):
                        record = input.ReadBytes().ToByteArray();
                        break;
                    case (8, WireFormat.WireType.LengthDelimited):
                        if (DecodePeer(input.ReadBytes()) is { } c)
                        {
                            closer.Add(c);
                        }

                        break;
                    case (9, WireFormat.WireType.LengthDelimited):
                        if (DecodePeer(input.ReadBytes()) is { } p)
                        {
                            providers.Add(p);
                        }

                        break;
                    default:
                        input.SkipLastField();
                        break;
                }
            }
        }
        catch (InvalidProtocolBufferException ex)
        {
            throw new Libp2pProtocolException("kad: malformed message: " + ex.Message, ex);
        }

        return new KadMessage { Type = type, Key = key, Record = record, CloserPeers = closer, ProviderPeers = providers };
    }

    private static ByteString EncodePeer(KadPeer peer)
    {
        using var memory = new MemoryStream();
        var output = new CodedOutputStream(memory);
        output.WriteTag(1, WireFormat.WireType.LengthDelimited);
        output.WriteBytes(ByteString.CopyFrom(peer.Id.ToBytes()));
        foreach (var address in peer.Addresses)
        {
            output.WriteTag(2, WireFormat.WireType.LengthDelimited);
            output.WriteBytes(ByteString.CopyFrom(address.ToBytes()));
        }

        if (peer.Connection != KadConnectionType.NotConnected)
        {
            output.WriteTag(3, WireFormat.WireType.Varint);
            output.WriteEnum((int)peer.Connection);
        }

        output.Flush();
        return ByteString.CopyFrom(memory.ToArray());
    }

    private static KadPeer? DecodePeer(ByteString bytes)
    {
        PeerId? id = null;
        var addresses = new List<Multiaddr>();
        var connection = KadConnectionType.NotConnected;
        var input = new CodedInputStream(bytes.ToByteArray());
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            switch (WireFormat.GetTagFieldNumber(tag), WireFormat.GetTagWireType(tag))
            {
                case (1, WireFormat.WireType.LengthDelimited):
                    try
                    {
                        id = PeerId.FromBytes(input.ReadBytes().Span);
                    }
                    catch (FormatException)
                    {
                        id = null;
                    }

                    break;
                case (2, WireFormat.WireType.LengthDelimited):
                    try
                    {
                        addresses.Add(Multiaddr.FromBytes(input.ReadBytes().Span));
                    }
                    catch (FormatException)
                    {
                        // A transport we do not know.
                    }

                    break;
                case (3, WireFormat.WireType.Varint):
                    var value = input.ReadEnum();
                    connection = value is >= 0 and <= 3 ? (KadConnectionType)value : KadConnectionType.NotConnected;
                    break;
                default:
                    input.SkipLastField();
                    break;
            }
        }

        return id is null ? null : new KadPeer(id, addresses, connection);
    }
}
