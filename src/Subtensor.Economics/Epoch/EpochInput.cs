namespace Subtensor.Economics.Epoch;

/// <summary>
/// Everything <c>epoch_mechanism</c> reads from storage for one subnet mechanism, as plain values. Per-UID arrays are
/// indexed by UID; the pallet fills them from storage (<c>LastUpdate</c>, <c>BlockAtRegistration</c> (0 without a key),
/// inherited stakes, <c>ValidatorPermit</c>, <c>Weights</c>, <c>Bonds</c>). Defaults are Subtensor's code defaults.
/// </summary>
public sealed record EpochInput
{
    /// <summary><c>SubnetworkN</c>.</summary>
    public required int SubnetworkN { get; init; }

    public required ulong CurrentBlock { get; init; }

    public ushort Tempo { get; init; } = 360;

    /// <summary><c>ActivityCutoffFactorMilli</c> (‰ of tempo; default 13_889).</summary>
    public uint ActivityCutoffFactorMilli { get; init; } = 13_889;

    /// <summary><c>LastUpdate[netuid_index]</c> as stored (its length may differ from n).</summary>
    public required ulong[] LastUpdate { get; init; }

    /// <summary>Block of the latest registration per UID (0 for UIDs without a key), length n.</summary>
    public required ulong[] BlockAtRegistration { get; init; }

    /// <summary>Alpha stake inherited on this subnet per UID (RAO), length n.</summary>
    public required ulong[] AlphaStake { get; init; }

    /// <summary>Root TAO stake inherited per UID (RAO), length n (empty = all zero).</summary>
    public ulong[] TaoStake { get; init; } = [];

    /// <summary><c>TaoWeight</c> as stored (u64, u64::MAX = 1.0); code default 971_718_665_099_567_868.</summary>
    public ulong TaoWeight { get; init; } = 971_718_665_099_567_868UL;

    /// <summary><c>StakeThreshold</c> (RAO-equivalent of raw stake weight).</summary>
    public ulong StakeThreshold { get; init; }

    /// <summary>UID of the <c>SubnetOwnerHotkey</c>, if registered.</summary>
    public ushort? OwnerUid { get; init; }

    /// <summary><c>ValidatorPermit[netuid]</c> as stored before this epoch.</summary>
    public required bool[] ValidatorPermit { get; init; }

    public ushort MaxAllowedValidators { get; init; } = 128;

    /// <summary><c>Weights[netuid_index][uid]</c> as stored: (destination UID, u16 weight) rows indexed by UID.</summary>
    public required IReadOnlyList<(ushort Uid, ushort Weight)[]> Weights { get; init; }

    /// <summary><c>Bonds[netuid_index][uid]</c> as stored: (destination UID, u16 bond) rows indexed by UID.</summary>
    public IReadOnlyList<(ushort Uid, ushort Bond)[]> Bonds { get; init; } = [];

    /// <summary><c>CommitRevealWeightsEnabled</c>.</summary>
    public bool CommitRevealEnabled { get; init; }

    /// <summary>
    /// Per UID, the earliest commit block among its non-expired weight commits (v2 and time-locked v4), u64::MAX when
    /// none; used only with commit-reveal. Empty = no commits.
    /// </summary>
    public ulong[] CommitBlocks { get; init; } = [];

    /// <summary><c>Kappa</c> (u16 proportion; default 32_767).</summary>
    public ushort Kappa { get; init; } = 32_767;

    /// <summary><c>BondsPenalty</c> (u16 proportion; default 65_535).</summary>
    public ushort BondsPenalty { get; init; } = ushort.MaxValue;

    public BondsParameters BondsParameters { get; init; } = new();

    /// <summary><c>Yuma3On</c> (false by default; true for newly registered subnets).</summary>
    public bool Yuma3On { get; init; }

    /// <summary><c>LastMechansimStepBlock[netuid]</c> (0 if never written).</summary>
    public ulong LastMechanismStepBlock { get; init; }

    /// <summary>Alpha emission to distribute this epoch (RAO).</summary>
    public required ulong RaoEmission { get; init; }
}
