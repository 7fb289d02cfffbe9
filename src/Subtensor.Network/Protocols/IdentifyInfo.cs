using Google.Protobuf;
using Subtensor.Network.Identity;
using Subtensor.Network.Multiformats;

namespace Subtensor.Network.Protocols;

/// <summary>
/// The identify record (libp2p identify spec): <c>Identify{ protocolVersion = 5; agentVersion = 6; publicKey = 1;
/// repeated listenAddrs = 2; observedAddr = 4; repeated protocols = 3; signedPeerRecord = 8 }</c>.
/// </summary>
public sealed class IdentifyInfo
{
    public string? ProtocolVersion { get; init; }

    public string? AgentVersion { get; init; }

    public IdentityPublicKey? PublicKey { get; init; }

    public IReadOnlyList<Multiaddr> ListenAddresses { get; init; } = [];

    public Multiaddr? ObservedAddress { get; init; }

    public IReadOnlyList<string> Protocols { get; init; } = [];

    public byte[] Encode()
    {
        using var memory = new MemoryStream();
        var output = new CodedOutputStream(memory);
        if (PublicKey is not null)
        {
            output.WriteTag(1, WireFormat.WireType.LengthDelimited);
            output.WriteBytes(ByteString.CopyFrom(PublicKey.ToProtobuf()));
        }

        foreach (var address in ListenAddresses)
        {
            output.WriteTag(2, WireFormat.WireType.LengthDelimited);
            output.WriteBytes(ByteString.CopyFrom(address.ToBytes()));
        }

        foreach (var protocol in Protocols)
        {
            output.WriteTag(3, WireFormat.WireType.LengthDelimited);
            output.WriteString(protocol);
        }

        if (ObservedAddress is not null)
        {
            output.WriteTag(4, WireFormat.WireType.LengthDelimited);
            output.WriteBytes(ByteString.CopyFrom(ObservedAddress.ToBytes()));
        }

        if (ProtocolVersion is not null)
        {
            output.WriteTag(5, WireFormat.WireType.LengthDelimited);
            output.WriteString(ProtocolVersion);
        }

        if (AgentVersion is not null)
        {
            output.WriteTag(6, WireFormat.WireType.LengthDelimited);
            output.WriteString(AgentVersion);
        }

        output.Flush();
        return memory.ToArray();
    }

    /// <summary>
    /// Decodes a record. Addresses we cannot parse (transports we do not know) are skipped; a malformed message or key is a
    /// <see cref="Libp2pProtocolException"/>.
    /// </summary>
    public static IdentifyInfo Decode(ReadOnlySpan<byte> bytes)
    {
        string? protocolVersion = null;
        string? agentVersion = null;
        IdentityPublicKey? publicKey = null;
        Multiaddr? observed = null;
        var listen = new List<Multiaddr>();
        var protocols = new List<string>();
        try
        {
            var input = new CodedInputStream(bytes.ToArray());
            uint tag;
            while ((tag = input.ReadTag()) != 0)
            {
                if (WireFormat.GetTagWireType(tag) != WireFormat.WireType.LengthDelimited)
                {
                    input.SkipLastField();
                    continue;
                }

                switch (WireFormat.GetTagFieldNumber(tag))
                {
                    case 1:
                        publicKey = IdentityPublicKey.FromProtobuf(input.ReadBytes().Span);
                        break;
                    case 2:
                        if (TryAddress(input.ReadBytes(), out var address))
                        {
                            listen.Add(address!);
                        }

                        break;
                    case 3:
                        protocols.Add(input.ReadString());
                        break;
                    case 4:
                        observed = TryAddress(input.ReadBytes(), out var seen) ? seen : null;
                        break;
                    case 5:
                        protocolVersion = input.ReadString();
                        break;
                    case 6:
                        agentVersion = input.ReadString();
                        break;
                    default:
                        input.SkipLastField();
                        break;
                }
            }
        }
        catch (Exception ex) when (ex is InvalidProtocolBufferException or FormatException)
        {
            throw new Libp2pProtocolException("identify: malformed record: " + ex.Message, ex);
        }

        return new IdentifyInfo
        {
            ProtocolVersion = protocolVersion,
            AgentVersion = agentVersion,
            PublicKey = publicKey,
            ListenAddresses = listen,
            ObservedAddress = observed,
            Protocols = protocols,
        };
    }

    private static bool TryAddress(ByteString bytes, out Multiaddr? address)
    {
        try
        {
            address = Multiaddr.FromBytes(bytes.Span);
            return true;
        }
        catch (FormatException)
        {
            address = null;
            return false;
        }
    }
}
