using Subtensor.Core.Hashing;
using Subtensor.Core.Scale;
using Subtensor.Core.Types;
using Subtensor.Runtime.Metadata;
using Subtensor.Runtime.Metadata.Portable;
using Subtensor.Runtime.Tests.Support;

namespace Subtensor.Runtime.Tests.Metadata;

/// <summary>
/// SubtensorModule, AdminUtils and Swap as wallets see them from metadata alone: call indices, event/error order,
/// storage hashers and defaults (facts from opentensor/subtensor pallets/*/src).
/// </summary>
public class SubtensorMetadataTests
{
    private static readonly RuntimeMetadata Md = RuntimeMetadata.Decode(TestChain.Runtime.MetadataV14);

    private static PalletMetadata Pallet(string name) => Md.Pallets.Single(p => p.Name == name);

    private static IReadOnlyList<PortableVariant> Variants(uint? type) =>
        ((PortableTypeDef.Variant)Md.Types[type!.Value].Def).Variants;

    [Theory]
    [InlineData("SubtensorModule", "add_stake", 2)]
    [InlineData("SubtensorModule", "remove_stake", 3)]
    [InlineData("SubtensorModule", "serve_axon", 4)]
    [InlineData("SubtensorModule", "serve_prometheus", 5)]
    [InlineData("SubtensorModule", "register", 6)]
    [InlineData("SubtensorModule", "burned_register", 7)]
    [InlineData("SubtensorModule", "serve_axon_tls", 40)]
    [InlineData("SubtensorModule", "register_network", 59)]
    [InlineData("SubtensorModule", "dissolve_network", 61)]
    [InlineData("SubtensorModule", "root_register", 62)]
    [InlineData("SubtensorModule", "decrease_take", 65)]
    [InlineData("SubtensorModule", "increase_take", 66)]
    [InlineData("SubtensorModule", "swap_hotkey_v2", 72)]
    [InlineData("SubtensorModule", "set_subnet_identity", 78)]
    [InlineData("SubtensorModule", "register_network_with_identity", 79)]
    [InlineData("SubtensorModule", "unstake_all", 83)]
    [InlineData("SubtensorModule", "unstake_all_alpha", 84)]
    [InlineData("SubtensorModule", "move_stake", 85)]
    [InlineData("SubtensorModule", "transfer_stake", 86)]
    [InlineData("SubtensorModule", "swap_stake", 87)]
    [InlineData("SubtensorModule", "add_stake_limit", 88)]
    [InlineData("SubtensorModule", "remove_stake_limit", 89)]
    [InlineData("SubtensorModule", "swap_stake_limit", 90)]
    [InlineData("SubtensorModule", "try_associate_hotkey", 91)]
    [InlineData("SubtensorModule", "start_call", 92)]
    [InlineData("SubtensorModule", "recycle_alpha", 101)]
    [InlineData("SubtensorModule", "burn_alpha", 102)]
    [InlineData("SubtensorModule", "remove_stake_full_limit", 103)]
    [InlineData("SubtensorModule", "update_symbol", 112)]
    [InlineData("SubtensorModule", "root_dissolve_network", 120)]
    [InlineData("SubtensorModule", "add_stake_burn", 132)]
    [InlineData("SubtensorModule", "register_limit", 134)]
    [InlineData("SubtensorModule", "set_tempo", 139)]
    [InlineData("AdminUtils", "sudo_set_max_allowed_uids", 15)]
    [InlineData("AdminUtils", "sudo_set_min_burn", 22)]
    [InlineData("AdminUtils", "sudo_set_max_burn", 23)]
    [InlineData("AdminUtils", "sudo_set_network_rate_limit", 29)]
    [InlineData("AdminUtils", "sudo_set_tempo", 30)]
    [InlineData("AdminUtils", "sudo_set_commit_reveal_weights_enabled", 49)]
    [InlineData("AdminUtils", "sudo_set_subnet_owner_hotkey", 64)]
    [InlineData("AdminUtils", "sudo_set_admin_freeze_window", 74)]
    [InlineData("AdminUtils", "sudo_set_owner_hparam_rate_limit", 75)]
    [InlineData("Swap", "set_fee_rate", 0)]
    [InlineData("Swap", "disable_lp", 5)]
    public void Calls_have_Subtensor_indices(string pallet, string call, byte index) =>
        Assert.Equal(index, Variants(Pallet(pallet).Calls).Single(v => v.Name == call).Index);

    [Fact]
    public void Call_counts_match_Subtensor_without_cfg_gated_or_commented_calls()
    {
        // SubtensorModule: 78 call_index items (faucet is behind pow-faucet, commit_crv3_weights is commented out).
        Assert.Equal(78, Variants(Pallet("SubtensorModule").Calls).Count);
        Assert.Equal(82, Variants(Pallet("AdminUtils").Calls).Count);
        Assert.Equal(6, Variants(Pallet("Swap").Calls).Count);
    }

    [Fact]
    public void Events_and_errors_are_in_Subtensor_order()
    {
        var events = Variants(Pallet("SubtensorModule").Event);
        Assert.Equal(137, events.Count);
        Assert.Equal(["NetworkAdded", "NetworkRemoved", "StakeAdded", "StakeRemoved", "StakeMoved"], events.Take(5).Select(e => e.Name));
        Assert.All(events, (e, i) => Assert.Equal(i, e.Index));
        // NetUid, TaoBalance and AlphaBalance are transparent in Subtensor's TypeInfo (u16 / u64).
        var stakeAdded = events[2];
        Assert.Equal(["AccountId32", "AccountId32", "u64", "u64", "u16", "u64"], stakeAdded.Fields.Select(f => Md.Types[f.Type].Path.LastOrDefault() ?? Prim(f.Type)));

        var errors = Variants(Pallet("SubtensorModule").Error);
        Assert.Equal(147, errors.Count);
        Assert.Equal("RootNetworkDoesNotExist", errors[0].Name);
        Assert.Equal("NotEnoughStakeToWithdraw", errors[9].Name);
        Assert.Equal("UidsLengthExceedUidsInSubNet", errors[32].Name);
        Assert.Equal("SubnetNotExists", errors[76].Name);
    }

    [Theory]
    [InlineData("SubtensorModule", "SubnetTAO", new[] { StorageHasher.Identity })]
    [InlineData("SubtensorModule", "SubnetAlphaIn", new[] { StorageHasher.Identity })]
    [InlineData("SubtensorModule", "SubnetAlphaOut", new[] { StorageHasher.Identity })]
    [InlineData("SubtensorModule", "NetworksAdded", new[] { StorageHasher.Identity })]
    [InlineData("SubtensorModule", "Burn", new[] { StorageHasher.Identity })]
    [InlineData("SubtensorModule", "Owner", new[] { StorageHasher.Blake2_128Concat })]
    [InlineData("SubtensorModule", "StakingHotkeys", new[] { StorageHasher.Blake2_128Concat })]
    [InlineData("SubtensorModule", "TotalHotkeyAlpha", new[] { StorageHasher.Blake2_128Concat, StorageHasher.Identity })]
    [InlineData("SubtensorModule", "AlphaV2", new[] { StorageHasher.Blake2_128Concat, StorageHasher.Blake2_128Concat, StorageHasher.Identity })]
    [InlineData("SubtensorModule", "Uids", new[] { StorageHasher.Identity, StorageHasher.Blake2_128Concat })]
    [InlineData("SubtensorModule", "Keys", new[] { StorageHasher.Identity, StorageHasher.Identity })]
    [InlineData("SubtensorModule", "Axons", new[] { StorageHasher.Identity, StorageHasher.Blake2_128Concat })]
    [InlineData("Swap", "FeeRate", new[] { StorageHasher.Twox64Concat })]
    public void Storage_hashers_match_Subtensor(string pallet, string name, StorageHasher[] hashers) =>
        Assert.Equal(hashers, Pallet(pallet).Storage!.Entries.Single(e => e.Name == name).Type.Hashers);

    [Theory]
    [InlineData("SubtensorModule", "Burn", "0x00e1f50500000000")]
    [InlineData("SubtensorModule", "Tempo", "0x6801")]
    [InlineData("SubtensorModule", "MaxAllowedUids", "0x0001")]
    [InlineData("SubtensorModule", "NetworkMinLockCost", "0x0010a5d4e8000000")]
    [InlineData("SubtensorModule", "SubnetLimit", "0x8000")]
    [InlineData("Swap", "FeeRate", "0x2100")]
    public void Storage_defaults_match_Subtensor(string pallet, string name, string hex) =>
        Assert.Equal(hex, Hex.ToHex(Pallet(pallet).Storage!.Entries.Single(e => e.Name == name).Default));

    [Fact]
    public void Swap_and_registration_runtime_apis_are_declared_in_V15()
    {
        var v15 = RuntimeMetadata.Decode(TestChain.Runtime.MetadataV15);
        var swap = v15.Apis.Single(a => a.Name == "SwapRuntimeApi");
        Assert.Equal(["current_alpha_price", "current_alpha_price_all", "sim_swap_tao_for_alpha", "sim_swap_alpha_for_tao"], swap.Methods.Select(m => m.Name));
        Assert.Equal(["netuid", "tao"], swap.Methods[2].Inputs.Select(i => i.Name));
        Assert.Equal("pallet_subtensor_swap_runtime_api::SimSwapResult", v15.Types[swap.Methods[2].Output].PathString);
        var reg = v15.Apis.Single(a => a.Name == "SubnetRegistrationRuntimeApi");
        Assert.Equal("get_network_registration_cost", reg.Methods.Single().Name);
    }

    private static string Prim(uint type) => Md.Types[type].Def is PortableTypeDef.Primitive p ? p.Kind.ToString().ToLowerInvariant() : "?";
}
