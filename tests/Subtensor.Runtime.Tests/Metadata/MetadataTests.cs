using Subtensor.Core.Scale;
using Subtensor.Core.Types;
using Subtensor.Runtime.Metadata;
using Subtensor.Runtime.Metadata.Portable;
using Subtensor.Runtime.Tests.Support;

namespace Subtensor.Runtime.Tests.Metadata;

public class MetadataTests
{
    private static readonly SubtensorRuntime Rt = TestChain.Runtime;

    [Theory]
    [InlineData(14)]
    [InlineData(15)]
    public void Metadata_round_trips_through_our_decoder(int version)
    {
        var bytes = version == 14 ? Rt.MetadataV14 : Rt.MetadataV15;
        Assert.Equal("meta"u8.ToArray(), bytes[..4]);
        Assert.Equal(version, bytes[4]);
        var decoded = RuntimeMetadata.Decode(bytes);
        Assert.Equal(version, decoded.Version);
        Assert.Equal(bytes, decoded.Encode());
    }

    [Fact]
    public void Every_type_reference_resolves_and_ids_are_dense()
    {
        var md = RuntimeMetadata.Decode(Rt.MetadataV15);
        var count = (uint)md.Types.Types.Count;
        IEnumerable<uint> Refs(PortableType t) => t.TypeParams.Where(p => p.Type is not null).Select(p => p.Type!.Value).Concat(t.Def switch
        {
            PortableTypeDef.Composite c => c.Fields.Select(f => f.Type),
            PortableTypeDef.Variant v => v.Variants.SelectMany(x => x.Fields).Select(f => f.Type),
            PortableTypeDef.Sequence s => [s.Element],
            PortableTypeDef.Array a => [a.Element],
            PortableTypeDef.Tuple tu => tu.Elements,
            PortableTypeDef.Compact c => [c.Inner],
            _ => [],
        });
        Assert.All(md.Types.Types, t => Assert.All(Refs(t), r => Assert.True(r < count, $"type {t.Id} refers to {r}")));
        Assert.All(md.Pallets.SelectMany(p => p.Storage?.Entries ?? []), e => Assert.True(e.Type.Value < count));
        Assert.Single(md.Types.Types, t => t.PathString == "node_subtensor_runtime::RuntimeCall");
    }

    [Fact]
    public void Pallets_are_at_Subtensor_indices_with_their_items()
    {
        var md = RuntimeMetadata.Decode(Rt.MetadataV14);
        var indices = md.Pallets.ToDictionary(p => p.Name, p => p.Index);
        Assert.Equal(
            new Dictionary<string, byte>
            {
                ["System"] = 0, ["Timestamp"] = 2, ["Aura"] = 3, ["Grandpa"] = 4, ["Balances"] = 5, ["TransactionPayment"] = 6, ["SubtensorModule"] = 7,
                ["Utility"] = 11, ["Sudo"] = 12, ["AdminUtils"] = 19, ["Swap"] = 28, ["AlphaAssets"] = 31,
            },
            indices);
        var system = md.Pallets.Single(p => p.Name == "System");
        Assert.Equal("System", system.Storage!.Prefix);
        var account = system.Storage.Entries.Single(e => e.Name == "Account");
        Assert.Equal([Core.Hashing.StorageHasher.Blake2_128Concat], account.Type.Hashers);
        Assert.Equal("frame_system::AccountInfo", md.Types[account.Type.Value].PathString);
    }

    /// <summary>Constant values as Subtensor's finney metadata encodes them (opentensor/bittensor tests/helpers, MIT).</summary>
    [Theory]
    [InlineData("System", "BlockWeights", "0xc2a0e766000b00409452a30313ffffffffffffffff2261c91900010bb837a1555d021366666666666666a6010b0030ef7dba0213ffffffffffffffbf0100002261c91900010bb847462a46031366666666666666e6010b00409452a30313ffffffffffffffff01070010a5d4e81300000000000000402261c91900000000")]
    [InlineData("System", "BlockLength", "0x000078000000a0000000a000")]
    [InlineData("System", "BlockHashCount", "0x60090000")]
    [InlineData("System", "DbWeight", "0x40787d010000000000e1f50500000000")]
    [InlineData("System", "SS58Prefix", "0x2a00")]
    [InlineData("Timestamp", "MinimumPeriod", "0x7017000000000000")]
    [InlineData("Aura", "SlotDuration", "0xe02e000000000000")]
    [InlineData("Grandpa", "MaxAuthorities", "0x20000000")]
    [InlineData("Grandpa", "MaxNominators", "0x14000000")]
    [InlineData("Grandpa", "MaxSetIdSessionEntries", "0x0000000000000000")]
    [InlineData("Balances", "ExistentialDeposit", "0xf401000000000000")]
    [InlineData("Balances", "MaxLocks", "0x32000000")]
    [InlineData("Balances", "MaxReserves", "0x32000000")]
    [InlineData("Balances", "MaxFreezes", "0x32000000")]
    [InlineData("TransactionPayment", "OperationalFeeMultiplier", "0x05")]
    [InlineData("Utility", "batched_calls_limit", "0xaa2a0000")]
    public void Constants_match_Subtensor(string pallet, string name, string hex)
    {
        var md = RuntimeMetadata.Decode(Rt.MetadataV14);
        var constant = md.Pallets.Single(p => p.Name == pallet).Constants.Single(c => c.Name == name);
        Assert.Equal(hex, Hex.ToHex(constant.Value));
    }

    /// <summary>Storage defaults as Subtensor's finney metadata has them.</summary>
    [Theory]
    [InlineData("System", "Account", "0x0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000080")]
    [InlineData("Balances", "Account", "0x00000000000000000000000000000000000000000000000000000000000000000000000000000080")]
    [InlineData("TransactionPayment", "NextFeeMultiplier", "0x000064a7b3b6e00d0000000000000000")]
    [InlineData("Grandpa", "State", "0x00")]
    [InlineData("System", "BlockWeight", "0x000000000000")]
    [InlineData("Sudo", "Key", "0x00")]
    public void Storage_defaults_match_Subtensor(string pallet, string name, string hex)
    {
        var md = RuntimeMetadata.Decode(Rt.MetadataV14);
        var entry = md.Pallets.Single(p => p.Name == pallet).Storage!.Entries.Single(e => e.Name == name);
        Assert.Equal(hex, Hex.ToHex(entry.Default));
    }

    [Fact]
    public void Extrinsic_section_lists_Subtensor_extensions_with_their_types()
    {
        var md = RuntimeMetadata.Decode(Rt.MetadataV15);
        var exts = md.Extrinsic.SignedExtensions;
        Assert.Equal(
            ["CheckNonZeroSender", "CheckSpecVersion", "CheckTxVersion", "CheckGenesis", "CheckMortality", "CheckNonce", "CheckWeight", "ChargeTransactionPayment",
             "SudoTransactionExtension", "CheckShieldedTxValidity", "SubtensorTransactionExtension", "DrandPriority", "CheckMetadataHash"],
            exts.Select(e => e.Identifier));
        string Name(uint id) => md.Types[id].PathString;
        Assert.Equal("pallet_transaction_payment::ChargeTransactionPayment", Name(exts[7].Type));
        Assert.Equal("node_subtensor_runtime::check_nonce::CheckNonce", Name(exts[5].Type));
        Assert.Equal("primitive_types::H256", Name(exts[3].AdditionalSigned));
        Assert.Equal("Option", Name(exts[12].AdditionalSigned));
        Assert.Equal(4, md.Extrinsic.Version);
        Assert.Equal("sp_runtime::multiaddress::MultiAddress", Name(md.Extrinsic.AddressType));
        Assert.Equal("sp_runtime::MultiSignature", Name(md.Extrinsic.SignatureType));
        var v14 = RuntimeMetadata.Decode(Rt.MetadataV14);
        Assert.Equal("fp_self_contained::unchecked_extrinsic::UncheckedExtrinsic", v14.Types[v14.Extrinsic.ExtrinsicType].PathString);
    }

    [Fact]
    public void Truncated_or_foreign_metadata_is_refused_with_a_decode_error()
    {
        var bytes = Rt.MetadataV14;
        Assert.Throws<ScaleDecodeException>(() => RuntimeMetadata.Decode(bytes.AsSpan(0, bytes.Length - 1)));
        var v13 = (byte[])bytes.Clone();
        v13[4] = 13;
        Assert.Throws<ScaleDecodeException>(() => RuntimeMetadata.Decode(v13));
        Assert.Throws<ScaleDecodeException>(() => RuntimeMetadata.Decode("nope and more"u8));
    }
}
