using Subtensor.Core.Arithmetic;

namespace Subtensor.Economics.Epoch;

/// <summary>Intermediate I32F32 results of one epoch (for diagnostics and tests).</summary>
public sealed record EpochVectors(
    I32F32[] Stake,
    I32F32[] ActiveStake,
    SparseRow[] Weights,
    I32F32[] Consensus,
    I32F32[] ValidatorTrust,
    I32F32[] Incentive,
    I32F32[] Dividends,
    SparseRow[] EmaBonds);
