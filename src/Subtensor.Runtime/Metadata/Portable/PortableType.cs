using Subtensor.Core.Scale;

using Subtensor.Runtime.Metadata;

namespace Subtensor.Runtime.Metadata.Portable;

/// <summary>One entry of the portable registry: id, then scale-info <c>Type</c> (path, type params, definition, docs).</summary>
public sealed record PortableType(uint Id, IReadOnlyList<string> Path, IReadOnlyList<PortableTypeParameter> TypeParams, PortableTypeDef Def, IReadOnlyList<string> Docs)
{
    public void EncodeTo(ScaleWriter writer)
    {
        writer.WriteCompact(Id);
        MetadataCodec.WriteStrings(writer, Path);
        writer.WriteVec(TypeParams, (w, p) => p.EncodeTo(w));
        Def.EncodeTo(writer);
        MetadataCodec.WriteStrings(writer, Docs);
    }

    public static PortableType DecodeFrom(ref ScaleReader reader)
    {
        var id = reader.ReadCompactU32();
        var path = MetadataCodec.ReadStrings(ref reader);
        var typeParams = reader.ReadVec(PortableTypeParameter.DecodeFrom);
        var def = PortableTypeDef.DecodeFrom(ref reader);
        var docs = MetadataCodec.ReadStrings(ref reader);
        return new PortableType(id, path, typeParams, def, docs);
    }

    /// <summary>The path joined with <c>::</c>, empty for unnamed types.</summary>
    public string PathString => string.Join("::", Path);
}
