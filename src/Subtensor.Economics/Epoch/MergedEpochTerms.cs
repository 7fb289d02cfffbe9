namespace Subtensor.Economics.Epoch;

/// <summary>Per-UID epoch terms merged over all mechanisms of a subnet (what <c>persist_netuid_epoch_terms</c> stores).</summary>
public sealed class MergedEpochTerms
{
    public MergedEpochTerms(int n)
    {
        Incentive = new ushort[n];
        Dividends = new ushort[n];
        Consensus = new ushort[n];
        ValidatorTrust = new ushort[n];
        StakeWeight = new ushort[n];
        Active = new bool[n];
        NewValidatorPermit = new bool[n];
        ServerEmission = new ulong[n];
        ValidatorEmission = new ulong[n];
        Emission = new ulong[n];
        Stake = new ulong[n];
    }

    public ushort[] Incentive { get; }

    public ushort[] Dividends { get; }

    public ushort[] Consensus { get; }

    public ushort[] ValidatorTrust { get; }

    public ushort[] StakeWeight { get; }

    public bool[] Active { get; }

    public bool[] NewValidatorPermit { get; }

    public ulong[] ServerEmission { get; }

    public ulong[] ValidatorEmission { get; }

    public ulong[] Emission { get; }

    public ulong[] Stake { get; }
}
