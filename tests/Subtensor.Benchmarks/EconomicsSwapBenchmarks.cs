using BenchmarkDotNet.Attributes;
using Subtensor.Core.Arithmetic;
using Subtensor.Economics.Swap;

namespace Subtensor.Benchmarks;

/// <summary>
/// One dynamic-pool swap per call (fee, limit check, target price, output with the weight power): a pool whose weights
/// drifted off 0.5 (safe-bigmath series path), a fresh 0.5/0.5 pool (exact path), and a buy stopped at a limit price
/// (adds the 1024-bit limit power).
/// </summary>
[MemoryDiagnoser]
public class EconomicsSwapBenchmarks
{
    private PoolState _equalWeights = null!;
    private PoolState _skewedWeights = null!;
    private U64F64 _maxPrice;
    private U64F64 _minPrice;
    private U64F64 _tightLimit;

    [GlobalSetup]
    public void Setup()
    {
        _skewedWeights = new PoolState(1_000_000_000_000, 4_000_000_000_000, BalancerPool.Create(Perquintill.FromParts(500_000_123_456_789_012))!.Value);
        _equalWeights = _skewedWeights with { Balancer = BalancerPool.Default };
        _maxPrice = PoolSwap.LimitPrice(PoolSwap.MaxPriceRao);
        _minPrice = PoolSwap.LimitPrice(PoolSwap.MinPriceRao);
        _tightLimit = PoolSwap.LimitPrice(250_100_000); // just above the 0.25 spot price: the buy stops at the limit
    }

    [Benchmark]
    public SwapResult SwapBuySkewedWeights() => PoolSwap.Swap(_skewedWeights, SwapDirection.Buy, 10_000_000_000, _maxPrice);

    [Benchmark]
    public SwapResult SwapSellSkewedWeights() => PoolSwap.Swap(_skewedWeights, SwapDirection.Sell, 10_000_000_000, _minPrice);

    [Benchmark]
    public SwapResult SwapBuyEqualWeights() => PoolSwap.Swap(_equalWeights, SwapDirection.Buy, 10_000_000_000, _maxPrice);

    [Benchmark]
    public SwapResult SwapBuyToLimitPrice() => PoolSwap.Swap(_skewedWeights, SwapDirection.Buy, 100_000_000_000, _tightLimit);
}
