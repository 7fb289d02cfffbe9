using System.Buffers.Binary;
using Google.Protobuf;
using Subtensor.Core.Types;

namespace Subtensor.Network.Substrate;

/// <summary>
/// <c>/…/sync/2</c> request (sc-network-sync <c>schema/api.v1.proto</c>): <c>BlockRequest{ uint32 fields = 1; oneof from_block { bytes hash = 2;
/// bytes number = 3; } Direction direction = 5; uint32 max_blocks = 6; bool support_multiple_justifications = 7; }</c>.
/// The number is the SCALE (little-endian u32) block number. Encoding follows prost: proto3 defaults are omitted.
/// </summary>
public sealed record BlockRequest
{
    public BlockAttributes Fields { get; init; }

    /// <summary>Start block by hash; exactly one of <see cref="FromHash"/> and <see cref="FromNumber"/> is set.</summary>
    public Hash256? FromHash { get; init; }

    public uint? FromNumber { get; init; }

    public BlockRequestDirection Direction { get; init; }

    /// <summary>Maximum blocks wanted; 0 means "implementation defined".</summary>
    public uint MaxBlocks { get; init; }

    public bool SupportMultipleJustifications { get; init; }

    public static BlockRequest ByNumber(uint number, uint maxBlocks, BlockRequestDirection direction, BlockAttributes fields)
        => new() { FromNumber = number, MaxBlocks = maxBlocks, Direction = direction, Fields = fields, SupportMultipleJustifications = true };

    public static BlockRequest ByHash(Hash256 hash, uint maxBlocks, BlockRequestDirection direction, BlockAttributes fields)
        => new() { FromHash = hash, MaxBlocks = maxBlocks, Direction = direction, Fields = fields, SupportMultipleJustifications = true };

    public byte[] Encode()
    {
        if (FromHash.HasValue == FromNumber.HasValue)
        {
            throw new InvalidOperationException("a block request starts from exactly one of a hash or a number");
        }

        using var memory = new MemoryStream();
        var output = new CodedOutputStream(memory);
        if (Fields != BlockAttributes.None)
        {
            output.WriteTag(1, WireFormat.WireType.Varint);
            output.WriteUInt32((uint)Fields);
        }

        if (FromHash is { } hash)
        {
            output.WriteTag(2, WireFormat.WireType.LengthDelimited);
            output.WriteBytes(ByteString.CopyFrom(hash.ToArray()));
        }
        else
        {
            var number = new byte[4];
            BinaryPrimitives.WriteUInt32LittleEndian(number, FromNumber!.Value);
            output.WriteTag(3, WireFormat.WireType.LengthDelimited);
            output.WriteBytes(ByteString.CopyFrom(number));
        }

        if (Direction != BlockRequestDirection.Ascending)
        {
            output.WriteTag(5, WireFormat.WireType.Varint);
            output.WriteEnum((int)Direction);
        }

        if (MaxBlocks != 0)
        {
            output.WriteTag(6, WireFormat.WireType.Varint);
            output.WriteUInt32(MaxBlocks);
        }

        if (SupportMultipleJustifications)
        {
            output.WriteTag(7, WireFormat.WireType.Varint);
            output.WriteBool(true);
        }

        output.Flush();
        return memory.ToArray();
    }

    /// <summary>Decodes a request; malformed protobuf, a bad hash/number or an unknown direction is a <see cref="Libp2pProtocolException"/>.</summary>
    public static BlockRequest Decode(ReadOnlySpan<byte> bytes)
    {
        uint fields = 0;
        Hash256? hash = null;
        uint? number = null;
        var direction = BlockRequestDirection.Ascending;
        uint maxBlocks = 0;
        var multiple = false;
        try
        {
            var input = new CodedInputStream(bytes.ToArray());
            uint tag;
            while ((tag = input.ReadTag()) != 0)
            {
                switch (WireFormat.GetTagFieldNumber(tag), WireFormat.GetTagWireType(tag))
                {
                    case (1, WireFormat.WireType.Varint):
                        fields = input.ReadUInt32();
                        break;
                    case (2, WireFormat.WireType.LengthDelimited):
                        var h = input.ReadBytes();
                        if (h.Length != Hash256.Length)
                        {
                            throw new Libp2pProtocolException($"block request: start hash of {h.Length} bytes");
                        }

                        hash = new Hash256(h.Span);
                        number = null;
                        break;
                    case (3, WireFormat.WireType.LengthDelimited):
                        number = DecodeNumber(input.ReadBytes().Span);
                        hash = null;
                        break;
                    case (5, WireFormat.WireType.Varint):
                        direction = input.ReadEnum() switch
                        {
                            0 => BlockRequestDirection.Ascending,
                            1 => BlockRequestDirection.Descending,
                            var d => throw new Libp2pProtocolException($"block request: unknown direction {d}"),
                        };
                        break;
                    case (6, WireFormat.WireType.Varint):
                        maxBlocks = input.ReadUInt32();
                        break;
                    case (7, WireFormat.WireType.Varint):
                        multiple = input.ReadBool();
                        break;
                    default:
                        input.SkipLastField();
                        break;
                }
            }
        }
        catch (InvalidProtocolBufferException ex)
        {
            throw new Libp2pProtocolException("block request: malformed protobuf: " + ex.Message, ex);
        }

        if (hash is null && number is null)
        {
            throw new Libp2pProtocolException("block request: no start block");
        }

        return new BlockRequest
        {
            Fields = (BlockAttributes)fields,
            FromHash = hash,
            FromNumber = number,
            Direction = direction,
            MaxBlocks = maxBlocks,
            SupportMultipleJustifications = multiple,
        };
    }

    // The number is SCALE of the block number type; accept any little-endian width whose value fits a u32.
    private static uint DecodeNumber(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length is 0 or > 8)
        {
            throw new Libp2pProtocolException($"block request: start number of {bytes.Length} bytes");
        }

        ulong value = 0;
        for (var i = bytes.Length - 1; i >= 0; i--)
        {
            value = (value << 8) | bytes[i];
        }

        return value <= uint.MaxValue ? (uint)value : throw new Libp2pProtocolException($"block request: start number {value} exceeds u32");
    }
}
