using Subtensor.Core.Scale;

namespace Subtensor.Consensus.Grandpa;

/// <summary>Gossip 0: <c>VoteMessage{ round u64, set_id u64, SignedMessage{ message, signature, id } }</c>.</summary>
public sealed record VoteMessage(ulong Round, ulong SetId, SignedVote Vote) : GrandpaMessage
{
    public override byte[] Encode()
    {
        var writer = new ScaleWriter(1 + 8 + 8 + 1 + 36 + 64 + 32);
        writer.WriteU8(0);
        writer.WriteU64(Round);
        writer.WriteU64(SetId);
        Vote.EncodeSignedMessage(writer);
        return writer.ToArray();
    }

    internal static VoteMessage Read(ref ScaleReader reader)
    {
        var round = reader.ReadU64();
        var setId = reader.ReadU64();
        return new VoteMessage(round, setId, SignedVote.DecodeSignedMessage(ref reader));
    }
}
