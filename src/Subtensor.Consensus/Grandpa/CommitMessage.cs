using Subtensor.Core.Scale;

namespace Subtensor.Consensus.Grandpa;

/// <summary>Gossip 1: <c>FullCommitMessage{ round u64, set_id u64, CompactCommit }</c>.</summary>
public sealed record CommitMessage(ulong Round, ulong SetId, GrandpaCommit Commit) : GrandpaMessage
{
    public override byte[] Encode()
    {
        var writer = new ScaleWriter();
        writer.WriteU8(1);
        writer.WriteU64(Round);
        writer.WriteU64(SetId);
        Commit.EncodeCompact(writer);
        return writer.ToArray();
    }

    internal static CommitMessage Read(ref ScaleReader reader)
    {
        var round = reader.ReadU64();
        var setId = reader.ReadU64();
        return new CommitMessage(round, setId, GrandpaCommit.DecodeCompact(ref reader));
    }
}
