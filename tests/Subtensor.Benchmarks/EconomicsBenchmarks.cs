using BenchmarkDotNet.Attributes;
using Subtensor.Economics.Epoch;

namespace Subtensor.Benchmarks;

/// <summary>
/// One Yuma epoch on a subnet where every UID is a permitted, staked validator that weights every UID (dense n×n
/// weights and bonds), for Yuma3 (the default of new subnets) and original Yuma. Swap math: <see cref="EconomicsSwapBenchmarks"/>.
/// </summary>
[MemoryDiagnoser]
public class EconomicsBenchmarks
{
    private EpochInput _yuma3 = null!;
    private EpochInput _original = null!;

    [Params(256, 1024, 4096)]
    public int Uids { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        int n = Uids;
        (ushort, ushort)[][] Dense() => Enumerable.Range(0, n)
            .Select(_ => Enumerable.Range(0, n).Select(j => ((ushort)j, (ushort)random.Next(1, 65536))).ToArray())
            .ToArray();
        _yuma3 = new EpochInput
        {
            SubnetworkN = n,
            CurrentBlock = 10_000,
            LastUpdate = Enumerable.Repeat(9_999UL, n).ToArray(),
            BlockAtRegistration = new ulong[n],
            AlphaStake = Enumerable.Range(0, n).Select(_ => (ulong)random.NextInt64(1, 1_000_000_000_000)).ToArray(),
            TaoStake = Enumerable.Range(0, n).Select(_ => (ulong)random.NextInt64(0, 1_000_000_000_000)).ToArray(),
            ValidatorPermit = Enumerable.Repeat(true, n).ToArray(),
            MaxAllowedValidators = (ushort)n,
            Weights = Dense(),
            Bonds = Dense(),
            Yuma3On = true,
            LastMechanismStepBlock = 9_000,
            RaoEmission = 1_000_000_000,
        };
        _original = _yuma3 with { Yuma3On = false };
    }

    [Benchmark]
    public EpochOutput EpochYuma3() => YumaEpoch.Run(_yuma3);

    [Benchmark]
    public EpochOutput EpochOriginalYuma() => YumaEpoch.Run(_original);
}
