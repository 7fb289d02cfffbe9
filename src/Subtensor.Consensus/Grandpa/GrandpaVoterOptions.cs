namespace Subtensor.Consensus.Grandpa;

/// <summary>Timing of the voter (sc-consensus-grandpa <c>Config</c>).</summary>
public sealed record GrandpaVoterOptions
{
    /// <summary>Gossip duration T: prevote at round start + 2T, precommit at + 4T (Substrate's default is 1 s; Polkadot uses 1 s too).</summary>
    public TimeSpan GossipDuration { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>While a round does not complete, our votes, the previous round's and the last commit are sent again this often.</summary>
    public TimeSpan RebroadcastInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Least time between two catch-up requests.</summary>
    public TimeSpan CatchUpInterval { get; init; } = TimeSpan.FromSeconds(5);
}
