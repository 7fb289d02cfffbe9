using Subtensor.Core.Arithmetic;
using Subtensor.Runtime.Pallets.SubtensorModule;
using Subtensor.Runtime.Tests.Support;

namespace Subtensor.Runtime.Tests.Pallets.SubtensorModule;

/// <summary>
/// The digest's §6.6 vectors (Subtensor <c>tests/registration.rs</c>, <c>tests/migration.rs</c>) through the pallet: the
/// burn decays in <c>on_initialize</c> and jumps on each registration.
/// </summary>
public class RegistrationPriceVectorTests
{
    private static (EconomyChain C, ushort Netuid) Subnet(ushort halfLife, ulong multiplier, ulong burn, ulong minBurn = 0, ulong maxBurn = 1_000_000_000_000)
    {
        var c = new EconomyChain();
        const ushort netuid = 1;
        c.St.BurnHalfLife.Insert(c.State, netuid, halfLife);
        c.St.BurnIncreaseMult.Insert(c.State, netuid, U64F64.SaturatingFromNum(multiplier));
        c.St.MinBurn.Insert(c.State, netuid, minBurn);
        c.St.MaxBurn.Insert(c.State, netuid, maxBurn);
        c.St.Burn.Insert(c.State, netuid, burn);
        return (c, netuid);
    }

    [Fact]
    public void Half_life_two_halves_1024_to_511_in_two_blocks_and_255_in_four()
    {
        var (c, n) = Subnet(2, 1, 1024);
        c.NextBlock(2);
        Assert.Equal(511UL, c.St.Burn.Get(c.State, n));
        c.NextBlock(2);
        Assert.Equal(255UL, c.St.Burn.Get(c.State, n));
    }

    [Fact]
    public void Registration_doubles_the_burn_at_once_and_the_next_block_decays_it_to_1998()
    {
        var (c, n) = Subnet(1000, 2, 1000);
        c.Ok("Bob", c.Call("burned_register", n, EconomyChain.Acc("BobHot")));
        Assert.Equal(2000UL, c.St.Burn.Get(c.State, n));
        c.NextBlock();
        Assert.Equal(1998UL, c.St.Burn.Get(c.State, n));
    }

    [Fact]
    public void Min_and_max_clamps_apply_to_decay_and_bump()
    {
        var (c, n) = Subnet(1, 2, 1, minBurn: 100_000, maxBurn: 150_000);
        c.NextBlock();
        Assert.Equal(100_000UL, c.St.Burn.Get(c.State, n));
        c.Ok("Bob", c.Call("burned_register", n, EconomyChain.Acc("BobHot")));
        Assert.Equal(150_000UL, c.St.Burn.Get(c.State, n));
        c.NextBlock();
        Assert.Equal(100_000UL, c.St.Burn.Get(c.State, n));
    }

    [Fact]
    public void Multiplier_three_bumps_1000_to_3000()
    {
        var (c, n) = Subnet(0, 3, 1000);
        c.Ok("Bob", c.Call("register", n, 0UL, 0UL, Array.Empty<byte>(), EconomyChain.Acc("BobHot"), EconomyChain.Acc("Bob")));
        Assert.Equal(3000UL, c.St.Burn.Get(c.State, n));
    }

    [Fact]
    public void Lock_cost_after_the_2500_tao_migration_then_one_block_of_decay()
    {
        var c = new EconomyChain();
        const ulong lastLock = 1_250_000_000_000;
        c.St.NetworkLastLockCost.Put(c.State, lastLock);
        c.St.NetworkLockReductionInterval.Put(c.State, 57_600);
        c.St.LastRateLimitedBlock.Insert(c.State, RateLimitKey.NetworkLastRegistered, c.Block);
        Assert.Equal(2_500_000_000_000UL, c.St.NetworkLockCost(c.State));
        c.NextBlock();
        Assert.Equal(2_500_000_000_000UL - (lastLock / 57_600), c.St.NetworkLockCost(c.State));
    }

    [Fact]
    public void Register_limit_refuses_a_burn_above_the_limit_and_changes_nothing()
    {
        var c = new EconomyChain();
        var burn = c.St.Burn.Get(c.State, 1);
        var before = c.Chain.Free("Bob");
        var r = c.Do("Bob", c.Call("register_limit", (ushort)1, EconomyChain.Acc("BobHot"), burn - 1));
        Assert.Equal(c.Error(SubtensorError.RegistrationPriceLimitExceeded), r.Error);
        Assert.Equal(before, c.Chain.Free("Bob"));
        Assert.False(c.St.Uids.Contains(c.State, 1, EconomyChain.Acc("BobHot")));
        c.Ok("Bob", c.Call("register_limit", (ushort)1, EconomyChain.Acc("BobHot"), burn));
        Assert.Equal(before - burn, c.Chain.Free("Bob"));
    }
}
