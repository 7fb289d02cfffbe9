namespace Subtensor.Economics.Epoch;

/// <summary>
/// Per-UID results of <c>epoch_mechanism</c> (the <c>EpochTerms</c> of every UID 0..n−1) in their stored forms, plus the
/// I32F32 vectors they were derived from.
/// </summary>
public sealed record EpochOutput
{
    /// <summary><c>Incentive</c> (u16 proportion).</summary>
    public required ushort[] Incentive { get; init; }

    /// <summary><c>Dividends</c> (u16 proportion).</summary>
    public required ushort[] Dividends { get; init; }

    /// <summary><c>Consensus</c> (u16 proportion).</summary>
    public required ushort[] Consensus { get; init; }

    /// <summary><c>ValidatorTrust</c> (u16 proportion).</summary>
    public required ushort[] ValidatorTrust { get; init; }

    /// <summary><c>StakeWeight</c>: the normalised stake S as u16 proportion.</summary>
    public required ushort[] StakeWeight { get; init; }

    /// <summary><c>Active</c>.</summary>
    public required bool[] Active { get; init; }

    /// <summary>New <c>ValidatorPermit</c>.</summary>
    public required bool[] NewValidatorPermit { get; init; }

    /// <summary>Miner (server) emission per UID in RAO.</summary>
    public required ulong[] ServerEmission { get; init; }

    /// <summary>Validator emission per UID in RAO.</summary>
    public required ulong[] ValidatorEmission { get; init; }

    /// <summary><c>Emission</c>: the combined emission per UID in RAO (bookkeeping only).</summary>
    public required ulong[] Emission { get; init; }

    /// <summary>Raw stake weight (alpha + TaoWeight × root) per UID, floored to u64.</summary>
    public required ulong[] Stake { get; init; }

    /// <summary>
    /// The <c>Bonds</c> row written for each UID: the new bonds as u16 when the UID keeps a permit, otherwise empty.
    /// </summary>
    public required (ushort Uid, ushort Bond)[][] Bonds { get; init; }

    /// <summary>The fixed-point vectors behind the stored values.</summary>
    public required EpochVectors Vectors { get; init; }
}
