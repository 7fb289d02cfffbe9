using Subtensor.Core.Scale;

namespace Subtensor.Runtime.Metadata;

/// <summary>frame-metadata V15 <c>RuntimeApiMethodParamMetadata</c>.</summary>
public sealed record RuntimeApiMethodParamMetadata(string Name, uint Type)
{
    public void EncodeTo(ScaleWriter writer) => writer.WriteString(Name).WriteCompact(Type);

    public static RuntimeApiMethodParamMetadata DecodeFrom(ref ScaleReader reader)
    {
        var name = reader.ReadString();
        return new RuntimeApiMethodParamMetadata(name, reader.ReadCompactU32());
    }
}
