using Subtensor.Core.Scale;
using Subtensor.Core.Types;
using Subtensor.Storage.Chain;

namespace Subtensor.Storage.State;

/// <summary>
/// The state pruning journal of one block: the trie nodes its commit inserted and deleted, per occurrence.
/// Encoded as Compact(n) ‖ n hashes ‖ Compact(m) ‖ m hashes.
/// </summary>
internal sealed record StateJournal(IReadOnlyList<Hash256> Inserted, IReadOnlyList<Hash256> Deleted)
{
    public byte[] Encode()
    {
        var writer = new ScaleWriter(8 + (Hash256.Length * (Inserted.Count + Deleted.Count)));
        WriteList(writer, Inserted);
        WriteList(writer, Deleted);
        return writer.ToArray();
    }

    public static StateJournal Decode(byte[] encoded)
    {
        try
        {
            var reader = new ScaleReader(encoded);
            var inserted = ReadList(ref reader);
            var deleted = ReadList(ref reader);
            reader.EnsureAtEnd();
            return new StateJournal(inserted, deleted);
        }
        catch (ScaleDecodeException e)
        {
            throw new DatabaseCorruptedException("a state journal record is malformed: " + e.Message, e);
        }
    }

    private static void WriteList(ScaleWriter writer, IReadOnlyList<Hash256> hashes)
    {
        writer.WriteCompact((uint)hashes.Count);
        foreach (var hash in hashes)
        {
            hash.EncodeTo(writer);
        }
    }

    private static Hash256[] ReadList(ref ScaleReader reader)
    {
        var count = reader.ReadLength(Hash256.Length);
        var hashes = new Hash256[count];
        for (var i = 0; i < count; i++)
        {
            hashes[i] = Hash256.DecodeFrom(ref reader);
        }

        return hashes;
    }
}
