using Subtensor.Core.Scale;

namespace Subtensor.Runtime.Metadata;

/// <summary>frame-metadata <c>PalletConstantMetadata</c>: name, type, SCALE value, docs.</summary>
public sealed record PalletConstantMetadata(string Name, uint Type, byte[] Value, IReadOnlyList<string> Docs)
{
    public void EncodeTo(ScaleWriter writer)
    {
        writer.WriteString(Name);
        writer.WriteCompact(Type);
        writer.WriteByteVec(Value);
        MetadataCodec.WriteStrings(writer, Docs);
    }

    public static PalletConstantMetadata DecodeFrom(ref ScaleReader reader)
    {
        var name = reader.ReadString();
        var ty = reader.ReadCompactU32();
        var value = reader.ReadByteVec();
        return new PalletConstantMetadata(name, ty, value, MetadataCodec.ReadStrings(ref reader));
    }
}
