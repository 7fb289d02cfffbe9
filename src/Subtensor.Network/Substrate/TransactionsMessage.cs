using Subtensor.Core.Scale;

namespace Subtensor.Network.Substrate;

/// <summary>
/// A <c>/…/transactions/1</c> notification: SCALE <c>Vec&lt;Extrinsic&gt;</c>. Each extrinsic's encoding is already length-prefixed
/// (opaque <c>Vec&lt;u8&gt;</c>), so the message is Compact(count) ‖ the extrinsics back to back; items keep their prefix.
/// </summary>
public static class TransactionsMessage
{
    public static byte[] Encode(IReadOnlyCollection<byte[]> extrinsics)
    {
        ArgumentNullException.ThrowIfNull(extrinsics);
        var writer = new ScaleWriter(extrinsics.Sum(e => e.Length) + 5);
        writer.WriteCompact((uint)extrinsics.Count);
        foreach (var extrinsic in extrinsics)
        {
            writer.WriteBytes(extrinsic);
        }

        return writer.ToArray();
    }

    /// <summary>Splits a message into extrinsics (each with its length prefix); throws <see cref="ScaleDecodeException"/>.</summary>
    public static IReadOnlyList<byte[]> Decode(ReadOnlySpan<byte> bytes)
    {
        var reader = new ScaleReader(bytes);
        var count = reader.ReadLength();
        var result = new List<byte[]>(count);
        for (var i = 0; i < count; i++)
        {
            var start = reader.Position;
            reader.ReadByteSequence();
            result.Add(bytes[start..reader.Position].ToArray());
        }

        reader.EnsureAtEnd();
        return result;
    }
}
