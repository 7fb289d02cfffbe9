using Subtensor.Core.Scale;

namespace Subtensor.Runtime.Metadata;

/// <summary>frame-metadata <c>PalletStorageMetadata</c>: the storage prefix and the entries.</summary>
public sealed record PalletStorageMetadata(string Prefix, IReadOnlyList<StorageEntryMetadata> Entries)
{
    public void EncodeTo(ScaleWriter writer)
    {
        writer.WriteString(Prefix);
        writer.WriteVec(Entries, (w, e) => e.EncodeTo(w));
    }

    public static PalletStorageMetadata DecodeFrom(ref ScaleReader reader)
    {
        var prefix = reader.ReadString();
        return new PalletStorageMetadata(prefix, reader.ReadVec(StorageEntryMetadata.DecodeFrom));
    }
}
