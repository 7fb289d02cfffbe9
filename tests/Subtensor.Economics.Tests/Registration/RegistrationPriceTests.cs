using Subtensor.Core.Arithmetic;
using Subtensor.Economics.Coinbase;
using Subtensor.Economics.Registration;

namespace Subtensor.Economics.Tests.Registration;

/// <summary>Registration price and lock cost (<c>tests/registration.rs</c>, <c>tests/migration.rs</c>; digest §6.6).</summary>
public sealed class RegistrationPriceTests
{
    [Fact]
    public void Burn_halves_every_half_life()
    {
        // half-life 2, multiplier 1, burn 1024 ⇒ 511 after 2 blocks, 255 after 4
        ulong burn = 1_024;
        ulong block = 1;
        for (int i = 0; i < 2; i++)
        {
            burn = BurnPrice.DecayOneBlock(burn, 2, ++block, 0, ulong.MaxValue);
        }

        Assert.Equal(511UL, burn);
        for (int i = 0; i < 2; i++)
        {
            burn = BurnPrice.DecayOneBlock(burn, 2, ++block, 0, ulong.MaxValue);
        }

        Assert.Equal(255UL, burn);
    }

    [Fact]
    public void Registration_bump_then_decay()
    {
        // half-life 1000, multiplier 2, burn 1000 ⇒ 2000 on registration, 1998 next block
        ulong burn = BurnPrice.BumpAfterRegistration(1_000, U64F64.FromInt(2), 0, ulong.MaxValue);
        Assert.Equal(2_000UL, burn);
        Assert.Equal(1_998UL, BurnPrice.DecayOneBlock(burn, 1_000, 2, 0, ulong.MaxValue));

        // one block of decay alone: 1000 ⇒ 999
        Assert.Equal(999UL, BurnPrice.DecayOneBlock(1_000, 1_000, 2, 0, ulong.MaxValue));

        // multiplier 3 ⇒ 3000
        Assert.Equal(3_000UL, BurnPrice.BumpAfterRegistration(1_000, U64F64.FromInt(3), 0, ulong.MaxValue));
    }

    [Fact]
    public void Min_and_max_clamps()
    {
        // half-life 1, multiplier 2, min 100_000, max 150_000, burn 1
        ulong burn = BurnPrice.DecayOneBlock(1, 1, 2, 100_000, 150_000);
        Assert.Equal(100_000UL, burn);
        burn = BurnPrice.BumpAfterRegistration(burn, U64F64.FromInt(2), 100_000, 150_000);
        Assert.Equal(150_000UL, burn);
        burn = BurnPrice.DecayOneBlock(burn, 1, 3, 100_000, 150_000);
        Assert.Equal(100_000UL, burn);
        Assert.Equal(100_000UL, BurnPrice.DecayOneBlock(burn, 1, 4, 100_000, 150_000));
    }

    [Fact]
    public void No_decay_at_genesis_or_with_zero_half_life_and_multiplier_below_one_is_ignored()
    {
        Assert.Equal(1_000UL, BurnPrice.DecayOneBlock(1_000, 360, 1, 0, ulong.MaxValue));
        Assert.Equal(1_000UL, BurnPrice.DecayOneBlock(1_000, 0, 100, 0, ulong.MaxValue));
        Assert.Equal(1_000UL, BurnPrice.BumpAfterRegistration(1_000, U64F64.Zero, 0, ulong.MaxValue));
        Assert.Equal(1_260UL, BurnPrice.BumpAfterRegistration(1_000, BurnPrice.DefaultIncreaseMultiplier, 0, ulong.MaxValue));
    }

    [Theory]
    [InlineData((ushort)1)]
    [InlineData((ushort)2)]
    [InlineData((ushort)360)]
    [InlineData((ushort)36_100)]
    public void Decay_factor_is_the_largest_q32_value_whose_power_is_at_most_one_half(ushort halfLife)
    {
        ulong f = BurnPrice.DecayFactorQ32(halfLife);
        Assert.True(BurnPrice.PowQ32(f, halfLife) <= 1UL << 31);
        Assert.True(BurnPrice.PowQ32(f + 1, halfLife) > 1UL << 31);
    }

    [Fact]
    public void Lock_cost_after_the_2500_tao_migration()
    {
        // last lock 1_250 TAO at the current block ⇒ 2_500 TAO; one block later minus floor(1_250e9 / interval_eff)
        const ulong lastLock = 1_250_000_000_000, minLock = 1_000_000_000_000;
        ulong interval = NetworkLockCost.ReductionInterval(57_600, BlockEmission.ForIssuance(0)!.Value);
        Assert.Equal(57_600UL, interval);
        Assert.Equal(2_500_000_000_000UL, NetworkLockCost.Cost(lastLock, minLock, 1_000, 1_000, interval));
        Assert.Equal(2_500_000_000_000UL - (lastLock / 57_600), NetworkLockCost.Cost(lastLock, minLock, 1_000, 1_001, interval));

        // decays linearly down to the minimum lock
        Assert.Equal(minLock, NetworkLockCost.Cost(lastLock, minLock, 1_000, 1_000 + 10_000_000, interval));
    }

    [Fact]
    public void Lock_cost_without_previous_registration_and_after_a_halving()
    {
        Assert.Equal(5_000UL, NetworkLockCost.Cost(5_000, 1_000, 0, 0, 100));
        Assert.Equal(50_400UL, NetworkLockCost.ReductionInterval(100_800, 500_000_000));
        Assert.Equal(0UL, NetworkLockCost.ReductionInterval(100_800, 0));
        Assert.Equal(10_000UL, NetworkLockCost.Cost(5_000, 1_000, 10, 20, 0)); // interval 0: no decay (safe_div)
    }
}
