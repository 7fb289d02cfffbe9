using Subtensor.Core.Scale;
using Subtensor.Core.Types;

namespace Subtensor.Network.Substrate;

/// <summary>SCALE of <c>Justifications</c> = <c>Vec&lt;(ConsensusEngineId, Vec&lt;u8&gt;)&gt;</c>, as block responses and the database carry it.</summary>
public static class JustificationsCodec
{
    public static byte[] Encode(IReadOnlyCollection<Justification> justifications)
    {
        ArgumentNullException.ThrowIfNull(justifications);
        var writer = new ScaleWriter();
        writer.WriteCompact((uint)justifications.Count);
        foreach (var justification in justifications)
        {
            justification.EngineId.EncodeTo(writer);
            writer.WriteByteVec(justification.Data);
        }

        return writer.ToArray();
    }

    /// <summary>Decodes a whole list; throws <see cref="ScaleDecodeException"/>.</summary>
    public static IReadOnlyList<Justification> Decode(ReadOnlySpan<byte> bytes)
    {
        var reader = new ScaleReader(bytes);
        var count = reader.ReadLength(minElementSize: 5);
        var result = new List<Justification>(count);
        for (var i = 0; i < count; i++)
        {
            var engine = ConsensusEngineId.DecodeFrom(ref reader);
            result.Add(new Justification(engine, reader.ReadByteVec()));
        }

        reader.EnsureAtEnd();
        return result;
    }
}
