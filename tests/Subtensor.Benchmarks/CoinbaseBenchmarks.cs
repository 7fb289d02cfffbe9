using BenchmarkDotNet.Attributes;
using Subtensor.Runtime.Pallets.SubtensorModule;
using Subtensor.Runtime.State;

namespace Subtensor.Benchmarks;

/// <summary>
/// One block's coinbase step (emission, injection, pendings, epochs, distribution, moving prices, RootProp, root claims)
/// with 128 started subnets of 16 UIDs (dense weights) whose epochs are all due: capped by MaxEpochsPerBlock (2, the
/// default; the other 126 are deferred) or uncapped (all 128 epochs run). Rolled back after each iteration.
/// </summary>
[MemoryDiagnoser]
public class CoinbaseBenchmarks
{
    private OverlayedState _state = null!;

    private static SubtensorModulePallet St => EpochCoinbaseBenchmarks.Rt.SubtensorModule;

    [GlobalSetup]
    public void Setup()
    {
        _state = EpochCoinbaseBenchmarks.DevState();
        for (ushort net = 2; net < 130; net++)
        {
            EpochCoinbaseBenchmarks.SeedSubnet(_state, net, 16, EpochCoinbaseBenchmarks.Rt.System.Number.Get(_state));
        }

        if (CoinbaseUncapped() < 128 || CoinbaseCapped() != 2)
        {
            throw new InvalidOperationException("benchmark setup failed");
        }
    }

    [Benchmark]
    public int CoinbaseCapped() => Rolled(2);

    [Benchmark]
    public int CoinbaseUncapped() => Rolled(128);

    private int Rolled(byte cap)
    {
        _state.StartTransaction();
        try
        {
            St.MaxEpochsPerBlock.Put(_state, cap);
            return St.RunCoinbaseStep(_state).Count;
        }
        finally
        {
            _state.RollbackTransaction();
        }
    }
}
