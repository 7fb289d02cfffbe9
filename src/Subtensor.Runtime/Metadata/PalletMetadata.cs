using Subtensor.Core.Scale;

namespace Subtensor.Runtime.Metadata;

/// <summary>
/// frame-metadata <c>PalletMetadata</c> (V14) / <c>PalletMetadataV15</c>: name, storage, call/event/error enum type ids,
/// constants, index, and (V15 only) docs.
/// </summary>
public sealed record PalletMetadata(
    string Name,
    PalletStorageMetadata? Storage,
    uint? Calls,
    uint? Event,
    IReadOnlyList<PalletConstantMetadata> Constants,
    uint? Error,
    byte Index,
    IReadOnlyList<string> Docs)
{
    public void EncodeTo(ScaleWriter writer, int version)
    {
        writer.WriteString(Name);
        writer.WriteOption(Storage, (w, s) => s.EncodeTo(w));
        writer.WriteOptionValue(Calls, (w, v) => w.WriteCompact(v));
        writer.WriteOptionValue(Event, (w, v) => w.WriteCompact(v));
        writer.WriteVec(Constants, (w, c) => c.EncodeTo(w));
        writer.WriteOptionValue(Error, (w, v) => w.WriteCompact(v));
        writer.WriteU8(Index);
        if (version >= 15)
        {
            MetadataCodec.WriteStrings(writer, Docs);
        }
    }

    public static PalletMetadata DecodeFrom(ref ScaleReader reader, int version)
    {
        var name = reader.ReadString();
        var storage = reader.ReadOption(PalletStorageMetadata.DecodeFrom);
        var calls = reader.ReadOptionValue(MetadataCodec.ReadTypeId);
        var ev = reader.ReadOptionValue(MetadataCodec.ReadTypeId);
        var constants = reader.ReadVec(PalletConstantMetadata.DecodeFrom);
        var error = reader.ReadOptionValue(MetadataCodec.ReadTypeId);
        var index = reader.ReadU8();
        var docs = version >= 15 ? MetadataCodec.ReadStrings(ref reader) : [];
        return new PalletMetadata(name, storage, calls, ev, constants, error, index, docs);
    }
}
