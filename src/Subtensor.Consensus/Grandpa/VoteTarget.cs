using Subtensor.Core.Scale;
using Subtensor.Core.Types;

namespace Subtensor.Consensus.Grandpa;

/// <summary>A block a vote points at: hash and number (u32 block numbers, as Subtensor).</summary>
public readonly record struct VoteTarget(Hash256 Hash, uint Number) : IScaleEncodable
{
    public void EncodeTo(ScaleWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        Hash.EncodeTo(writer);
        writer.WriteU32(Number);
    }

    public static VoteTarget DecodeFrom(ref ScaleReader reader) => new(Hash256.DecodeFrom(ref reader), reader.ReadU32());

    public override string ToString() => $"#{Number} ({Hash})";
}
