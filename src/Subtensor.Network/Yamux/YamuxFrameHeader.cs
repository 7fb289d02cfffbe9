using System.Buffers.Binary;

namespace Subtensor.Network.Yamux;

/// <summary>
/// The 12-byte yamux header, all fields big-endian: version u8 (0), type u8, flags u16, stream id u32, length u32
/// (payload size for Data, window delta for WindowUpdate, opaque value for Ping, error code for GoAway).
/// </summary>
public readonly record struct YamuxFrameHeader(YamuxFrameType Type, YamuxFlags Flags, uint StreamId, uint Length)
{
    public const int Size = 12;
    public const byte ProtocolVersion = 0;

    public void Write(Span<byte> destination)
    {
        destination[0] = ProtocolVersion;
        destination[1] = (byte)Type;
        BinaryPrimitives.WriteUInt16BigEndian(destination[2..], (ushort)Flags);
        BinaryPrimitives.WriteUInt32BigEndian(destination[4..], StreamId);
        BinaryPrimitives.WriteUInt32BigEndian(destination[8..], Length);
    }

    /// <summary>Decodes a header; throws <see cref="Libp2pProtocolException"/> for an unknown version, type or flag.</summary>
    public static YamuxFrameHeader Read(ReadOnlySpan<byte> source)
    {
        if (source[0] != ProtocolVersion)
        {
            throw new Libp2pProtocolException($"yamux: unsupported version {source[0]}");
        }

        if (source[1] > (byte)YamuxFrameType.GoAway)
        {
            throw new Libp2pProtocolException($"yamux: unknown frame type {source[1]}");
        }

        var flags = BinaryPrimitives.ReadUInt16BigEndian(source[2..]);
        if ((flags & ~0xF) != 0)
        {
            throw new Libp2pProtocolException($"yamux: unknown flags 0x{flags:x}");
        }

        return new YamuxFrameHeader(
            (YamuxFrameType)source[1],
            (YamuxFlags)flags,
            BinaryPrimitives.ReadUInt32BigEndian(source[4..]),
            BinaryPrimitives.ReadUInt32BigEndian(source[8..]));
    }
}
