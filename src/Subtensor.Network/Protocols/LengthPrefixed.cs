using Subtensor.Network.Multiformats;

namespace Subtensor.Network.Protocols;

/// <summary>Unsigned-varint length-prefixed messages, the framing of identify, request-response and notification substreams.</summary>
public static class LengthPrefixed
{
    public static async Task WriteAsync(Stream stream, ReadOnlyMemory<byte> message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var prefixLength = UnsignedVarint.EncodedLength((ulong)message.Length);
        var framed = new byte[prefixLength + message.Length];
        UnsignedVarint.Write((ulong)message.Length, framed);
        message.CopyTo(framed.AsMemory(prefixLength));
        await stream.WriteAsync(framed, cancellationToken).ConfigureAwait(false);
        await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Reads one message of at most <paramref name="maxLength"/> bytes; null at a clean end of stream before the prefix.
    /// An over-long prefix is a <see cref="Libp2pProtocolException"/> raised before anything is allocated.
    /// </summary>
    public static async Task<byte[]?> ReadAsync(Stream stream, int maxLength, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ulong? length;
        try
        {
            length = await UnsignedVarint.ReadAsync(stream, cancellationToken).ConfigureAwait(false);
        }
        catch (FormatException ex)
        {
            throw new Libp2pProtocolException("bad message length prefix: " + ex.Message, ex);
        }

        if (length is null)
        {
            return null;
        }

        if (length > (ulong)maxLength)
        {
            throw new Libp2pProtocolException($"message of {length} bytes exceeds the limit of {maxLength}");
        }

        var message = new byte[(int)length.Value];
        await stream.ReadExactlyAsync(message, cancellationToken).ConfigureAwait(false);
        return message;
    }
}
