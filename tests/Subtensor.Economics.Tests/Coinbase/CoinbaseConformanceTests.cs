using Subtensor.Core.Arithmetic;
using Subtensor.Economics.Coinbase;
using Subtensor.Economics.Epoch;
using Subtensor.Economics.Swap;

namespace Subtensor.Economics.Tests.Coinbase;

/// <summary>
/// Subtensor's coinbase tests (<c>tests/coinbase.rs</c>, digest §6.5) expressed through the pure coinbase functions with
/// the same pallet state as inputs.
/// </summary>
public sealed class CoinbaseConformanceTests
{
    // set_full_injection_root_stake: SubnetTAO[root] = 1e18 RAO, TaoWeight = u64::MAX
    private const ulong RootTao = 1_000_000_000_000_000_000;
    private const ulong FullTaoWeight = ulong.MaxValue;

    [Fact]
    public void Tao_issuance_base_injects_the_whole_emission()
    {
        // one dynamic subnet, emission enabled, moving price 1, reserves of a fresh dynamic subnet
        const ulong emission = 1_234_567;
        var shares = SubnetEmissionShares.Shares([U64F64.One], [U96F32.Zero]);
        var tao = SubnetEmissionShares.BlockEmissions(shares, [true], U96F32.SaturatingFromNum(emission));
        var pool = new PoolState(100_000_000_000, 100_000_000_000, BalancerPool.Default);
        var rootProp = RootProportion.Compute(pool.AlphaReserve, RootTao, FullTaoWeight);
        var terms = SubnetTerms.Compute(tao[0], pool.AlphaReserve, PoolSwap.CurrentPrice(pool), rootProp);
        var (taoIn, _, excess) = terms.Rao();
        Assert.Equal(emission, taoIn + excess);
        Assert.Equal(emission, taoIn);
    }

    [Fact]
    public void Alpha_issuance_base_two_stable_subnets()
    {
        // two stable subnets (moving price and spot price 1), reserves 1e6 / 1e6, E = 1e6 ⇒ +500_000 alpha each
        const ulong initial = 1_000_000;
        var shares = SubnetEmissionShares.Shares([U64F64.One, U64F64.One], [U96F32.Zero, U96F32.Zero]);
        var tao = SubnetEmissionShares.BlockEmissions(shares, [true, true], U96F32.SaturatingFromNum(1_000_000UL));
        foreach (var t in tao)
        {
            var rootProp = RootProportion.Compute(initial, RootTao, FullTaoWeight);
            var terms = SubnetTerms.Compute(t, initial, U64F64.One, rootProp);
            Assert.Equal(initial + 500_000, initial + terms.Rao().AlphaIn);
        }
    }

    [Fact]
    public void Alpha_issuance_different_prices()
    {
        // spot prices 1 and 2 (reserves 1e6/1e6 and 2e6/1e6), moving prices 1 and 2, E = 1e6 ⇒ +333_333 alpha for both
        const ulong initial = 1_000_000;
        var moving = new[] { U64F64.One, U64F64.FromInt(2) };
        var shares = SubnetEmissionShares.Shares(moving, [U96F32.Zero, U96F32.Zero]);
        var tao = SubnetEmissionShares.BlockEmissions(shares, [true, true], U96F32.SaturatingFromNum(1_000_000UL));
        var pools = new[]
        {
            new PoolState(initial, initial, BalancerPool.Default),
            new PoolState(2 * initial, initial, BalancerPool.Default),
        };
        var expected = new[] { initial + (1_000_000 / 3), initial + (1_000_000 * 2 / 3 / 2) };
        for (int i = 0; i < 2; i++)
        {
            var rootProp = RootProportion.Compute(pools[i].AlphaReserve, RootTao, FullTaoWeight);
            var terms = SubnetTerms.Compute(tao[i], pools[i].AlphaReserve, PoolSwap.CurrentPrice(pools[i]), rootProp);
            var (taoIn, alphaIn, _) = terms.Rao();
            Assert.NotNull(pools[i].Balancer.WithAddedLiquidity(pools[i].TaoReserve, pools[i].AlphaReserve, taoIn, alphaIn));
            Assert.Equal(expected[i], initial + alphaIn);
        }
    }

    [Fact]
    public void Alpha_issuance_with_cap_trigger_keeps_full_alpha_out()
    {
        // spot price 1e-6 (1_000 TAO / 1e9 alpha): alpha_in hits the cap, alpha_out is the full 1 alpha per block
        const ulong taoReserve = 1_000, alphaReserve = 1_000_000_000;
        var shares = SubnetEmissionShares.Shares([U64F64.One, U64F64.FromInt(2)], [U96F32.Zero, U96F32.Zero]);
        var tao = SubnetEmissionShares.BlockEmissions(shares, [true, true], U96F32.SaturatingFromNum(1_000_000UL));
        foreach (var t in tao)
        {
            var price = PoolSwap.CurrentPrice(new PoolState(taoReserve, alphaReserve, BalancerPool.Default));
            var rootProp = RootProportion.Compute(alphaReserve, RootTao, FullTaoWeight);
            var terms = SubnetTerms.Compute(t, alphaReserve, price, rootProp);
            Assert.True(alphaReserve + terms.Rao().AlphaIn < alphaReserve + 1_000_000_000);
            Assert.Equal(1_000_000_000UL, terms.AlphaOut.SaturatingToU64());
            Assert.Equal(terms.AlphaIn, rootProp.SaturatingMul(terms.AlphaOut));
            Assert.True(terms.ExcessTao > U96F32.Zero);
        }
    }

    [Fact]
    public void Owner_cut_zero_and_full()
    {
        // alpha out = 1 alpha per block (issuance 1e12 « 10.5M); owner cut 0 ⇒ 0, 65535 ⇒ everything
        var alphaOut = U96F32.SaturatingFromNum(BlockEmission.ForIssuance(1_000_000_000_000)!.Value);
        var rootProp = RootProportion.Compute(1_000_000_000_000, 0, 0);
        Assert.Equal(0UL, AlphaOutSplit.Compute(alphaOut, AlphaOutSplit.OwnerCutFraction(0), true, rootProp).OwnerCut);
        Assert.Equal(1_000_000_000UL, AlphaOutSplit.Compute(alphaOut, AlphaOutSplit.OwnerCutFraction(ushort.MaxValue), true, rootProp).OwnerCut);
    }

    [Fact]
    public void Alpha_out_split_with_default_owner_cut_and_root_proportion()
    {
        // 18 % owner cut; of the rest half to miners, half to validators minus RootProp × half to root
        var alphaOut = U96F32.SaturatingFromNum(1_000_000_000UL);
        var rootProp = U96F32.SaturatingFromNum(1UL).SafeDiv(U96F32.SaturatingFromNum(4UL)); // 0.25
        var split = AlphaOutSplit.Compute(alphaOut, AlphaOutSplit.OwnerCutFraction(11_796), true, rootProp);
        Assert.Equal(1_000_000_000UL, split.AlphaCreated);
        Assert.Equal(179_995_422UL, split.OwnerCut);        // floor(1e9 × 11796/65535 in U96F32)
        ulong rest = 1_000_000_000 - split.OwnerCut;
        Assert.InRange((long)split.Server - (long)(rest / 2), -1, 1);
        Assert.InRange((long)split.Root - (long)(rest / 8), -1, 1);
        Assert.InRange((long)(split.Server + split.Validator + split.Root + split.OwnerCut) - 1_000_000_000L, -3, 0);
    }

    [Fact]
    public void Moving_price_reaches_0_512325_after_14_updates_at_the_halving_block()
    {
        // SubnetMovingAlpha 0.1, start call at block 1 (FirstEmissionBlockNumber), block 201_600 = the halving period:
        // effective alpha 0.05, so 14 updates from 0 at spot price 1 give 1 − 0.95^14 = 0.512325…
        var movingAlpha = I96F32.SaturatingFromF64Bits(BitConverter.DoubleToUInt64Bits(0.1));
        var price = I96F32.Zero;
        for (int i = 0; i < 14; i++)
        {
            price = MovingPrice.Update(SubnetEmissionShares.MovingAlphaPrice(price, false), U64F64.One, 1, 7_200 * 28, MovingPrice.DefaultHalvingBlocks, movingAlpha);
        }

        // 0.512325 ± 0.001 as in the Rust test
        var target = I96F32.SaturatingFromNum(512_325UL).SafeDiv(I96F32.SaturatingFromNum(1_000_000UL));
        var tolerance = I96F32.One.SafeDiv(I96F32.SaturatingFromNum(1_000UL));
        Assert.True((price - target).Abs() < tolerance, price.ToString());
    }

    [Fact]
    public void Moving_price_is_capped_at_one_and_starts_slowly()
    {
        var half = I96F32.SaturatingFromF64Bits(BitConverter.DoubleToUInt64Bits(0.5));

        // block 510, start call at 500 ⇒ tiny effective alpha
        var early = MovingPrice.Update(U64F64.Zero, U64F64.One, 500, 510, MovingPrice.DefaultHalvingBlocks, half);
        Assert.True(early < I96F32.One.SafeDiv(I96F32.SaturatingFromNum(1_000UL)));

        // long after: ≈ 0.5
        var late = MovingPrice.Update(U64F64.Zero, U64F64.One, 500, 144_000_500, MovingPrice.DefaultHalvingBlocks, half);
        Assert.True((late - half).Abs() < I96F32.One.SafeDiv(I96F32.SaturatingFromNum(1_000UL)));

        // spot price 5 enters the EMA as 1.0: an EMA at 1 stays 1
        var capped = MovingPrice.Update(U64F64.One, U64F64.FromInt(5), 1, 7_200_000, MovingPrice.DefaultHalvingBlocks, I96F32.One);
        Assert.True(capped <= I96F32.One);
        Assert.Equal(I96F32.One, MovingPrice.Update(U64F64.One, U64F64.One, 1, 7_200_000, MovingPrice.DefaultHalvingBlocks, MovingPrice.DefaultMovingAlpha));
    }

    [Fact]
    public void Moving_price_with_alpha_one_on_a_long_running_subnet_gets_within_0_05_of_one_in_one_update()
    {
        // test_coinbase_moving_prices, second part: SubnetMovingAlpha 1.0, started long ago, EMA from 0 at spot 1.
        var updated = MovingPrice.Update(U64F64.Zero, U64F64.One, 1, 7_200_000, MovingPrice.DefaultHalvingBlocks, I96F32.One);
        Assert.True((I96F32.One - updated).Abs() < I96F32.One.SafeDiv(I96F32.SaturatingFromNum(20UL)));
        Assert.True(updated < I96F32.One);
    }

    [Fact]
    public void Root_proportion_is_exact()
    {
        // TaoWeight·RootTAO / (TaoWeight·RootTAO + alpha issuance) in U96F32
        var weight = StakeWeights.TaoWeight(ulong.MaxValue / 2);
        var expected = U96F32.SaturatingFromNum(3_000_000UL).SaturatingMul(weight);
        expected = expected.SafeDiv(expected.SaturatingAdd(U96F32.SaturatingFromNum(7_000_000UL)));
        Assert.Equal(expected, RootProportion.Compute(7_000_000, 3_000_000, ulong.MaxValue / 2));
        Assert.Equal(U96F32.Zero, RootProportion.Compute(0, 0, ulong.MaxValue));
        Assert.Equal(U96F32.One, RootProportion.Compute(0, 5, ulong.MaxValue));
    }

    [Theory]
    [InlineData(ulong.MaxValue)]       // TaoWeight 1.0
    [InlineData(ulong.MaxValue / 2)]   // TaoWeight 0.5
    public void Drain_two_stakers_with_different_root_stakes_get_equal_alpha(ulong taoWeight)
    {
        // test_drain_base_with_subnet_with_two_stakers_registered_and_root_different_amounts(_half_tao_weight):
        // alpha 1e9 each, root 2e9 and 1e9, take 0, pending server 5e8 + validator 5e8, no weights ⇒ +5e8 alpha each
        const ulong pendingServer = 500_000_000, pendingValidator = 500_000_000;
        var (epochEmission, _) = DividendDistribution.EpochAmounts(pendingServer, pendingValidator, 0, 0);
        var epoch = YumaEpoch.Run(new EpochInput
        {
            SubnetworkN = 2,
            CurrentBlock = 10,
            LastUpdate = [1, 1],
            BlockAtRegistration = [1, 1],
            AlphaStake = [1_000_000_000, 1_000_000_000],
            TaoStake = [2_000_000_000, 1_000_000_000],
            TaoWeight = taoWeight,
            ValidatorPermit = [false, false],
            Weights = [[], []],
            RaoEmission = epochEmission,
        });
        ulong incentiveSum = epoch.ServerEmission.Aggregate(0UL, (a, b) => a + b);
        var (_, validatorAlpha) = DividendDistribution.EpochAmounts(pendingServer, pendingValidator, 0, incentiveSum);
        Assert.Equal(1_000_000_000UL, validatorAlpha);

        var dividends = DividendDistribution.Compute(
            validatorAlpha,
            0,
            StakeWeights.TaoWeight(taoWeight),
            [
                (1_000_000_000UL, 2_000_000_000UL, U96F32.SaturatingFromNum(epoch.ValidatorEmission[0])),
                (1_000_000_000UL, 1_000_000_000UL, U96F32.SaturatingFromNum(epoch.ValidatorEmission[1])),
            ]);
        foreach (var (alpha, root) in dividends)
        {
            Assert.InRange((long)alpha.SaturatingToU64() - 500_000_000L, -10, 10); // the Rust test allows ε = 10 too
            Assert.Equal(U96F32.Zero, root);
        }
    }

    [Fact]
    public void Dividend_distribution_conserves_the_pending_amounts()
    {
        // test_calculate_dividend_distribution_*: Σ alpha = pending alpha and Σ root = pending root within 1_000 RAO
        var random = new Random(3);
        for (int round = 0; round < 200; round++)
        {
            int count = random.Next(1, 30);
            var validators = Enumerable.Range(0, count).Select(_ => (
                (ulong)random.NextInt64(1, 1_000_000_000_000),
                (ulong)random.NextInt64(1, 1_000_000_000_000),
                U96F32.SaturatingFromNum((ulong)random.NextInt64(1, 1_000_000_000)))).ToList();
            ulong pending = (ulong)random.NextInt64(0, 10_000_000_000), pendingRoot = (ulong)random.NextInt64(0, 10_000_000_000);
            var result = DividendDistribution.Compute(pending, pendingRoot, StakeWeights.TaoWeight((ulong)random.NextInt64()), validators);
            var alphaSum = result.Aggregate(U96F32.Zero, (s, r) => s.SaturatingAdd(r.Alpha)).SaturatingToU64();
            var rootSum = result.Aggregate(U96F32.Zero, (s, r) => s.SaturatingAdd(r.Root)).SaturatingToU64();
            Assert.InRange((long)pending - (long)alphaSum, 0, 1_000);
            Assert.InRange((long)pendingRoot - (long)rootSum, 0, 1_000);
        }
    }

    [Fact]
    public void Shares_follow_moving_prices_burn_weighting_and_disabled_subnets()
    {
        var prices = new[] { U64F64.One, U64F64.FromInt(3) };

        // MinerBurned 1.0 on the second subnet removes its weight
        var shares = SubnetEmissionShares.Shares(prices, [U96F32.Zero, U96F32.One]);
        Assert.Equal(U64F64.One, shares[0]);
        Assert.Equal(U64F64.Zero, shares[1]);

        // everything burned: fall back to price shares
        var fallback = SubnetEmissionShares.Shares(prices, [U96F32.One, U96F32.One]);
        Assert.Equal(SubnetEmissionShares.PriceShares(prices), fallback);

        // a disabled subnet gets nothing and the others are renormalised
        var emission = SubnetEmissionShares.BlockEmissions(SubnetEmissionShares.PriceShares(prices), [false, true], U96F32.SaturatingFromNum(1_000_000_000UL));
        Assert.Equal(U96F32.Zero, emission[0]);
        Assert.InRange((long)emission[1].SaturatingToU64() - 1_000_000_000L, -1, 0);

        Assert.True(SubnetEmissionShares.RootSellFlag(prices));
        Assert.False(SubnetEmissionShares.RootSellFlag([U64F64.One]));
    }
}
