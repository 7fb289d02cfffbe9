using Subtensor.Core.Scale;
using Subtensor.Core.Types;
using Types = Subtensor.Core.Types;

namespace Subtensor.Network.Substrate;

/// <summary>
/// A SCALE-encoded header as received (spec §1.5: parent_hash ‖ Compact(number) ‖ state_root ‖ extrinsics_root ‖ digest) with its
/// hash (Blake2-256 of exactly these bytes) and the decoded <see cref="Types.Header"/>.
/// </summary>
public sealed class HeaderSummary
{
    private readonly byte[] _encoded;

    private HeaderSummary(byte[] encoded, Header header)
    {
        _encoded = encoded;
        Header = header;
        Hash = Hash256.Blake2(encoded);
    }

    /// <summary>The decoded header (Core's <see cref="Types.Header"/>).</summary>
    public Header Header { get; }

    public Hash256 Hash { get; }

    public Hash256 ParentHash => Header.ParentHash;

    public uint Number => Header.Number;

    /// <summary>The SCALE encoding (seal included).</summary>
    public ReadOnlySpan<byte> Encoded => _encoded;

    public byte[] ToArray() => (byte[])_encoded.Clone();

    /// <summary>Decodes a whole header; trailing bytes are an error. Throws <see cref="ScaleDecodeException"/>.</summary>
    public static HeaderSummary Decode(ReadOnlySpan<byte> encoded)
    {
        var reader = new ScaleReader(encoded);
        var header = Read(ref reader);
        reader.EnsureAtEnd();
        return header;
    }

    /// <summary>Reads one header from <paramref name="reader"/> (for messages that embed a header).</summary>
    public static HeaderSummary Read(ref ScaleReader reader)
    {
        var rest = reader.Rest;
        var startPosition = reader.Position;
        var header = Types.Header.DecodeFrom(ref reader);
        return new HeaderSummary(rest[..(reader.Position - startPosition)].ToArray(), header);
    }

    public override string ToString() => $"#{Number} ({Hash})";
}
