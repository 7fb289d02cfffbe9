using Subtensor.Core.Arithmetic;
using Subtensor.Core.Types;
using Subtensor.Runtime.Pallets.SubtensorModule;
using Subtensor.Runtime.State;
using Subtensor.Runtime.Tests.Support;

namespace Subtensor.Runtime.Tests.Pallets.SubtensorModule;

/// <summary>set_children through the cooldown into the epoch's inherited stake, set_childkey_take, and root claims.</summary>
public class ChildKeyRootClaimTests
{
    private static AccountId32 A(string s) => EconomyChain.Acc(s);

    [Fact]
    public void Children_apply_after_the_cooldown_at_the_epoch_and_move_stake_weight()
    {
        var c = new EconomyChain();
        var n = EpochScenarioTests.FreshSubnet(c);
        c.St.PendingChildKeyCooldown.Put(c.State, 5);
        var root = c.State.Root(StateVersion.V1);
        Assert.Equal(c.Error(SubtensorError.InvalidChild), c.Do("V1", c.Call("set_children", A("V1Hot"), n, new[] { (ulong.MaxValue, A("V1Hot")) })).Error);
        Assert.Equal(c.Error(SubtensorError.NonAssociatedColdKey), c.Do("V2", c.Call("set_children", A("V1Hot"), n, new[] { (ulong.MaxValue, A("M1Hot")) })).Error);
        Assert.Equal(c.Error(SubtensorError.TooManyChildren),
            c.Do("V1", c.Call("set_children", A("V1Hot"), n, Enumerable.Range(0, 6).Select(i => (1UL, A($"Kid{i}"))).ToArray())).Error);
        Assert.Equal(root, c.State.Root(StateVersion.V1));

        // Half of V1's stake weight to V2 once the cooldown has passed and the subnet's epoch fired.
        c.Ok("V1", c.Call("set_children", A("V1Hot"), n, new[] { (ulong.MaxValue / 2, A("V2Hot")) }));
        Assert.Single(c.EventsOf(SubtensorEvent.SetChildrenScheduled));
        Assert.Empty(c.St.ChildKeys.Get(c.State, A("V1Hot"), n));
        var v1 = c.St.HotkeyStake(c.State, A("V1Hot"), n);
        var v2 = c.St.HotkeyStake(c.State, A("V2Hot"), n);
        EpochScenarioTests.RunUntilEpoch(c, n);
        Assert.Equal([(ulong.MaxValue / 2, A("V2Hot"))], c.St.ChildKeys.Get(c.State, A("V1Hot"), n));
        Assert.Equal([(ulong.MaxValue / 2, A("V1Hot"))], c.St.ParentKeys.Get(c.State, A("V2Hot"), n));
        Assert.False(c.St.PendingChildKeys.Contains(c.State, n, A("V1Hot")));
        v1 = c.St.HotkeyStake(c.State, A("V1Hot"), n);
        v2 = c.St.HotkeyStake(c.State, A("V2Hot"), n);
        // Proportions are u64 / u64::MAX in U96F32: exact to a few hundred RAO on ~600 alpha.
        Assert.InRange(c.St.InheritedStake(c.State, A("V1Hot"), n, n), (v1 / 2) - 1_000, (v1 / 2) + 1_000);
        Assert.InRange(c.St.InheritedStake(c.State, A("V2Hot"), n, n), v2 + (v1 / 2) - 1_000, v2 + (v1 / 2) + 1_000);

        // The next epoch's stake weights see the inherited stake: V1 and V2 now carry nearly equal weight.
        EpochScenarioTests.RunUntilEpoch(c, n);
        var sw = c.St.StakeWeight.Get(c.State, n);
        Assert.True(sw[2] > sw[1] / 2, $"{sw[1]} vs {sw[2]}");
    }

    [Fact]
    public void Childkey_take_is_bounded_and_increases_are_rate_limited()
    {
        var c = new EconomyChain();
        var n = EpochScenarioTests.FreshSubnet(c);
        Assert.Equal(c.Error(SubtensorError.InvalidChildkeyTake), c.Do("V1", c.Call("set_childkey_take", A("V1Hot"), n, (ushort)11_797)).Error);
        Assert.Equal(c.Error(SubtensorError.NonAssociatedColdKey), c.Do("V2", c.Call("set_childkey_take", A("V1Hot"), n, (ushort)100)).Error);
        c.Ok("V1", c.Call("set_childkey_take", A("V1Hot"), n, (ushort)1_000));
        Assert.Equal((ushort)1_000, c.St.ChildkeyTake.Get(c.State, A("V1Hot"), n));
        Assert.Equal([A("V1Hot"), (ushort)1_000], c.EventsOf(SubtensorEvent.ChildKeyTakeSet).Single().Fields);
        Assert.Equal(c.Error(SubtensorError.TxChildkeyTakeRateLimitExceeded), c.Do("V1", c.Call("set_childkey_take", A("V1Hot"), n, (ushort)2_000)).Error);
        c.Ok("V1", c.Call("set_childkey_take", A("V1Hot"), n, (ushort)500));
    }

    [Fact]
    public void Root_alpha_dividends_become_claimable_and_claim_root_keeps_or_swaps_them()
    {
        var c = new EconomyChain();
        var n = EpochScenarioTests.FreshSubnet(c);
        c.St.NumRootClaim.Put(c.State, 0);
        c.Ok("V1", c.Call("add_stake", A("V1Hot"), (ushort)0, 100_000_000_000UL));
        c.St.TaoWeight.Put(c.State, ulong.MaxValue);
        c.St.SubnetMovingPrice.Insert(c.State, n, I96F32.SaturatingFromNum(2UL));
        c.St.RootClaimableThreshold.Insert(c.State, n, I96F32.Zero);
        EpochScenarioTests.RunUntilEpoch(c, n);
        c.Ok("V1Hot", c.Call("set_weights", n, new ushort[] { 3, 4, 5 }, new ushort[] { 1, 1, 1 }, 0UL));
        c.Ok("V2Hot", c.Call("set_weights", n, new ushort[] { 3, 4, 5 }, new ushort[] { 1, 1, 1 }, 0UL));
        EpochScenarioTests.RunUntilEpoch(c, n);
        EpochScenarioTests.RunUntilEpoch(c, n);

        var owed = c.St.RootOwed(c.State, A("V1Hot"), A("V1"), n);
        Assert.True(owed > 0, "root stake earned claimable alpha");
        Assert.True(c.St.RootAlphaDividendsPerSubnet.Get(c.State, n, A("V1Hot")) > 0);

        // Keep: the owed alpha is staked on the subnet and the watermark moves.
        c.Ok("V1", c.Call("set_root_claim_type", new byte[] { 1 }));
        var before = c.St.Stake(c.State, A("V1Hot"), A("V1"), n);
        owed = c.St.RootOwed(c.State, A("V1Hot"), A("V1"), n);
        c.Ok("V1", c.Call("claim_root", new[] { n }));
        Assert.Equal(before + owed, c.St.Stake(c.State, A("V1Hot"), A("V1"), n), 2UL);
        Assert.Equal(0UL, c.St.RootOwed(c.State, A("V1Hot"), A("V1"), n));
        Assert.Single(c.EventsOf(SubtensorEvent.RootClaimed));

        // Swap: sold for TAO and restaked on root.
        EpochScenarioTests.RunUntilEpoch(c, n);
        c.Ok("V1", c.Call("set_root_claim_type", new byte[] { 0 }));
        var rootBefore = c.St.Stake(c.State, A("V1Hot"), A("V1"), 0);
        Assert.True(c.St.RootOwed(c.State, A("V1Hot"), A("V1"), n) > 0);
        c.Ok("V1", c.Call("claim_root", new[] { n }));
        Assert.True(c.St.Stake(c.State, A("V1Hot"), A("V1"), 0) > rootBefore);
        Assert.Equal(c.Error(SubtensorError.InvalidSubnetNumber), c.Do("V1", c.Call("claim_root", Array.Empty<ushort>())).Error);
    }
}
