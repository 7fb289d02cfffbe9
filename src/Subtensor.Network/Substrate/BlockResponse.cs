using Google.Protobuf;
using Subtensor.Core.Scale;
using Subtensor.Core.Types;

namespace Subtensor.Network.Substrate;

/// <summary>
/// <c>/…/sync/2</c> response: <c>BlockResponse{ repeated BlockData blocks = 1 }</c>. When the request set
/// <c>support_multiple_justifications</c>, justifications travel in field 8 (SCALE <c>Justifications</c>); otherwise the GRANDPA one in field 6
/// with field 7 marking an empty-but-present justification, as sc-network-sync does.
/// </summary>
public sealed class BlockResponse
{
    public BlockResponse(IReadOnlyList<BlockData> blocks)
    {
        ArgumentNullException.ThrowIfNull(blocks);
        Blocks = blocks;
    }

    public IReadOnlyList<BlockData> Blocks { get; }

    public byte[] Encode(bool multipleJustifications = true)
    {
        using var memory = new MemoryStream();
        var output = new CodedOutputStream(memory);
        foreach (var block in Blocks)
        {
            output.WriteTag(1, WireFormat.WireType.LengthDelimited);
            output.WriteBytes(EncodeBlock(block, multipleJustifications));
        }

        output.Flush();
        return memory.ToArray();
    }

    /// <summary>Decodes a response; malformed protobuf, a hash of the wrong length or bad justifications is a <see cref="Libp2pProtocolException"/>.</summary>
    public static BlockResponse Decode(ReadOnlySpan<byte> bytes)
    {
        var blocks = new List<BlockData>();
        try
        {
            var input = new CodedInputStream(bytes.ToArray());
            uint tag;
            while ((tag = input.ReadTag()) != 0)
            {
                if (tag == WireFormat.MakeTag(1, WireFormat.WireType.LengthDelimited))
                {
                    blocks.Add(DecodeBlock(input.ReadBytes()));
                }
                else
                {
                    input.SkipLastField();
                }
            }
        }
        catch (InvalidProtocolBufferException ex)
        {
            throw new Libp2pProtocolException("block response: malformed protobuf: " + ex.Message, ex);
        }

        return new BlockResponse(blocks);
    }

    private static ByteString EncodeBlock(BlockData block, bool multipleJustifications)
    {
        using var memory = new MemoryStream();
        var output = new CodedOutputStream(memory);
        output.WriteTag(1, WireFormat.WireType.LengthDelimited);
        output.WriteBytes(ByteString.CopyFrom(block.Hash.ToArray()));
        if (block.Header is { Length: > 0 } header)
        {
            output.WriteTag(2, WireFormat.WireType.LengthDelimited);
            output.WriteBytes(ByteString.CopyFrom(header));
        }

        foreach (var extrinsic in block.Body ?? [])
        {
            output.WriteTag(3, WireFormat.WireType.LengthDelimited);
            output.WriteBytes(ByteString.CopyFrom(extrinsic));
        }

        if (block.Justifications is { Count: > 0 } justifications)
        {
            if (multipleJustifications)
            {
                output.WriteTag(8, WireFormat.WireType.LengthDelimited);
                output.WriteBytes(ByteString.CopyFrom(JustificationsCodec.Encode(justifications)));
            }
            else if (justifications.FirstOrDefault(j => j.IsGrandpa) is { } grandpa)
            {
                if (grandpa.Data.Length == 0)
                {
                    output.WriteTag(7, WireFormat.WireType.Varint);
                    output.WriteBool(true);
                }
                else
                {
                    output.WriteTag(6, WireFormat.WireType.LengthDelimited);
                    output.WriteBytes(ByteString.CopyFrom(grandpa.Data));
                }
            }
        }

        output.Flush();
        return ByteString.CopyFrom(memory.ToArray());
    }

    private static BlockData DecodeBlock(ByteString bytes)
    {
        Hash256? hash = null;
        byte[]? header = null;
        var body = new List<byte[]>();
        byte[]? single = null;
        var emptySingle = false;
        IReadOnlyList<Justification>? multiple = null;
        var input = new CodedInputStream(bytes.ToByteArray());
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            switch (WireFormat.GetTagFieldNumber(tag), WireFormat.GetTagWireType(tag))
            {
                case (1, WireFormat.WireType.LengthDelimited):
                    var h = input.ReadBytes();
                    hash = h.Length == Hash256.Length ? new Hash256(h.Span) : throw new Libp2pProtocolException($"block response: hash of {h.Length} bytes");
                    break;
                case (2, WireFormat.WireType.LengthDelimited):
                    header = input.ReadBytes().ToByteArray();
                    break;
                case (3, WireFormat.WireType.LengthDelimited):
                    body.Add(input.ReadBytes().ToByteArray());
                    break;
                case (6, WireFormat.WireType.LengthDelimited):
                    single = input.ReadBytes().ToByteArray();
                    break;
                case (7, WireFormat.WireType.Varint):
                    emptySingle = input.ReadBool();
                    break;
                case (8, WireFormat.WireType.LengthDelimited):
                    try
                    {
                        multiple = JustificationsCodec.Decode(input.ReadBytes().Span);
                    }
                    catch (ScaleDecodeException ex)
                    {
                        throw new Libp2pProtocolException("block response: malformed justifications: " + ex.Message, ex);
                    }

                    break;
                default:
                    input.SkipLastField();
                    break;
            }
        }

        if (hash is null)
        {
            throw new Libp2pProtocolException("block response: block without a hash");
        }

        IReadOnlyList<Justification>? justifications = multiple is { Count: > 0 } ? multiple
            : single is { Length: > 0 } ? [Justification.Grandpa(single)]
            : emptySingle ? [Justification.Grandpa([])]
            : null;
        return new BlockData(hash.Value, header is { Length: > 0 } ? header : null, body, justifications);
    }
}
