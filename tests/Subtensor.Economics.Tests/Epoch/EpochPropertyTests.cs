using Subtensor.Economics.Epoch;

namespace Subtensor.Economics.Tests.Epoch;

/// <summary>
/// Invariants of the epoch on random subnets (no expected numbers exist for these): conservation of emission,
/// normalised outputs, permit counts, masks and owner privileges.
/// </summary>
public sealed class EpochPropertyTests
{
    private const ulong Emission = 1_000_000_000;

    public static TheoryData<int, bool, bool> RandomCases()
    {
        var data = new TheoryData<int, bool, bool>();
        for (int seed = 1; seed <= 12; seed++)
        {
            data.Add(seed, seed % 2 == 0, seed % 3 == 0);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(RandomCases))]
    public void Emission_is_conserved_up_to_flooring_and_outputs_are_normalised(int seed, bool yuma3, bool liquidAlpha)
    {
        var random = new Random(seed);
        var input = RandomInput(random, random.Next(2, 60), yuma3, liquidAlpha);
        var output = YumaEpoch.Run(input);
        int n = input.SubnetworkN;

        ulong total = 0;
        for (int uid = 0; uid < n; uid++)
        {
            total += output.ServerEmission[uid] + output.ValidatorEmission[uid];
        }

        // each UID loses < 1 RAO per floor, plus the I32F32 normalisation error
        Assert.InRange(total, Emission - (ulong)(2 * n) - 100, Emission);
        Assert.InRange(output.Emission.Aggregate(0UL, (a, b) => a + b), Emission - (ulong)n - 100, Emission);

        int incentiveSum = output.Incentive.Sum(x => x);
        Assert.True(incentiveSum == 0 || incentiveSum >= 65535 - n, $"incentive sums to {incentiveSum}");
        int dividendSum = output.Dividends.Sum(x => x);
        Assert.True(dividendSum == 0 || dividendSum >= 65535 - n, $"dividends sum to {dividendSum}");

        // miners are paid only through incentive, validators only through dividends (or the stake fallback)
        for (int uid = 0; uid < n; uid++)
        {
            if (output.Incentive[uid] == 0)
            {
                Assert.True(output.ServerEmission[uid] <= 1);
            }

            Assert.True(output.NewValidatorPermit[uid] || output.Bonds[uid].Length == 0);
        }

        Assert.True(output.NewValidatorPermit.Count(p => p) <= Math.Max((int)input.MaxAllowedValidators, input.OwnerUid is null ? 0 : 1) + (input.OwnerUid is null ? 0 : 1));
    }

    [Fact]
    public void Permits_go_to_the_top_k_stakes_and_the_owner()
    {
        var input = new EpochInput
        {
            SubnetworkN = 6,
            CurrentBlock = 10,
            LastUpdate = new ulong[6],
            BlockAtRegistration = new ulong[6],
            AlphaStake = [50, 10, 40, 0, 30, 30],
            TaoWeight = 0,
            ValidatorPermit = new bool[6],
            MaxAllowedValidators = 3,
            OwnerUid = 3,
            Weights = new (ushort, ushort)[6][],
            RaoEmission = Emission,
        };
        var output = YumaEpoch.Run(input);

        // stakes 50, 40, 30, 30: ties at 30 resolve by a stable sort (lower UID loses), owner 3 forced in
        Assert.Equal([true, false, true, true, false, true], output.NewValidatorPermit);
    }

    [Fact]
    public void Stake_threshold_zeroes_small_stake_except_for_the_owner()
    {
        var input = new EpochInput
        {
            SubnetworkN = 3,
            CurrentBlock = 10,
            LastUpdate = new ulong[3],
            BlockAtRegistration = new ulong[3],
            AlphaStake = [1_000, 999, 10],
            TaoWeight = 0,
            StakeThreshold = 1_000,
            OwnerUid = 2,
            ValidatorPermit = new bool[3],
            Weights = new (ushort, ushort)[3][],
            RaoEmission = Emission,
        };
        var output = YumaEpoch.Run(input);
        Assert.True(output.StakeWeight[0] > 0);
        Assert.Equal(0, output.StakeWeight[1]);
        Assert.True(output.StakeWeight[2] > 0);
        Assert.Equal([1_000UL, 999, 10], output.Stake);
    }

    [Fact]
    public void Owner_keeps_its_self_weight_and_others_do_not()
    {
        // owner UID 0 (a validator) puts all weight on itself; UID 1 likewise. Only the owner's self-weight survives.
        var input = new EpochInput
        {
            SubnetworkN = 2,
            CurrentBlock = 10,
            LastUpdate = [9, 9],
            BlockAtRegistration = [0, 0],
            AlphaStake = [1, 1],
            TaoWeight = 0,
            OwnerUid = 0,
            ValidatorPermit = [true, true],
            Weights = [[(0, 65535)], [(1, 65535)]],
            RaoEmission = Emission,
        };
        var output = YumaEpoch.Run(input);
        Assert.Single(output.Vectors.Weights[0].Columns);
        Assert.Empty(output.Vectors.Weights[1].Columns);
    }

    [Fact]
    public void Outdated_weights_inactive_validators_and_commit_reveal_are_masked()
    {
        var baseInput = new EpochInput
        {
            SubnetworkN = 3,
            CurrentBlock = 1_000,
            Tempo = 100,
            LastUpdate = [990, 990, 990],
            BlockAtRegistration = [0, 0, 500],
            AlphaStake = [1, 1, 0],
            TaoWeight = 0,
            ValidatorPermit = [true, true, false],
            Weights = [[(2, 65535)], [(2, 65535)], []],
            RaoEmission = Emission,
        };
        Assert.Equal(65535, YumaEpoch.Run(baseInput).Incentive[2]);

        // weights set before the miner's registration are dropped
        var outdated = YumaEpoch.Run(baseInput with { LastUpdate = [400, 990, 990] });
        Assert.Empty(outdated.Vectors.Weights[0].Columns);

        // cutoff = 13_889‰ × 100 / 1000 = 1_388 blocks: a validator last seen more than that ago is inactive
        Assert.Equal(1_388UL, YumaEpoch.ActivityCutoffBlocks(13_889, 100));
        var inactive = YumaEpoch.Run(baseInput with { CurrentBlock = 990 + 1_389, LastUpdate = [990, 2_300, 990] });
        Assert.False(inactive.Active[0]);
        Assert.Equal(0, inactive.Vectors.ActiveStake[0].Bits);

        // commit-reveal: a commit made before the miner registered masks that weight
        var committed = YumaEpoch.Run(baseInput with { CommitRevealEnabled = true, CommitBlocks = [450, ulong.MaxValue, ulong.MaxValue] });
        Assert.Empty(committed.Vectors.Weights[0].Columns);
        Assert.Single(committed.Vectors.Weights[1].Columns);
    }

    [Fact]
    public void Mechanism_split_assigns_the_rounding_remainder_to_mechanism_zero()
    {
        Assert.Equal([334UL, 333, 333], MechanismEmission.Split(1_000, 3, null));
        Assert.Equal([500UL, 500], MechanismEmission.Split(1_000, 2, null));

        // explicit split summing to 65535: floor(E·s/65535), remainder to mechanism 0
        Assert.Equal([250UL + 1, 749], MechanismEmission.Split(1_000, 2, [16_384, 49_151]));

        // a shorter split is padded with zeroes, a longer one trimmed
        Assert.Equal([1_000UL, 0, 0], MechanismEmission.Split(1_000, 3, [65_535]));
        Assert.Equal([1_000UL], MechanismEmission.Split(1_000, 1, [65_535, 0]));
    }

    [Fact]
    public void Merging_mechanisms_adds_emission_and_weights_u16_terms()
    {
        var random = new Random(99);
        var a = YumaEpoch.Run(RandomInput(random, 8, false, false) with { RaoEmission = 600 });
        var b = YumaEpoch.Run(RandomInput(random, 8, true, false) with { RaoEmission = 400 });
        var merged = MechanismEmission.Merge([a, b], [600UL, 400], 1_000);
        for (int uid = 0; uid < 8; uid++)
        {
            Assert.Equal(a.ServerEmission[uid] + b.ServerEmission[uid], merged.ServerEmission[uid]);
            Assert.Equal(a.ValidatorEmission[uid] + b.ValidatorEmission[uid], merged.ValidatorEmission[uid]);
            Assert.InRange(merged.Dividends[uid], Math.Min(a.Dividends[uid], b.Dividends[uid]) - 2, Math.Max(a.Dividends[uid], b.Dividends[uid]) + 1);
            Assert.Equal(a.Active[uid] || b.Active[uid], merged.Active[uid]);
        }
    }

    private static EpochInput RandomInput(Random random, int n, bool yuma3, bool liquidAlpha)
    {
        var stake = Enumerable.Range(0, n).Select(_ => random.Next(3) == 0 ? (ulong)random.NextInt64(0, 1_000_000_000_000) : 0UL).ToArray();
        stake[0] = Math.Max(stake[0], 1);
        var weights = new (ushort, ushort)[n][];
        var bonds = new (ushort, ushort)[n][];
        for (int i = 0; i < n; i++)
        {
            weights[i] = Enumerable.Range(0, n).Where(_ => random.Next(3) == 0)
                .Select(j => ((ushort)j, (ushort)random.Next(0, 65536))).ToArray();
            bonds[i] = Enumerable.Range(0, n).Where(_ => random.Next(4) == 0)
                .Select(j => ((ushort)j, (ushort)random.Next(0, 65536))).ToArray();
        }

        return new EpochInput
        {
            SubnetworkN = n,
            CurrentBlock = 10_000,
            Tempo = 360,
            LastUpdate = Enumerable.Range(0, n).Select(_ => (ulong)random.Next(1_000, 10_000)).ToArray(),
            BlockAtRegistration = Enumerable.Range(0, n).Select(_ => (ulong)random.Next(0, 2_000)).ToArray(),
            AlphaStake = stake,
            TaoStake = Enumerable.Range(0, n).Select(_ => (ulong)random.NextInt64(0, 1_000_000_000)).ToArray(),
            ValidatorPermit = Enumerable.Range(0, n).Select(_ => random.Next(2) == 0).ToArray(),
            MaxAllowedValidators = (ushort)random.Next(1, n + 1),
            OwnerUid = random.Next(2) == 0 ? (ushort)random.Next(n) : null,
            Weights = weights,
            Bonds = bonds,
            Yuma3On = yuma3,
            BondsParameters = new BondsParameters { LiquidAlphaOn = liquidAlpha },
            LastMechanismStepBlock = 9_000,
            RaoEmission = Emission,
        };
    }
}
