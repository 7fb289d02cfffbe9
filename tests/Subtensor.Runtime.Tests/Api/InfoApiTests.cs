using Subtensor.Core.Scale;
using Subtensor.Core.Types;
using Subtensor.Runtime.Metadata;
using Subtensor.Runtime.Pallets.SubtensorModule;
using Subtensor.Runtime.Tests.Support;

namespace Subtensor.Runtime.Tests.Api;

/// <summary>
/// The SDK's info runtime APIs through the runtime API dispatcher, decoded from the V15 metadata's output types (so the
/// bytes must match the declared layouts exactly) and checked field by field against storage on the dev chain.
/// </summary>
public class InfoApiTests
{
    private static readonly AccountId32 Alice = EconomyChain.Acc("Alice");
    private static readonly AccountId32 Bob = EconomyChain.Acc("Bob");
    private static readonly AccountId32 BobHot = EconomyChain.Acc("BobHot");
    private static readonly RuntimeMetadata V15 = RuntimeMetadata.Decode(EconomyChain.Rt.MetadataV15);

    private static object? Call(EconomyChain c, string trait, string method, byte[] args) =>
        new MetadataValueDecoder(V15).Call(EconomyChain.Rt.Apis, c.State, trait, method, args);

    private static Dictionary<string, object?> D(object? value) => Assert.IsType<Dictionary<string, object?>>(value);

    private static List<object?> L(object? value) => Assert.IsType<List<object?>>(value);

    private static byte[] Netuid(ushort netuid) => new ScaleWriter().WriteU16(netuid).ToArray();

    private static byte[] Acc(AccountId32 a) => a.ToArray();

    /// <summary>Subnet 1 with Bob's hotkey registered at uid 1, Bob staking 100 TAO to Alice's hotkey, and epoch outputs written.</summary>
    private static EconomyChain Populated()
    {
        var c = new EconomyChain();
        c.Ok("Bob", c.Call("burned_register", (ushort)1, BobHot));
        c.Ok("Bob", c.Call("add_stake", Alice, (ushort)1, 100_000_000_000UL));
        var (st, s) = (c.St, c.State);
        st.Emission.Insert(s, 1, [11UL, 22UL]);
        st.Incentive.Insert(s, 1, [(ushort)0, (ushort)65_535]);
        st.Dividends.Insert(s, 1, [(ushort)65_535, (ushort)0]);
        st.Consensus.Insert(s, 1, [(ushort)3, (ushort)4]);
        st.ValidatorTrust.Insert(s, 1, [(ushort)5, (ushort)6]);
        st.LastUpdate.Insert(s, 1, [7UL, 8UL]);
        st.Active.Insert(s, 1, [true, false]);
        st.ValidatorPermit.Insert(s, 1, [true, false]);
        st.Weights.Insert(s, 1, 0, [((ushort)0, (ushort)0), ((ushort)1, (ushort)65_535)]);
        st.Bonds.Insert(s, 1, 0, [((ushort)1, (ushort)9)]);
        st.AlphaDividendsPerSubnet.Insert(s, 1, Alice, 123UL);
        return c;
    }

    [Fact]
    public void Dynamic_info_reports_subnet_1_from_storage()
    {
        var c = Populated();
        var (st, s) = (c.St, c.State);
        var d = D(Call(c, "SubnetInfoRuntimeApi", "get_dynamic_info", Netuid(1)));
        Assert.Equal(1UL, d["netuid"]);
        Assert.Equal(Acc(Alice), d["owner_hotkey"]);
        Assert.Equal(Acc(Alice), d["owner_coldkey"]);
        Assert.Equal("apex"u8.ToArray().Select(b => (object?)(ulong)b), L(d["subnet_name"]));
        Assert.Equal(st.TokenSymbol.Get(s, 1).Select(b => (object?)(ulong)b), L(d["token_symbol"]));
        Assert.Equal(10UL, d["tempo"]);
        Assert.Equal(st.LastMechansimStepBlock.Get(s, 1), d["last_step"]);
        Assert.Equal(c.Block - st.LastMechansimStepBlock.Get(s, 1), d["blocks_since_last_step"]);
        Assert.Equal(st.SubnetAlphaIn.Get(s, 1), d["alpha_in"]);
        Assert.Equal(st.SubnetAlphaOut.Get(s, 1), d["alpha_out"]);
        Assert.Equal(st.SubnetTAO.Get(s, 1), d["tao_in"]);
        Assert.True((ulong)d["tao_in"]! >= 100_000_000_000UL, "Bob's stake went into the pool");
        Assert.Equal((UInt128)st.SubnetVolume.Get(s, 1), d["subnet_volume"]);
        Assert.Equal(st.NetworkRegisteredAt.Get(s, 1), d["network_registered_at"]);
        Assert.Null(d["subnet_identity"]);
        Assert.Equal(st.SubnetMovingPrice.Get(s, 1).Bits, (Int128)D(d["moving_price"])["bits"]!);

        Assert.Null(Call(c, "SubnetInfoRuntimeApi", "get_dynamic_info", Netuid(77)));
        var all = L(Call(c, "SubnetInfoRuntimeApi", "get_all_dynamic_info", []));
        Assert.Equal(st.AllSubnetNetuids(s).Count, all.Count);
        Assert.Contains(all, x => x is Dictionary<string, object?> e && (ulong)e["netuid"]! == 1);
    }

    [Fact]
    public void Subnet_info_and_hyperparams_read_the_subnet_parameters()
    {
        var c = Populated();
        var (st, s) = (c.St, c.State);
        st.SubnetIdentitiesV3.Insert(s, 1, new SubnetIdentity("dev"u8.ToArray(), [], [], [], [], [], [], []));
        st.ActivityCutoffFactorMilli.Insert(s, 1, 2_500);
        foreach (var method in new[] { "get_subnet_info", "get_subnet_info_v2" })
        {
            var i = D(Call(c, "SubnetInfoRuntimeApi", method, Netuid(1)));
            Assert.Equal(1UL, i["netuid"]);
            Assert.Equal(2UL, i["subnetwork_n"]);
            Assert.Equal(10UL, i["tempo"]);
            Assert.Equal((ulong)st.Kappa.Get(s, 1), i["kappa"]);
            Assert.Equal(st.Burn.Get(s, 1), i["burn"]);
            Assert.Equal((ulong)st.MaxAllowedUids.Get(s, 1), i["max_allowed_uids"]);
            Assert.Equal(Acc(Alice), i["owner"]);
            Assert.Empty(L(i["network_connect"]));
        }

        var v2 = D(Call(c, "SubnetInfoRuntimeApi", "get_subnet_info_v2", Netuid(1)));
        Assert.Equal("dev"u8.ToArray(), D(v2["identity"])["subnet_name"]);
        Assert.Single(L(Call(c, "SubnetInfoRuntimeApi", "get_subnets_info", [])), x => x is not null && (ulong)D(x)["netuid"]! == 1);

        var h = D(Call(c, "SubnetInfoRuntimeApi", "get_subnet_hyperparams_v2", Netuid(1)));
        Assert.Equal(10UL, h["tempo"]);
        Assert.Equal(25UL, h["activity_cutoff"]); // 2500 ‰ × tempo 10 / 1000
        Assert.Equal((ulong)st.AlphaValues.Get(s, 1).Item2, h["alpha_high"]);
        Assert.Equal((ulong)st.AlphaValues.Get(s, 1).Item1, h["alpha_low"]);
        Assert.Equal((long)st.AlphaSigmoidSteepness.Get(s, 1) << 32, D(h["alpha_sigmoid_steepness"])["bits"]);
        Assert.Equal(2UL, h["yuma_version"]);
        Assert.Equal(st.SubtokenEnabled.Get(s, 1), h["subnet_is_active"]);
        Assert.Equal(false, h["user_liquidity_enabled"]);
        Assert.Equal(27, D(Call(c, "SubnetInfoRuntimeApi", "get_subnet_hyperparams", Netuid(1))).Count);

        var v3 = L(Call(c, "SubnetInfoRuntimeApi", "get_subnet_hyperparams_v3", Netuid(1))).Select(D).ToList();
        Assert.Equal(33, v3.Count);
        var byName = v3.ToDictionary(e => System.Text.Encoding.ASCII.GetString((byte[])e["name"]!), e => ((string, object?))e["value"]!);
        Assert.Equal(("U16", (object?)10UL), byName["tempo"]);
        Assert.Equal(("U32", (object?)2_500UL), byName["activity_cutoff_factor"]);
        Assert.Equal(("TaoBalance", (object?)st.MinBurn.Get(s, 1)), byName["min_burn"]);
        Assert.Equal("U64F64", byName["burn_increase_mult"].Item1);
        Assert.Equal("kappa", System.Text.Encoding.ASCII.GetString((byte[])v3[0]["name"]!));
        Assert.Null(Call(c, "SubnetInfoRuntimeApi", "get_subnet_hyperparams_v3", Netuid(77)));
    }

    [Fact]
    public void Neurons_carry_keys_stake_and_per_uid_epoch_outputs()
    {
        var c = Populated();
        var (st, s) = (c.St, c.State);
        c.Ok("BobHot", c.Call("serve_axon", (ushort)1, 7u, (UInt128)0x01020304, (ushort)8091, (byte)4, (byte)0, (byte)0, (byte)0));
        var lite = L(Call(c, "NeuronInfoRuntimeApi", "get_neurons_lite", Netuid(1))).Select(D).ToList();
        Assert.Equal(2, lite.Count);
        var alice = lite[0];
        Assert.Equal(Acc(Alice), alice["hotkey"]);
        Assert.Equal(Acc(Alice), alice["coldkey"]);
        Assert.Equal(0UL, alice["uid"]);
        Assert.Equal(1UL, alice["netuid"]);
        Assert.Equal(true, alice["active"]);
        var stake = L(L(alice["stake"]).Single());
        Assert.Equal(Acc(Alice), stake[0]);
        Assert.Equal(st.HotkeyStake(s, Alice, 1), stake[1]);
        Assert.True((ulong)stake[1]! > 0);
        Assert.Equal(11UL, alice["emission"]);
        Assert.Equal(0UL, alice["incentive"]);
        Assert.Equal(65_535UL, alice["dividends"]);
        Assert.Equal(3UL, alice["consensus"]);
        Assert.Equal(5UL, alice["validator_trust"]);
        Assert.Equal(7UL, alice["last_update"]);
        Assert.Equal(true, alice["validator_permit"]);
        Assert.Equal(0UL, alice["rank"]);
        Assert.Equal(65_535UL, alice["pruning_score"]);
        Assert.False(alice.ContainsKey("weights"));

        var bob = D(Call(c, "NeuronInfoRuntimeApi", "get_neuron", new ScaleWriter().WriteU16(1).WriteU16(1).ToArray()));
        Assert.Equal(Acc(BobHot), bob["hotkey"]);
        Assert.Equal(Acc(Bob), bob["coldkey"]);
        Assert.Equal(22UL, bob["emission"]);
        Assert.Equal(65_535UL, bob["incentive"]);
        Assert.Equal(false, bob["validator_permit"]);
        var axon = D(bob["axon_info"]);
        Assert.Equal((UInt128)0x01020304, axon["ip"]);
        Assert.Equal(8091UL, axon["port"]);
        Assert.Equal(7UL, axon["version"]);
        Assert.Empty(L(bob["weights"]));

        var aliceFull = D(Call(c, "NeuronInfoRuntimeApi", "get_neuron", new ScaleWriter().WriteU16(1).WriteU16(0).ToArray()));
        Assert.Equal([new List<object?> { 1UL, 65_535UL }], L(aliceFull["weights"]).Select(L)); // the zero weight is dropped
        Assert.Equal([new List<object?> { 1UL, 9UL }], L(aliceFull["bonds"]).Select(L));
        Assert.Null(Call(c, "NeuronInfoRuntimeApi", "get_neuron_lite", new ScaleWriter().WriteU16(1).WriteU16(5).ToArray()));
        Assert.Empty(L(Call(c, "NeuronInfoRuntimeApi", "get_neurons", Netuid(77))));
    }

    [Fact]
    public void Stake_info_lists_a_coldkeys_stakes_and_the_fee_is_the_swap_fee()
    {
        var c = Populated();
        var (st, s) = (c.St, c.State);
        var bobStake = st.Stake(s, Alice, Bob, 1);
        Assert.True(bobStake > 0);
        var infos = L(Call(c, "StakeInfoRuntimeApi", "get_stake_info_for_coldkey", Acc(Bob))).Select(D).ToList();
        var info = Assert.Single(infos);
        Assert.Equal(Acc(Alice), info["hotkey"]);
        Assert.Equal(Acc(Bob), info["coldkey"]);
        Assert.Equal(1UL, info["netuid"]);
        Assert.Equal(bobStake, info["stake"]);
        Assert.Equal(123UL, info["emission"]);
        Assert.Equal(true, info["is_registered"]);
        Assert.Equal(0UL, info["locked"]);

        var args = new ScaleWriter();
        args.WriteCompact(2U).WriteBytes(Acc(Bob)).WriteBytes(Acc(EconomyChain.Acc("Nobody")));
        var pairs = L(Call(c, "StakeInfoRuntimeApi", "get_stake_info_for_coldkeys", args.ToArray())).Select(L).ToList();
        Assert.Equal(2, pairs.Count);
        Assert.Single(L(pairs[0][1]));
        Assert.Empty(L(pairs[1][1]));

        var one = D(Call(c, "StakeInfoRuntimeApi", "get_stake_info_for_hotkey_coldkey_netuid",
            new ScaleWriter().WriteBytes(Acc(Alice)).WriteBytes(Acc(Bob)).WriteU16(1).ToArray()));
        Assert.Equal(bobStake, one["stake"]);

        byte[] Fee(ushort? from, ushort? to, ulong amount)
        {
            var w = new ScaleWriter();
            void Side(ushort? n)
            {
                if (n is { } v)
                {
                    w.WriteU8(1).WriteBytes(Acc(Alice)).WriteU16(v);
                }
                else
                {
                    w.WriteU8(0);
                }

                w.WriteBytes(Acc(Bob));
            }

            Side(from);
            Side(to);
            return w.WriteU64(amount).ToArray();
        }

        Assert.Equal(0UL, Call(c, "StakeInfoRuntimeApi", "get_stake_fee", Fee(1, 1, 1_000_000_000)));
        var fee = (ulong)Call(c, "StakeInfoRuntimeApi", "get_stake_fee", Fee(null, 1, 1_000_000_000))!;
        Assert.Equal(EconomyChain.Rt.Swap.ApproxFee(s, 1, 1_000_000_000), fee);
        Assert.True(fee > 0);
    }

    [Fact]
    public void Delegate_info_lists_nominators_registrations_and_permits()
    {
        var c = Populated();
        var (st, s) = (c.St, c.State);
        const ushort take = 5_000;
        st.Delegates.Insert(s, Alice, take);
        var d = D(Call(c, "DelegateInfoRuntimeApi", "get_delegate", Acc(Alice)));
        Assert.Equal(Acc(Alice), d["delegate_ss58"]);
        Assert.Equal((ulong)take, d["take"]);
        Assert.Equal(Acc(Alice), d["owner_ss58"]);
        Assert.Equal([1UL], L(d["registrations"]).Select(x => (ulong)x!));
        Assert.Equal([1UL], L(d["validator_permits"]).Select(x => (ulong)x!));
        var nominators = L(d["nominators"]).Select(L).ToDictionary(n => Convert.ToHexString((byte[])n[0]!), n => L(n[1]).Select(L).ToList());
        var bob = nominators[Convert.ToHexString(Acc(Bob))];
        Assert.Equal(1UL, bob.Single()[0]);
        Assert.Equal(st.Stake(s, Alice, Bob, 1), bob.Single()[1]);
        // Emission 11 per tempo-10 epoch = 7920 a day; no root stake, so no return per 1000 TAO.
        Assert.Equal(7_920UL, d["total_daily_return"]);
        Assert.Equal(0UL, d["return_per_1000"]);

        Assert.Null(Call(c, "DelegateInfoRuntimeApi", "get_delegate", Acc(EconomyChain.Acc("Nobody"))));
        Assert.Contains(L(Call(c, "DelegateInfoRuntimeApi", "get_delegates", [])), x => ((byte[])D(x)["delegate_ss58"]!).SequenceEqual(Acc(Alice)));
        var delegated = L(Call(c, "DelegateInfoRuntimeApi", "get_delegated", Acc(Bob))).Select(L).ToList();
        var entry = Assert.Single(delegated);
        Assert.Equal(Acc(Alice), D(entry[0])["delegate_ss58"]);
        Assert.Empty(L(D(entry[0])["nominators"]));
        Assert.Equal([1UL, st.Stake(s, Alice, Bob, 1)], L(entry[1]).Select(x => (ulong)x!));
    }

    [Fact]
    public void Return_per_1000_tao_nets_the_take_over_root_stake()
    {
        var r = Subtensor.Runtime.Api.Info.DelegateInfoEncoder.ReturnPer1000(ushort.MaxValue / 2, Core.Arithmetic.U64F64.SaturatingFromNum(2_000_000_000_000UL),
            Core.Arithmetic.U64F64.SaturatingFromNum(1_000_000UL));
        // 10^6 a day × (1 − 32767/65535) over 2 × 1000 TAO = 250_003.8
        Assert.Equal(250_003UL, r.SaturatingToU64());
    }

    [Fact]
    public void Metagraph_selective_metagraph_and_subnet_state_agree_with_storage()
    {
        var c = Populated();
        var (st, s) = (c.St, c.State);
        var m = D(Call(c, "SubnetInfoRuntimeApi", "get_metagraph", Netuid(1)));
        Assert.Equal(72, m.Count);
        Assert.Equal(1UL, m["netuid"]);
        Assert.Equal(c.Block, m["block"]);
        Assert.Equal(10UL, m["tempo"]);
        Assert.Equal(2UL, m["num_uids"]);
        Assert.Equal(new[] { Acc(Alice), Acc(BobHot) }, L(m["hotkeys"]).Cast<byte[]>());
        Assert.Equal(new[] { Acc(Alice), Acc(Bob) }, L(m["coldkeys"]).Cast<byte[]>());
        Assert.Equal([null, null], L(m["identities"]));
        Assert.Equal([11UL, 22UL], L(m["emission"]).Select(x => (ulong)x!));
        Assert.Equal([0UL, 65_535UL], L(m["incentives"]).Select(x => (ulong)x!));
        Assert.Equal([true, false], L(m["validator_permit"]).Select(x => (bool)x!));
        Assert.Empty(L(m["pruning_score"]));
        var alpha = L(m["alpha_stake"]).Select(x => (ulong)x!).ToList();
        Assert.Equal([st.HotkeyStake(s, Alice, 1), st.HotkeyStake(s, BobHot, 1)], alpha);
        var rootWeighted = L(m["total_stake"]).Select(x => (ulong)x!).ToList();
        Assert.Equal(alpha, rootWeighted); // no root stake: total = alpha
        Assert.Equal([123UL, 0UL], L(m["alpha_dividends_per_hotkey"]).Select(x => (ulong)L(x)[1]!));
        Assert.Equal(2, L(m["block_at_registration"]).Count);

        var all = L(Call(c, "SubnetInfoRuntimeApi", "get_all_metagraphs", []));
        Assert.Equal(st.AllSubnetNetuids(s).Count, all.Count);

        // Selective: only the requested fields; the netuid is reported only when index 0 is requested.
        var sel = D(Call(c, "SubnetInfoRuntimeApi", "get_selective_metagraph",
            new ScaleWriter().WriteU16(1).WriteCompact(3U).WriteU16(8).WriteU16(52).WriteU16(72).ToArray()));
        Assert.Equal(74, sel.Count);
        Assert.Equal(0UL, sel["netuid"]);
        Assert.Equal(10UL, sel["tempo"]);
        Assert.Equal(2, L(sel["hotkeys"]).Count);
        Assert.Equal([0UL], L(sel["validators"]).Select(x => (ulong)x!)); // uid 0 has the permit and stake above the threshold
        Assert.Null(sel["name"]);
        Assert.Null(sel["commitments"]);
        var withNetuid = D(Call(c, "SubnetInfoRuntimeApi", "get_selective_metagraph", new ScaleWriter().WriteU16(1).WriteCompact(1U).WriteU16(0).ToArray()));
        Assert.Equal(1UL, withNetuid["netuid"]);

        var state = D(Call(c, "SubnetInfoRuntimeApi", "get_subnet_state", Netuid(1)));
        Assert.Equal(L(m["hotkeys"]).Cast<byte[]>(), L(state["hotkeys"]).Cast<byte[]>());
        Assert.Equal(alpha, L(state["alpha_stake"]).Select(x => (ulong)x!));
        Assert.Equal([7UL, 8UL], L(state["last_update"]).Select(x => (ulong)x!));
        Assert.Equal(st.AllSubnetNetuids(s).Count, L(state["emission_history"]).Count);
        Assert.Null(Call(c, "SubnetInfoRuntimeApi", "get_subnet_state", Netuid(77)));
    }

    [Fact]
    public void Stake_weights_follow_child_keys_and_root_stake_times_the_tao_weight()
    {
        var c = Populated();
        var (st, s) = (c.St, c.State);
        var (aliceAlpha, bobAlpha) = (st.HotkeyStake(s, Alice, 1), st.HotkeyStake(s, BobHot, 1));
        // Alice gives half of her stake on subnet 1 to BobHot; Alice holds 1000 TAO on root, inherited the same way.
        const ulong half = ulong.MaxValue / 2;
        st.ChildKeys.Insert(s, Alice, 1, [(half, BobHot)]);
        st.ParentKeys.Insert(s, BobHot, 1, [(half, Alice)]);
        st.TotalHotkeyAlpha.Insert(s, Alice, 0, 1_000_000_000_000UL);
        st.TaoWeight.Put(s, ulong.MaxValue / 4);

        var m = D(Call(c, "SubnetInfoRuntimeApi", "get_metagraph", Netuid(1)));
        var alpha = L(m["alpha_stake"]).Select(x => (ulong)x!).ToArray();
        var tao = L(m["tao_stake"]).Select(x => (ulong)x!).ToArray();
        var total = L(m["total_stake"]).Select(x => (ulong)x!).ToArray();

        // Proportions are U96F32 (32 fractional bits): u64::MAX / 2 over u64::MAX is (2^31 − 1) / 2^32, and the TAO
        // weight u64::MAX / 4 is (2^30 − 1) / 2^32, so a child gets slightly less than half (Subtensor's rounding).
        static ulong Part(ulong x, ulong numerator) => (ulong)((UInt128)x * numerator >> 32);
        const ulong halfBits = (1UL << 31) - 1;
        const ulong quarterBits = (1UL << 30) - 1;
        Assert.InRange(alpha[0], aliceAlpha - Part(aliceAlpha, halfBits) - 1, aliceAlpha - Part(aliceAlpha, halfBits) + 1);
        Assert.InRange(alpha[1], bobAlpha + Part(aliceAlpha, halfBits) - 1, bobAlpha + Part(aliceAlpha, halfBits) + 1);
        Assert.Equal(500_000_000_232UL, tao[0]);
        Assert.Equal(499_999_999_767UL, tao[1]);
        Assert.InRange(total[0], alpha[0] + Part(tao[0], quarterBits) - 1, alpha[0] + Part(tao[0], quarterBits) + 1);
        Assert.InRange(total[1], alpha[1] + Part(tao[1], quarterBits) - 1, alpha[1] + Part(tao[1], quarterBits) + 1);
    }

    [Fact]
    public void Mechagraph_uses_the_mechanism_storage_index()
    {
        var c = Populated();
        Assert.NotNull(Call(c, "SubnetInfoRuntimeApi", "get_mechagraph", new ScaleWriter().WriteU16(1).WriteU8(0).ToArray()));
        Assert.Null(Call(c, "SubnetInfoRuntimeApi", "get_mechagraph", new ScaleWriter().WriteU16(1).WriteU8(1).ToArray()));
        Assert.Equal(
            (ulong)c.St.LastEpochBlock.Get(c.State, 1) + 10,
            Call(c, "SubnetInfoRuntimeApi", "get_next_epoch_start_block", Netuid(1)));
    }
}
