using Subtensor.Core.Types;
using Subtensor.Runtime.Framework.Dispatch;
using Subtensor.Runtime.Pallets.SubtensorModule;
using Subtensor.Runtime.Tests.Support;

namespace Subtensor.Runtime.Tests.Pallets.SubtensorModule;

public class NeuronTests
{
    private static AccountId32 A(string s) => EconomyChain.Acc(s);

    [Fact]
    public void Burned_register_pays_the_burn_into_the_pool_and_destroys_the_bought_alpha()
    {
        var c = new EconomyChain();
        var burn = c.St.Burn.Get(c.State, 1);
        var (tao, alphaIn, alphaOut) = (c.St.SubnetTAO.Get(c.State, 1), c.St.SubnetAlphaIn.Get(c.State, 1), c.St.SubnetAlphaOut.Get(c.State, 1));
        var subnetBalance = EconomyChain.Rt.Balances.FreeBalance(c.State, SubtensorModulePallet.SubnetAccount(1));
        c.Ok("Bob", c.Call("burned_register", (ushort)1, A("BobHot")));
        var fee = burn * 33 / 65535;
        Assert.Equal(tao + burn - fee, c.St.SubnetTAO.Get(c.State, 1));
        Assert.True(c.St.SubnetAlphaIn.Get(c.State, 1) < alphaIn);
        Assert.Equal(alphaOut, c.St.SubnetAlphaOut.Get(c.State, 1));
        // The fee stays on the subnet account, outside SubnetTAO.
        Assert.Equal(subnetBalance + burn, EconomyChain.Rt.Balances.FreeBalance(c.State, SubtensorModulePallet.SubnetAccount(1)));
        Assert.Equal((ushort)1, c.St.Uids.Get(c.State, 1, A("BobHot")));
        Assert.Equal(A("Bob"), c.St.Owner.Get(c.State, A("BobHot")));
        Assert.Contains(A("BobHot"), c.St.OwnedHotkeys.Get(c.State, A("Bob")));
        Assert.Equal(burn, c.St.RAORecycledForRegistration.Get(c.State, 1));
        var ev = c.EventsOf(SubtensorEvent.NeuronRegistered).Single();
        Assert.Equal([(ushort)1, (ushort)1, A("BobHot")], ev.Fields);
        Assert.Equal(2, c.St.Active.Get(c.State, 1).Length);
        Assert.Equal([0UL, c.Block], c.St.LastUpdate.Get(c.State, 1));
    }

    [Fact]
    public void Registering_twice_or_with_someone_elses_hotkey_fails_and_changes_nothing()
    {
        var c = new EconomyChain();
        c.Ok("Bob", c.Call("burned_register", (ushort)1, A("BobHot")));
        var root = c.State.Root(Runtime.State.StateVersion.V1);
        Assert.Equal(c.Error(SubtensorError.HotKeyAlreadyRegisteredInSubNet), c.Do("Bob", c.Call("burned_register", (ushort)1, A("BobHot"))).Error);
        Assert.Equal(c.Error(SubtensorError.RegistrationNotPermittedOnRootSubnet), c.Do("Bob", c.Call("burned_register", (ushort)0, A("BobHot2"))).Error);
        Assert.Equal(c.Error(SubtensorError.SubnetNotExists), c.Do("Bob", c.Call("burned_register", (ushort)7, A("BobHot2"))).Error);
        Assert.Equal(root, c.State.Root(Runtime.State.StateVersion.V1));
        var n = c.NewSubnet("Charlie", "CharlieHot");
        Assert.Equal(c.Error(SubtensorError.NonAssociatedColdKey), c.Do("Charlie", c.Call("burned_register", n, A("BobHot"))).Error);
    }

    [Fact]
    public void A_full_subnet_replaces_the_lowest_emission_non_immune_uid_and_never_the_owner()
    {
        var c = new EconomyChain();
        var n = c.NewSubnet("Bob", "BobHot");
        c.St.MaxAllowedUids.Insert(c.State, n, 4);
        c.St.ImmunityPeriod.Insert(c.State, n, 2);
        c.St.MinNonImmuneUids.Insert(c.State, n, 0);
        for (var i = 1; i <= 3; i++)
        {
            c.Ok("Charlie", c.Call("burned_register", n, A($"Miner{i}")));
            c.NextBlock();
        }

        Assert.Equal((ushort)4, c.St.SubnetworkN.Get(c.State, n));
        // Give UID 2 the lowest emission; UIDs 1 and 3 earn something.
        c.St.Emission.Insert(c.State, n, [0UL, 50UL, 10UL, 40UL]);
        c.NextBlock(3);
        c.Ok("Dave", c.Call("burned_register", n, A("Newcomer")));
        Assert.Equal((ushort)2, c.St.Uids.Get(c.State, n, A("Newcomer")));
        Assert.False(c.St.Uids.Contains(c.State, n, A("Miner2")));
        Assert.False(c.St.IsNetworkMember.Contains(c.State, A("Miner2"), n));
        Assert.Equal(0UL, c.St.Emission.Get(c.State, n)[2]);
        Assert.Equal(A("BobHot"), c.St.Keys.Get(c.State, n, 0));

        // Nobody non-immune left above the floor: with MinNonImmuneUids 10 only immune UIDs (none) may go.
        c.St.MinNonImmuneUids.Insert(c.State, n, 10);
        c.St.ImmunityPeriod.Insert(c.State, n, 0);
        var r = c.Do("Eve", c.Call("burned_register", n, A("Late")));
        Assert.Equal(c.Error(SubtensorError.NoNeuronIdAvailable), r.Error);
    }

    [Fact]
    public void Root_register_caps_per_block_and_makes_an_eighteen_percent_delegate()
    {
        var c = new EconomyChain();
        c.Ok("Bob", c.Call("root_register", A("BobHot")));
        Assert.Equal(c.Error(SubtensorError.TooManyRegistrationsThisBlock), c.Do("Charlie", c.Call("root_register", A("CharlieHot"))).Error);
        c.NextBlock();
        c.Ok("Charlie", c.Call("root_register", A("CharlieHot")));
        Assert.Equal((ushort)1, c.St.Uids.Get(c.State, 0, A("CharlieHot")));
        Assert.Equal(SubtensorModulePallet.InitialDefaultTake, c.St.Delegates.Get(c.State, A("CharlieHot")));
    }

    [Fact]
    public void Serving_axons_and_prometheus()
    {
        var c = new EconomyChain();
        c.Ok("Bob", c.Call("burned_register", (ushort)1, A("BobHot")));
        var axon = c.Call("serve_axon", (ushort)1, 7u, (UInt128)0x0a000001, (ushort)8091, (byte)4, (byte)0, (byte)0, (byte)0);
        Assert.Equal(DispatchError.BadOrigin, EconomyChain.Rt.Dispatch(c.State, axon, Origin.None, false).Error);
        Assert.Equal(c.Error(SubtensorError.HotKeyNotRegisteredInNetwork), c.Do("Eve", axon).Error);
        c.Ok("BobHot", axon);
        var info = c.St.Axons.Get(c.State, 1, A("BobHot"));
        Assert.Equal(new AxonInfo(c.Block, 7, 0x0a000001, 8091, 4, 0, 0, 0), info);
        Assert.Equal(c.Error(SubtensorError.ServingRateLimitExceeded), c.Do("BobHot", axon).Error);
        c.St.ServingRateLimit.Insert(c.State, 1, 0);
        Assert.Equal(c.Error(SubtensorError.InvalidIpType),
            c.Do("BobHot", c.Call("serve_axon", (ushort)1, 7u, (UInt128)1, (ushort)1, (byte)5, (byte)0, (byte)0, (byte)0)).Error);
        Assert.Equal(c.Error(SubtensorError.InvalidIpAddress),
            c.Do("BobHot", c.Call("serve_axon", (ushort)1, 7u, (UInt128)0x7f000001, (ushort)1, (byte)4, (byte)0, (byte)0, (byte)0)).Error);
        Assert.Equal(c.Error(SubtensorError.InvalidPort),
            c.Do("BobHot", c.Call("serve_axon", (ushort)1, 7u, (UInt128)1, (ushort)0, (byte)4, (byte)0, (byte)0, (byte)0)).Error);
        c.Ok("BobHot", c.Call("serve_axon_tls", (ushort)1, 7u, (UInt128)1, (ushort)1, (byte)4, (byte)0, (byte)0, (byte)0, new byte[] { 2, 9, 9, 9 }));
        Assert.Equal(new NeuronCertificate([9, 9, 9], 2), c.St.NeuronCertificates.Get(c.State, 1, A("BobHot")), new CertificateComparer());
        Assert.Equal(c.Error(SubtensorError.InvalidIpAddress),
            c.Do("BobHot", c.Call("serve_prometheus", (ushort)1, 1u, (UInt128)0, (ushort)9090, (byte)4)).Error);
        c.Ok("BobHot", c.Call("serve_prometheus", (ushort)1, 1u, (UInt128)0x0a000002, (ushort)9090, (byte)4));
        Assert.Equal(9090, c.St.Prometheus.Get(c.State, 1, A("BobHot")).Port);
        Assert.Equal(2, c.EventsOf(SubtensorEvent.AxonServed).Length);
    }

    [Fact]
    public void Swap_hotkey_moves_the_uid_stake_and_ownership_for_the_key_swap_cost()
    {
        var c = new EconomyChain();
        c.Ok("Bob", c.Call("burned_register", (ushort)1, A("BobHot")));
        c.Ok("Charlie", c.Call("add_stake", A("BobHot"), (ushort)1, 3_000_000_000UL));
        var stake = c.St.Stake(c.State, A("BobHot"), A("Charlie"), 1);
        var issuance = c.St.TotalIssuance.Get(c.State);
        var bob = c.Chain.Free("Bob");
        c.Ok("Bob", c.Call("swap_hotkey_v2", A("BobHot"), A("BobNew"), (ushort?)null, false));
        Assert.Equal(bob - SubtensorModulePallet.KeySwapCost, c.Chain.Free("Bob"));
        Assert.Equal(issuance - SubtensorModulePallet.KeySwapCost, c.St.TotalIssuance.Get(c.State));
        Assert.Equal(issuance - SubtensorModulePallet.KeySwapCost, EconomyChain.Rt.Balances.TotalIssuance.Get(c.State));
        Assert.Equal((ushort)1, c.St.Uids.Get(c.State, 1, A("BobNew")));
        Assert.Equal(A("BobNew"), c.St.Keys.Get(c.State, 1, 1));
        Assert.False(c.St.Owner.Contains(c.State, A("BobHot")));
        Assert.Equal(A("Bob"), c.St.Owner.Get(c.State, A("BobNew")));
        Assert.Equal(stake, c.St.Stake(c.State, A("BobNew"), A("Charlie"), 1));
        Assert.Equal(0UL, c.St.Stake(c.State, A("BobHot"), A("Charlie"), 1));
        Assert.Equal(c.Error(SubtensorError.NonAssociatedColdKey), c.Do("Charlie", c.Call("swap_hotkey_v2", A("BobNew"), A("X"), (ushort?)null, false)).Error);
        Assert.Equal(c.Error(SubtensorError.HotKeySetTxRateLimitExceeded), c.Do("Bob", c.Call("swap_hotkey_v2", A("BobNew"), A("X"), (ushort?)null, false)).Error);
    }

    [Fact]
    public void Try_associate_hotkey_creates_the_link_once()
    {
        var c = new EconomyChain();
        c.Ok("Bob", c.Call("try_associate_hotkey", A("BobHot")));
        Assert.Equal(A("Bob"), c.St.Owner.Get(c.State, A("BobHot")));
        c.Ok("Charlie", c.Call("try_associate_hotkey", A("BobHot")));
        Assert.Equal(A("Bob"), c.St.Owner.Get(c.State, A("BobHot")));
        Assert.Equal(c.Error(SubtensorError.CannotUseSystemAccount), c.Do("Bob", c.Call("try_associate_hotkey", SubtensorModulePallet.SubnetAccount(3))).Error);
    }

    private sealed class CertificateComparer : IEqualityComparer<NeuronCertificate>
    {
        public bool Equals(NeuronCertificate? x, NeuronCertificate? y) =>
            x is not null && y is not null && x.Algorithm == y.Algorithm && x.PublicKey.AsSpan().SequenceEqual(y.PublicKey);

        public int GetHashCode(NeuronCertificate obj) => obj.Algorithm;
    }
}
