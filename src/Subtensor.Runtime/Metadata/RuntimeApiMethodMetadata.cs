using Subtensor.Core.Scale;

namespace Subtensor.Runtime.Metadata;

/// <summary>frame-metadata V15 <c>RuntimeApiMethodMetadata</c>: name, inputs, output type, docs.</summary>
public sealed record RuntimeApiMethodMetadata(string Name, IReadOnlyList<RuntimeApiMethodParamMetadata> Inputs, uint Output, IReadOnlyList<string> Docs)
{
    public void EncodeTo(ScaleWriter writer)
    {
        writer.WriteString(Name);
        writer.WriteVec(Inputs, (w, i) => i.EncodeTo(w));
        writer.WriteCompact(Output);
        MetadataCodec.WriteStrings(writer, Docs);
    }

    public static RuntimeApiMethodMetadata DecodeFrom(ref ScaleReader reader)
    {
        var name = reader.ReadString();
        var inputs = reader.ReadVec(RuntimeApiMethodParamMetadata.DecodeFrom);
        var output = reader.ReadCompactU32();
        return new RuntimeApiMethodMetadata(name, inputs, output, MetadataCodec.ReadStrings(ref reader));
    }
}
