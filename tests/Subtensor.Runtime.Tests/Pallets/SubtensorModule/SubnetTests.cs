using Subtensor.Core.Types;
using Subtensor.Runtime.Framework.Dispatch;
using Subtensor.Runtime.Pallets.SubtensorModule;
using Subtensor.Runtime.Tests.Support;

namespace Subtensor.Runtime.Tests.Pallets.SubtensorModule;

public class SubnetTests
{
    private static AccountId32 A(string s) => EconomyChain.Acc(s);

    private static SubnetIdentity Identity(string name) =>
        new(System.Text.Encoding.UTF8.GetBytes(name), [], [], [], [], [], [], []);

    [Fact]
    public void Register_network_is_rate_limited_and_needs_the_lock()
    {
        var c = new EconomyChain();
        c.Ok("Bob", c.Call("register_network", A("BobHot")));
        Assert.Equal(c.Error(SubtensorError.NetworkTxRateLimitExceeded), c.Do("Charlie", c.Call("register_network", A("CharlieHot"))).Error);
        c.RootOk(c.Admin("sudo_set_network_rate_limit", 0UL));
        Assert.Equal(c.Error(SubtensorError.CannotAffordLockCost), c.Do("Pauper", c.Call("register_network", A("PauperHot"))).Error);
        Assert.Equal(c.Error(SubtensorError.NonAssociatedColdKey), c.Do("Charlie", c.Call("register_network", A("BobHot"))).Error);
    }

    [Fact]
    public void Register_with_identity_start_call_and_identity_updates()
    {
        var c = new EconomyChain();
        c.Ok("Bob", c.Call("register_network_with_identity", A("BobHot"), Identity("bob-net")));
        const ushort n = 2;
        Assert.Equal("bob-net"u8.ToArray(), c.St.SubnetIdentitiesV3.Get(c.State, n).SubnetName);
        Assert.Equal(DispatchError.BadOrigin, c.Do("Charlie", c.Call("start_call", n)).Error);
        c.Ok("Bob", c.Call("start_call", n));
        Assert.Equal(c.Block + 1, c.St.FirstEmissionBlockNumber.Get(c.State, n));
        Assert.Equal(c.Error(SubtensorError.FirstEmissionBlockNumberAlreadySet), c.Do("Bob", c.Call("start_call", n)).Error);
        Assert.Equal(c.Error(SubtensorError.NotSubnetOwner), c.Do("Charlie", c.Call("set_subnet_identity", n, new byte[1], Array.Empty<byte>(),
            Array.Empty<byte>(), Array.Empty<byte>(), Array.Empty<byte>(), Array.Empty<byte>(), Array.Empty<byte>(), Array.Empty<byte>())).Error);
        Assert.Equal(c.Error(SubtensorError.InvalidIdentity), c.Do("Bob", c.Call("set_subnet_identity", n, new byte[257], Array.Empty<byte>(),
            Array.Empty<byte>(), Array.Empty<byte>(), Array.Empty<byte>(), Array.Empty<byte>(), Array.Empty<byte>(), Array.Empty<byte>())).Error);
        c.Ok("Bob", c.Call("set_subnet_identity", n, "new"u8.ToArray(), Array.Empty<byte>(), Array.Empty<byte>(), Array.Empty<byte>(),
            Array.Empty<byte>(), Array.Empty<byte>(), Array.Empty<byte>(), Array.Empty<byte>()));
        Assert.Equal("new"u8.ToArray(), c.St.SubnetIdentitiesV3.Get(c.State, n).SubnetName);
    }

    [Fact]
    public void Start_call_waits_for_the_start_call_delay()
    {
        var c = new EconomyChain();
        c.RootOk(c.Admin("sudo_set_start_call_delay", 3UL));
        var n = c.NewSubnet("Bob", "BobHot", start: false);
        Assert.Equal(c.Error(SubtensorError.NeedWaitingMoreBlocksToStarCall), c.Do("Bob", c.Call("start_call", n)).Error);
        c.NextBlock(3);
        c.Ok("Bob", c.Call("start_call", n));
    }

    [Fact]
    public void Update_symbol_needs_an_unused_symbol_from_the_table()
    {
        var c = new EconomyChain();
        var n = c.NewSubnet("Bob", "BobHot");
        Assert.Equal(c.Error(SubtensorError.SymbolDoesNotExist), c.Do("Bob", c.Call("update_symbol", n, "zz"u8.ToArray())).Error);
        Assert.Equal(c.Error(SubtensorError.SymbolAlreadyInUse), c.Do("Bob", c.Call("update_symbol", n, SubnetSymbols.ForSubnet(1))).Error);
        Assert.Equal(DispatchError.BadOrigin, c.Do("Charlie", c.Call("update_symbol", n, SubnetSymbols.ForSubnet(9))).Error);
        c.Ok("Bob", c.Call("update_symbol", n, SubnetSymbols.ForSubnet(9)));
        Assert.Equal(SubnetSymbols.ForSubnet(9), c.St.TokenSymbol.Get(c.State, n));
    }

    [Fact]
    public void Set_tempo_checks_owner_bounds_and_rate_limit_and_restarts_the_cycle()
    {
        var c = new EconomyChain();
        var n = c.NewSubnet("Bob", "BobHot");
        Assert.Equal(c.Error(SubtensorError.TempoOutOfBounds), c.Do("Bob", c.Call("set_tempo", n, (ushort)359)).Error);
        Assert.Equal(DispatchError.BadOrigin, c.Do("Charlie", c.Call("set_tempo", n, (ushort)400)).Error);
        c.Ok("Bob", c.Call("set_tempo", n, (ushort)400));
        Assert.Equal((ushort)400, c.St.Tempo.Get(c.State, n));
        Assert.Equal(c.Block, c.St.LastEpochBlock.Get(c.State, n));
        c.NextBlock();
        Assert.Equal(c.Error(SubtensorError.TxRateLimitExceeded), c.Do("Bob", c.Call("set_tempo", n, (ushort)500)).Error);
    }

    [Fact]
    public void Dissolve_pays_the_pool_pro_rata_to_alpha_holders_and_clears_the_subnet()
    {
        var c = new EconomyChain();
        var n = c.NewSubnet("Bob", "BobHot");
        c.Ok("Charlie", c.Call("add_stake", A("BobHot"), n, 100_000_000_000UL));
        c.Ok("Dave", c.Call("add_stake", A("BobHot"), n, 50_000_000_000UL));
        c.Ok("Eve", c.Call("burned_register", n, A("EveHot")));
        c.Ok("EveHot", c.Call("serve_axon", n, 1u, (UInt128)1, (ushort)1, (byte)4, (byte)0, (byte)0, (byte)0));
        var pot = c.St.SubnetTAO.Get(c.State, n);
        var (charlieAlpha, daveAlpha) = (c.St.Stake(c.State, A("BobHot"), A("Charlie"), n), c.St.Stake(c.State, A("BobHot"), A("Dave"), n));
        var protocol = c.St.SubnetAlphaIn.Get(c.State, n);
        var (charlie, dave) = (c.Chain.Free("Charlie"), c.Chain.Free("Dave"));
        var issuance = c.St.TotalIssuance.Get(c.State);
        var account = EconomyChain.Rt.Balances.FreeBalance(c.State, SubtensorModulePallet.SubnetAccount(n));
        Assert.Equal(DispatchError.BadOrigin, c.Do("Bob", c.Call("root_dissolve_network", n)).Error);
        c.RootOk(c.Call("root_dissolve_network", n));

        var total = (System.Numerics.BigInteger)charlieAlpha + daveAlpha + protocol;
        var charlieShare = (ulong)((System.Numerics.BigInteger)pot * charlieAlpha / total);
        var daveShare = (ulong)((System.Numerics.BigInteger)pot * daveAlpha / total);
        Assert.InRange(c.Chain.Free("Charlie") - charlie, charlieShare, charlieShare + 1);
        Assert.InRange(c.Chain.Free("Dave") - dave, daveShare, daveShare + 1);
        Assert.False(c.St.NetworksAdded.Contains(c.State, n));
        Assert.False(c.St.SubnetTAO.Contains(c.State, n));
        Assert.False(c.St.Tempo.Contains(c.State, n));
        Assert.False(c.St.Burn.Contains(c.State, n));
        Assert.False(c.St.Keys.Contains(c.State, n, 0));
        Assert.False(c.St.Uids.Contains(c.State, n, A("EveHot")));
        Assert.False(c.St.Axons.Contains(c.State, n, A("EveHot")));
        Assert.False(c.St.AlphaV2.Contains(c.State, A("BobHot"), A("Charlie"), n));
        Assert.False(c.St.TotalHotkeyAlpha.Contains(c.State, A("BobHot"), n));
        Assert.False(c.St.IsNetworkMember.Contains(c.State, A("EveHot"), n));
        Assert.False(EconomyChain.Rt.Swap.SwapBalancer.Contains(c.State, n));
        Assert.Single(c.EventsOf(SubtensorEvent.NetworkRemoved));
        // What the protocol's alpha was worth is recycled with the rest of the subnet account (ED kept).
        var paid = (c.Chain.Free("Charlie") - charlie) + (c.Chain.Free("Dave") - dave);
        var recycled = account - paid - 500;
        Assert.True(recycled > 0);
        Assert.Equal(issuance - recycled, c.St.TotalIssuance.Get(c.State));
        Assert.Equal(issuance - recycled, EconomyChain.Rt.Balances.TotalIssuance.Get(c.State));
        Assert.Equal(500UL, EconomyChain.Rt.Balances.FreeBalance(c.State, SubtensorModulePallet.SubnetAccount(n)));
        // The netuid is free again.
        Assert.Equal(n, c.St.NextNetuid(c.State));
    }

    [Fact]
    public void At_the_subnet_limit_registration_prunes_the_lowest_moving_price_subnet()
    {
        var c = new EconomyChain();
        var a = c.NewSubnet("Bob", "BobHot");
        var b = c.NewSubnet("Charlie", "CharlieHot");
        c.RootOk(c.Admin("sudo_set_subnet_limit", (ushort)3));
        c.RootOk(c.Admin("sudo_set_network_immunity_period", 0UL));
        c.St.SubnetMovingPrice.Insert(c.State, 1, Core.Arithmetic.I96F32.SaturatingFromNum(5UL));
        c.St.SubnetMovingPrice.Insert(c.State, a, Core.Arithmetic.I96F32.SaturatingFromNum(3UL));
        c.St.SubnetMovingPrice.Insert(c.State, b, Core.Arithmetic.I96F32.SaturatingFromNum(1UL));
        c.Ok("Alice", c.Call("register_network", A("AliceHot2")));
        Assert.Equal(b, (ushort)c.EventsOf(SubtensorEvent.NetworkRemoved).Single().Fields[0]!);
        Assert.Equal(b, (ushort)c.EventsOf(SubtensorEvent.NetworkAdded).Last().Fields[0]!);
        Assert.Equal(A("Alice"), c.St.SubnetOwner.Get(c.State, b));
        c.RootOk(c.Admin("sudo_set_network_immunity_period", 1_000_000UL));
        Assert.Equal(c.Error(SubtensorError.SubnetLimitReached), c.Do("Dave", c.Call("register_network", A("DaveHot"))).Error);
    }

    [Fact]
    public void New_subnets_schedule_root_validators_as_parents_of_the_owner_hotkey()
    {
        var c = new EconomyChain();
        c.Ok("Dave", c.Call("root_register", A("DaveHot")));
        var n = c.NewSubnet("Bob", "BobHot", start: false);
        Assert.Equal([(ulong.MaxValue, A("BobHot"))], c.St.ChildKeys.Get(c.State, A("DaveHot"), n));
        Assert.Equal([(ulong.MaxValue, A("DaveHot"))], c.St.ParentKeys.Get(c.State, A("BobHot"), n));
        Assert.Single(c.EventsOf(SubtensorEvent.SetChildren));
    }
}
