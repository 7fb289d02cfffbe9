using Subtensor.Core.Hashing;
using Subtensor.Core.Scale;

namespace Subtensor.Runtime.Metadata;

/// <summary>frame-metadata <c>StorageEntryType</c>: 0 Plain(value), 1 Map { hashers, key, value }.</summary>
public sealed record StorageEntryTypeMetadata(IReadOnlyList<StorageHasher> Hashers, uint? Key, uint Value)
{
    public bool IsPlain => Key is null;

    public void EncodeTo(ScaleWriter writer)
    {
        if (Key is not { } key)
        {
            writer.WriteU8(0).WriteCompact(Value);
            return;
        }

        writer.WriteU8(1);
        writer.WriteVec(Hashers, (w, h) => w.WriteU8((byte)h));
        writer.WriteCompact(key);
        writer.WriteCompact(Value);
    }

    public static StorageEntryTypeMetadata DecodeFrom(ref ScaleReader reader)
    {
        if (reader.ReadEnumIndex(2) == 0)
        {
            return new StorageEntryTypeMetadata([], null, reader.ReadCompactU32());
        }

        var hashers = reader.ReadVec((ref ScaleReader r) => (StorageHasher)r.ReadEnumIndex(7));
        var key = reader.ReadCompactU32();
        var value = reader.ReadCompactU32();
        return new StorageEntryTypeMetadata(hashers, key, value);
    }
}
