using BenchmarkDotNet.Attributes;
using Subtensor.Core.Hashing;

namespace Subtensor.Benchmarks;

[MemoryDiagnoser]
public class HashingBenchmarks
{
    private byte[] _input = [];
    private readonly byte[] _output32 = new byte[32];
    private readonly byte[] _output16 = new byte[16];

    [Params(32, 1024, 1 << 20)]
    public int Size { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _input = new byte[Size];
        new Random(1).NextBytes(_input);
    }

    [Benchmark]
    public void Blake2b256() => Blake2b.Hash(_input, _output32);

    [Benchmark]
    public void Twox128() => Twox.Hash(_input, _output16);

    [Benchmark]
    public void Keccak() => Keccak256.Hash(_input, _output32);
}
