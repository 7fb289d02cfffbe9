using Subtensor.Core.Scale;

namespace Subtensor.Runtime.Metadata;

/// <summary>
/// The extrinsic section. V14 encodes (extrinsic type, version, extensions); V15 encodes
/// (version, address, call, signature, extra, extensions).
/// </summary>
public sealed record ExtrinsicMetadata(
    uint ExtrinsicType,
    byte Version,
    uint AddressType,
    uint CallType,
    uint SignatureType,
    uint ExtraType,
    IReadOnlyList<SignedExtensionMetadata> SignedExtensions)
{
    public void EncodeTo(ScaleWriter writer, int version)
    {
        if (version >= 15)
        {
            writer.WriteU8(Version).WriteCompact(AddressType).WriteCompact(CallType).WriteCompact(SignatureType).WriteCompact(ExtraType);
        }
        else
        {
            writer.WriteCompact(ExtrinsicType).WriteU8(Version);
        }

        writer.WriteVec(SignedExtensions, (w, e) => e.EncodeTo(w));
    }

    public static ExtrinsicMetadata DecodeFrom(ref ScaleReader reader, int version)
    {
        if (version >= 15)
        {
            var v = reader.ReadU8();
            var address = reader.ReadCompactU32();
            var call = reader.ReadCompactU32();
            var signature = reader.ReadCompactU32();
            var extra = reader.ReadCompactU32();
            var exts = reader.ReadVec(SignedExtensionMetadata.DecodeFrom);
            return new ExtrinsicMetadata(0, v, address, call, signature, extra, exts);
        }

        var ty = reader.ReadCompactU32();
        var ver = reader.ReadU8();
        return new ExtrinsicMetadata(ty, ver, 0, 0, 0, 0, reader.ReadVec(SignedExtensionMetadata.DecodeFrom));
    }
}
