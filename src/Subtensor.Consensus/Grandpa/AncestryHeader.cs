using Subtensor.Core.Scale;
using Subtensor.Core.Types;

namespace Subtensor.Consensus.Grandpa;

/// <summary>
/// A header of a justification's <c>votes_ancestries</c>, reduced to what verification needs: hash (Blake2-256 of the encoding), parent
/// and number; the encoding is kept as received. (Spec §1.5 header layout; digest items are walked only to find the end.)
/// </summary>
public sealed class AncestryHeader
{
    private AncestryHeader(byte[] encoded, Hash256 parent, uint number)
    {
        Encoded = encoded;
        ParentHash = parent;
        Number = number;
        Hash = Hash256.Blake2(encoded);
    }

    public byte[] Encoded { get; }

    public Hash256 Hash { get; }

    public Hash256 ParentHash { get; }

    public uint Number { get; }

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
        var parent = Hash256.DecodeFrom(ref reader);
        var number = reader.ReadCompactU32();
        reader.ReadBytes(64);
        var items = reader.ReadLength();
        for (var i = 0; i < items; i++)
        {
            switch (reader.ReadU8())
            {
                case 0:
                    reader.ReadByteSequence();
                    break;
                case 4 or 5 or 6:
                    reader.ReadBytes(4);
                    reader.ReadByteSequence();
                    break;
                case 8:
                    break;
                default:
                    throw reader.Error("unknown digest item variant");
            }
        }

        return new AncestryHeader(rest[..(reader.Position - start)].ToArray(), parent, number);
    }
}
