using Subtensor.Core.Scale;
using Subtensor.Runtime.Metadata.Portable;

namespace Subtensor.Runtime.Metadata;

/// <summary>
/// <c>RuntimeMetadataPrefixed</c> for V14 and V15: the magic <c>"meta"</c> (u32 0x6174656d), the version as the enum
/// variant index, then the versioned body. V15 adds pallet docs, a split extrinsic section, runtime APIs, outer enums
/// and custom values.
/// </summary>
public sealed record RuntimeMetadata(
    int Version,
    PortableRegistry Types,
    IReadOnlyList<PalletMetadata> Pallets,
    ExtrinsicMetadata Extrinsic,
    uint RuntimeType,
    IReadOnlyList<RuntimeApiMetadata> Apis,
    uint OuterCallType,
    uint OuterEventType,
    uint OuterErrorType,
    IReadOnlyDictionary<string, CustomValueMetadata> Custom)
{
    /// <summary>"meta" as a little-endian u32.</summary>
    public const uint Magic = 0x6174656d;

    public byte[] Encode()
    {
        var writer = new ScaleWriter(1 << 16);
        EncodeTo(writer);
        return writer.ToArray();
    }

    public void EncodeTo(ScaleWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (Version is not (14 or 15))
        {
            throw new InvalidOperationException($"metadata version {Version} is not supported (14 or 15)");
        }

        writer.WriteU32(Magic);
        writer.WriteU8((byte)Version);
        Types.EncodeTo(writer);
        writer.WriteVec(Pallets, (w, p) => p.EncodeTo(w, Version));
        Extrinsic.EncodeTo(writer, Version);
        writer.WriteCompact(RuntimeType);
        if (Version >= 15)
        {
            writer.WriteVec(Apis, (w, a) => a.EncodeTo(w));
            writer.WriteCompact(OuterCallType).WriteCompact(OuterEventType).WriteCompact(OuterErrorType);
            writer.WriteBTreeMap(
                Custom,
                (w, k) => w.WriteString(k),
                (w, v) => w.WriteCompact(v.Type).WriteByteVec(v.Value),
                StringComparer.Ordinal);
        }
    }

    /// <summary>Decodes a whole <c>RuntimeMetadataPrefixed</c> (V14 or V15), rejecting trailing bytes.</summary>
    public static RuntimeMetadata Decode(ReadOnlySpan<byte> bytes)
    {
        var reader = new ScaleReader(bytes);
        var magic = reader.ReadU32();
        if (magic != Magic)
        {
            throw new ScaleDecodeException($"metadata magic 0x{magic:x8} is not \"meta\"", 0);
        }

        var at = reader.Position;
        int version = reader.ReadU8();
        if (version is not (14 or 15))
        {
            throw new ScaleDecodeException($"metadata version {version} is not supported (14 or 15)", at);
        }

        var types = PortableRegistry.DecodeFrom(ref reader);
        var pallets = reader.ReadVec((ref ScaleReader r) => PalletMetadata.DecodeFrom(ref r, version));
        var extrinsic = ExtrinsicMetadata.DecodeFrom(ref reader, version);
        var runtimeType = reader.ReadCompactU32();
        IReadOnlyList<RuntimeApiMetadata> apis = [];
        uint call = 0, ev = 0, err = 0;
        var custom = new SortedDictionary<string, CustomValueMetadata>(StringComparer.Ordinal);
        if (version >= 15)
        {
            apis = reader.ReadVec(RuntimeApiMetadata.DecodeFrom);
            call = reader.ReadCompactU32();
            ev = reader.ReadCompactU32();
            err = reader.ReadCompactU32();
            var n = reader.ReadLength(2);
            for (var i = 0; i < n; i++)
            {
                var key = reader.ReadString();
                var ty = reader.ReadCompactU32();
                custom[key] = new CustomValueMetadata(ty, reader.ReadByteVec());
            }
        }

        reader.EnsureAtEnd();
        return new RuntimeMetadata(version, types, pallets, extrinsic, runtimeType, apis, call, ev, err, custom);
    }
}
