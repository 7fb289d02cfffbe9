using Subtensor.Core.Scale;

namespace Subtensor.Runtime.Metadata;

/// <summary>frame-metadata V15 <c>RuntimeApiMetadata</c>: trait name, methods, docs.</summary>
public sealed record RuntimeApiMetadata(string Name, IReadOnlyList<RuntimeApiMethodMetadata> Methods, IReadOnlyList<string> Docs)
{
    public void EncodeTo(ScaleWriter writer)
    {
        writer.WriteString(Name);
        writer.WriteVec(Methods, (w, m) => m.EncodeTo(w));
        MetadataCodec.WriteStrings(writer, Docs);
    }

    public static RuntimeApiMetadata DecodeFrom(ref ScaleReader reader)
    {
        var name = reader.ReadString();
        var methods = reader.ReadVec(RuntimeApiMethodMetadata.DecodeFrom);
        return new RuntimeApiMetadata(name, methods, MetadataCodec.ReadStrings(ref reader));
    }
}
