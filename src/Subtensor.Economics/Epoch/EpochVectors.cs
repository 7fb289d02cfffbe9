using Subtensor.Core.Arithmetic;

namespace Subtensor.Economics.Epoch;

/// <summary>
/// Intermediate I32F32 results of one epoch (for diagnostics and tests). The two matrices — the masked, row-normalised
/// weights and the new bonds before their u16 conversion — are materialised on first access.
/// </summary>
public sealed class EpochVectors
{
    private readonly Lazy<SparseRow[]> _weights;
    private readonly Lazy<SparseRow[]> _emaBonds;

    public EpochVectors(
        I32F32[] stake,
        I32F32[] activeStake,
        Func<SparseRow[]> weights,
        I32F32[] consensus,
        I32F32[] validatorTrust,
        I32F32[] incentive,
        I32F32[] dividends,
        Func<SparseRow[]> emaBonds)
    {
        Stake = stake;
        ActiveStake = activeStake;
        Consensus = consensus;
        ValidatorTrust = validatorTrust;
        Incentive = incentive;
        Dividends = dividends;
        _weights = new Lazy<SparseRow[]>(weights);
        _emaBonds = new Lazy<SparseRow[]>(emaBonds);
    }

    /// <summary>Normalised stake S.</summary>
    public I32F32[] Stake { get; }

    /// <summary>Active stake (inactive and non-permitted validators removed, renormalised).</summary>
    public I32F32[] ActiveStake { get; }

    /// <summary>Masked, row-normalised weights W.</summary>
    public SparseRow[] Weights => _weights.Value;

    public I32F32[] Consensus { get; }

    public I32F32[] ValidatorTrust { get; }

    public I32F32[] Incentive { get; }

    public I32F32[] Dividends { get; }

    /// <summary>The new bonds before conversion to u16 (column max-upscaled for original Yuma).</summary>
    public SparseRow[] EmaBonds => _emaBonds.Value;
}
