using Subtensor.Core.Arithmetic;

namespace Subtensor.Economics.Epoch;

/// <summary>
/// Yuma Consensus for one subnet mechanism as a pure function: Subtensor's sparse <c>epoch_mechanism</c>
/// (<c>epoch/run_epoch.rs</c>) — activity, stake weights, permits, weight masks, consensus, clipping, trust, incentive,
/// bonds (original EMA or Yuma3 with liquid alpha), dividends and RAO emission. Computed with fused array kernels;
/// <see cref="YumaEpochReference"/> is the step-by-step composition of the <c>math.rs</c> functions with identical results.
/// </summary>
public static class YumaEpoch
{
    /// <summary>Runs the epoch on <paramref name="input"/>.</summary>
    public static EpochOutput Run(EpochInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        int n = input.SubnetworkN;

        // == Active & updated ==
        ulong activityCutoff = ActivityCutoffBlocks(input.ActivityCutoffFactorMilli, input.Tempo);
        var lastUpdate = input.LastUpdate;
        var inactive = new bool[lastUpdate.Length];
        var active = new bool[lastUpdate.Length];
        for (int i = 0; i < lastUpdate.Length; i++)
        {
            inactive[i] = SaturatingAdd(lastUpdate[i], activityCutoff) < input.CurrentBlock;
            active[i] = !inactive[i];
        }

        // == Stake, permits, active stake ==
        var totalStake = StakeWeights.Raw(input.AlphaStake, input.TaoStake, input.TaoWeight, n);
        var stake = StakeWeights.Normalized(totalStake, input.StakeThreshold, input.OwnerUid);
        var validatorPermits = (bool[])input.ValidatorPermit.Clone();
        ForceOwner(validatorPermits, input.OwnerUid);
        var newValidatorPermits = VectorMath.IsTopKNonZero(stake, input.MaxAllowedValidators);
        ForceOwner(newValidatorPermits, input.OwnerUid);
        var activeStake = (I32F32[])stake.Clone();
        VectorMath.MaskInPlace(inactive, activeStake);
        VectorMath.MaskInPlace(validatorPermits.Select(p => !p).ToArray(), activeStake);
        VectorMath.NormalizeInPlace(activeStake);

        // == Weights: read, mask (permit, diagonal, outdated, commit-reveal), row-normalise ==
        CsrMatrix ReadWeights() => EpochKernels.ReadNormalizedWeights(
            input.Weights,
            n,
            validatorPermits,
            input.OwnerUid ?? -1,
            lastUpdate,
            input.BlockAtRegistration,
            input.CommitRevealEnabled ? input.CommitBlocks : null);
        var weights = ReadWeights();

        // == Consensus, clipping, validator trust, incentive ==
        var consensus = EpochKernels.WeightedMedianColumns(activeStake, weights, n, U16Proportion.ToFixed(input.Kappa));
        var bondsPenalty = U16Proportion.ToFixed(input.BondsPenalty);
        bool clipInPlace = bondsPenalty == I32F32.One; // the unclipped weights are not needed again
        var (clipped, validatorTrust, ranks) = EpochKernels.ClipTrustRank(weights, consensus, activeStake, n, clipInPlace);
        Func<SparseRow[]> weightRows = clipInPlace ? () => ReadWeights().ToSparseRows() : weights.ToSparseRows;
        var incentive = ranks;
        VectorMath.NormalizeInPlace(incentive);

        // == Bonds and dividends ==
        var weightsForBonds = bondsPenalty == I32F32.Zero ? weights
            : bondsPenalty == I32F32.One ? clipped
            : CsrMatrix.FromSparseRows(SparseMatrixMath.Interpolate(weights.ToSparseRows(), clipped.ToSparseRows(), n, bondsPenalty));
        ulong lastTempo = input.LastMechanismStepBlock == 0
            ? SaturatingSub(input.CurrentBlock, input.Tempo)
            : SaturatingAdd(input.LastMechanismStepBlock, 1);

        I32F32[] dividends;
        CsrMatrix emaBonds;
        if (input.Yuma3On)
        {
            emaBonds = ComputeYuma3Bonds(weightsForBonds, input, n, lastTempo, consensus);
            var totalBondsPerValidator = EpochKernels.ColNormalizedMatVecRowSums(emaBonds, incentive, n);
            dividends = VectorMath.VecMul(totalBondsPerValidator, activeStake);
            VectorMath.NormalizeInPlace(dividends);
        }
        else
        {
            var bonds = EpochKernels.ReadMaskedBonds(input.Bonds, n, asProportion: false, lastTempo, input.BlockAtRegistration);
            EpochKernels.ColNormalizeInPlace(bonds, n);
            var bondsDelta = EpochKernels.RowHadamard(weightsForBonds, activeStake);
            EpochKernels.ColNormalizeInPlace(bondsDelta, n);
            emaBonds = EpochKernels.MatEma(bondsDelta, bonds, BondsEma.NormalAlpha(input.BondsParameters.BondsMovingAverage));
            EpochKernels.ColNormalizeInPlace(emaBonds, n);
            dividends = EpochKernels.MatmulTranspose(emaBonds, incentive);
            VectorMath.NormalizeInPlace(dividends);
            EpochKernels.ColMaxUpscaleInPlace(emaBonds, n);
        }

        // == Emission ==
        var shares = EmissionShares.Compute(incentive, dividends, stake, activeStake);
        var raoEmission = I96F32.SaturatingFromNum(input.RaoEmission);

        var finalBonds = emaBonds;
        return new EpochOutput
        {
            Incentive = PerUid(n, U16Proportion.FromFixed(incentive)),
            Dividends = PerUid(n, U16Proportion.FromFixed(dividends)),
            Consensus = PerUid(n, U16Proportion.FromFixed(consensus)),
            ValidatorTrust = PerUid(n, U16Proportion.FromFixed(validatorTrust)),
            StakeWeight = PerUid(n, U16Proportion.FromFixed(stake)),
            Active = PerUid(n, active),
            NewValidatorPermit = PerUid(n, newValidatorPermits),
            ServerEmission = PerUid(n, EmissionShares.ToRao(shares.Server, raoEmission)),
            ValidatorEmission = PerUid(n, EmissionShares.ToRao(shares.Validator, raoEmission)),
            Emission = PerUid(n, EmissionShares.ToRao(shares.Combined, raoEmission)),
            Stake = PerUid(n, totalStake.Select(s => s.SaturatingToU64()).ToArray()),
            Bonds = EpochKernels.BondsToU16(finalBonds, newValidatorPermits, n),
            Vectors = new EpochVectors(stake, activeStake, weightRows, consensus, validatorTrust, incentive, dividends, finalBonds.ToSparseRows),
        };
    }

    /// <summary><c>get_activity_cutoff_blocks</c>: max(1, floor(factor_milli × tempo / 1000)).</summary>
    public static ulong ActivityCutoffBlocks(uint factorMilli, ushort tempo) => Math.Max(1UL, (ulong)factorMilli * tempo / 1000);

    /// <summary><c>compute_bonds_sparse</c>: the fused EMA, or the liquid-alpha path through the reference functions.</summary>
    private static CsrMatrix ComputeYuma3Bonds(CsrMatrix weights, EpochInput input, int n, ulong lastTempo, I32F32[] consensus)
    {
        var parameters = input.BondsParameters;
        bool liquid = parameters.LiquidAlphaOn && consensus.Length > 0 && consensus.Any(c => c != I32F32.Zero);
        if (!liquid)
        {
            return EpochKernels.MatEmaStoredBonds(weights, input.Bonds, lastTempo, input.BlockAtRegistration, BondsEma.NormalAlpha(parameters.BondsMovingAverage));
        }

        var bonds = EpochKernels.ReadMaskedBonds(input.Bonds, n, asProportion: true, lastTempo, input.BlockAtRegistration);
        return CsrMatrix.FromSparseRows(BondsEma.ComputeBondsSparse(weights.ToSparseRows(), bonds.ToSparseRows(), consensus, parameters));
    }

    private static void ForceOwner(bool[] permits, ushort? ownerUid)
    {
        if (ownerUid is { } owner && owner < permits.Length)
        {
            permits[owner] = true;
        }
    }

    private static T[] PerUid<T>(int n, T[] values)
    {
        var result = new T[n];
        Array.Copy(values, result, Math.Min(n, values.Length));
        return result;
    }

    private static ulong SaturatingAdd(ulong a, ulong b) => ulong.MaxValue - a < b ? ulong.MaxValue : a + b;

    private static ulong SaturatingSub(ulong a, ulong b) => a > b ? a - b : 0UL;
}
