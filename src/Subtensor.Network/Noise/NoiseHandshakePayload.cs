using Google.Protobuf;

namespace Subtensor.Network.Noise;

/// <summary>
/// libp2p's Noise handshake payload (noise spec): <c>NoiseHandshakePayload{ bytes identity_key = 1; bytes identity_sig = 2;
/// NoiseExtensions extensions = 4; }</c> with <c>NoiseExtensions{ repeated bytes webtransport_certhashes = 1;
/// repeated string stream_muxers = 2; }</c>.
/// </summary>
public sealed class NoiseHandshakePayload
{
    public byte[] IdentityKey { get; init; } = [];

    public byte[] IdentitySignature { get; init; } = [];

    public IReadOnlyList<string> StreamMuxers { get; init; } = [];

    public byte[] Encode()
    {
        using var memory = new MemoryStream();
        var output = new CodedOutputStream(memory);
        output.WriteTag(1, WireFormat.WireType.LengthDelimited);
        output.WriteBytes(ByteString.CopyFrom(IdentityKey));
        output.WriteTag(2, WireFormat.WireType.LengthDelimited);
        output.WriteBytes(ByteString.CopyFrom(IdentitySignature));
        if (StreamMuxers.Count > 0)
        {
            using var extensions = new MemoryStream();
            var ext = new CodedOutputStream(extensions);
            foreach (var muxer in StreamMuxers)
            {
                ext.WriteTag(2, WireFormat.WireType.LengthDelimited);
                ext.WriteString(muxer);
            }

            ext.Flush();
            output.WriteTag(4, WireFormat.WireType.LengthDelimited);
            output.WriteBytes(ByteString.CopyFrom(extensions.ToArray()));
        }

        output.Flush();
        return memory.ToArray();
    }

    /// <summary>Decodes the payload, ignoring unknown fields; throws <see cref="Libp2pProtocolException"/> when malformed.</summary>
    public static NoiseHandshakePayload Decode(ReadOnlySpan<byte> bytes)
    {
        byte[] key = [];
        byte[] signature = [];
        var muxers = new List<string>();
        try
        {
            var input = new CodedInputStream(bytes.ToArray());
            uint tag;
            while ((tag = input.ReadTag()) != 0)
            {
                var lengthDelimited = WireFormat.GetTagWireType(tag) == WireFormat.WireType.LengthDelimited;
                switch (WireFormat.GetTagFieldNumber(tag))
                {
                    case 1 when lengthDelimited:
                        key = input.ReadBytes().ToByteArray();
                        break;
                    case 2 when lengthDelimited:
                        signature = input.ReadBytes().ToByteArray();
                        break;
                    case 4 when lengthDelimited:
                        var ext = new CodedInputStream(input.ReadBytes().ToByteArray());
                        uint extTag;
                        while ((extTag = ext.ReadTag()) != 0)
                        {
                            if (WireFormat.GetTagFieldNumber(extTag) == 2 && WireFormat.GetTagWireType(extTag) == WireFormat.WireType.LengthDelimited)
                            {
                                muxers.Add(ext.ReadString());
                            }
                            else
                            {
                                ext.SkipLastField();
                            }
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
            throw new Libp2pProtocolException("noise: malformed handshake payload: " + ex.Message, ex);
        }

        return new NoiseHandshakePayload { IdentityKey = key, IdentitySignature = signature, StreamMuxers = muxers };
    }
}
