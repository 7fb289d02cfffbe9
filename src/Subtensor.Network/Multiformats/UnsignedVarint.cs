namespace Subtensor.Network.Multiformats;

/// <summary>
/// multiformats unsigned-varint (LEB128, 7 bits per byte, low group first). The spec caps it at 9 bytes (63 bits)
/// and requires the minimal encoding; both rules are enforced on read.
/// </summary>
public static class UnsignedVarint
{
    /// <summary>Longest encoding the multiformats spec allows.</summary>
    public const int MaxLength = 9;

    public static int EncodedLength(ulong value)
    {
        var length = 1;
        while (value >= 0x80)
        {
            value >>= 7;
            length++;
        }

        return length;
    }

    /// <summary>Writes <paramref name="value"/> into <paramref name="destination"/> and returns the bytes written.</summary>
    public static int Write(ulong value, Span<byte> destination)
    {
        if (value > long.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(value), "unsigned-varint values are limited to 63 bits");
        }

        var i = 0;
        while (value >= 0x80)
        {
            destination[i++] = (byte)(value | 0x80);
            value >>= 7;
        }

        destination[i++] = (byte)value;
        return i;
    }

    public static byte[] Encode(ulong value)
    {
        var bytes = new byte[EncodedLength(value)];
        Write(value, bytes);
        return bytes;
    }

    /// <summary>
    /// Decodes a varint at the start of <paramref name="source"/>. Returns false when more bytes are needed;
    /// throws <see cref="FormatException"/> for an over-long or non-minimal encoding.
    /// </summary>
    public static bool TryRead(ReadOnlySpan<byte> source, out ulong value, out int consumed)
    {
        value = 0;
        consumed = 0;
        for (var i = 0; i < source.Length; i++)
        {
            if (i >= MaxLength)
            {
                throw new FormatException($"unsigned-varint longer than {MaxLength} bytes");
            }

            var b = source[i];
            value |= (ulong)(b & 0x7F) << (7 * i);
            if ((b & 0x80) == 0)
            {
                if (b == 0 && i > 0)
                {
                    throw new FormatException("unsigned-varint is not minimally encoded");
                }

                consumed = i + 1;
                return true;
            }
        }

        if (source.Length >= MaxLength)
        {
            throw new FormatException($"unsigned-varint longer than {MaxLength} bytes");
        }

        value = 0;
        return false;
    }

    /// <summary>Decodes a varint that must be complete at <paramref name="offset"/>; advances the offset.</summary>
    public static ulong Read(ReadOnlySpan<byte> source, ref int offset)
    {
        if (!TryRead(source[offset..], out var value, out var consumed))
        {
            throw new FormatException($"truncated unsigned-varint at offset {offset}");
        }

        offset += consumed;
        return value;
    }

    /// <summary>
    /// Reads one varint from <paramref name="stream"/> byte by byte (never past its end, so buffered data after it stays
    /// in the stream). Returns null on a clean end of stream before the first byte; throws on a truncated varint.
    /// </summary>
    public static async ValueTask<ulong?> ReadAsync(Stream stream, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var buffer = new byte[1];
        ulong value = 0;
        for (var i = 0; ; i++)
        {
            if (i >= MaxLength)
            {
                throw new FormatException($"unsigned-varint longer than {MaxLength} bytes");
            }

            var read = await stream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                if (i == 0)
                {
                    return null;
                }

                throw new EndOfStreamException("stream ended inside an unsigned-varint");
            }

            var b = buffer[0];
            value |= (ulong)(b & 0x7F) << (7 * i);
            if ((b & 0x80) == 0)
            {
                if (b == 0 && i > 0)
                {
                    throw new FormatException("unsigned-varint is not minimally encoded");
                }

                return value;
            }
        }
    }
}
