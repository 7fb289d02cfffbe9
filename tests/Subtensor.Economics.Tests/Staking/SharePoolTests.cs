using Subtensor.Economics.Staking;

namespace Subtensor.Economics.Tests.Staking;

/// <summary>Subtensor's share-pool vectors (<c>primitives/share-pool/src/lib.rs</c> tests) over the pure pool functions.</summary>
public sealed class SharePoolTests
{
    [Fact]
    public void Get_value_splits_the_shared_value_by_shares()
    {
        var pool = new Pool { Shared = 100, Denominator = SafeFloat.FromU64(10) };
        pool.Shares[1] = SafeFloat.FromU64(3);
        pool.Shares[2] = SafeFloat.FromU64(7);
        Assert.Equal(30UL, pool.Value(1));
        Assert.Equal(70UL, pool.Value(2));
    }

    [Fact]
    public void A_zero_denominator_values_everyone_at_zero() => Assert.Equal(0UL, new Pool().Value(1));

    [Fact]
    public void Max_shared_value_maps_to_u64_max()
    {
        var pool = new Pool { Shared = ulong.MaxValue, Denominator = SafeFloat.FromU64(10) };
        pool.Shares[1] = SafeFloat.FromU64(3);
        pool.Shares[2] = SafeFloat.FromU64(7);
        Assert.True(ulong.MaxValue - (pool.Value(1) + pool.Value(2)) <= 5);
    }

    [Fact]
    public void Max_share_values_split_evenly()
    {
        var pool = new Pool { Shared = 1_000_000_000, Denominator = SafeFloat.FromU64(ulong.MaxValue) };
        pool.Shares[1] = SafeFloat.FromU64(ulong.MaxValue / 2);
        pool.Shares[2] = SafeFloat.FromU64(ulong.MaxValue / 2);
        Assert.InRange((long)pool.Value(1), 499_999_999, 500_000_001);
        Assert.InRange((long)pool.Value(2), 499_999_999, 500_000_001);
    }

    [Fact]
    public void Denominator_precision_survives_near_full_unstakes()
    {
        var pool = new Pool();
        pool.UpdateOne(1, 1000);
        Assert.Equal(1000UL, pool.Value(1));
        pool.UpdateOne(1, -990);
        pool.UpdateOne(2, 1000);
        pool.UpdateOne(2, -990);
        Assert.Equal(10UL, pool.Value(1));
        Assert.Equal(10UL, pool.Value(2));
    }

    [Fact]
    public void Denominator_high_precision()
    {
        var pool = new Pool();
        pool.UpdateOne(1, 1);
        pool.UpdateOne(2, 1);
        pool.UpdateAll(999_999_999_999_998);
        pool.UpdateOne(1, -499_999_999_999_990);
        pool.UpdateOne(2, -499_999_999_999_990);
        pool.UpdateAll(999_999_999_999_980);
        pool.UpdateOne(1, 1_000_000_000_000);
        pool.UpdateOne(2, 1_000_000_000_000);
        Assert.InRange((long)pool.Value(1), 500_999_999_999_999, 501_000_000_000_001);
        Assert.InRange((long)pool.Value(2), 500_999_999_999_999, 501_000_000_000_001);
    }

    [Fact]
    public void Many_small_unstakes_lose_nothing()
    {
        var pool = new Pool();
        pool.UpdateOne(1, 1);
        pool.UpdateOne(2, 1);
        pool.UpdateAll(1_000_000_000_000_000);
        for (var i = 0; i < 1000; i++)
        {
            pool.UpdateOne(1, -500_000_000);
            pool.UpdateOne(2, -500_000_000);
        }

        pool.UpdateAll(1_000_000_000_000_000);
        pool.UpdateOne(1, 1_000_000_000_000);
        pool.UpdateOne(2, 1_000_000_000_000);
        const long expected = 1_001_000_000_000_000 - (1000L * 500_000_000);
        Assert.InRange((long)pool.Value(1), expected - 1, expected + 1);
        Assert.InRange((long)pool.Value(2), expected - 1, expected + 1);
    }

    [Fact]
    public void Update_for_one_and_for_all()
    {
        var pool = new Pool();
        pool.UpdateOne(1, 1000);
        Assert.Equal(1000UL, pool.Value(1));
        var all = new Pool();
        all.UpdateAll(1000);
        Assert.Equal(1000UL, all.Shared);
    }

    [Fact]
    public void A_tiny_denominator_does_not_lose_stake_on_a_small_unstake()
    {
        // The SN64 case: 10 % of 1e12 held with a denominator of 1e-14.
        var pool = new Pool { Shared = 1_000_000_000_000, Denominator = SafeFloat.Create(1, -14)!.Value };
        pool.Shares[1] = SafeFloat.Create(1, -15)!.Value;
        var before = pool.Value(1);
        Assert.InRange(before, 99_999_999_999UL, 100_000_000_001UL);
        pool.UpdateOne(1, -1000);
        Assert.InRange((long)(before - pool.Value(1)), 999, 1001);
    }

    [Theory]
    [InlineData(1L, 1UL, 1UL, 0L)]
    [InlineData(1L, 1_000_000_000_000_000_000UL, 1UL, 0L)]
    [InlineData(1L, 21_000_000_000_000_000UL, 1UL, 5L)]
    [InlineData(1L, 21_000_000_000_000_000UL, 1UL, -1_000_000L)]
    [InlineData(1L, 21_000_000_000_000_000UL, 1UL, -1_000_000_001L)]
    [InlineData(1_000L, 21_000_000_000_000_000UL, 1UL, 5L)]
    [InlineData(21_000_000_000_000_000L, 21_000_000_000_000_000UL, 1UL, 5L)]
    [InlineData(21_000_000_000_000_000L, 21_000_000_000_000_000UL, 1UL, -100L)]
    [InlineData(21_000_000_000_000_000L, 21_000_000_000_000_000UL, 1UL, 100L)]
    [InlineData(210_000_000_000_000_000L, 21_000_000_000_000_000UL, 1UL, 5L)]
    [InlineData(1_000L, 1_000UL, 21_000_000_000_000_000UL, 0L)]
    [InlineData(1_000L, 1_000UL, 21_000_000_000_000_000UL, -1L)]
    public void Shares_per_update_is_update_times_denominator_over_shared(long update, ulong shared, ulong denominatorMantissa, long denominatorExponent)
    {
        var denominator = SafeFloat.Create(denominatorMantissa, denominatorExponent) ?? SafeFloat.Zero;
        var spu = SafeFloatTests.D(SharePool.SharesPerUpdate(update, shared, denominator));
        var expected = update * SafeFloatTests.D(denominator) / shared;
        Assert.True(Math.Abs(expected - spu) <= expected / 1000, $"{spu} vs {expected}");
    }

    [Fact]
    public void Can_update_one_refuses_deposits_that_mint_no_shares()
    {
        Assert.False(SharePool.CanUpdateOne(0, 100, SafeFloat.FromU64(1)));
        Assert.False(SharePool.CanUpdateOne(5, 0, SafeFloat.FromU64(1)));
        Assert.True(SharePool.CanUpdateOne(5, 100, SafeFloat.Zero));
        Assert.True(SharePool.CanUpdateOne(1, ulong.MaxValue, SafeFloat.Create(1, -60)!.Value));
    }

    /// <summary>The Rust test's mock pool: one shared value, a denominator and per-key shares.</summary>
    private sealed class Pool
    {
        public ulong Shared { get; set; }

        public SafeFloat Denominator { get; set; }

        public Dictionary<int, SafeFloat> Shares { get; } = [];

        public ulong Value(int key) => SharePool.Value(Shared, Shares.GetValueOrDefault(key), Denominator);

        public void UpdateOne(int key, long update)
        {
            var next = SharePool.UpdateOne(Shared, Shares.GetValueOrDefault(key), Denominator, update);
            (Shared, Denominator, Shares[key]) = (next.SharedValue, next.Denominator, next.Share);
        }

        public void UpdateAll(long update) => Shared = SharePool.UpdateForAll(Shared, update);
    }
}
