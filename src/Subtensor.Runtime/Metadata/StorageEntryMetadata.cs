using Subtensor.Core.Scale;

namespace Subtensor.Runtime.Metadata;

/// <summary>frame-metadata <c>StorageEntryMetadata</c>: name, modifier, type, default value bytes, docs.</summary>
public sealed record StorageEntryMetadata(string Name, StorageEntryModifier Modifier, StorageEntryTypeMetadata Type, byte[] Default, IReadOnlyList<string> Docs)
{
    public void EncodeTo(ScaleWriter writer)
    {
        writer.WriteString(Name);
        writer.WriteU8((byte)Modifier);
        Type.EncodeTo(writer);
        writer.WriteByteVec(Default);
        MetadataCodec.WriteStrings(writer, Docs);
    }

    public static StorageEntryMetadata DecodeFrom(ref ScaleReader reader)
    {
        var name = reader.ReadString();
        var modifier = (StorageEntryModifier)reader.ReadEnumIndex(2);
        var type = StorageEntryTypeMetadata.DecodeFrom(ref reader);
        var def = reader.ReadByteVec();
        var docs = MetadataCodec.ReadStrings(ref reader);
        return new StorageEntryMetadata(name, modifier, type, def, docs);
    }
}
