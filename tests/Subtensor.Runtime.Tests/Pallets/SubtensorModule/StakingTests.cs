using Subtensor.Core.Arithmetic;
using Subtensor.Core.Types;
using Subtensor.Economics.Staking;
using Subtensor.Economics.Swap;
using Subtensor.Runtime.Framework.Dispatch;
using Subtensor.Runtime.Pallets.SubtensorModule;
using Subtensor.Runtime.Tests.Support;

namespace Subtensor.Runtime.Tests.Pallets.SubtensorModule;

public class StakingTests
{
    private static readonly AccountId32 AliceAcc = EconomyChain.Acc("Alice");

    /// <summary>Subnet 1 (Alice owns it, her key is the owner hotkey) with a deeper pool: 1000 TAO / 1000 alpha.</summary>
    private static EconomyChain Chain()
    {
        var c = new EconomyChain();
        var extra = 990_000_000_000UL;
        c.St.SubnetTAO.Mutate(c.State, 1, v => v + extra);
        c.St.SubnetAlphaIn.Mutate(c.State, 1, v => v + extra);
        EconomyChain.Rt.Balances.Transfer(c.State, AliceAcc, SubtensorModulePallet.SubnetAccount(1), extra, Runtime.Pallets.Balances.Preservation.Preserve);
        return c;
    }

    private static PoolState Pool(EconomyChain c, ushort netuid) =>
        new(c.St.SubnetTAO.Get(c.State, netuid), c.St.SubnetAlphaIn.Get(c.State, netuid), BalancerPool.Default, EconomyChain.Rt.Swap.FeeRate.Get(c.State, netuid));

    [Fact]
    public void Add_stake_buys_alpha_with_the_pool_formula_and_books_every_reserve()
    {
        var c = Chain();
        const ulong amount = 10_000_000_000;
        var expected = PoolSwap.Swap(Pool(c, 1), SwapDirection.Buy, amount, PoolSwap.LimitPrice(PoolSwap.MaxPriceRao)).Outcome!;
        var bob = c.Chain.Free("Bob");
        var author = EconomyChain.Rt.Balances.FreeBalance(c.State, c.Author);
        var (tao, alphaIn, alphaOut, totalStake) = (c.St.SubnetTAO.Get(c.State, 1), c.St.SubnetAlphaIn.Get(c.State, 1), c.St.SubnetAlphaOut.Get(c.State, 1), c.St.TotalStake.Get(c.State));
        c.Ok("Bob", c.Call("add_stake", AliceAcc, (ushort)1, amount));

        Assert.Equal(amount * 33 / 65535, expected.FeePaid);
        Assert.Equal(bob - amount, c.Chain.Free("Bob"));
        Assert.Equal(author + expected.FeeToBlockAuthor, EconomyChain.Rt.Balances.FreeBalance(c.State, c.Author));
        Assert.Equal(tao + expected.AmountPaidIn, c.St.SubnetTAO.Get(c.State, 1));
        Assert.Equal(alphaIn - expected.AmountPaidOut, c.St.SubnetAlphaIn.Get(c.State, 1));
        Assert.Equal(alphaOut + expected.AmountPaidOut, c.St.SubnetAlphaOut.Get(c.State, 1));
        Assert.Equal(totalStake + amount, c.St.TotalStake.Get(c.State));
        Assert.Equal(expected.AmountPaidOut, c.St.Stake(c.State, AliceAcc, EconomyChain.Acc("Bob"), 1));
        var ev = c.EventsOf(SubtensorEvent.StakeAdded).Single();
        Assert.Equal([EconomyChain.Acc("Bob"), AliceAcc, amount, expected.AmountPaidOut, (ushort)1, expected.FeePaid], ev.Fields);
        // Non-owner staking does not make Alice a delegate (only the limit variant does).
        Assert.False(c.St.Delegates.Contains(c.State, AliceAcc));
    }

    [Fact]
    public void Constant_product_with_equal_weights_matches_the_closed_form_within_one_rao()
    {
        var c = Chain();
        foreach (var amount in new ulong[] { 2_000_000_000, 123_456_789_000, 10_000_000_000 })
        {
            var (x, y) = (c.St.SubnetAlphaIn.Get(c.State, 1), c.St.SubnetTAO.Get(c.State, 1));
            var before = c.St.Stake(c.State, AliceAcc, EconomyChain.Acc("Charlie"), 1);
            c.Ok("Charlie", c.Call("add_stake", AliceAcc, (ushort)1, amount));
            var net = amount - (amount * 33 / 65535);
            var exact = (UInt128)x * net / ((UInt128)y + net);
            var got = c.St.Stake(c.State, AliceAcc, EconomyChain.Acc("Charlie"), 1) - before;
            Assert.InRange((long)got - (long)exact, -1, 1);
        }
    }

    [Fact]
    public void Stake_below_the_minimum_fails_and_changes_nothing()
    {
        var c = Chain();
        var root = c.State.Root(Runtime.State.StateVersion.V1);
        var r = c.Do("Bob", c.Call("add_stake", AliceAcc, (ushort)1, 2_000_000UL));
        Assert.Equal(c.Error(SubtensorError.AmountTooLow), r.Error);
        Assert.Equal(root, c.State.Root(Runtime.State.StateVersion.V1));
    }

    [Theory]
    [InlineData((ushort)1, "Nobody", 5_000_000_000UL, SubtensorError.HotKeyAccountNotExists)]
    [InlineData((ushort)9, "Alice", 5_000_000_000UL, SubtensorError.SubnetNotExists)]
    [InlineData((ushort)1, "Alice", 500_000_000_000_000UL, SubtensorError.NotEnoughBalanceToStake)]
    [InlineData((ushort)1, "Alice", 5_000_000_000_000_000UL, SubtensorError.InsufficientLiquidity)]
    public void Bad_stake_inputs_fail_with_subtensor_errors_and_change_nothing(ushort netuid, string hotkey, ulong amount, SubtensorError error)
    {
        var c = Chain();
        var root = c.State.Root(Runtime.State.StateVersion.V1);
        var r = c.Do("Dave", c.Call("add_stake", EconomyChain.Acc(hotkey), netuid, amount));
        Assert.Equal(c.Error(error), r.Error);
        Assert.Equal(root, c.State.Root(Runtime.State.StateVersion.V1));
    }

    [Fact]
    public void Staking_on_a_subnet_not_started_fails_with_subtoken_disabled()
    {
        var c = Chain();
        var n = c.NewSubnet("Bob", "BobHot", start: false);
        var r = c.Do("Charlie", c.Call("add_stake", EconomyChain.Acc("BobHot"), n, 5_000_000_000UL));
        Assert.Equal(c.Error(SubtensorError.SubtokenDisabled), r.Error);
    }

    [Fact]
    public void Add_stake_limit_fills_partially_up_to_the_limit_price_or_refuses_the_whole()
    {
        var c = Chain();
        var price = EconomyChain.Rt.Swap.CurrentPrice(c.State, 1);
        var limit = price.SaturatingMul(U64F64.SaturatingFromNum(1_000_000_000UL)).SaturatingToU64() * 101 / 100;
        const ulong amount = 100_000_000_000;
        var rootBefore = c.State.Root(Runtime.State.StateVersion.V1);
        var refused = c.Do("Bob", c.Call("add_stake_limit", AliceAcc, (ushort)1, amount, limit, false));
        Assert.Equal(c.Error(SubtensorError.SlippageTooHigh), refused.Error);
        Assert.Equal(rootBefore, c.State.Root(Runtime.State.StateVersion.V1));

        var maxIn = c.St.MaxAmountAdd(c.State, 1, limit);
        Assert.True(maxIn < amount);
        var bob = c.Chain.Free("Bob");
        c.Ok("Bob", c.Call("add_stake_limit", AliceAcc, (ushort)1, amount, limit, true));
        Assert.Equal(bob - maxIn, c.Chain.Free("Bob"));
        var after = EconomyChain.Rt.Swap.CurrentPrice(c.State, 1).SaturatingMul(U64F64.SaturatingFromNum(1_000_000_000UL)).SaturatingToU64();
        Assert.InRange(after, limit - 2, limit);
        // A limit staker's hotkey becomes a delegate at its current take.
        Assert.Equal(SubtensorModulePallet.InitialDefaultTake, c.St.Delegates.Get(c.State, AliceAcc));
    }

    [Fact]
    public void Remove_stake_sells_through_the_pool_and_pays_the_coldkey()
    {
        var c = Chain();
        c.Ok("Bob", c.Call("add_stake", AliceAcc, (ushort)1, 50_000_000_000UL));
        var alpha = c.St.Stake(c.State, AliceAcc, EconomyChain.Acc("Bob"), 1);
        var half = alpha / 2;
        var expected = PoolSwap.Swap(Pool(c, 1), SwapDirection.Sell, half, PoolSwap.LimitPrice(PoolSwap.MinPriceRao)).Outcome!;
        var bob = c.Chain.Free("Bob");
        c.Ok("Bob", c.Call("remove_stake", AliceAcc, (ushort)1, half));
        Assert.Equal(bob + expected.AmountPaidOut, c.Chain.Free("Bob"));
        Assert.Equal(alpha - half, c.St.Stake(c.State, AliceAcc, EconomyChain.Acc("Bob"), 1));
        var ev = c.EventsOf(SubtensorEvent.StakeRemoved).Single();
        Assert.Equal(expected.AmountPaidOut, ev.Fields[2]);
        Assert.Equal(expected.AmountPaidIn, ev.Fields[3]);
        Assert.Equal(expected.FeePaid, ev.Fields[5]);

        // More than owned is capped by remove_stake and refused by the limit variant.
        var rootBefore = c.State.Root(Runtime.State.StateVersion.V1);
        var r = c.Do("Bob", c.Call("remove_stake_limit", AliceAcc, (ushort)1, alpha, 1_000UL, false));
        Assert.Equal(c.Error(SubtensorError.NotEnoughStakeToWithdraw), r.Error);
        Assert.Equal(rootBefore, c.State.Root(Runtime.State.StateVersion.V1));
        c.Ok("Bob", c.Call("remove_stake", AliceAcc, (ushort)1, alpha));
        Assert.Equal(0UL, c.St.Stake(c.State, AliceAcc, EconomyChain.Acc("Bob"), 1));
        Assert.False(c.St.AlphaV2.Contains(c.State, AliceAcc, EconomyChain.Acc("Bob"), 1));
    }

    [Fact]
    public void Nominators_grow_pro_rata_when_the_hotkey_pool_is_credited()
    {
        var c = Chain();
        c.Ok("Bob", c.Call("add_stake", AliceAcc, (ushort)1, 30_000_000_000UL));
        c.Ok("Charlie", c.Call("add_stake", AliceAcc, (ushort)1, 10_000_000_000UL));
        var keys = new[] { AliceAcc, EconomyChain.Acc("Bob"), EconomyChain.Acc("Charlie") };
        var before = keys.Select(k => c.St.Stake(c.State, AliceAcc, k, 1)).ToArray();
        var total = c.St.TotalHotkeyAlpha.Get(c.State, AliceAcc, 1);
        c.St.IncreaseHotkeyStake(c.State, AliceAcc, 1, total);
        var after = keys.Select(k => c.St.Stake(c.State, AliceAcc, k, 1)).ToArray();
        for (var i = 0; i < keys.Length; i++)
        {
            Assert.InRange((long)after[i] - (2 * (long)before[i]), -2, 2);
        }
    }

    [Fact]
    public void Root_stake_is_one_to_one_without_fee()
    {
        var c = Chain();
        c.Ok("Bob", c.Call("root_register", EconomyChain.Acc("BobHot")));
        c.Ok("Bob", c.Call("add_stake", EconomyChain.Acc("BobHot"), (ushort)0, 7_000_000_000UL));
        Assert.Equal(7_000_000_000UL, c.St.Stake(c.State, EconomyChain.Acc("BobHot"), EconomyChain.Acc("Bob"), 0));
        Assert.Equal(7_000_000_000UL, c.St.SubnetTAO.Get(c.State, 0));
        Assert.Equal(0UL, (ulong)c.EventsOf(SubtensorEvent.StakeAdded).Single().Fields[5]!);
        Assert.Equal(SubtensorModulePallet.InitialDefaultTake, c.St.Delegates.Get(c.State, EconomyChain.Acc("BobHot")));
        Assert.True(c.St.StakingColdkeys.Contains(c.State, EconomyChain.Acc("Bob")));
    }

    [Fact]
    public void Move_transfer_and_swap_stake()
    {
        var c = Chain();
        var bob = EconomyChain.Acc("Bob");
        var n2 = c.NewSubnet("Charlie", "CharlieHot");
        c.Ok("Bob", c.Call("add_stake", AliceAcc, (ushort)1, 20_000_000_000UL));
        var alpha = c.St.Stake(c.State, AliceAcc, bob, 1);

        // Same subnet, other hotkey: no pool, no fee; the TAO value is the spot value.
        c.Ok("Bob", c.Call("move_stake", AliceAcc, EconomyChain.Acc("CharlieHot"), (ushort)1, (ushort)1, alpha / 4));
        Assert.Equal(alpha / 4, c.St.Stake(c.State, EconomyChain.Acc("CharlieHot"), bob, 1));
        Assert.Equal(alpha - (alpha / 4), c.St.Stake(c.State, AliceAcc, bob, 1));

        // Transfer to another coldkey (same hotkey, same subnet).
        c.Ok("Bob", c.Call("transfer_stake", EconomyChain.Acc("Dave"), AliceAcc, (ushort)1, (ushort)1, alpha / 4));
        Assert.Equal(alpha / 4, c.St.Stake(c.State, AliceAcc, EconomyChain.Acc("Dave"), 1));

        // Swap subnets: sold on 1 (fee), bought on n2 fee-less.
        var left = c.St.Stake(c.State, AliceAcc, bob, 1);
        var sell = PoolSwap.Swap(Pool(c, 1), SwapDirection.Sell, left / 2, PoolSwap.LimitPrice(PoolSwap.MinPriceRao)).Outcome!;
        c.Ok("Bob", c.Call("swap_stake", AliceAcc, (ushort)1, n2, left / 2));
        var ev = c.EventsOf(SubtensorEvent.StakeSwapped).Single();
        Assert.Equal(sell.AmountPaidOut, ev.Fields[4]);
        Assert.Equal(0UL, (ulong)c.EventsOf(SubtensorEvent.StakeAdded).Last().Fields[5]!);
        Assert.True(c.St.Stake(c.State, AliceAcc, bob, n2) > 0);

        // Same netuid and keys is refused.
        Assert.Equal(c.Error(SubtensorError.SameNetuid), c.Do("Bob", c.Call("swap_stake", AliceAcc, (ushort)1, (ushort)1, 1_000UL)).Error);
    }

    [Fact]
    public void Transfer_stake_needs_the_transfer_toggle()
    {
        var c = Chain();
        c.Ok("Bob", c.Call("add_stake", AliceAcc, (ushort)1, 20_000_000_000UL));
        c.RootOk(c.Admin("sudo_set_toggle_transfer", (ushort)1, false));
        var r = c.Do("Bob", c.Call("transfer_stake", EconomyChain.Acc("Dave"), AliceAcc, (ushort)1, (ushort)1, 1_000_000_000UL));
        Assert.Equal(c.Error(SubtensorError.TransferDisallowed), r.Error);
    }

    [Fact]
    public void Unstake_all_and_unstake_all_alpha()
    {
        var c = Chain();
        var bob = EconomyChain.Acc("Bob");
        c.Ok("Bob", c.Call("root_register", AliceAcc));
        c.Ok("Bob", c.Call("add_stake", AliceAcc, (ushort)1, 20_000_000_000UL));
        c.Ok("Bob", c.Call("add_stake", AliceAcc, (ushort)0, 5_000_000_000UL));
        c.Ok("Bob", c.Call("unstake_all_alpha", AliceAcc));
        Assert.Equal(0UL, c.St.Stake(c.State, AliceAcc, bob, 1));
        var sold = c.EventsOf(SubtensorEvent.StakeRemoved).Single();
        Assert.Equal(5_000_000_000UL + (ulong)sold.Fields[2]!, c.St.Stake(c.State, AliceAcc, bob, 0));
        var free = c.Chain.Free("Bob");
        c.Ok("Bob", c.Call("unstake_all", AliceAcc));
        Assert.Equal(0UL, c.St.Stake(c.State, AliceAcc, bob, 0));
        Assert.Equal(free + 5_000_000_000UL + (ulong)sold.Fields[2]!, c.Chain.Free("Bob"));
    }

    [Fact]
    public void Recycle_lowers_alpha_out_and_burn_keeps_it()
    {
        var c = Chain();
        var bob = EconomyChain.Acc("Bob");
        c.Ok("Bob", c.Call("add_stake", AliceAcc, (ushort)1, 20_000_000_000UL));
        var outBefore = c.St.SubnetAlphaOut.Get(c.State, 1);
        c.Ok("Bob", c.Call("recycle_alpha", AliceAcc, 1_000_000UL, (ushort)1));
        Assert.Equal(outBefore - 1_000_000, c.St.SubnetAlphaOut.Get(c.State, 1));
        Assert.Equal(1_000_000UL, EconomyChain.Rt.AlphaAssets.AlphaRecycled.Get(c.State, 1));
        c.Ok("Bob", c.Call("burn_alpha", AliceAcc, 2_000_000UL, (ushort)1));
        Assert.Equal(outBefore - 1_000_000, c.St.SubnetAlphaOut.Get(c.State, 1));
        Assert.Equal(2_000_000UL, EconomyChain.Rt.AlphaAssets.AlphaBurned.Get(c.State, 1));
        Assert.Equal(c.Error(SubtensorError.CannotBurnOrRecycleOnRootSubnet), c.Do("Bob", c.Call("burn_alpha", AliceAcc, 1UL, (ushort)0)).Error);

        var tao = c.St.SubnetTAO.Get(c.State, 1);
        c.Ok("Bob", c.Call("add_stake_burn", AliceAcc, (ushort)1, 3_000_000_000UL, (ulong?)null));
        var burnEvent = c.EventsOf(SubtensorEvent.AddStakeBurn).Single();
        var bought = (ulong)burnEvent.Fields[3]!;
        Assert.True(bought > 0);
        Assert.True(c.St.SubnetTAO.Get(c.State, 1) > tao);
        Assert.Equal(2_000_000UL + bought, EconomyChain.Rt.AlphaAssets.AlphaBurned.Get(c.State, 1));
        _ = bob;
    }

    [Fact]
    public void Take_decreases_freely_and_increases_once_per_rate_limit()
    {
        var c = Chain();
        var hot = EconomyChain.Acc("BobHot");
        c.Ok("Bob", c.Call("try_associate_hotkey", hot));
        c.Ok("Bob", c.Call("decrease_take", hot, (ushort)5_000));
        Assert.Equal((ushort)5_000, c.St.Delegates.Get(c.State, hot));
        Assert.Equal(c.Error(SubtensorError.DelegateTakeTooLow), c.Do("Bob", c.Call("decrease_take", hot, (ushort)6_000)).Error);
        Assert.Equal(c.Error(SubtensorError.NonAssociatedColdKey), c.Do("Charlie", c.Call("decrease_take", hot, (ushort)1_000)).Error);
        // decrease stamps the rate limit too: increase must wait TxDelegateTakeRateLimit blocks.
        Assert.Equal(c.Error(SubtensorError.DelegateTxRateLimitExceeded), c.Do("Bob", c.Call("increase_take", hot, (ushort)6_000)).Error);
        c.RootOk(c.Admin("sudo_set_tx_delegate_take_rate_limit", 0UL));
        Assert.Equal(c.Error(SubtensorError.DelegateTakeTooHigh), c.Do("Bob", c.Call("increase_take", hot, (ushort)11_797)).Error);
        c.Ok("Bob", c.Call("increase_take", hot, (ushort)11_796));
        Assert.Equal((ushort)11_796, c.St.Delegates.Get(c.State, hot));
    }

    [Fact]
    public void Share_values_equal_shares_times_the_pool_ratio()
    {
        var c = Chain();
        foreach (var who in new[] { "Bob", "Charlie", "Dave", "Eve" })
        {
            c.Ok(who, c.Call("add_stake", AliceAcc, (ushort)1, 3_333_333_333UL));
        }

        c.St.IncreaseHotkeyStake(c.State, AliceAcc, 1, 777_777_777);
        var shared = c.St.TotalHotkeyAlpha.Get(c.State, AliceAcc, 1);
        var denominator = c.St.Denominator(c.State, AliceAcc, 1);
        ulong sum = 0;
        foreach (var who in new[] { "Alice", "Bob", "Charlie", "Dave", "Eve" })
        {
            var share = c.St.TryShare(c.State, AliceAcc, EconomyChain.Acc(who), 1)!.Value;
            var exact = Exact(shared, share, denominator);
            var value = c.St.Stake(c.State, AliceAcc, EconomyChain.Acc(who), 1);
            Assert.InRange((double)value - exact, -1.0, 0.0 + 1e-9);
            sum += value;
        }

        Assert.InRange(shared - sum, 0UL, 5UL);
    }

    /// <summary>shared × share / denominator with the decimal floats expanded exactly.</summary>
    private static double Exact(ulong shared, SafeFloat share, SafeFloat denominator)
    {
        var num = (System.Numerics.BigInteger)shared * (System.Numerics.BigInteger)share.Mantissa;
        var den = (System.Numerics.BigInteger)denominator.Mantissa;
        var e = share.Exponent - denominator.Exponent;
        if (e >= 0)
        {
            num *= System.Numerics.BigInteger.Pow(10, (int)e);
        }
        else
        {
            den *= System.Numerics.BigInteger.Pow(10, (int)-e);
        }

        return (double)(num * 1_000_000 / den) / 1_000_000.0;
    }
}
