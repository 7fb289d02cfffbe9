using Subtensor.Core.Scale;

namespace Subtensor.Consensus.Grandpa;

/// <summary>Gossip 2: <c>VersionedNeighborPacket::V1</c> (index 1) <c>{ round u64, set_id u64, commit_finalized_height u32 }</c>.</summary>
public sealed record NeighborPacket(ulong Round, ulong SetId, uint CommitFinalizedHeight) : GrandpaMessage
{
    public override byte[] Encode()
    {
        var writer = new ScaleWriter(22);
        writer.WriteU8(2);
        writer.WriteU8(1);
        writer.WriteU64(Round);
        writer.WriteU64(SetId);
        writer.WriteU32(CommitFinalizedHeight);
        return writer.ToArray();
    }

    internal static NeighborPacket Read(ref ScaleReader reader)
    {
        if (reader.ReadU8() != 1)
        {
            throw reader.Error("unknown neighbor packet version");
        }

        return new NeighborPacket(reader.ReadU64(), reader.ReadU64(), reader.ReadU32());
    }
}
