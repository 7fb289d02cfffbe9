using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;

namespace Subtensor.Benchmarks;

/// <summary>
/// Full sync of real blocks between two in-process nodes (<see cref="NodeSyncScenario"/>): <see cref="Blocks"/> dev-chain blocks with
/// <see cref="TransfersPerBlock"/> transfers each, imported with execution and RocksDB commits; blocks/s = Blocks / mean time.
/// Quick figures without BenchmarkDotNet: <c>dotnet run -c Release --project tests/Subtensor.Benchmarks -- node-sync [blocks] [transfers]</c>.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class NodeSyncBenchmarks
{
    private NodeSyncScenario _scenario = null!;

    [Params(0, 500)]
    public int TransfersPerBlock { get; set; }

    public int Blocks => TransfersPerBlock == 0 ? 5000 : 200;

    [GlobalSetup]
    public void Setup() => _scenario = NodeSyncScenario.CreateAsync(Blocks, TransfersPerBlock).GetAwaiter().GetResult();

    [GlobalCleanup]
    public void Cleanup() => _scenario.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [Benchmark]
    public Task SyncRealBlocks() => _scenario.SyncOnceAsync();
}
