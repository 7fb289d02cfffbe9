using System.Numerics;
using Subtensor.Core.Arithmetic;
using Subtensor.Economics.Swap;

namespace Subtensor.Economics.Tests.Swap;

/// <summary>
/// Subtensor's Balancer swap tests (<c>pallets/swap/src/pallet/tests.rs</c>, <c>balancer.rs</c>; digest §6.7). Where the
/// Rust test compares with f64 formulas and a tolerance, the reference here is the exact (rational or 80-digit) value
/// with the same tolerance.
/// </summary>
public sealed class SwapConformanceTests
{
    private static readonly BigInteger Two64 = BigInteger.One << 64;

    [Fact]
    public void Default_pool_price_is_tao_over_alpha()
    {
        var pool = new PoolState(1_000_000_000, 4_000_000_000, BalancerPool.Default);
        Assert.Equal(U64F64.FromBits((UInt128)1 << 62), PoolSwap.CurrentPrice(pool)); // exactly 0.25
        Assert.Equal(Perquintill.FromRational(1, 2), BalancerPool.Default.QuoteWeight);
    }

    [Fact]
    public void Initialising_with_a_price_sets_the_quote_weight_and_reproduces_the_price()
    {
        // price 1/5 (U64F64 division), reserves 1e9 TAO / 4e9 alpha: w_quote = y / (p·x + y)
        var price = U64F64.FromInt(1) / U64F64.FromInt(5);
        var pool = BalancerPool.ForPrice(price, 1_000_000_000, 4_000_000_000);
        Assert.NotNull(pool);

        // p·x = 0 (integer part) + floor(4e9 · frac(p)) = 799_999_999
        Assert.Equal(Perquintill.FromRational(1_000_000_000, 1_799_999_999), pool.Value.QuoteWeight);
        var actual = PoolSwap.CurrentPrice(new PoolState(1_000_000_000, 4_000_000_000, pool.Value));
        var diff = BigInteger.Abs((BigInteger)actual.Bits - (Two64 / 5));
        Assert.True(diff * 1_000_000_000 <= Two64, $"price {actual} not within 1e-9 of 0.2");
    }

    [Theory]
    [InlineData(SwapDirection.Buy, 1_000UL)]
    [InlineData(SwapDirection.Buy, 2_000UL)]
    [InlineData(SwapDirection.Buy, 123_456UL)]
    [InlineData(SwapDirection.Sell, 1_000UL)]
    [InlineData(SwapDirection.Sell, 2_000UL)]
    [InlineData(SwapDirection.Sell, 123_456UL)]
    [InlineData(SwapDirection.Buy, 1_000_000_000UL)]
    [InlineData(SwapDirection.Buy, 10_000_000_000UL)]
    public void Swap_basic_with_equal_weights(SwapDirection direction, ulong amount)
    {
        // test_swap_basic: reserves 1e9 TAO / 4e9 alpha, limit 1000.0 (buy) or 0.0001 (sell)
        var pool = new PoolState(1_000_000_000, 4_000_000_000, BalancerPool.Default);
        bool buy = direction == SwapDirection.Buy;
        var limit = U64F64.SaturatingFromF64Bits(BitConverter.DoubleToUInt64Bits(buy ? 1000.0 : 0.0001));
        var result = PoolSwap.Swap(pool, direction, amount, limit);
        Assert.True(result.IsSuccess, result.Error.ToString());
        var outcome = result.Outcome!;

        // fee = floor(amount · 33/65535) within one RAO; output = in_reserve_out · Δ / (reserve_in + Δ), Δ = amount − fee
        BigInteger expectedFee = (BigInteger)amount * 33 / 65535;
        Assert.InRange((BigInteger)outcome.FeePaid - expectedFee, -1, 1);
        ulong net = amount - (ulong)expectedFee;
        Assert.InRange((long)outcome.AmountPaidIn - (long)net, -1, 1);
        BigInteger reserveIn = buy ? pool.TaoReserve : pool.AlphaReserve;
        BigInteger reserveOut = buy ? pool.AlphaReserve : pool.TaoReserve;
        var expectedOut = reserveOut * net / (reserveIn + net);
        Assert.InRange((BigInteger)outcome.AmountPaidOut - expectedOut, -1, 1);
        Assert.Equal(outcome.FeePaid, outcome.FeeToBlockAuthor);

        var after = PoolSwap.CurrentPrice(pool.After(direction, outcome));
        Assert.Equal(buy, after >= PoolSwap.CurrentPrice(pool));
    }

    [Theory]
    [InlineData(1500UL, 1000UL, 500000000UL, 1UL, 1UL, 0UL)]
    [InlineData(1500UL, 1000UL, 500000000UL, 10000UL, 1363UL, 869UL)]
    [InlineData(1500UL, 1000UL, 500000000UL, 1000000UL, 1498UL, 998UL)]
    [InlineData(1500UL, 1000UL, 500000000UL, 18446744073709551615UL, 1499UL, 999UL)]
    [InlineData(1UL, 1000000UL, 500000000UL, 1UL, 0UL, 500000UL)]
    [InlineData(1UL, 1000000UL, 500000000UL, 10000UL, 0UL, 999900UL)]
    [InlineData(1UL, 1000000UL, 500000000UL, 1000000UL, 0UL, 999999UL)]
    [InlineData(1UL, 1000000UL, 500000000UL, 18446744073709551615UL, 0UL, 999999UL)]
    [InlineData(1000000UL, 1UL, 500000000UL, 1UL, 500000UL, 0UL)]
    [InlineData(1000000UL, 1UL, 500000000UL, 10000UL, 999900UL, 0UL)]
    [InlineData(1000000UL, 1UL, 500000000UL, 1000000UL, 999999UL, 0UL)]
    [InlineData(1000000UL, 1UL, 500000000UL, 18446744073709551615UL, 999999UL, 0UL)]
    [InlineData(1500UL, 1000UL, 500000010UL, 1UL, 1UL, 0UL)]
    [InlineData(1500UL, 1000UL, 500000010UL, 10000UL, 1363UL, 869UL)]
    [InlineData(1500UL, 1000UL, 500000010UL, 1000000UL, 1498UL, 998UL)]
    [InlineData(1500UL, 1000UL, 500000010UL, 18446744073709551615UL, 1499UL, 999UL)]
    [InlineData(1UL, 1000000UL, 500000010UL, 1UL, 0UL, 500000UL)]
    [InlineData(1UL, 1000000UL, 500000010UL, 10000UL, 0UL, 999900UL)]
    [InlineData(1UL, 1000000UL, 500000010UL, 1000000UL, 0UL, 999999UL)]
    [InlineData(1UL, 1000000UL, 500000010UL, 18446744073709551615UL, 0UL, 999999UL)]
    [InlineData(1000000UL, 1UL, 500000010UL, 1UL, 499999UL, 0UL)]
    [InlineData(1000000UL, 1UL, 500000010UL, 10000UL, 999900UL, 0UL)]
    [InlineData(1000000UL, 1UL, 500000010UL, 1000000UL, 999999UL, 0UL)]
    [InlineData(1000000UL, 1UL, 500000010UL, 18446744073709551615UL, 999999UL, 0UL)]
    [InlineData(1500UL, 1000UL, 499999990UL, 1UL, 1UL, 0UL)]
    [InlineData(1500UL, 1000UL, 499999990UL, 10000UL, 1363UL, 869UL)]
    [InlineData(1500UL, 1000UL, 499999990UL, 1000000UL, 1498UL, 998UL)]
    [InlineData(1500UL, 1000UL, 499999990UL, 18446744073709551615UL, 1499UL, 999UL)]
    [InlineData(1UL, 1000000UL, 499999990UL, 1UL, 0UL, 499999UL)]
    [InlineData(1UL, 1000000UL, 499999990UL, 10000UL, 0UL, 999900UL)]
    [InlineData(1UL, 1000000UL, 499999990UL, 1000000UL, 0UL, 999999UL)]
    [InlineData(1UL, 1000000UL, 499999990UL, 18446744073709551615UL, 0UL, 999999UL)]
    [InlineData(1000000UL, 1UL, 499999990UL, 1UL, 500000UL, 0UL)]
    [InlineData(1000000UL, 1UL, 499999990UL, 10000UL, 999900UL, 0UL)]
    [InlineData(1000000UL, 1UL, 499999990UL, 1000000UL, 999999UL, 0UL)]
    [InlineData(1000000UL, 1UL, 499999990UL, 18446744073709551615UL, 999999UL, 0UL)]
    [InlineData(1500UL, 1000UL, 100000000UL, 1UL, 13UL, 0UL)]
    [InlineData(1500UL, 1000UL, 100000000UL, 10000UL, 1499UL, 202UL)]
    [InlineData(1500UL, 1000UL, 100000000UL, 1000000UL, 1499UL, 514UL)]
    [InlineData(1500UL, 1000UL, 100000000UL, 18446744073709551615UL, 1500UL, 983UL)]
    [InlineData(1UL, 1000000UL, 100000000UL, 1UL, 0UL, 74125UL)]
    [InlineData(1UL, 1000000UL, 100000000UL, 10000UL, 0UL, 640622UL)]
    [InlineData(1UL, 1000000UL, 100000000UL, 1000000UL, 0UL, 784556UL)]
    [InlineData(1UL, 1000000UL, 100000000UL, 18446744073709551615UL, 1UL, 992766UL)]
    [InlineData(1000000UL, 1UL, 100000000UL, 1UL, 998046UL, 0UL)]
    [InlineData(1000000UL, 1UL, 100000000UL, 10000UL, 999999UL, 0UL)]
    [InlineData(1000000UL, 1UL, 100000000UL, 1000000UL, 999999UL, 0UL)]
    [InlineData(1000000UL, 1UL, 100000000UL, 18446744073709551615UL, 1000000UL, 0UL)]
    [InlineData(1500UL, 1000UL, 900000000UL, 1UL, 0UL, 5UL)]
    [InlineData(1500UL, 1000UL, 900000000UL, 10000UL, 350UL, 999UL)]
    [InlineData(1500UL, 1000UL, 900000000UL, 1000000UL, 803UL, 999UL)]
    [InlineData(1500UL, 1000UL, 900000000UL, 18446744073709551615UL, 1476UL, 1000UL)]
    [InlineData(1UL, 1000000UL, 900000000UL, 1UL, 0UL, 998046UL)]
    [InlineData(1UL, 1000000UL, 900000000UL, 10000UL, 0UL, 999999UL)]
    [InlineData(1UL, 1000000UL, 900000000UL, 1000000UL, 0UL, 999999UL)]
    [InlineData(1UL, 1000000UL, 900000000UL, 18446744073709551615UL, 0UL, 1000000UL)]
    [InlineData(1000000UL, 1UL, 900000000UL, 1UL, 74125UL, 0UL)]
    [InlineData(1000000UL, 1UL, 900000000UL, 10000UL, 640622UL, 0UL)]
    [InlineData(1000000UL, 1UL, 900000000UL, 1000000UL, 784556UL, 0UL)]
    [InlineData(1000000UL, 1UL, 900000000UL, 18446744073709551615UL, 992766UL, 1UL)]
    public void Convert_deltas_within_two_rao_of_the_exact_value(ulong tao, ulong alpha, ulong quoteBillionths, ulong delta, ulong exactSell, ulong exactBuy)
    {
        // test_convert_deltas: w_quote = Perquintill::from_rational(w·1e9, 1e9); expected values from 80-digit arithmetic
        var balancer = BalancerPool.Create(Perquintill.FromRational(quoteBillionths, 1_000_000_000))!.Value;
        var pool = new PoolState(tao, alpha, balancer);
        Assert.InRange((BigInteger)PoolSwap.Output(pool, SwapDirection.Sell, delta) - exactSell, -2, 2);
        Assert.InRange((BigInteger)PoolSwap.Output(pool, SwapDirection.Buy, delta) - exactBuy, -2, 2);
    }

    [Fact]
    public void Calculate_quote_and_base_delta_in()
    {
        var balancer = BalancerPool.Create(Perquintill.FromRational(250_000_000_000, 1_000_000_000_000))!.Value;
        var p01 = U64F64.SaturatingFromF64Bits(BitConverter.DoubleToUInt64Bits(0.1));
        var p02 = U64F64.SaturatingFromF64Bits(BitConverter.DoubleToUInt64Bits(0.2));
        var p005 = U64F64.SaturatingFromF64Bits(BitConverter.DoubleToUInt64Bits(0.05));

        // Δy = 1e9 · (2^0.75 − 1) and Δx = 1e9 · (2^0.25 − 1), truncated (asserted exactly in balancer.rs)
        Assert.Equal(681_792_830UL, balancer.QuoteDeltaIn(p01, p02, 1_000_000_000));
        Assert.Equal(189_207_115UL, balancer.BaseDeltaIn(p02, p01, 1_000_000_000));

        // limit on the wrong side
        Assert.Equal(0UL, balancer.QuoteDeltaIn(p01, p005, 1_000_000_000));
        Assert.Equal(0UL, balancer.BaseDeltaIn(p01, p02, 1_000_000_000));
    }

    [Theory]
    [InlineData(1UL, 2UL, 0UL, 0UL)]
    [InlineData(1UL, 2UL, 1UL, 1UL)]
    [InlineData(1UL, 2UL, 2UL, 1UL)]
    [InlineData(1UL, 2UL, 3UL, 2UL)]
    [InlineData(1UL, 2UL, 4UL, 2UL)]
    [InlineData(1UL, 2UL, 5UL, 3UL)]
    [InlineData(1UL, 2UL, 1023UL, 512UL)]
    [InlineData(1UL, 2UL, 1025UL, 513UL)]
    [InlineData(1UL, 3UL, 3UL, 1UL)]
    [InlineData(1UL, 3UL, 4UL, 1UL)]
    [InlineData(1UL, 3UL, 5UL, 2UL)]
    [InlineData(1UL, 3UL, 6UL, 2UL)]
    public void Rounding_helper_mul_perquintill_round(ulong p, ulong q, ulong value, ulong expected)
    {
        Assert.Equal((UInt128)expected, BalancerPool.MulPerquintillRound(Perquintill.FromRational(p, q), value));
    }

    [Fact]
    public void Rounding_helper_edges()
    {
        Assert.Equal(UInt128.Zero, BalancerPool.MulPerquintillRound(Perquintill.Zero, 1_000_000));
        Assert.Equal((UInt128)1_000_000, BalancerPool.MulPerquintillRound(Perquintill.One, 1_000_000));
        Assert.Equal(UInt128.MaxValue, BalancerPool.MulPerquintillRound(Perquintill.One, UInt128.MaxValue));
        UInt128 v = 1_000_000_000_000_000_000;
        Assert.Equal(((v * 7) + 5) / 10, BalancerPool.MulPerquintillRound(Perquintill.FromRational(7, 10), v));
    }

    [Theory]
    [InlineData(0UL, 0UL)]
    [InlineData(0UL, 1UL)]
    [InlineData(1UL, 0UL)]
    [InlineData(1UL, 1UL)]
    [InlineData(10UL, 20UL)]
    [InlineData(1_000_000UL, 0UL)]
    [InlineData(0UL, 1_000_000_000UL)]
    [InlineData(1_000_000_000UL, 2_000_000_000UL)]
    [InlineData(2_000_000_000_000UL, 1_000_000_000_000UL)]
    [InlineData(1_234_567UL, 2_432_765_890UL)]
    public void Adding_liquidity_keeps_the_price(ulong taoDelta, ulong alphaDelta)
    {
        // test_adjust_protocol_liquidity_happy: reserves 1e12 TAO / 4e12 alpha
        const ulong tao = 1_000_000_000_000, alpha = 4_000_000_000_000;
        var before = new PoolState(tao, alpha, BalancerPool.Default);
        var priceBefore = PoolSwap.CurrentPrice(before);
        var updated = BalancerPool.Default.WithAddedLiquidity(tao, alpha, taoDelta, alphaDelta);
        Assert.NotNull(updated);
        var priceAfter = PoolSwap.CurrentPrice(new PoolState(tao + taoDelta, alpha + alphaDelta, updated.Value));
        Assert.True(BigInteger.Abs((BigInteger)priceAfter.Bits - priceBefore.Bits) * 1_000_000_000_000 <= priceBefore.Bits);

        // w_quote = y' / (x'·p + y'), within 1e-12 relative
        var p = (BigInteger)priceBefore.Bits;
        BigInteger newTao = tao + taoDelta, newAlpha = alpha + alphaDelta;
        var expectedParts = newTao * Perquintill.Accuracy * Two64 / ((newAlpha * p) + (newTao * Two64));
        Assert.True(BigInteger.Abs(expectedParts - updated.Value.QuoteWeight.Parts) * 1_000_000_000_000 <= expectedParts);
    }

    [Fact]
    public void Liquidity_pushing_a_weight_outside_the_bounds_is_refused()
    {
        Assert.Null(BalancerPool.Default.WithAddedLiquidity(1_000, 1_000, 1_000_000_000, 0));
        Assert.Null(BalancerPool.Create(Perquintill.FromParts(BalancerPool.Accuracy / 100 - 1)));
        Assert.NotNull(BalancerPool.Create(BalancerPool.MinWeight));
    }

    [Fact]
    public void Input_cap_is_one_thousand_times_the_input_reserve()
    {
        var pool = new PoolState(1_000, 1_000, BalancerPool.Default);
        var min = PoolSwap.LimitPrice(PoolSwap.MinPriceRao);
        var max = PoolSwap.LimitPrice(PoolSwap.MaxPriceRao);
        Assert.Equal(SwapError.SwapInputTooLarge, PoolSwap.Swap(pool, SwapDirection.Sell, 1_000_001, min, dropFees: true, minimumReserve: 1).Error);
        Assert.Equal(SwapError.SwapInputTooLarge, PoolSwap.Swap(pool, SwapDirection.Buy, 1_000_001, max, dropFees: true, minimumReserve: 1).Error);
        Assert.Equal(SwapError.SwapInputTooLarge, PoolSwap.Swap(pool, SwapDirection.Sell, 1_001_000, min, simulate: true, minimumReserve: 1).Error);
        Assert.True(PoolSwap.Swap(pool, SwapDirection.Sell, 1_000_000, min, dropFees: true, simulate: true, minimumReserve: 1).IsSuccess);
        Assert.True(PoolSwap.Swap(pool, SwapDirection.Buy, 1_000_000, max, dropFees: true, simulate: true, minimumReserve: 1).IsSuccess);
    }

    [Theory]
    [InlineData(1_000UL, 1_000UL, 999_500UL)]
    [InlineData(1_000_000UL, 1_000_000UL, 999_500_000UL)]
    public void Tiny_reserves_still_pay_out(ulong tao, ulong alpha, ulong amount)
    {
        // test_swap_precision_edge_case (mock MinimumReserve = 1)
        var pool = new PoolState(tao, alpha, BalancerPool.Default);
        var result = PoolSwap.Swap(pool, SwapDirection.Sell, amount, PoolSwap.LimitPrice(PoolSwap.MinPriceRao), simulate: true, minimumReserve: 1);
        Assert.True(result.IsSuccess);
        Assert.True(result.Outcome!.AmountPaidOut > 0);
    }
}
