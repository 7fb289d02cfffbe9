namespace Subtensor.Consensus.Grandpa;

/// <summary>What a received gossip message was worth, for the node's reputation accounting.</summary>
public enum GrandpaMessageVerdict
{
    /// <summary>New and valid.</summary>
    Accepted,

    /// <summary>Valid but already known.</summary>
    Duplicate,

    /// <summary>Not for us now (other set, old round, unknown blocks): dropped without blame.</summary>
    Ignored,

    /// <summary>Malformed, badly signed or from a non-voter: the sender should be penalised.</summary>
    Invalid,
}
