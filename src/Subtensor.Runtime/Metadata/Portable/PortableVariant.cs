using Subtensor.Core.Scale;

using Subtensor.Runtime.Metadata;

namespace Subtensor.Runtime.Metadata.Portable;

/// <summary>scale-info <c>Variant</c>: name, fields, index (the encoded discriminant), docs.</summary>
public sealed record PortableVariant(string Name, IReadOnlyList<PortableField> Fields, byte Index, IReadOnlyList<string> Docs)
{
    public void EncodeTo(ScaleWriter writer)
    {
        writer.WriteString(Name);
        writer.WriteVec(Fields, (w, f) => f.EncodeTo(w));
        writer.WriteU8(Index);
        MetadataCodec.WriteStrings(writer, Docs);
    }

    public static PortableVariant DecodeFrom(ref ScaleReader reader)
    {
        var name = reader.ReadString();
        var fields = reader.ReadVec(PortableField.DecodeFrom);
        var index = reader.ReadU8();
        var docs = MetadataCodec.ReadStrings(ref reader);
        return new PortableVariant(name, fields, index, docs);
    }
}
