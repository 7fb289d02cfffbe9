using Subtensor.Core.Scale;
using Subtensor.Core.Types;

namespace Subtensor.Network.Substrate;

/// <summary>
/// What networking needs from a SCALE-encoded header (spec §1.5: parent_hash ‖ Compact(number) ‖ state_root ‖ extrinsics_root ‖
/// digest): its hash (Blake2-256 of the encoding), parent, number, and the exact bytes. Digest items are walked only to find the
/// end of the header.
/// </summary>
public sealed class HeaderSummary
{
    private readonly byte[] _encoded;

    private HeaderSummary(byte[] encoded, Hash256 parentHash, uint number)
    {
        _encoded = encoded;
        ParentHash = parentHash;
        Number = number;
        Hash = Hash256.Blake2(encoded);
    }

    public Hash256 Hash { get; }

    public Hash256 ParentHash { get; }

    public uint Number { get; }

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
        var start = reader.Rest;
        var startPosition = reader.Position;
        var parent = Hash256.DecodeFrom(ref reader);
        var number = reader.ReadCompactU32();
        reader.ReadBytes(Hash256.Length * 2); // state root, extrinsics root
        var items = reader.ReadLength();
        for (var i = 0; i < items; i++)
        {
            // DigestItem: 0 Other(Vec<u8>), 4 Consensus, 5 Seal, 6 PreRuntime (engine id [4] ‖ Vec<u8>), 8 RuntimeEnvironmentUpdated
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

        return new HeaderSummary(start[..(reader.Position - startPosition)].ToArray(), parent, number);
    }

    public override string ToString() => $"#{Number} ({Hash})";
}
