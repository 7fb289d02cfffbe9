using Subtensor.Core.Scale;

namespace Subtensor.Consensus.Grandpa;

/// <summary>
/// A <c>/…/grandpa/1</c> gossip message (sc-consensus-grandpa <c>GossipMessage</c>): 0 Vote, 1 Commit, 2 Neighbor, 3 CatchUpRequest, 4 CatchUp.
/// </summary>
public abstract record GrandpaMessage
{
    public abstract byte[] Encode();

    /// <summary>Decodes a gossip message; throws <see cref="ScaleDecodeException"/>.</summary>
    public static GrandpaMessage Decode(ReadOnlySpan<byte> bytes)
    {
        var reader = new ScaleReader(bytes);
        GrandpaMessage message = reader.ReadEnumIndex(5) switch
        {
            0 => VoteMessage.Read(ref reader),
            1 => CommitMessage.Read(ref reader),
            2 => NeighborPacket.Read(ref reader),
            3 => CatchUpRequest.Read(ref reader),
            _ => CatchUpMessage.Read(ref reader),
        };
        reader.EnsureAtEnd();
        return message;
    }
}
