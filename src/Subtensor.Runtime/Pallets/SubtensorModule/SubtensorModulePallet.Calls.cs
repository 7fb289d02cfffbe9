using Subtensor.Core.Types;
using Subtensor.Runtime.Framework;
using Subtensor.Runtime.Framework.Codec;
using Subtensor.Runtime.Framework.Dispatch;
using Subtensor.Runtime.Framework.TypeInfo;
using Subtensor.Runtime.Pallets.FrameSystem;
using Subtensor.Runtime.State;
using static Subtensor.Runtime.Framework.TypeInfo.Ty;

namespace Subtensor.Runtime.Pallets.SubtensorModule;

// Calls of pallet_subtensor with Subtensor's indices, argument names (leading underscores dropped, as FRAME's metadata
// does), weights (pallets/subtensor/src/weights.rs SubstrateWeight) and fee modes (macros/dispatches.rs at 14bc6f9f).
// Calls this runtime does not implement yet fail with CallDisabled.
public sealed partial class SubtensorModulePallet
{
    private void DeclareCalls()
    {
        var netuid = Arg("netuid", Codecs.U16, "NetUid");
        var hotkey = Arg("hotkey", Codecs.AccountId, "T::AccountId");
        var u16Vec = SubtensorTypes.U16Vec;
        var mecid = Arg("mecid", Codecs.U8, "MechId");
        var commit = Codecs.Bytes.As(BoundedVec(U8, "5000"));
        var optionTao = Codecs.OptionValue(Codecs.U64);

        // ---- weights (the Yuma epoch's inputs: next issue) ----
        Deferred(0, "set_weights", [netuid, Arg("dests", u16Vec, "Vec<u16>"), Arg("weights", u16Vec, "Vec<u16>"), Arg("version_key", Codecs.U64, "u64")],
            W(15_513_610_000, 10_327_410, 4112, 2), Pays.No);
        Deferred(119, "set_mechanism_weights", [netuid, mecid, Arg("dests", u16Vec, "Vec<u16>"), Arg("weights", u16Vec, "Vec<u16>"), Arg("version_key", Codecs.U64, "u64")],
            W(15_540_000_000, 0, 4111, 2), Pays.No);
        Deferred(80, "batch_set_weights", [Arg("netuids", Codecs.Vec(SubtensorTypes.CompactU16), "Vec<Compact<NetUid>>"),
            Arg("weights", Codecs.Vec(Codecs.Vec(Codecs.Tuple(SubtensorTypes.CompactU16, SubtensorTypes.CompactU16))), "Vec<Vec<(Compact<u16>, Compact<u16>)>>"),
            Arg("version_keys", Codecs.Vec(Codecs.CompactU64), "Vec<Compact<u64>>")], W(103_092_000, 7395, 16, 2), Pays.No);
        Deferred(96, "commit_weights", [netuid, Arg("commit_hash", Codecs.H256, "H256")], W(69_049_000, 4714, 13, 2), Pays.No);
        Deferred(115, "commit_mechanism_weights", [netuid, mecid, Arg("commit_hash", Codecs.H256, "H256")], W(55_130_000, 0, 7, 2), Pays.No);
        Deferred(100, "batch_commit_weights", [Arg("netuids", Codecs.Vec(SubtensorTypes.CompactU16), "Vec<Compact<NetUid>>"),
            Arg("commit_hashes", Codecs.Vec(Codecs.H256), "Vec<H256>")], W(147_224_000, 4765, 15, 2), Pays.No);
        Deferred(97, "reveal_weights", [netuid, Arg("uids", u16Vec, "Vec<u16>"), Arg("values", u16Vec, "Vec<u16>"), Arg("salt", u16Vec, "Vec<u16>"),
            Arg("version_key", Codecs.U64, "u64")], W(111_227_000, 7590, 19, 2), Pays.No);
        Deferred(116, "reveal_mechanism_weights", [netuid, mecid, Arg("uids", u16Vec, "Vec<u16>"), Arg("values", u16Vec, "Vec<u16>"), Arg("salt", u16Vec, "Vec<u16>"),
            Arg("version_key", Codecs.U64, "u64")], W(122_000_000, 0, 16, 2), Pays.No);
        Deferred(117, "commit_crv3_mechanism_weights", [netuid, mecid, Arg("commit", commit, "BoundedVec<u8, ConstU32<MAX_CRV3_COMMIT_SIZE_BYTES>>"),
            Arg("reveal_round", Codecs.U64, "u64")], W(77_750_000, 0, 7, 2), Pays.No);
        Deferred(98, "batch_reveal_weights", [netuid, Arg("uids_list", Codecs.Vec(u16Vec), "Vec<Vec<u16>>"), Arg("values_list", Codecs.Vec(u16Vec), "Vec<Vec<u16>>"),
            Arg("salts_list", Codecs.Vec(u16Vec), "Vec<Vec<u16>>"), Arg("version_keys", SubtensorTypes.U64Vec, "Vec<u64>")], W(421_363_000, 8095, 19, 2), Pays.No);
        Deferred(113, "commit_timelocked_weights", [netuid, Arg("commit", commit, "BoundedVec<u8, ConstU32<MAX_CRV3_COMMIT_SIZE_BYTES>>"),
            Arg("reveal_round", Codecs.U64, "u64"), Arg("commit_reveal_version", Codecs.U16, "u16")], W(86_951_000, 4713, 14, 2), Pays.No);
        Deferred(118, "commit_timelocked_mechanism_weights", [netuid, mecid, Arg("commit", commit, "BoundedVec<u8, ConstU32<MAX_CRV3_COMMIT_SIZE_BYTES>>"),
            Arg("reveal_round", Codecs.U64, "u64"), Arg("commit_reveal_version", Codecs.U16, "u16")], W(84_020_000, 0, 9, 2), Pays.No);

        // ---- take ----
        Impl(65, "decrease_take", [hotkey, Arg("take", Codecs.U16, "u16")], W(29_895_000, 4295, 3, 2), Pays.No,
            (s, o, a) => DoDecreaseTake(s, o.EnsureSigned(), a.Get<AccountId32>(0), a.Get<ushort>(1)));
        Impl(66, "increase_take", [hotkey, Arg("take", Codecs.U16, "u16")], W(37_710_000, 4388, 5, 2), Pays.No,
            (s, o, a) => DoIncreaseTake(s, o.EnsureSigned(), a.Get<AccountId32>(0), a.Get<ushort>(1)));

        // ---- staking ----
        Impl(2, "add_stake", [hotkey, netuid, Arg("amount_staked", Codecs.U64, "TaoBalance")], W(664_064_000, 8727, 32, 16), Pays.Yes,
            (s, o, a) => DoAddStake(s, o.EnsureSigned(), a.Get<AccountId32>(0), a.Get<ushort>(1), a.Get<ulong>(2)));
        Impl(3, "remove_stake", [hotkey, netuid, Arg("amount_unstaked", Codecs.U64, "AlphaBalance")], W(569_198_000, 10_557, 28, 13), Pays.Yes,
            (s, o, a) => DoRemoveStake(s, o.EnsureSigned(), a.Get<AccountId32>(0), a.Get<ushort>(1), a.Get<ulong>(2)));

        // ---- serving ----
        CallArg[] axon = [netuid, Arg("version", Codecs.U32, "u32"), Arg("ip", Codecs.U128, "u128"), Arg("port", Codecs.U16, "u16"), Arg("ip_type", Codecs.U8, "u8"),
            Arg("protocol", Codecs.U8, "u8"), Arg("placeholder1", Codecs.U8, "u8"), Arg("placeholder2", Codecs.U8, "u8")];
        Impl(4, "serve_axon", axon, W(31_278_000, 4178, 3, 1), Pays.No, (s, o, a) => DoServeAxon(s, o.EnsureSigned(), a.Get<ushort>(0), AxonOf(a), null));
        Impl(40, "serve_axon_tls", [.. axon, Arg("certificate", Codecs.Bytes, "Vec<u8>")], W(30_617_000, 4149, 3, 1), Pays.No,
            (s, o, a) => DoServeAxon(s, o.EnsureSigned(), a.Get<ushort>(0), AxonOf(a), a.Get<byte[]>(8)));
        Impl(5, "serve_prometheus", [netuid, Arg("version", Codecs.U32, "u32"), Arg("ip", Codecs.U128, "u128"), Arg("port", Codecs.U16, "u16"), Arg("ip_type", Codecs.U8, "u8")],
            W(29_294_000, 4277, 3, 1), Pays.No,
            (s, o, a) => DoServePrometheus(s, o.EnsureSigned(), a.Get<ushort>(0), new PrometheusInfo(0, a.Get<uint>(1), a.Get<UInt128>(2), a.Get<ushort>(3), a.Get<byte>(4))));

        // ---- registration ----
        Impl(6, "register", [netuid, Arg("block_number", Codecs.U64, "u64"), Arg("nonce", Codecs.U64, "u64"), Arg("work", Codecs.Bytes, "Vec<u8>"), hotkey,
            Arg("coldkey", Codecs.AccountId, "T::AccountId")], W(349_872_000, 6148, 34, 29), Pays.Yes,
            (s, o, a) => DoRegister(s, o.EnsureSigned(), a.Get<ushort>(0), a.Get<AccountId32>(4)));
        Impl(62, "root_register", [hotkey], W(103_934_000, 4981, 19, 16), Pays.Yes, (s, o, a) => DoRootRegister(s, o.EnsureSigned(), a.Get<AccountId32>(0)));
        Impl(7, "burned_register", [netuid, hotkey], W(336_815_000, 6148, 34, 29), Pays.Yes,
            (s, o, a) => DoRegister(s, o.EnsureSigned(), a.Get<ushort>(0), a.Get<AccountId32>(1)));

        // ---- keys ----
        Impl(70, "swap_hotkey", [hotkey, Arg("new_hotkey", Codecs.AccountId, "T::AccountId"), Arg("netuid", Codecs.OptionValue(Codecs.U16), "Option<NetUid>")],
            W(1_242_038_000, 28_912, 182, 99), Pays.Yes,
            (s, o, a) => DoSwapHotkey(s, o.EnsureSigned(), a.Get<AccountId32>(0), a.Get<AccountId32>(1), a.Get<ushort?>(2), keepStake: false));
        Impl(72, "swap_hotkey_v2", [hotkey, Arg("new_hotkey", Codecs.AccountId, "T::AccountId"), Arg("netuid", Codecs.OptionValue(Codecs.U16), "Option<NetUid>"),
            Arg("keep_stake", Codecs.Bool, "bool")], W(275_300_000, 0, 52, 35), Pays.Yes,
            (s, o, a) => DoSwapHotkey(s, o.EnsureSigned(), a.Get<AccountId32>(0), a.Get<AccountId32>(1), a.Get<ushort?>(2), a.Get<bool>(3)));
        Deferred(71, "swap_coldkey", [Arg("old_coldkey", Codecs.AccountId, "T::AccountId"), Arg("new_coldkey", Codecs.AccountId, "T::AccountId"),
            Arg("swap_cost", Codecs.U64, "TaoBalance")], W(312_301_000, 13_056, 37, 19), Pays.Yes);

        // ---- child keys ----
        Deferred(75, "set_childkey_take", [hotkey, netuid, Arg("take", Codecs.U16, "u16")], W(53_870_000, 4498, 7, 2), Pays.Yes);
        Impl(69, "sudo_set_tx_childkey_take_rate_limit", [Arg("tx_rate_limit", Codecs.U64, "u64")], W(5_760_000, 0, 0, 1), Pays.Yes, (s, o, a) =>
        {
            o.EnsureRoot();
            TxChildkeyTakeRateLimit.Put(s, a.Get<ulong>(0));
            Emit(s, SubtensorEvent.TxChildKeyTakeRateLimitSet, a.Get<ulong>(0));
        });
        Impl(76, "sudo_set_min_childkey_take", [Arg("take", Codecs.U16, "u16")], W(6_000, 0, 1, 1), Pays.Yes, (s, o, a) =>
        {
            o.EnsureRoot();
            MinChildkeyTake.Put(s, a.Get<ushort>(0));
            Emit(s, SubtensorEvent.MinChildKeyTakeSet, a.Get<ushort>(0));
        });
        Impl(77, "sudo_set_max_childkey_take", [Arg("take", Codecs.U16, "u16")], W(6_000, 0, 1, 1), Pays.Yes, (s, o, a) =>
        {
            o.EnsureRoot();
            MaxChildkeyTake.Put(s, a.Get<ushort>(0));
            Emit(s, SubtensorEvent.MaxChildKeyTakeSet, a.Get<ushort>(0));
        });

        // ---- subnets ----
        Impl(59, "register_network", [hotkey], W(277_125_000, 9947, 40, 48), Pays.Yes,
            (s, o, a) => DoRegisterNetwork(s, o.EnsureSigned(), a.Get<AccountId32>(0), 1, null));
        Impl(61, "dissolve_network", [Arg("coldkey", Codecs.AccountId, "T::AccountId"), netuid], W(119_000_000, 0, 6, 31), Pays.Yes, (s, o, a) =>
        {
            o.EnsureRoot();
            DoDissolveNetwork(s, a.Get<ushort>(1));
        });
        Deferred(67, "set_children", [hotkey, netuid, Arg("children", SubtensorTypes.AccountLinkage, "Vec<(u64, T::AccountId)>")], W(119_000_000, 0, 6, 31), Pays.Yes);
        Impl(73, "schedule_swap_coldkey", [Arg("new_coldkey", Codecs.AccountId, "T::AccountId")], W(0, 0, 5, 0), Pays.Yes,
            (_, _, _) => throw Err(SubtensorError.Deprecated));
        Impl(68, "set_identity", [Arg("name", Codecs.Bytes, "Vec<u8>"), Arg("url", Codecs.Bytes, "Vec<u8>"), Arg("github_repo", Codecs.Bytes, "Vec<u8>"),
            Arg("image", Codecs.Bytes, "Vec<u8>"), Arg("discord", Codecs.Bytes, "Vec<u8>"), Arg("description", Codecs.Bytes, "Vec<u8>"), Arg("additional", Codecs.Bytes, "Vec<u8>")],
            W(32_040_000, 6829, 3, 1), Pays.Yes,
            (s, o, a) => DoSetIdentity(s, o.EnsureSigned(), new ChainIdentity(a.Get<byte[]>(0), a.Get<byte[]>(1), a.Get<byte[]>(2), a.Get<byte[]>(3), a.Get<byte[]>(4),
                a.Get<byte[]>(5), a.Get<byte[]>(6))));
        Impl(78, "set_subnet_identity", [netuid, Arg("subnet_name", Codecs.Bytes, "Vec<u8>"), Arg("github_repo", Codecs.Bytes, "Vec<u8>"),
            Arg("subnet_contact", Codecs.Bytes, "Vec<u8>"), Arg("subnet_url", Codecs.Bytes, "Vec<u8>"), Arg("discord", Codecs.Bytes, "Vec<u8>"),
            Arg("description", Codecs.Bytes, "Vec<u8>"), Arg("logo_url", Codecs.Bytes, "Vec<u8>"), Arg("additional", Codecs.Bytes, "Vec<u8>")],
            W(17_513_000, 4060, 1, 1), Pays.Yes,
            (s, o, a) => DoSetSubnetIdentity(s, o.EnsureSigned(), a.Get<ushort>(0), new SubnetIdentity(a.Get<byte[]>(1), a.Get<byte[]>(2), a.Get<byte[]>(3),
                a.Get<byte[]>(4), a.Get<byte[]>(5), a.Get<byte[]>(6), a.Get<byte[]>(7), a.Get<byte[]>(8))));
        Impl(79, "register_network_with_identity", [hotkey, Arg("identity", Codecs.Option(SubtensorTypes.SubnetIdentityCodec), "Option<SubnetIdentityOfV3>")],
            W(275_041_000, 9883, 39, 47), Pays.Yes,
            (s, o, a) => DoRegisterNetwork(s, o.EnsureSigned(), a.Get<AccountId32>(0), 1, a.Get<SubnetIdentity?>(1)));

        // ---- more staking ----
        Impl(83, "unstake_all", [hotkey], W(26_830_000, 9189, 6, 0), Pays.Yes, (s, o, a) => DoUnstakeAll(s, o.EnsureSigned(), a.Get<AccountId32>(0)));
        Impl(84, "unstake_all_alpha", [hotkey], W(700_873_000, 11_306, 43, 25), Pays.Yes, (s, o, a) => DoUnstakeAllAlpha(s, o.EnsureSigned(), a.Get<AccountId32>(0)));
        Impl(85, "move_stake", [Arg("origin_hotkey", Codecs.AccountId, "T::AccountId"), Arg("destination_hotkey", Codecs.AccountId, "T::AccountId"),
            Arg("origin_netuid", Codecs.U16, "NetUid"), Arg("destination_netuid", Codecs.U16, "NetUid"), Arg("alpha_amount", Codecs.U64, "AlphaBalance")],
            W(216_061_000, 7919, 19, 7), Pays.Yes,
            (s, o, a) => DoMoveStake(s, o.EnsureSigned(), a.Get<AccountId32>(0), a.Get<AccountId32>(1), a.Get<ushort>(2), a.Get<ushort>(3), a.Get<ulong>(4)));
        Impl(86, "transfer_stake", [Arg("destination_coldkey", Codecs.AccountId, "T::AccountId"), hotkey, Arg("origin_netuid", Codecs.U16, "NetUid"),
            Arg("destination_netuid", Codecs.U16, "NetUid"), Arg("alpha_amount", Codecs.U64, "AlphaBalance")], W(258_541_000, 7994, 19, 6), Pays.Yes,
            (s, o, a) => DoTransferStake(s, o.EnsureSigned(), a.Get<AccountId32>(0), a.Get<AccountId32>(1), a.Get<ushort>(2), a.Get<ushort>(3), a.Get<ulong>(4)));
        Impl(87, "swap_stake", [hotkey, Arg("origin_netuid", Codecs.U16, "NetUid"), Arg("destination_netuid", Codecs.U16, "NetUid"), Arg("alpha_amount", Codecs.U64, "AlphaBalance")],
            W(742_019_000, 10_920, 47, 24), Pays.Yes,
            (s, o, a) => DoSwapStake(s, o.EnsureSigned(), a.Get<AccountId32>(0), a.Get<ushort>(1), a.Get<ushort>(2), a.Get<ulong>(3), null, null));
        Impl(88, "add_stake_limit", [hotkey, netuid, Arg("amount_staked", Codecs.U64, "TaoBalance"), Arg("limit_price", Codecs.U64, "TaoBalance"),
            Arg("allow_partial", Codecs.Bool, "bool")], W(853_005_000, 8727, 32, 16), Pays.Yes,
            (s, o, a) => DoAddStakeLimit(s, o.EnsureSigned(), a.Get<AccountId32>(0), a.Get<ushort>(1), a.Get<ulong>(2), a.Get<ulong>(3), a.Get<bool>(4)));
        Impl(89, "remove_stake_limit", [hotkey, netuid, Arg("amount_unstaked", Codecs.U64, "AlphaBalance"), Arg("limit_price", Codecs.U64, "TaoBalance"),
            Arg("allow_partial", Codecs.Bool, "bool")], W(740_696_000, 10_591, 27, 13), Pays.Yes,
            (s, o, a) => DoRemoveStakeLimit(s, o.EnsureSigned(), a.Get<AccountId32>(0), a.Get<ushort>(1), a.Get<ulong>(2), a.Get<ulong>(3), a.Get<bool>(4)));
        Impl(90, "swap_stake_limit", [hotkey, Arg("origin_netuid", Codecs.U16, "NetUid"), Arg("destination_netuid", Codecs.U16, "NetUid"),
            Arg("alpha_amount", Codecs.U64, "AlphaBalance"), Arg("limit_price", Codecs.U64, "TaoBalance"), Arg("allow_partial", Codecs.Bool, "bool")],
            W(944_515_000, 11_077, 47, 24), Pays.Yes,
            (s, o, a) => DoSwapStake(s, o.EnsureSigned(), a.Get<AccountId32>(0), a.Get<ushort>(1), a.Get<ushort>(2), a.Get<ulong>(3), a.Get<ulong>(4), a.Get<bool>(5)));
        Impl(91, "try_associate_hotkey", [hotkey], W(25_337_000, 4283, 3, 3), Pays.Yes,
            (s, o, a) => CreateAccountIfNonExistent(s, o.EnsureSigned(), a.Get<AccountId32>(0)));
        Impl(92, "start_call", [netuid], W(39_454_000, 4583, 5, 2), Pays.Yes, (s, o, a) => DoStartCall(s, o, a.Get<ushort>(0)));
        Deferred(93, "associate_evm_key", [netuid, Arg("evm_key", Codecs.FixedBytes(20).As(SubtensorTypes.H160), "H160"), Arg("block_number", Codecs.U64, "u64"),
            Arg("signature", Codecs.FixedBytes(65).As(Composite("sp_core::ecdsa::Signature", [], Field(null, Array(65, U8), "[u8; 65]"))), "Signature")],
            W(684_242_000, 4415, 3, 1), Pays.No);
        Impl(101, "recycle_alpha", [hotkey, Arg("amount", Codecs.U64, "AlphaBalance"), netuid], W(172_139_000, 5219, 13, 6), Pays.Yes,
            (s, o, a) => DoRecycleAlpha(s, o.EnsureSigned(), a.Get<AccountId32>(0), a.Get<ulong>(1), a.Get<ushort>(2)));
        Impl(102, "burn_alpha", [hotkey, Arg("amount", Codecs.U64, "AlphaBalance"), netuid], W(168_964_000, 5219, 12, 4), Pays.Yes,
            (s, o, a) => DoBurnAlpha(s, o.EnsureSigned(), a.Get<AccountId32>(0), a.Get<ulong>(1), a.Get<ushort>(2)));
        Impl(109, "set_pending_childkey_cooldown", [Arg("cooldown", Codecs.U64, "u64")], W(3_000_000, 0, 0, 1), Pays.Yes, (s, o, a) =>
        {
            o.EnsureRoot();
            PendingChildKeyCooldown.Put(s, a.Get<ulong>(0));
        });
        Impl(103, "remove_stake_full_limit", [hotkey, netuid, Arg("limit_price", optionTao, "Option<TaoBalance>")], W(754_292_000, 10_591, 27, 13), Pays.Yes,
            (s, o, a) => DoRemoveStakeFullLimit(s, o.EnsureSigned(), a.Get<AccountId32>(0), a.Get<ushort>(1), a.Get<ulong?>(2)));
        Deferred(110, "register_leased_network", [Arg("emissions_share", Codecs.U8.As(SubtensorTypes.PercentType), "Percent"),
            Arg("end_block", Codecs.OptionValue(Codecs.U32), "Option<BlockNumberFor<T>>")], W(309_598_986, 10_256, 49, 53), Pays.Yes);
        Deferred(111, "terminate_lease", [Arg("lease_id", Codecs.U32, "LeaseId"), hotkey], W(146_402_779, 6148, 4, 7), Pays.Yes);
        Impl(112, "update_symbol", [netuid, Arg("symbol", Codecs.Bytes, "Vec<u8>")], W(28_313_000, 9074, 4, 1), Pays.Yes,
            (s, o, a) => DoUpdateSymbol(s, o, a.Get<ushort>(0), a.Get<byte[]>(1)));
        Impl(114, "set_coldkey_auto_stake_hotkey", [netuid, hotkey], W(33_853_000, 4274, 4, 2), Pays.Yes,
            (s, o, a) => DoSetAutoStakeHotkey(s, o.EnsureSigned(), a.Get<ushort>(0), a.Get<AccountId32>(1)));
        Impl(120, "root_dissolve_network", [netuid], W(119_000_000, 0, 6, 31), Pays.Yes, (s, o, a) =>
        {
            o.EnsureRoot();
            DoDissolveNetwork(s, a.Get<ushort>(0));
        });
        Deferred(121, "claim_root", [Arg("subnets", SubtensorTypes.NetUidSet, "BTreeSet<NetUid>")], W(138_999_000, 7875, 16, 4), Pays.Yes);
        Impl(122, "set_root_claim_type", [Arg("new_root_claim_type", SubtensorTypes.RootClaimTypeCodec, "RootClaimTypeEnum")], W(18_283_000, 3941, 2, 4), Pays.Yes,
            (s, o, a) =>
            {
                var coldkey = o.EnsureSigned();
                var type = a.Get<byte[]>(0);
                Ensure(type[0] != 2 || type.Length > 1 && type[1] != 0, SubtensorError.InvalidSubnetNumber);
                MaybeAddColdkeyIndex(s, coldkey);
                RootClaimType.Insert(s, coldkey, type);
                Emit(s, SubtensorEvent.RootClaimTypeSet, coldkey, type);
            });
        Impl(123, "sudo_set_num_root_claims", [Arg("new_value", Codecs.U64, "u64")], W(2_735_000, 0, 0, 1), Pays.Yes, (s, o, a) =>
        {
            o.EnsureRoot();
            Ensure(a.Get<ulong>(0) <= MaxNumRootClaims, SubtensorError.InvalidNumRootClaim);
            NumRootClaim.Put(s, a.Get<ulong>(0));
        });
        Impl(124, "sudo_set_root_claim_threshold", [netuid, Arg("new_value", Codecs.U64, "u64")], W(5_681_000, 0, 0, 1), Pays.Yes, (s, o, a) =>
        {
            EnsureSubnetOwnerOrRoot(s, o, a.Get<ushort>(0));
            Ensure(a.Get<ulong>(1) <= MaxRootClaimThreshold, SubtensorError.InvalidRootClaimThreshold);
            RootClaimableThreshold.Insert(s, a.Get<ushort>(0), Core.Arithmetic.I96F32.SaturatingFromNum(a.Get<ulong>(1)));
        });
        Deferred(125, "announce_coldkey_swap", [Arg("new_coldkey_hash", Codecs.H256, "T::Hash")], W(47_248_000, 4159, 4, 3), Pays.Yes);
        Deferred(126, "swap_coldkey_announced", [Arg("new_coldkey", Codecs.AccountId, "T::AccountId")], W(288_156_000, 13_000, 37, 15), Pays.Yes);
        Deferred(127, "dispute_coldkey_swap", [], W(23_293_000, 4130, 2, 1), Pays.Yes);
        Deferred(128, "reset_coldkey_swap", [Arg("coldkey", Codecs.AccountId, "T::AccountId")], W(8_857_000, 0, 0, 2), Pays.Yes);
        Deferred(129, "enable_voting_power_tracking", [netuid], W(10_000, 0, 2, 2), Pays.Yes);
        Deferred(130, "disable_voting_power_tracking", [netuid], W(10_000, 0, 2, 1), Pays.Yes);
        Deferred(131, "sudo_set_voting_power_ema_alpha", [netuid, Arg("alpha", Codecs.U64, "u64")], W(6_000, 0, 1, 1), Pays.Yes);
        Impl(132, "add_stake_burn", [hotkey, netuid, Arg("amount", Codecs.U64, "TaoBalance"), Arg("limit", optionTao, "Option<TaoBalance>")],
            W(967_308_000, 8727, 33, 17), Pays.Yes,
            (s, o, a) => DoAddStakeBurn(s, o.EnsureSigned(), a.Get<AccountId32>(0), a.Get<ushort>(1), a.Get<ulong>(2), a.Get<ulong?>(3)));
        Deferred(133, "clear_coldkey_swap_announcement", [], W(17_890_000, 0, 2, 1), Pays.Yes);
        Impl(134, "register_limit", [netuid, hotkey, Arg("limit_price", Codecs.U64, "u64")], W(354_200_000, 0, 47, 40), Pays.Yes,
            (s, o, a) => DoRegisterLimit(s, o.EnsureSigned(), a.Get<ushort>(0), a.Get<AccountId32>(1), a.Get<ulong>(2)));
        Impl(135, "set_auto_parent_delegation_enabled", [hotkey, Arg("enabled", Codecs.Bool, "bool")], W(28_023_000, 4364, 2, 1), Pays.Yes, (s, o, a) =>
        {
            var coldkey = o.EnsureSigned();
            var h = a.Get<AccountId32>(0);
            Ensure(ColdkeyOwnsHotkey(s, coldkey, h), SubtensorError.NonAssociatedColdKey);
            Ensure(Uids.Contains(s, RootNetUid, h), SubtensorError.HotKeyNotRegisteredInSubNet);
            AutoParentDelegationEnabled.Insert(s, h, a.Get<bool>(1));
            Emit(s, SubtensorEvent.AutoParentDelegationEnabledSet, h, a.Get<bool>(1));
        });
        Deferred(136, "lock_stake", [hotkey, netuid, Arg("amount", Codecs.U64, "AlphaBalance")], W(115_995_000, 7655, 17, 3), Pays.Yes);
        Deferred(137, "move_lock", [Arg("destination_hotkey", Codecs.AccountId, "T::AccountId"), netuid], W(149_819_000, 7339, 14, 6), Pays.Yes);
        Deferred(138, "set_perpetual_lock", [netuid, Arg("enabled", Codecs.Bool, "bool")], W(0, 0, 4, 3), Pays.Yes);
        Impl(139, "set_tempo", [netuid, Arg("tempo", Codecs.U16, "u16")], W(46_407_000, 4440, 6, 3), Pays.Yes, (s, o, a) => DoSetTempo(s, o, a.Get<ushort>(0), a.Get<ushort>(1)));
        Impl(140, "set_activity_cutoff_factor", [netuid, Arg("factor_milli", Codecs.U32, "u32")], W(39_193_000, 4364, 7, 2), Pays.Yes,
            (s, o, a) => DoSetActivityCutoffFactor(s, o, a.Get<ushort>(0), a.Get<uint>(1)));
        Impl(141, "trigger_epoch", [netuid], W(42_539_000, 4447, 8, 2), Pays.Yes, (s, o, a) => DoTriggerEpoch(s, o, a.Get<ushort>(0)));
        Impl(142, "set_reject_locked_alpha", [Arg("enabled", Codecs.Bool, "bool")], W(0, 0, 1, 1), Pays.Yes, (s, o, a) =>
        {
            var coldkey = o.EnsureSigned();
            var enabled = a.Get<bool>(0);
            var flags = AccountFlags.Get(s, coldkey);
            flags = enabled ? flags & ~UInt128.One : flags | UInt128.One;
            if (flags == 0)
            {
                AccountFlags.Remove(s, coldkey);
            }
            else
            {
                AccountFlags.Insert(s, coldkey, flags);
            }

            Emit(s, SubtensorEvent.RejectLockedAlphaUpdated, coldkey, enabled);
        });
    }

    /// <summary>Weight = from_parts(refTime, proofSize) + reads × read + writes × write (RocksDbWeight).</summary>
    internal static Weight W(ulong refTime, ulong proofSize, ulong reads, ulong writes) =>
        Weight.FromParts(refTime, proofSize).SaturatingAdd(SystemPallet.DbReads(reads)).SaturatingAdd(SystemPallet.DbWrites(writes));

    private void Impl(byte index, string name, CallArg[] args, Weight weight, Pays pays, Action<IStateAccess, Origin, CallArgs> handler) =>
        Call(index, name, args, _ => Normal(weight, pays), (s, o, a) =>
        {
            handler(s, o, a);
            return DispatchOutcome.Ok();
        });

    private void Deferred(byte index, string name, CallArg[] args, Weight weight, Pays pays) =>
        Call(index, name, args, _ => Normal(weight, pays), (_, _, _) => throw Err(SubtensorError.CallDisabled),
            "Not implemented by Subtensor.NET yet: fails with CallDisabled.");

    private static AxonInfo AxonOf(CallArgs a) =>
        new(0, a.Get<uint>(1), a.Get<UInt128>(2), a.Get<ushort>(3), a.Get<byte>(4), a.Get<byte>(5), a.Get<byte>(6), a.Get<byte>(7));
}
