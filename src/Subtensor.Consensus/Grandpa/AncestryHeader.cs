using Subtensor.Core.Scale;
using Subtensor.Core.Types;

namespace Subtensor.Consensus.Grandpa;

/// <summary>
/// A header of a justification's <c>votes_ancestries</c>: the bytes as received, their hash (Blake2-256) and the decoded header.
/// </summary>
public sealed class AncestryHeader
{
    private AncestryHeader(byte[] encoded, Header header)
    {
        Encoded = encoded;
        Header = header;
        Hash = Hash256.Blake2(encoded);
    }

    public Header Header { get; }

    public byte[] Encoded { get; }

    public Hash256 Hash { get; }

    public Hash256 ParentHash => Header.ParentHash;

    public uint Number => Header.Number;

    public static AncestryHeader Decode(byte[] encoded)
    {
        ArgumentNullException.ThrowIfNull(encoded);
        var reader = new ScaleReader(encoded);
        var header = Read(ref reader);
        reader.EnsureAtEnd();
        return header;
    }

    internal static AncestryHeader Read(ref ScaleReader reader)
    {
        var rest = reader.Rest;
        var start = reader.Position;
        var header = Header.DecodeFrom(ref reader);
        return new AncestryHeader(rest[..(reader.Position - start)].ToArray(), header);
    }
}
