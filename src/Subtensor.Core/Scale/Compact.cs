using System.Buffers.Binary;

namespace Subtensor.Core.Scale;

/// <summary>SCALE compact integers: the four modes, canonical (minimal) encodings only.</summary>
public static class Compact
{
    public const uint SingleByteMax = (1u << 6) - 1;
    public const uint TwoByteMax = (1u << 14) - 1;
    public const uint FourByteMax = (1u << 30) - 1;

    /// <summary>Number of bytes the compact encoding of <paramref name="value"/> takes.</summary>
    public static int EncodedLength(UInt128 value)
    {
        if (value <= SingleByteMax)
        {
            return 1;
        }

        if (value <= TwoByteMax)
        {
            return 2;
        }

        if (value <= FourByteMax)
        {
            return 4;
        }

        return 1 + BigModeBytes(value);
    }

    /// <summary>Writes the compact encoding into <paramref name="destination"/> and returns its length.</summary>
    public static int Encode(UInt128 value, Span<byte> destination)
    {
        if (value <= SingleByteMax)
        {
            destination[0] = (byte)((uint)value << 2);
            return 1;
        }

        if (value <= TwoByteMax)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(destination, (ushort)(((uint)value << 2) | 0b01));
            return 2;
        }

        if (value <= FourByteMax)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(destination, ((uint)value << 2) | 0b10);
            return 4;
        }

        var n = BigModeBytes(value);
        destination[0] = (byte)(((n - 4) << 2) | 0b11);
        var v = value;
        for (var i = 0; i < n; i++)
        {
            destination[1 + i] = (byte)v;
            v >>= 8;
        }

        return 1 + n;
    }

    public static byte[] Encode(UInt128 value)
    {
        var buffer = new byte[EncodedLength(value)];
        Encode(value, buffer);
        return buffer;
    }

    /// <summary>Bytes needed after the mode byte in big-integer mode (at least 4).</summary>
    private static int BigModeBytes(UInt128 value)
    {
        var bits = 128 - (int)UInt128.LeadingZeroCount(value);
        return Math.Max(4, (bits + 7) / 8);
    }
}
