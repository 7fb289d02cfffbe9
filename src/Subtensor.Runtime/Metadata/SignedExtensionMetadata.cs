using Subtensor.Core.Scale;

namespace Subtensor.Runtime.Metadata;

/// <summary>frame-metadata <c>SignedExtensionMetadata</c>: identifier, explicit type, implicit ("additional signed") type.</summary>
public sealed record SignedExtensionMetadata(string Identifier, uint Type, uint AdditionalSigned)
{
    public void EncodeTo(ScaleWriter writer) => writer.WriteString(Identifier).WriteCompact(Type).WriteCompact(AdditionalSigned);

    public static SignedExtensionMetadata DecodeFrom(ref ScaleReader reader)
    {
        var id = reader.ReadString();
        var ty = reader.ReadCompactU32();
        return new SignedExtensionMetadata(id, ty, reader.ReadCompactU32());
    }
}
