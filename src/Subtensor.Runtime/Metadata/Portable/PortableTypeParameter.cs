using Subtensor.Core.Scale;

namespace Subtensor.Runtime.Metadata.Portable;

/// <summary>scale-info <c>TypeParameter</c>: a generic parameter's name and, when known, its type id.</summary>
public sealed record PortableTypeParameter(string Name, uint? Type)
{
    public void EncodeTo(ScaleWriter writer)
    {
        writer.WriteString(Name);
        writer.WriteOptionValue(Type, (w, v) => w.WriteCompact(v));
    }

    public static PortableTypeParameter DecodeFrom(ref ScaleReader reader)
    {
        var name = reader.ReadString();
        var ty = reader.ReadOptionValue((ref ScaleReader r) => r.ReadCompactU32());
        return new PortableTypeParameter(name, ty);
    }
}
