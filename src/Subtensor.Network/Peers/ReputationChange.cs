namespace Subtensor.Network.Peers;

/// <summary>
/// A change of a peer's reputation with its reason (sc-network <c>ReputationChange</c>). Values follow Substrate's costs and benefits;
/// a fatal change (<see cref="int.MinValue"/>) bans the peer at once.
/// </summary>
public readonly record struct ReputationChange(int Value, string Reason)
{
    public bool IsFatal => Value == int.MinValue;

    public static ReputationChange Fatal(string reason) => new(int.MinValue, reason);

    // sc-network-sync / sc-network costs.
    public static ReputationChange GenesisMismatch => Fatal("Genesis mismatch");

    public static ReputationChange BadProtocol => Fatal("Bad protocol");

    public static ReputationChange BadMessage => new(-(1 << 12), "Bad message");

    public static ReputationChange MalformedMessage => Fatal("Malformed message");

    public static ReputationChange BadBlock => Fatal("Bad block");

    public static ReputationChange BadResponse => Fatal("Incomplete or invalid response");

    public static ReputationChange Timeout => new(-(1 << 10), "Request timeout");

    public static ReputationChange Refused => new(-(1 << 10), "Request refused");

    public static ReputationChange UnknownAncestor => new(-(1 << 16), "DB Error");

    public static ReputationChange BadJustification => new(-(1 << 16), "Bad justification");

    public static ReputationChange GoodTransaction => new(1 << 7, "Good transaction");

    public static ReputationChange BadTransaction => new(-(1 << 12), "Bad transaction");

    public static ReputationChange AnyTransaction => new(-(1 << 4), "Any transaction");

    public static ReputationChange AnyTransactionRefund => new(1 << 4, "Any transaction (refund)");

    public override string ToString() => IsFatal ? $"fatal: {Reason}" : $"{Value:+#;-#;0}: {Reason}";
}
