using Subtensor.Core.Scale;

namespace Subtensor.Network.Substrate;

/// <summary>
/// A block announcement (sc-network-sync <c>BlockAnnounce</c>): SCALE(header) ‖ state u8 (0 normal, 1 best) ‖ data Vec&lt;u8&gt;.
/// As in Substrate, the state and data are optional on decode (older peers omit them).
/// </summary>
public sealed class BlockAnnounce
{
    public BlockAnnounce(HeaderSummary header, bool isBest, byte[]? data = null)
    {
        ArgumentNullException.ThrowIfNull(header);
        Header = header;
        IsBest = isBest;
        Data = data ?? [];
    }

    public HeaderSummary Header { get; }

    public bool IsBest { get; }

    public byte[] Data { get; }

    public byte[] Encode()
    {
        var writer = new ScaleWriter(Header.Encoded.Length + 2 + Data.Length);
        writer.WriteBytes(Header.Encoded);
        writer.WriteU8(IsBest ? (byte)1 : (byte)0);
        writer.WriteByteVec(Data);
        return writer.ToArray();
    }

    /// <summary>Decodes an announcement; a malformed header is a <see cref="ScaleDecodeException"/>.</summary>
    public static BlockAnnounce Decode(ReadOnlySpan<byte> bytes)
    {
        var reader = new ScaleReader(bytes);
        var header = HeaderSummary.Read(ref reader);
        var isBest = false;
        byte[]? data = null;
        if (!reader.IsAtEnd)
        {
            isBest = reader.ReadU8() switch
            {
                0 => false,
                1 => true,
                _ => throw reader.Error("invalid block state"),
            };
        }

        if (!reader.IsAtEnd)
        {
            data = reader.ReadByteVec();
        }

        reader.EnsureAtEnd();
        return new BlockAnnounce(header, isBest, data);
    }
}
