using Xunit.Abstractions;
using Subtensor.Core.Types;
using Subtensor.Runtime.Pallets.SubtensorModule;
using Subtensor.Runtime.Tests.Support;

namespace Subtensor.Runtime.Tests.Pallets.SubtensorModule;

/// <summary>
/// The epoch and coinbase driven by blocks: a fresh subnet with two validators of unequal stake and three miners; after
/// the validators set weights and three epochs pass, miner incentive follows the weights, dividends follow stake and the
/// validators' stake has grown.
/// </summary>
public class EpochScenarioTests(ITestOutputHelper output)
{
    private const ushort Tempo = 10;

    private static AccountId32 A(string s) => EconomyChain.Acc(s);

    [Fact]
    public void Three_epochs_pay_miners_by_weight_and_validators_by_stake()
    {
        var c = new EconomyChain();
        var n = FreshSubnet(c);
        ushort[] miners = [3, 4, 5];
        Assert.Equal((ushort)1, c.St.Uids.Get(c.State, n, A("V1Hot")));
        Assert.Equal((ushort)2, c.St.Uids.Get(c.State, n, A("V2Hot")));

        // First epoch: permits follow stake (the owner UID always has one).
        RunUntilEpoch(c, n);
        var permits = c.St.ValidatorPermit.Get(c.State, n);
        Assert.True(permits[0] && permits[1] && permits[2]);

        // Both validators weight the miners 1 : 2 : 3.
        c.Ok("V1Hot", c.Call("set_weights", n, miners, new ushort[] { 100, 200, 300 }, 0UL));
        c.Ok("V2Hot", c.Call("set_weights", n, miners, new ushort[] { 1000, 2000, 3000 }, 0UL));
        var v1Before = c.St.HotkeyStake(c.State, A("V1Hot"), n);
        var v2Before = c.St.HotkeyStake(c.State, A("V2Hot"), n);
        var minersBefore = miners.Select(m => c.St.HotkeyStake(c.State, c.St.Keys.Get(c.State, n, m), n)).ToArray();
        for (var e = 0; e < 3; e++)
        {
            RunUntilEpoch(c, n);
        }

        var incentive = c.St.Incentive.Get(c.State, n);
        var dividends = c.St.Dividends.Get(c.State, n);
        output.WriteLine($"stake {v1Before} {v2Before} sw {string.Join(',', c.St.StakeWeight.Get(c.State, n))} bonds1 {string.Join(',', c.St.Bonds.Get(c.State, n, 1))} bonds2 {string.Join(',', c.St.Bonds.Get(c.State, n, 2))}");
        output.WriteLine($"incentive {string.Join(',', incentive)} dividends {string.Join(',', dividends)} emission {string.Join(',', c.St.Emission.Get(c.State, n))}");

        // Incentive ∝ weights (1:2:3 of 65535 within rounding), nothing to the validators or the owner.
        Assert.Equal(0, incentive[0] + incentive[1] + incentive[2]);
        Assert.InRange(incentive[3], 10_900, 10_945);
        Assert.InRange(incentive[4], 21_830, 21_860);
        Assert.InRange(incentive[5], 32_750, 32_790);

        // Miner stake grew in the same proportion.
        var gains = miners.Select((m, i) => c.St.HotkeyStake(c.State, c.St.Keys.Get(c.State, n, m), n) - minersBefore[i]).ToArray();
        Assert.All(gains, g => Assert.True(g > 0));
        Assert.InRange(gains[1] / (double)gains[0], 1.99, 2.01);
        Assert.InRange(gains[2] / (double)gains[0], 2.99, 3.01);

        // Dividends follow stake (same weights, so equal bond shares): the ratio of dividends is the ratio of stake weights.
        var sw = c.St.StakeWeight.Get(c.State, n);
        var stakeRatio = sw[1] / (double)sw[2];
        Assert.True(stakeRatio > 5, "V1 bought far more alpha than V2");
        Assert.True(dividends[1] > 0 && dividends[2] > 0);
        Assert.InRange(dividends[1] / (double)dividends[2], stakeRatio * 0.99, stakeRatio * 1.01);
        var v1Gain = c.St.HotkeyStake(c.State, A("V1Hot"), n) - v1Before;
        var v2Gain = c.St.HotkeyStake(c.State, A("V2Hot"), n) - v2Before;
        Assert.True(v1Gain > 0 && v2Gain > 0);
        Assert.InRange(v1Gain / (double)v2Gain, stakeRatio * 0.97, stakeRatio * 1.03);

        // The epoch ran on schedule and bonds exist for the validators.
        Assert.Equal(4UL, c.St.SubnetEpochIndex.Get(c.State, n));
        Assert.NotEmpty(c.St.Bonds.Get(c.State, n, 1));
    }

    [Fact]
    public void Pending_emission_accumulates_between_epochs_and_is_drained_at_the_epoch()
    {
        var c = new EconomyChain();
        var n = FreshSubnet(c);
        RunUntilEpoch(c, n);
        Assert.Equal(0UL, c.St.PendingServerEmission.Get(c.State, n));
        c.NextBlock();
        var server = c.St.PendingServerEmission.Get(c.State, n);
        var validator = c.St.PendingValidatorEmission.Get(c.State, n);
        var owner = c.St.PendingOwnerCut.Get(c.State, n);
        Assert.True(server > 0 && validator > 0 && owner > 0);
        var alphaOut = c.St.SubnetAlphaOutEmission.Get(c.State, n);

        // Owner cut 18 %, the rest halved (root proportion 0 here: no root stake on this chain's root).
        Assert.Equal(alphaOut * 11_796UL / 65_535UL, owner, 1UL);
        c.NextBlock();
        Assert.Equal(2 * server, c.St.PendingServerEmission.Get(c.State, n), 2UL);
        Assert.Equal(1UL, c.St.BlocksSinceLastStep.Get(c.State, n) - 1);
    }

    [Fact]
    public void The_coinbase_mints_exactly_the_tao_it_injects_or_spends_on_protocol_buys()
    {
        var c = new EconomyChain();
        var n = FreshSubnet(c);
        c.St.SubnetEmissionEnabled.Insert(c.State, n, true);
        c.St.SubnetMovingPrice.Insert(c.State, n, Core.Arithmetic.I96F32.SaturatingFromNum(1UL));
        c.NextBlock();
        var issuance = c.St.TotalIssuance.Get(c.State);
        var subnetTao = c.St.SubnetTAO.Get(c.State, n) + c.St.SubnetTAO.Get(c.State, 1);
        c.NextBlock();
        var minted = c.St.TotalIssuance.Get(c.State) - issuance;
        var injected = c.St.SubnetTaoInEmission.Get(c.State, n) + c.St.SubnetTaoInEmission.Get(c.State, 1);
        var excess = c.St.SubnetExcessTao.Get(c.State, n) + c.St.SubnetExcessTao.Get(c.State, 1);
        Assert.True(minted > 0 && minted <= c.St.BlockEmissionForIssuance(c.State, issuance));
        Assert.Equal(injected + excess, minted);
        Assert.Equal(subnetTao + minted, c.St.SubnetTAO.Get(c.State, n) + c.St.SubnetTAO.Get(c.State, 1));
        Assert.Equal(c.St.TotalIssuance.Get(c.State), EconomyChain.Rt.Balances.TotalIssuance.Get(c.State));

        // Alpha in the pool grows by what was injected; alpha out by the full alpha emission.
        Assert.True(c.St.SubnetAlphaOutEmission.Get(c.State, n) > 0);
    }

    [Fact]
    public void At_most_max_epochs_per_block_run_and_the_rest_are_deferred()
    {
        var c = new EconomyChain();
        foreach (var o in new[] { "Charlie", "Dave" })
        {
            EconomyChain.Rt.Balances.Transfer(c.State, A("Alice"), A(o), 100_000_000_000_000UL, Runtime.Pallets.Balances.Preservation.Preserve);
        }

        var nets = new[] { "Bob", "Charlie", "Dave" }.Select(o => c.NewSubnet(o, o + "OwnHot")).ToArray();
        c.St.MaxEpochsPerBlock.Put(c.State, 1);
        foreach (var net in nets.Append((ushort)1))
        {
            c.St.Tempo.Insert(c.State, net, Tempo);
            c.St.LastEpochBlock.Insert(c.State, net, c.Block);
        }

        c.NextBlock(Tempo);
        var deferred = c.EventsOf(SubtensorEvent.EpochDeferred);
        Assert.Equal(3, deferred.Length);
        var now = c.Block;
        c.NextBlock();
        Assert.Equal(2, c.EventsOf(SubtensorEvent.EpochDeferred).Length);
        Assert.Contains(nets.Append((ushort)1), x => c.St.LastEpochBlock.Get(c.State, x) == now);
    }

    /// <summary>Subnet owned by Owner with V1 (750 TAO), V2 (250 TAO) and three miners; tempo 10, commit-reveal off.</summary>
    internal static ushort FreshSubnet(EconomyChain c)
    {
        var n = c.NewSubnet("Bob", "OwnerHot");
        c.St.Tempo.Insert(c.State, n, Tempo);
        c.St.LastEpochBlock.Insert(c.State, n, c.Block);
        c.St.CommitRevealWeightsEnabled.Insert(c.State, n, false);
        c.St.WeightsSetRateLimit.Insert(c.State, n, 0);
        foreach (var (cold, hot) in new[] { ("V1", "V1Hot"), ("V2", "V2Hot"), ("M1", "M1Hot"), ("M2", "M2Hot"), ("M3", "M3Hot") })
        {
            EconomyChain.Rt.Balances.Transfer(c.State, A("Alice"), A(cold), 2_000_000_000_000UL, Runtime.Pallets.Balances.Preservation.Preserve);
            c.Ok(cold, c.Call("burned_register", n, A(hot)));
        }

        // Owner hotkey stake is what the registration left; validators dwarf it.
        c.Ok("V1", c.Call("add_stake", A("V1Hot"), n, 1_500_000_000_000UL));
        c.Ok("V2", c.Call("add_stake", A("V2Hot"), n, 500_000_000_000UL));
        return n;
    }

    internal static void RunUntilEpoch(EconomyChain c, ushort n)
    {
        var index = c.St.SubnetEpochIndex.Get(c.State, n);
        for (var i = 0; i < 4 * Tempo && c.St.SubnetEpochIndex.Get(c.State, n) == index; i++)
        {
            c.NextBlock();
        }

        Assert.Equal(index + 1, c.St.SubnetEpochIndex.Get(c.State, n));
    }
}
