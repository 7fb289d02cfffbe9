namespace Subtensor.Consensus.Grandpa;

/// <summary>
/// What the voter does to the outside world: gossip (the node routes it to <c>/…/grandpa/1</c>), finalize blocks with their justification
/// (store it under <c>FRNK</c>, move the finalized head, notify subscribers, prune), and report equivocations. Calls happen after the
/// voter released its lock, so they may call back into the voter.
/// </summary>
public interface IGrandpaEnvironment
{
    /// <summary>Send to every peer.</summary>
    void Broadcast(byte[] message);

    /// <summary>Send to one peer (catch-up answers, greetings).</summary>
    void SendTo(string peer, byte[] message);

    /// <summary>A block is final; <paramref name="justification"/> proves it.</summary>
    void Finalize(VoteTarget target, GrandpaJustification justification);

    void ReportEquivocation(GrandpaEquivocation equivocation);
}
