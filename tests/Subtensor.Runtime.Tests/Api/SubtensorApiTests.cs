using Subtensor.Core.Scale;
using Subtensor.Core.Types;
using Subtensor.Runtime.Pallets.SubtensorModule;
using Subtensor.Runtime.Tests.Support;

namespace Subtensor.Runtime.Tests.Api;

/// <summary>SwapRuntimeApi and SubnetRegistrationRuntimeApi through the runtime API dispatcher, against real dispatches.</summary>
public class SubtensorApiTests
{
    private static readonly AccountId32 Alice = EconomyChain.Acc("Alice");

    private static SubtensorRuntime Rt => EconomyChain.Rt;

    private static byte[] Api(EconomyChain c, string method, byte[] args) => Rt.Apis.Call(c.State, method, args);

    private static byte[] NetuidAmount(ushort netuid, ulong amount) => new ScaleWriter().WriteU16(netuid).WriteU64(amount).ToArray();

    private static ulong[] Sim(byte[] bytes)
    {
        var r = new ScaleReader(bytes);
        var values = new ulong[6];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = r.ReadU64();
        }

        r.EnsureAtEnd();
        return values;
    }

    private static EconomyChain DeepChain()
    {
        var c = new EconomyChain();
        c.Ok("Alice", c.Call("add_stake", Alice, (ushort)1, 500_000_000_000UL));
        return c;
    }

    [Fact]
    public void Current_alpha_price_is_tao_over_alpha_in_rao_and_root_is_one()
    {
        var c = DeepChain();
        var price = new ScaleReader(Api(c, "SwapRuntimeApi_current_alpha_price", new ScaleWriter().WriteU16(1).ToArray())).ReadU64();
        var (tao, alpha) = (c.St.SubnetTAO.Get(c.State, 1), c.St.SubnetAlphaIn.Get(c.State, 1));
        Assert.InRange((long)price - (long)((UInt128)tao * 1_000_000_000 / alpha), -1, 0);

        var all = new ScaleReader(Api(c, "SwapRuntimeApi_current_alpha_price_all", []));
        var count = all.ReadCompactU32();
        var prices = new Dictionary<ushort, ulong>();
        for (var i = 0; i < count; i++)
        {
            prices[all.ReadU16()] = all.ReadU64();
        }

        Assert.Equal(1_000_000_000UL, prices[0]);
        Assert.Equal(price, prices[1]);
    }

    [Fact]
    public void Sim_swap_tao_for_alpha_predicts_add_stake_exactly()
    {
        var c = DeepChain();
        const ulong amount = 37_000_000_000;
        var sim = Sim(Api(c, "SwapRuntimeApi_sim_swap_tao_for_alpha", NetuidAmount(1, amount)));
        c.Ok("Bob", c.Call("add_stake", Alice, (ushort)1, amount));
        var ev = c.EventsOf(SubtensorEvent.StakeAdded).Last();
        Assert.Equal(sim[1], (ulong)ev.Fields[3]!);
        Assert.Equal(sim[2], (ulong)ev.Fields[5]!);
        Assert.Equal(amount - sim[2], sim[0]);
        Assert.Equal([0UL, 0UL], sim[3..5]);
        Assert.True(sim[5] > 0, "a 37 TAO buy slips");
    }

    [Fact]
    public void Sim_swap_alpha_for_tao_predicts_remove_stake_exactly()
    {
        var c = DeepChain();
        c.Ok("Bob", c.Call("add_stake", Alice, (ushort)1, 100_000_000_000UL));
        var alpha = c.St.Stake(c.State, Alice, EconomyChain.Acc("Bob"), 1) / 3;
        var sim = Sim(Api(c, "SwapRuntimeApi_sim_swap_alpha_for_tao", NetuidAmount(1, alpha)));
        var before = c.Chain.Free("Bob");
        c.Ok("Bob", c.Call("remove_stake", Alice, (ushort)1, alpha));
        Assert.Equal(before + sim[0], c.Chain.Free("Bob"));
        var ev = c.EventsOf(SubtensorEvent.StakeRemoved).Last();
        Assert.Equal(sim[0], (ulong)ev.Fields[2]!);
        Assert.Equal(sim[3], (ulong)ev.Fields[5]!);
        Assert.Equal(alpha - sim[3], sim[1]);
        Assert.Equal(0UL, sim[2]);
    }

    [Fact]
    public void Sim_on_an_unknown_subnet_swaps_nothing_at_the_unit_price()
    {
        // Mechanism 0 with no subnet: nothing is paid in or out; the "no slippage" alpha at price 1 is all slippage.
        var c = new EconomyChain();
        Assert.Equal([0UL, 0UL, 0UL, 0UL, 0UL, 1_000_000_000UL], Sim(Api(c, "SwapRuntimeApi_sim_swap_tao_for_alpha", NetuidAmount(77, 1_000_000_000))));
    }

    [Fact]
    public void Network_registration_cost_is_the_lock_cost_and_register_network_charges_it()
    {
        var c = new EconomyChain();
        var cost = new ScaleReader(Api(c, "SubnetRegistrationRuntimeApi_get_network_registration_cost", [])).ReadU64();
        Assert.Equal(c.St.NetworkLockCost(c.State), cost);
        var before = c.Chain.Free("Bob");
        c.RootOk(c.Admin("sudo_set_network_rate_limit", 0UL));
        c.Ok("Bob", c.Call("register_network", EconomyChain.Acc("BobHot")));
        Assert.Equal(before - cost, c.Chain.Free("Bob"));
    }
}
