using Subtensor.Core.Arithmetic;
using Subtensor.Core.Types;
using Subtensor.Runtime.Framework.Dispatch;
using Subtensor.Runtime.Pallets.AdminUtils;
using Subtensor.Runtime.Pallets.SubtensorModule;
using Subtensor.Runtime.Tests.Support;

namespace Subtensor.Runtime.Tests.Pallets.SubtensorModule;

public class AdminUtilsTests
{
    private static AccountId32 A(string s) => EconomyChain.Acc(s);

    private static DispatchError AdminError(AdminUtilsError e) => EconomyChain.Rt.AdminUtils.ErrorOf(e).Error;

    [Fact]
    public void Owner_setters_are_rate_limited_per_parameter_and_root_is_not()
    {
        var c = new EconomyChain();
        var n = c.NewSubnet("Bob", "BobHot");
        c.Ok("Bob", c.Admin("sudo_set_immunity_period", n, (ushort)123));
        Assert.Equal((ushort)123, c.St.ImmunityPeriod.Get(c.State, n));
        var ev = c.EventsOf(SubtensorEvent.ImmunityPeriodSet).Last();
        Assert.Equal([n, (ushort)123], ev.Fields);
        // Same parameter again within OwnerHyperparamRateLimit × tempo blocks: refused, another parameter is fine.
        Assert.Equal(c.Error(SubtensorError.TxRateLimitExceeded), c.Do("Bob", c.Admin("sudo_set_immunity_period", n, (ushort)124)).Error);
        c.Ok("Bob", c.Admin("sudo_set_min_allowed_weights", n, (ushort)3));
        c.RootOk(c.Admin("sudo_set_immunity_period", n, (ushort)125));
        Assert.Equal((ushort)125, c.St.ImmunityPeriod.Get(c.State, n));
        c.NextBlock(2 * SubtensorModulePallet.InitialTempo);
        c.Ok("Bob", c.Admin("sudo_set_immunity_period", n, (ushort)126));
    }

    [Fact]
    public void Non_owners_and_owners_of_root_only_parameters_get_bad_origin()
    {
        var c = new EconomyChain();
        var n = c.NewSubnet("Bob", "BobHot");
        var root = c.State.Root(Runtime.State.StateVersion.V1);
        Assert.Equal(DispatchError.BadOrigin, c.Do("Charlie", c.Admin("sudo_set_immunity_period", n, (ushort)5)).Error);
        Assert.Equal(DispatchError.BadOrigin, c.Do("Bob", c.Admin("sudo_set_kappa", n, (ushort)5)).Error);
        Assert.Equal(DispatchError.BadOrigin, c.Do("Bob", c.Admin("sudo_set_tempo", n, (ushort)5)).Error);
        Assert.Equal(root, c.State.Root(Runtime.State.StateVersion.V1));
    }

    [Fact]
    public void Owner_setters_are_frozen_before_the_next_epoch()
    {
        var c = new EconomyChain();
        var n = c.NewSubnet("Bob", "BobHot");
        c.RootOk(c.Admin("sudo_set_admin_freeze_window", (ushort)10));
        // Five blocks before the next automatic epoch: inside the 10-block window.
        c.St.Tempo.Insert(c.State, n, 5);
        c.St.LastEpochBlock.Insert(c.State, n, c.Block);
        Assert.Equal(c.Error(SubtensorError.AdminActionProhibitedDuringWeightsWindow), c.Do("Bob", c.Admin("sudo_set_rho", n, (ushort)5)).Error);
        Assert.Equal(c.Error(SubtensorError.AdminActionProhibitedDuringWeightsWindow), c.Root(c.Admin("sudo_set_rho", n, (ushort)5)).Error);
        c.St.Tempo.Insert(c.State, n, 360);
        c.Ok("Bob", c.Admin("sudo_set_rho", n, (ushort)5));
    }

    [Fact]
    public void Bounds_are_checked_with_admin_utils_errors()
    {
        var c = new EconomyChain();
        var n = c.NewSubnet("Bob", "BobHot");
        Assert.Equal(AdminError(AdminUtilsError.ValueNotInBounds), c.Root(c.Admin("sudo_set_min_burn", n, 1_000_000_000UL)).Error);
        Assert.Equal(AdminError(AdminUtilsError.ValueNotInBounds), c.Root(c.Admin("sudo_set_max_burn", n, 100_000_000UL)).Error);
        Assert.Equal(AdminError(AdminUtilsError.MaxValidatorsLargerThanMaxUIds), c.Root(c.Admin("sudo_set_max_allowed_validators", n, (ushort)257)).Error);
        Assert.Equal(AdminError(AdminUtilsError.MaxAllowedUidsGreaterThanDefaultMaxAllowedUids), c.Root(c.Admin("sudo_set_max_allowed_uids", n, (ushort)300)).Error);
        Assert.Equal(AdminError(AdminUtilsError.SubnetDoesNotExist), c.Root(c.Admin("sudo_set_kappa", (ushort)77, (ushort)1)).Error);
        Assert.Equal(AdminError(AdminUtilsError.POWRegistrationDisabled), c.Root(c.Admin("sudo_set_network_pow_registration_allowed", n, true)).Error);
        Assert.Equal(AdminError(AdminUtilsError.BondsMovingAverageMaxReached), c.Do("Bob", c.Admin("sudo_set_bonds_moving_average", n, 975_001UL)).Error);
        c.RootOk(c.Admin("sudo_set_bonds_moving_average", n, 975_001UL));
        Assert.Equal(AdminError(AdminUtilsError.InvalidValue), c.Root(c.Admin("sudo_set_burn_half_life", n, (ushort)0)).Error);
        Assert.Equal(AdminError(AdminUtilsError.InvalidValue), c.Root(c.Admin("sudo_set_burn_increase_mult", n, U64F64.SaturatingFromNum(4UL))).Error);
        Assert.Equal(AdminError(AdminUtilsError.NotPermittedOnRootSubnet), c.Root(c.Admin("sudo_set_burn_half_life", (ushort)0, (ushort)10)).Error);
        Assert.Equal(AdminError(AdminUtilsError.NegativeSigmoidSteepness), c.Do("Bob", c.Admin("sudo_set_alpha_sigmoid_steepness", n, (short)-1)).Error);
        Assert.Equal(c.Error(SubtensorError.LiquidAlphaDisabled), c.Root(c.Admin("sudo_set_alpha_values", n, (ushort)2000, (ushort)3000)).Error);
        c.RootOk(c.Admin("sudo_set_liquid_alpha_enabled", n, true));
        Assert.Equal(c.Error(SubtensorError.AlphaLowOutOfRange), c.Root(c.Admin("sudo_set_alpha_values", n, (ushort)1000, (ushort)3000)).Error);
        c.RootOk(c.Admin("sudo_set_alpha_values", n, (ushort)2000, (ushort)3000));
        Assert.Equal(((ushort)2000, (ushort)3000), c.St.AlphaValues.Get(c.State, n));
        Assert.Equal(AdminError(AdminUtilsError.Deprecated), c.Root(c.Admin("sudo_set_total_issuance", 1UL)).Error);
    }

    [Fact]
    public void Burn_parameters_and_emission_switch_emit_admin_events()
    {
        var c = new EconomyChain();
        var n = c.NewSubnet("Bob", "BobHot");
        c.Ok("Bob", c.Admin("sudo_set_burn_half_life", n, (ushort)720));
        Assert.Equal((ushort)720, c.St.BurnHalfLife.Get(c.State, n));
        c.Ok("Bob", c.Admin("sudo_set_burn_increase_mult", n, U64F64.SaturatingFromNum(2UL)));
        Assert.Equal(U64F64.SaturatingFromNum(2UL), c.St.BurnIncreaseMult.Get(c.State, n));
        c.RootOk(c.Admin("sudo_set_subnet_emission_enabled", n, true));
        Assert.True(c.St.SubnetEmissionEnabled.Get(c.State, n));
        var names = c.Events().Select(e => e.Name).ToList();
        Assert.Contains("AdminUtils.BurnHalfLifeSet", names);
        Assert.Contains("AdminUtils.BurnIncreaseMultSet", names);
        Assert.Contains("AdminUtils.SubnetEmissionEnabledSet", names);
    }

    [Fact]
    public void Root_parameters_set_storage_and_emit_subtensor_events()
    {
        var c = new EconomyChain();
        c.RootOk(c.Admin("sudo_set_network_min_lock_cost", 5_000_000_000UL));
        Assert.Equal(5_000_000_000UL, c.St.NetworkMinLockCost.Get(c.State));
        c.RootOk(c.Admin("sudo_set_subnet_owner_cut", (ushort)100));
        Assert.Equal((ushort)100, c.St.SubnetOwnerCut.Get(c.State));
        c.RootOk(c.Admin("sudo_set_stake_threshold", 42UL));
        Assert.Equal(42UL, c.St.StakeThreshold.Get(c.State));
        c.RootOk(c.Admin("sudo_set_max_epochs_per_block", (byte)3));
        Assert.Equal(AdminError(AdminUtilsError.ValueNotInBounds), c.Root(c.Admin("sudo_set_max_epochs_per_block", (byte)0)).Error);
        Assert.Equal(["SubtensorModule.NetworkMinLockCostSet", "SubtensorModule.SubnetOwnerCutSet", "SubtensorModule.StakeThresholdSet", "SubtensorModule.MaxEpochsPerBlockSet"],
            c.Events().Where(e => e.Pallet.Name == "SubtensorModule").Select(e => e.Name));
        Assert.Equal(DispatchError.BadOrigin, c.Do("Alice", c.Admin("sudo_set_stake_threshold", 1UL)).Error);
    }

    [Fact]
    public void Swap_fee_rate_is_root_only_and_bounded()
    {
        var c = new EconomyChain();
        var set = EconomyChain.Rt.Swap.SetFeeRate;
        Assert.Equal(DispatchError.BadOrigin, c.Do("Alice", set.Create((ushort)1, (ushort)100)).Error);
        Assert.Equal(EconomyChain.Rt.Swap.FindError("FeeRateTooHigh")!.Error, c.Root(set.Create((ushort)1, (ushort)10_001)).Error);
        Assert.Equal(EconomyChain.Rt.Swap.FindError("MechanismDoesNotExist")!.Error, c.Root(set.Create((ushort)42, (ushort)10)).Error);
        c.RootOk(set.Create((ushort)1, (ushort)10_000));
        Assert.Equal((ushort)10_000, EconomyChain.Rt.Swap.FeeRate.Get(c.State, 1));
        var ev = c.Events().Single(e => e.Name == "Swap.FeeRateSet");
        Assert.Equal((ushort)10_000, ev.Field<ushort>("rate"));
        Assert.Equal(EconomyChain.Rt.Swap.FindError("Deprecated")!.Error, c.Do("Alice", EconomyChain.Rt.Swap.FindCall("disable_lp")!.Create()).Error);
    }
}
