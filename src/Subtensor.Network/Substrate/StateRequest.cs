using Google.Protobuf;
using Subtensor.Core.Types;

namespace Subtensor.Network.Substrate;

/// <summary>
/// <c>/…/state/2</c> request (sc-network-sync <c>schema/state.v1.proto</c>): <c>StateRequest{ bytes block = 1; repeated bytes start = 2;
/// bool no_proof = 3 }</c>. <see cref="Start"/> is the last key received (top-level key, then child-trie key when inside a child trie).
/// </summary>
public sealed record StateRequest
{
    public Hash256 Block { get; init; }

    public IReadOnlyList<byte[]> Start { get; init; } = [];

    public bool NoProof { get; init; }

    public byte[] Encode()
    {
        using var memory = new MemoryStream();
        var output = new CodedOutputStream(memory);
        output.WriteTag(1, WireFormat.WireType.LengthDelimited);
        output.WriteBytes(ByteString.CopyFrom(Block.ToArray()));
        foreach (var key in Start)
        {
            output.WriteTag(2, WireFormat.WireType.LengthDelimited);
            output.WriteBytes(ByteString.CopyFrom(key));
        }

        if (NoProof)
        {
            output.WriteTag(3, WireFormat.WireType.Varint);
            output.WriteBool(true);
        }

        output.Flush();
        return memory.ToArray();
    }

    public static StateRequest Decode(ReadOnlySpan<byte> bytes)
    {
        Hash256? block = null;
        var start = new List<byte[]>();
        var noProof = false;
        try
        {
            var input = new CodedInputStream(bytes.ToArray());
            uint tag;
            while ((tag = input.ReadTag()) != 0)
            {
                switch (WireFormat.GetTagFieldNumber(tag), WireFormat.GetTagWireType(tag))
                {
                    case (1, WireFormat.WireType.LengthDelimited):
                        var b = input.ReadBytes();
                        block = b.Length == Hash256.Length ? new Hash256(b.Span) : throw new Libp2pProtocolException($"state request: block hash of {b.Length} bytes");
                        break;
                    case (2, WireFormat.WireType.LengthDelimited):
                        start.Add(input.ReadBytes().ToByteArray());
                        break;
                    case (3, WireFormat.WireType.Varint):
                        noProof = input.ReadBool();
                        break;
                    default:
                        input.SkipLastField();
                        break;
                }
            }
        }
        catch (InvalidProtocolBufferException ex)
        {
            throw new Libp2pProtocolException("state request: malformed protobuf: " + ex.Message, ex);
        }

        if (start.Count > 2)
        {
            throw new Libp2pProtocolException($"state request: {start.Count} start keys, at most 2 allowed");
        }

        return new StateRequest
        {
            Block = block ?? throw new Libp2pProtocolException("state request: no block"),
            Start = start,
            NoProof = noProof,
        };
    }
}
