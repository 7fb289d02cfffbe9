using Subtensor.Core.Scale;

using Subtensor.Runtime.Metadata;

namespace Subtensor.Runtime.Metadata.Portable;

/// <summary>scale-info <c>Field</c>: optional name, type id, optional source type name, docs.</summary>
public sealed record PortableField(string? Name, uint Type, string? TypeName, IReadOnlyList<string> Docs)
{
    public void EncodeTo(ScaleWriter writer)
    {
        writer.WriteOption(Name, (w, v) => w.WriteString(v));
        writer.WriteCompact(Type);
        writer.WriteOption(TypeName, (w, v) => w.WriteString(v));
        MetadataCodec.WriteStrings(writer, Docs);
    }

    public static PortableField DecodeFrom(ref ScaleReader reader)
    {
        var name = reader.ReadOption((ref ScaleReader r) => r.ReadString());
        var ty = reader.ReadCompactU32();
        var typeName = reader.ReadOption((ref ScaleReader r) => r.ReadString());
        var docs = MetadataCodec.ReadStrings(ref reader);
        return new PortableField(name, ty, typeName, docs);
    }
}
