using Subtensor.Economics.Epoch;

namespace Subtensor.Economics.Tests.Epoch;

/// <summary>
/// The fused epoch (<see cref="YumaEpoch"/>) against the step-by-step composition of the math.rs functions
/// (<see cref="YumaEpochReference"/>) on thousands of random subnets, including ragged and out-of-range storage.
/// </summary>
public sealed class YumaEpochKernelEquivalenceTests
{
    public static TheoryData<int> Seeds()
    {
        var data = new TheoryData<int>();
        for (int seed = 0; seed < 40; seed++)
        {
            data.Add(seed);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Fused_kernels_equal_the_reference_composition(int seed)
    {
        var random = new Random(seed);
        for (int round = 0; round < 25; round++)
        {
            var input = RandomInput(random);
            var fast = YumaEpoch.Run(input);
            var reference = YumaEpochReference.Run(input);
            AssertSame(reference, fast, $"seed {seed} round {round}");
        }
    }

    [Theory]
    [InlineData(300, true, false)]
    [InlineData(300, false, false)]
    [InlineData(257, true, true)]
    [InlineData(512, true, false)]
    public void Large_dense_subnets_use_the_parallel_kernels_with_identical_results(int n, bool yuma3, bool liquidAlpha)
    {
        var random = new Random(n);
        (ushort, ushort)[][] Dense() => Enumerable.Range(0, n)
            .Select(_ => Enumerable.Range(0, n).Where(_ => random.Next(10) != 0).Select(j => ((ushort)j, (ushort)random.Next(0, 65536))).ToArray())
            .ToArray();
        var input = new EpochInput
        {
            SubnetworkN = n,
            CurrentBlock = 10_000,
            LastUpdate = Enumerable.Range(0, n).Select(_ => (ulong)random.Next(5_000, 10_000)).ToArray(),
            BlockAtRegistration = Enumerable.Range(0, n).Select(_ => (ulong)random.Next(0, 9_500)).ToArray(),
            AlphaStake = Enumerable.Range(0, n).Select(_ => (ulong)random.NextInt64(0, 1_000_000_000_000)).ToArray(),
            ValidatorPermit = Enumerable.Range(0, n).Select(_ => random.Next(4) != 0).ToArray(),
            MaxAllowedValidators = (ushort)(n / 2),
            OwnerUid = 3,
            Weights = Dense(),
            Bonds = Dense(),
            Yuma3On = yuma3,
            BondsParameters = new BondsParameters { LiquidAlphaOn = liquidAlpha },
            LastMechanismStepBlock = 9_000,
            RaoEmission = 1_000_000_000,
        };
        AssertSame(YumaEpochReference.Run(input), YumaEpoch.Run(input), $"n {n}");
    }

    private static void AssertSame(EpochOutput expected, EpochOutput actual, string context)
    {
        Assert.True(expected.Incentive.SequenceEqual(actual.Incentive), context + " incentive");
        Assert.True(expected.Dividends.SequenceEqual(actual.Dividends), context + " dividends");
        Assert.True(expected.Consensus.SequenceEqual(actual.Consensus), context + " consensus");
        Assert.True(expected.ValidatorTrust.SequenceEqual(actual.ValidatorTrust), context + " trust");
        Assert.True(expected.StakeWeight.SequenceEqual(actual.StakeWeight), context + " stake weight");
        Assert.True(expected.Active.SequenceEqual(actual.Active), context + " active");
        Assert.True(expected.NewValidatorPermit.SequenceEqual(actual.NewValidatorPermit), context + " permits");
        Assert.True(expected.ServerEmission.SequenceEqual(actual.ServerEmission), context + " server emission");
        Assert.True(expected.ValidatorEmission.SequenceEqual(actual.ValidatorEmission), context + " validator emission");
        Assert.True(expected.Emission.SequenceEqual(actual.Emission), context + " emission");
        Assert.True(expected.Stake.SequenceEqual(actual.Stake), context + " stake");
        Assert.Equal(expected.Bonds.Length, actual.Bonds.Length);
        for (int i = 0; i < expected.Bonds.Length; i++)
        {
            Assert.True(expected.Bonds[i].SequenceEqual(actual.Bonds[i]), $"{context} bonds row {i}");
        }

        Assert.True(expected.Vectors.Consensus.SequenceEqual(actual.Vectors.Consensus), context + " consensus vector");
        Assert.True(expected.Vectors.Incentive.SequenceEqual(actual.Vectors.Incentive), context + " incentive vector");
        Assert.True(expected.Vectors.Dividends.SequenceEqual(actual.Vectors.Dividends), context + " dividends vector");
        Assert.True(expected.Vectors.ValidatorTrust.SequenceEqual(actual.Vectors.ValidatorTrust), context + " trust vector");
        AssertRows(expected.Vectors.Weights, actual.Vectors.Weights, context + " weights");
        AssertRows(expected.Vectors.EmaBonds, actual.Vectors.EmaBonds, context + " ema bonds");
    }

    private static void AssertRows(SparseRow[] expected, SparseRow[] actual, string context)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.True(expected[i].Columns.SequenceEqual(actual[i].Columns), $"{context} row {i} columns");
            Assert.True(expected[i].Values.SequenceEqual(actual[i].Values), $"{context} row {i} values");
        }
    }

    private static EpochInput RandomInput(Random random)
    {
        int n = random.Next(0, 40);
        double density = random.NextDouble();
        (ushort, ushort)[] Row(int i, bool bonds)
        {
            var row = new List<(ushort, ushort)>();
            for (int j = 0; j < n + 3; j++)
            {
                if (random.NextDouble() < density)
                {
                    ushort value = random.Next(6) switch
                    {
                        0 => 0,
                        1 => ushort.MaxValue,
                        _ => (ushort)random.Next(0, 65536),
                    };
                    row.Add(((ushort)(j >= n && random.Next(2) == 0 ? random.Next(n, 70_000 % 65536) : Math.Min(j, n + 2)), value));
                }
            }

            if (random.Next(5) == 0)
            {
                row.Reverse(); // unsorted storage
            }

            if (!bonds && random.Next(4) == 0 && n > 0)
            {
                row.Add(((ushort)i, (ushort)random.Next(1, 65536))); // self weight
            }

            return row.ToArray();
        }

        ulong block = (ulong)random.Next(1, 100_000);
        int lastUpdateLength = random.Next(4) == 0 ? random.Next(0, n + 3) : n;
        int permitLength = random.Next(4) == 0 ? random.Next(0, n + 3) : n;
        return new EpochInput
        {
            SubnetworkN = n,
            CurrentBlock = block,
            Tempo = (ushort)random.Next(1, 1000),
            ActivityCutoffFactorMilli = (uint)random.Next(1_000, 50_000),
            LastUpdate = Enumerable.Range(0, lastUpdateLength).Select(_ => (ulong)random.NextInt64(0, (long)block + 10)).ToArray(),
            BlockAtRegistration = Enumerable.Range(0, n).Select(_ => random.Next(3) == 0 ? (ulong)random.NextInt64(0, (long)block + 1) : 0UL).ToArray(),
            AlphaStake = Enumerable.Range(0, n).Select(_ => random.Next(3) == 0 ? 0UL : (ulong)random.NextInt64(0, long.MaxValue) >> random.Next(0, 60)).ToArray(),
            TaoStake = Enumerable.Range(0, random.Next(2) == 0 ? n : 0).Select(_ => (ulong)random.NextInt64(0, 1L << 50)).ToArray(),
            TaoWeight = (ulong)random.NextInt64() * 2,
            StakeThreshold = random.Next(3) == 0 ? (ulong)random.NextInt64(0, 1L << 40) : 0UL,
            OwnerUid = n > 0 && random.Next(2) == 0 ? (ushort)random.Next(n) : null,
            ValidatorPermit = Enumerable.Range(0, permitLength).Select(_ => random.Next(3) != 0).ToArray(),
            MaxAllowedValidators = (ushort)random.Next(0, n + 2),
            Weights = Enumerable.Range(0, n + random.Next(0, 2)).Select(i => random.Next(8) == 0 ? null! : Row(i, false)).ToArray(),
            Bonds = Enumerable.Range(0, random.Next(0, n + 2)).Select(i => Row(i, true)).ToArray(),
            CommitRevealEnabled = random.Next(3) == 0,
            CommitBlocks = Enumerable.Range(0, random.Next(0, n + 1)).Select(_ => random.Next(3) == 0 ? ulong.MaxValue : (ulong)random.NextInt64(0, (long)block + 1)).ToArray(),
            Kappa = (ushort)(random.Next(3) == 0 ? random.Next(0, 65536) : 32_767),
            BondsPenalty = (ushort)(random.Next(3) switch { 0 => 0, 1 => random.Next(0, 65536), _ => 65_535 }),
            BondsParameters = new BondsParameters
            {
                BondsMovingAverage = random.Next(3) == 0 ? (ulong)random.Next(0, 1_000_001) : 900_000,
                LiquidAlphaOn = random.Next(3) == 0,
                AlphaLow = (ushort)random.Next(1638, 40_000),
                AlphaHigh = (ushort)random.Next(40_000, 65_536),
                AlphaSigmoidSteepness = (short)random.Next(-2000, 2000),
            },
            Yuma3On = random.Next(2) == 0,
            LastMechanismStepBlock = random.Next(3) == 0 ? 0 : (ulong)random.NextInt64(0, (long)block),
            RaoEmission = (ulong)random.NextInt64(0, long.MaxValue) >> random.Next(0, 40),
        };
    }
}
