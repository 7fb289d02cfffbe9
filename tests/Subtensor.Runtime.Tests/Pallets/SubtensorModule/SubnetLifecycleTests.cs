using Subtensor.Core.Arithmetic;
using Subtensor.Runtime.Pallets.SubtensorModule;
using Subtensor.Runtime.Tests.Support;

namespace Subtensor.Runtime.Tests.Pallets.SubtensorModule;

public class SubnetLifecycleTests
{
    [Fact]
    public void Dev_genesis_has_root_and_a_started_subnet_one_owned_by_alice()
    {
        var c = new EconomyChain();
        var alice = EconomyChain.Acc("Alice");
        Assert.True(c.St.NetworksAdded.Get(c.State, 0));
        Assert.True(c.St.NetworksAdded.Get(c.State, 1));
        Assert.Equal(alice, c.St.SubnetOwner.Get(c.State, 1));
        Assert.Equal(alice, c.St.SubnetOwnerHotkey.Get(c.State, 1));
        Assert.Equal(alice, c.St.Keys.Get(c.State, 1, 0));
        Assert.Equal((ushort)10, c.St.Tempo.Get(c.State, 1));
        Assert.Equal(0UL, c.St.WeightsSetRateLimit.Get(c.State, 1));
        Assert.False(c.St.CommitRevealWeightsEnabled.Get(c.State, 1));
        Assert.True(c.St.SubtokenEnabled.Get(c.State, 1));
        Assert.Equal(1_000_000_000UL, c.St.Stake(c.State, alice, alice, 1));
        Assert.Equal(10_000_000_000UL, c.St.SubnetTAO.Get(c.State, 1));
        Assert.Equal(10_000_000_000UL, EconomyChain.Rt.Balances.FreeBalance(c.State, SubtensorModulePallet.SubnetAccount(1)));
        Assert.Equal(EconomyChain.Rt.Balances.TotalIssuance.Get(c.State), c.St.TotalIssuance.Get(c.State));
    }

    [Fact]
    public void Register_network_locks_the_cost_and_seeds_the_pool_at_the_median_price()
    {
        var c = new EconomyChain();
        var before = c.Chain.Free("Bob");
        var lockCost = c.St.NetworkLockCost(c.State);
        Assert.Equal(1_000_000_000_000UL, lockCost);
        var netuid = c.NewSubnet("Bob", "BobHot", start: false);
        Assert.Equal((ushort)2, netuid);
        Assert.Equal(before - lockCost, c.Chain.Free("Bob"));
        Assert.Equal(lockCost, c.St.SubnetTAO.Get(c.State, netuid));
        // Median over the one existing subnet (price 10 TAO / 10 alpha = 1): alpha reserve = lock / 1.
        Assert.Equal(lockCost, c.St.SubnetAlphaIn.Get(c.State, netuid));
        Assert.Equal(lockCost, c.St.SubnetLocked.Get(c.State, netuid));
        Assert.Equal(EconomyChain.Acc("BobHot"), c.St.Keys.Get(c.State, netuid, 0));
        Assert.Equal(EconomyChain.Acc("Bob"), c.St.Owner.Get(c.State, EconomyChain.Acc("BobHot")));
        Assert.Equal((ushort)1, c.St.SubnetworkN.Get(c.State, netuid));
        Assert.Equal(1_000_000_000UL, c.St.Burn.Get(c.State, netuid));
        Assert.False(c.St.SubnetEmissionEnabled.Get(c.State, netuid));
        Assert.False(c.St.SubtokenEnabled.Get(c.State, netuid));
        Assert.True(c.St.Yuma3On.Get(c.State, netuid));
        Assert.Equal((ushort)5000, c.St.ImmunityPeriod.Get(c.State, netuid));
        Assert.Equal(SubnetSymbols.ForSubnet(2), c.St.TokenSymbol.Get(c.State, netuid));
        // The next registration costs twice the last lock (decay starts from there).
        Assert.Equal(2 * lockCost, c.St.NetworkLockCost(c.State));
    }
}
