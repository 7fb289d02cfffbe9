using Subtensor.Core.Arithmetic;

namespace Subtensor.Economics.Epoch;

/// <summary>
/// Yuma Consensus for one subnet mechanism as the direct composition of the <c>epoch/math.rs</c> functions, step by
/// step as Subtensor's sparse <c>epoch_mechanism</c> (<c>epoch/run_epoch.rs</c>) calls them. It is the readable
/// reference for <see cref="YumaEpoch"/>, which computes the same results with fused array kernels.
/// </summary>
public static class YumaEpochReference
{
    /// <summary>Runs the epoch on <paramref name="input"/>.</summary>
    public static EpochOutput Run(EpochInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        int n = input.SubnetworkN;

        // == Active & updated ==
        ulong activityCutoff = YumaEpoch.ActivityCutoffBlocks(input.ActivityCutoffFactorMilli, input.Tempo);
        var lastUpdate = input.LastUpdate;
        var inactive = new bool[lastUpdate.Length];
        var active = new bool[lastUpdate.Length];
        for (int i = 0; i < lastUpdate.Length; i++)
        {
            inactive[i] = SaturatingAdd(lastUpdate[i], activityCutoff) < input.CurrentBlock;
            active[i] = !inactive[i];
        }

        var blockAtRegistration = input.BlockAtRegistration;

        // == Stake ==
        var totalStake = StakeWeights.Raw(input.AlphaStake, input.TaoStake, input.TaoWeight, n);
        var stake = StakeWeights.Normalized(totalStake, input.StakeThreshold, input.OwnerUid);

        // == Validator permits ==
        var validatorPermits = (bool[])input.ValidatorPermit.Clone();
        ForceOwner(validatorPermits, input.OwnerUid);
        var validatorForbids = validatorPermits.Select(p => !p).ToArray();
        var newValidatorPermits = VectorMath.IsTopKNonZero(stake, input.MaxAllowedValidators);
        ForceOwner(newValidatorPermits, input.OwnerUid);

        // == Active stake ==
        var activeStake = (I32F32[])stake.Clone();
        VectorMath.MaskInPlace(inactive, activeStake);
        VectorMath.MaskInPlace(validatorForbids, activeStake);
        VectorMath.NormalizeInPlace(activeStake);

        // == Weights ==
        var weights = ReadWeights(input.Weights, n);
        weights = SparseMatrixMath.MaskRows(validatorForbids, weights);
        weights = input.OwnerUid is { } owner
            ? SparseMatrixMath.MaskDiagonalExcept(weights, owner)
            : SparseMatrixMath.MaskDiagonal(weights);
        weights = SparseMatrixMath.VecMask(weights, lastUpdate, blockAtRegistration, static (updated, registered) => updated <= registered);
        if (input.CommitRevealEnabled)
        {
            var commitBlocks = new ulong[n];
            Array.Fill(commitBlocks, ulong.MaxValue);
            for (int i = 0; i < n && i < input.CommitBlocks.Length; i++)
            {
                commitBlocks[i] = input.CommitBlocks[i];
            }

            weights = SparseMatrixMath.VecMask(weights, commitBlocks, blockAtRegistration, static (commit, registered) => commit < registered);
        }

        weights = SparseMatrixMath.RowNormalize(weights);

        // == Consensus, validator trust ==
        var kappa = U16Proportion.ToFixed(input.Kappa);
        var consensus = WeightedMedian.ColumnSparse(activeStake, weights, n, kappa);
        var clippedWeights = SparseMatrixMath.ColClip(weights, consensus);
        var validatorTrust = SparseMatrixMath.RowSum(clippedWeights);

        // == Incentive ==
        var incentive = SparseMatrixMath.Matmul(clippedWeights, activeStake, n);
        VectorMath.NormalizeInPlace(incentive);

        // == Bonds and dividends ==
        var bondsPenalty = U16Proportion.ToFixed(input.BondsPenalty);
        var weightsForBonds = SparseMatrixMath.Interpolate(weights, clippedWeights, n, bondsPenalty);
        ulong lastTempo = input.LastMechanismStepBlock == 0
            ? SaturatingSub(input.CurrentBlock, input.Tempo)
            : SaturatingAdd(input.LastMechanismStepBlock, 1);

        I32F32[] dividends;
        SparseRow[] emaBonds;
        if (input.Yuma3On)
        {
            var bonds = ReadBonds(input.Bonds, n, asProportion: true);
            bonds = SparseMatrixMath.ScalarVecMask(bonds, lastTempo, blockAtRegistration, static (tempo, registered) => tempo <= registered);
            emaBonds = BondsEma.ComputeBondsSparse(weightsForBonds, bonds, consensus, input.BondsParameters);
            var emaBondsNormalized = SparseMatrixMath.ColNormalize(emaBonds, n);
            var totalBondsPerValidator = SparseMatrixMath.RowSum(SparseMatrixMath.MatVecMul(emaBondsNormalized, incentive));
            dividends = VectorMath.VecMul(totalBondsPerValidator, activeStake);
            VectorMath.NormalizeInPlace(dividends);
        }
        else
        {
            var bonds = ReadBonds(input.Bonds, n, asProportion: false);
            bonds = SparseMatrixMath.ScalarVecMask(bonds, lastTempo, blockAtRegistration, static (tempo, registered) => tempo <= registered);
            bonds = SparseMatrixMath.ColNormalize(bonds, n);
            var bondsDelta = SparseMatrixMath.RowHadamard(weightsForBonds, activeStake);
            bondsDelta = SparseMatrixMath.ColNormalize(bondsDelta, n);
            emaBonds = BondsEma.EmaNormalSparse(bondsDelta, bonds, input.BondsParameters.BondsMovingAverage);
            emaBonds = SparseMatrixMath.ColNormalize(emaBonds, n);
            dividends = SparseMatrixMath.MatmulTranspose(emaBonds, incentive);
            VectorMath.NormalizeInPlace(dividends);
            emaBonds = SparseMatrixMath.ColMaxUpscale(emaBonds, n);
        }

        // == Emission ==
        var shares = EmissionShares.Compute(incentive, dividends, stake, activeStake);
        var raoEmission = I96F32.SaturatingFromNum(input.RaoEmission);
        var serverEmission = EmissionShares.ToRao(shares.Server, raoEmission);
        var validatorEmission = EmissionShares.ToRao(shares.Validator, raoEmission);
        var combinedEmission = EmissionShares.ToRao(shares.Combined, raoEmission);

        // == Outputs per UID ==
        var bondRows = new (ushort, ushort)[n][];
        for (int uid = 0; uid < n; uid++)
        {
            bondRows[uid] = Get(newValidatorPermits, uid) && uid < emaBonds.Length
                ? emaBonds[uid].Pairs().Select(e => (e.Column, U16Proportion.FromFixed(e.Value))).ToArray()
                : [];
        }

        return new EpochOutput
        {
            Incentive = PerUid(n, U16Proportion.FromFixed(incentive)),
            Dividends = PerUid(n, U16Proportion.FromFixed(dividends)),
            Consensus = PerUid(n, U16Proportion.FromFixed(consensus)),
            ValidatorTrust = PerUid(n, U16Proportion.FromFixed(validatorTrust)),
            StakeWeight = PerUid(n, U16Proportion.FromFixed(stake)),
            Active = PerUid(n, active),
            NewValidatorPermit = PerUid(n, newValidatorPermits),
            ServerEmission = PerUid(n, serverEmission),
            ValidatorEmission = PerUid(n, validatorEmission),
            Emission = PerUid(n, combinedEmission),
            Stake = PerUid(n, totalStake.Select(s => s.SaturatingToU64()).ToArray()),
            Bonds = bondRows,
            Vectors = new EpochVectors(stake, activeStake, () => weights, consensus, validatorTrust, incentive, dividends, () => emaBonds),
        };
    }

    /// <summary><c>get_weights_sparse</c>: stored u16 weights as raw I32F32 values, rows and destinations &lt; n.</summary>
    public static SparseRow[] ReadWeights(IReadOnlyList<(ushort Uid, ushort Weight)[]> stored, int n)
    {
        ArgumentNullException.ThrowIfNull(stored);
        var rows = new SparseRow[n];
        for (int i = 0; i < n; i++)
        {
            var row = i < stored.Count && stored[i] is { } entries ? entries : [];
            var kept = row.Where(e => e.Uid < n).ToArray();
            rows[i] = new SparseRow(
                kept.Select(e => e.Uid).ToArray(),
                kept.Select(e => I32F32.SaturatingFromNum(e.Weight)).ToArray());
        }

        return rows;
    }

    /// <summary>
    /// <c>get_bonds_sparse</c> (raw u16 values as I32F32) or <c>get_bonds_sparse_fixed_proportion</c> (value / 65535):
    /// rows &lt; n, destinations unfiltered.
    /// </summary>
    public static SparseRow[] ReadBonds(IReadOnlyList<(ushort Uid, ushort Bond)[]> stored, int n, bool asProportion)
    {
        ArgumentNullException.ThrowIfNull(stored);
        var rows = new SparseRow[n];
        for (int i = 0; i < n; i++)
        {
            var row = i < stored.Count && stored[i] is { } entries ? entries : [];
            rows[i] = new SparseRow(
                row.Select(e => e.Uid).ToArray(),
                row.Select(e => asProportion
                    ? U16Proportion.FixedToProportion(I32F32.SaturatingFromNum(e.Bond))
                    : I32F32.SaturatingFromNum(e.Bond)).ToArray());
        }

        return rows;
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

    private static bool Get(bool[] values, int index) => index < values.Length && values[index];

    private static ulong SaturatingAdd(ulong a, ulong b) => ulong.MaxValue - a < b ? ulong.MaxValue : a + b;

    private static ulong SaturatingSub(ulong a, ulong b) => a > b ? a - b : 0UL;
}
