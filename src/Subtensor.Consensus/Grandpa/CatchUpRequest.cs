using Subtensor.Core.Scale;

namespace Subtensor.Consensus.Grandpa;

/// <summary>Gossip 3: <c>CatchUpRequestMessage{ round u64, set_id u64 }</c>.</summary>
public sealed record CatchUpRequest(ulong Round, ulong SetId) : GrandpaMessage
{
    public override byte[] Encode()
    {
        var writer = new ScaleWriter(17);
        writer.WriteU8(3);
        writer.WriteU64(Round);
        writer.WriteU64(SetId);
        return writer.ToArray();
    }

    internal static CatchUpRequest Read(ref ScaleReader reader) => new(reader.ReadU64(), reader.ReadU64());
}
