using Subtensor.Core.Arithmetic;
using Subtensor.Core.Scale;
using Subtensor.Economics.Staking;
using Subtensor.Runtime.Framework.Codec;
using Subtensor.Runtime.Framework.TypeInfo;
using Subtensor.Runtime.Metadata.Portable;
using static Subtensor.Runtime.Framework.TypeInfo.Ty;

namespace Subtensor.Runtime.Pallets.SubtensorModule;

/// <summary>
/// Codecs and metadata types of Subtensor's own types (<c>pallets/subtensor</c>, <c>subtensor_runtime_common</c>,
/// <c>share_pool</c>, <c>substrate_fixed</c>). NetUid, TaoBalance, AlphaBalance, NetUidStorageIndex and MechId describe
/// themselves as the primitive they wrap, so their metadata is u16 / u64 / u8.
/// </summary>
public static class SubtensorTypes
{
    public static readonly MetaType I16 = Prim(PrimitiveKind.I16);
    public static readonly MetaType I128 = Prim(PrimitiveKind.I128);

    public static readonly ScaleCodec<ushort> NetUid = Codecs.U16;
    public static readonly ScaleCodec<ulong> Tao = Codecs.U64;
    public static readonly ScaleCodec<ulong> Alpha = Codecs.U64;
    public static readonly ScaleCodec<short> I16Codec = new(I16, (w, v) => w.WriteI16(v), (ref ScaleReader r) => r.ReadI16());
    public static readonly ScaleCodec<long> I64Codec = new(Ty.I64, (w, v) => w.WriteI64(v), (ref ScaleReader r) => r.ReadI64());

    // ---- substrate_fixed ------------------------------------------------------------------------------------------

    private static readonly MetaType UTerm = Composite("typenum::uint::UTerm", []);
    private static readonly MetaType B0 = Composite("typenum::bit::B0", []);
    private static readonly MetaType B1 = Composite("typenum::bit::B1", []);

    /// <summary>A typenum unsigned integer: UInt&lt;…UInt&lt;UTerm, B1&gt;…, Bk&gt; (msb first).</summary>
    private static MetaType TypeNum(int value)
    {
        var bits = Convert.ToString(value, 2);
        var t = UTerm;
        foreach (var c in bits)
        {
            var bit = c == '1' ? B1 : B0;
            t = Composite("typenum::uint::UInt", [("U", t), ("B", bit)], Field("msb", t, "U"), Field("lsb", bit, "B"));
        }

        return t;
    }

    private static MetaType Fixed(string name, MetaType inner, string innerName, int frac) =>
        Composite("substrate_fixed::" + name, [("Frac", TypeNum(frac))], Field("bits", inner, innerName));

    public static readonly ScaleCodec<I96F32> I96F32Codec = new(Fixed("FixedI128", I128, "i128", 32), (w, v) => w.WriteI128(v.Bits), (ref ScaleReader r) => I96F32.FromBits(r.ReadI128()));
    public static readonly ScaleCodec<I64F64> I64F64Codec = new(Fixed("FixedI128", I128, "i128", 64), (w, v) => w.WriteI128(v.Bits), (ref ScaleReader r) => I64F64.FromBits(r.ReadI128()));
    public static readonly ScaleCodec<U64F64> U64F64Codec = new(Fixed("FixedU128", U128, "u128", 64), (w, v) => w.WriteU128(v.Bits), (ref ScaleReader r) => U64F64.FromBits(r.ReadU128()));
    public static readonly ScaleCodec<U96F32> U96F32Codec = new(Fixed("FixedU128", U128, "u128", 32), (w, v) => w.WriteU128(v.Bits), (ref ScaleReader r) => U96F32.FromBits(r.ReadU128()));

    // ---- share_pool -------------------------------------------------------------------------------------------------

    public static readonly ScaleCodec<SafeFloat> SafeFloatCodec = new(
        Composite("share_pool::SafeFloat", [], Field("mantissa", U128, "u128"), Field("exponent", Ty.I64, "i64")),
        (w, v) =>
        {
            w.WriteU128(v.Mantissa);
            w.WriteI64(v.Exponent);
        },
        (ref ScaleReader r) =>
        {
            var m = r.ReadU128();
            return new SafeFloat(m, r.ReadI64());
        });

    // ---- structs ---------------------------------------------------------------------------------------------------

    public static readonly ScaleCodec<AxonInfo> AxonInfoCodec = new(
        Composite("pallet_subtensor::pallet::AxonInfo", [],
            Field("block", U64, "u64"), Field("version", U32, "u32"), Field("ip", U128, "u128"), Field("port", U16, "u16"),
            Field("ip_type", U8, "u8"), Field("protocol", U8, "u8"), Field("placeholder1", U8, "u8"), Field("placeholder2", U8, "u8")),
        (w, v) => w.WriteU64(v.Block).WriteU32(v.Version).WriteU128(v.Ip).WriteU16(v.Port).WriteU8(v.IpType).WriteU8(v.Protocol).WriteU8(v.Placeholder1).WriteU8(v.Placeholder2),
        (ref ScaleReader r) => new AxonInfo(r.ReadU64(), r.ReadU32(), r.ReadU128(), r.ReadU16(), r.ReadU8(), r.ReadU8(), r.ReadU8(), r.ReadU8()));

    public static readonly ScaleCodec<PrometheusInfo> PrometheusInfoCodec = new(
        Composite("pallet_subtensor::pallet::PrometheusInfo", [],
            Field("block", U64, "u64"), Field("version", U32, "u32"), Field("ip", U128, "u128"), Field("port", U16, "u16"), Field("ip_type", U8, "u8")),
        (w, v) => w.WriteU64(v.Block).WriteU32(v.Version).WriteU128(v.Ip).WriteU16(v.Port).WriteU8(v.IpType),
        (ref ScaleReader r) => new PrometheusInfo(r.ReadU64(), r.ReadU32(), r.ReadU128(), r.ReadU16(), r.ReadU8()));

    public static readonly ScaleCodec<NeuronCertificate> NeuronCertificateCodec = new(
        Composite("pallet_subtensor::pallet::NeuronCertificate", [],
            Field("public_key", BoundedVec(U8, "64"), "BoundedVec<u8, ConstU32<64>>"), Field("algorithm", U8, "u8")),
        (w, v) => w.WriteByteVec(v.PublicKey).WriteU8(v.Algorithm),
        (ref ScaleReader r) =>
        {
            var key = r.ReadByteVec();
            return new NeuronCertificate(key, r.ReadU8());
        });

    public static readonly ScaleCodec<ChainIdentity> ChainIdentityCodec = new(
        Composite("pallet_subtensor::pallet::ChainIdentityV2", [],
            Field("name", Bytes, "Vec<u8>"), Field("url", Bytes, "Vec<u8>"), Field("github_repo", Bytes, "Vec<u8>"), Field("image", Bytes, "Vec<u8>"),
            Field("discord", Bytes, "Vec<u8>"), Field("description", Bytes, "Vec<u8>"), Field("additional", Bytes, "Vec<u8>")),
        (w, v) => w.WriteByteVec(v.Name).WriteByteVec(v.Url).WriteByteVec(v.GithubRepo).WriteByteVec(v.Image).WriteByteVec(v.Discord).WriteByteVec(v.Description).WriteByteVec(v.Additional),
        (ref ScaleReader r) => new ChainIdentity(r.ReadByteVec(), r.ReadByteVec(), r.ReadByteVec(), r.ReadByteVec(), r.ReadByteVec(), r.ReadByteVec(), r.ReadByteVec()));

    public static readonly ScaleCodec<SubnetIdentity> SubnetIdentityCodec = new(
        Composite("pallet_subtensor::pallet::SubnetIdentityV3", [],
            Field("subnet_name", Bytes, "Vec<u8>"), Field("github_repo", Bytes, "Vec<u8>"), Field("subnet_contact", Bytes, "Vec<u8>"), Field("subnet_url", Bytes, "Vec<u8>"),
            Field("discord", Bytes, "Vec<u8>"), Field("description", Bytes, "Vec<u8>"), Field("logo_url", Bytes, "Vec<u8>"), Field("additional", Bytes, "Vec<u8>")),
        (w, v) => w.WriteByteVec(v.SubnetName).WriteByteVec(v.GithubRepo).WriteByteVec(v.SubnetContact).WriteByteVec(v.SubnetUrl)
            .WriteByteVec(v.Discord).WriteByteVec(v.Description).WriteByteVec(v.LogoUrl).WriteByteVec(v.Additional),
        (ref ScaleReader r) => new SubnetIdentity(r.ReadByteVec(), r.ReadByteVec(), r.ReadByteVec(), r.ReadByteVec(), r.ReadByteVec(), r.ReadByteVec(), r.ReadByteVec(), r.ReadByteVec()));

    public static readonly MetaType HyperparameterType = Enum("pallet_subtensor::utils::rate_limiting::Hyperparameter", [],
        System.Enum.GetValues<Hyperparameter>().Select(h => Variant(h.ToString(), (byte)h)).ToArray());

    public static readonly ScaleCodec<RateLimitKey> RateLimitKeyCodec = new(
        Enum("pallet_subtensor::RateLimitKey", [("AccountId", AccountId32)],
            Variant("SetSNOwnerHotkey", 0, Field(null, U16, "NetUid")),
            Variant("OwnerHyperparamUpdate", 1, Field(null, U16, "NetUid"), Field(null, HyperparameterType, "Hyperparameter")),
            Variant("NetworkLastRegistered", 2),
            Variant("LastTxBlock", 3, Field(null, AccountId32, "AccountId")),
            Variant("LastTxBlockChildKeyTake", 4, Field(null, AccountId32, "AccountId")),
            Variant("LastTxBlockDelegateTake", 5, Field(null, AccountId32, "AccountId")),
            Variant("AddStakeBurn", 6, Field(null, U16, "NetUid"))),
        WriteRateLimitKey,
        ReadRateLimitKey);

    public static readonly ScaleCodec<RecycleOrBurn> RecycleOrBurnCodec = new(
        SimpleEnum("pallet_subtensor::pallet::RecycleOrBurnEnum", "Burn", "Recycle"),
        (w, v) => w.WriteU8((byte)v),
        (ref ScaleReader r) => (RecycleOrBurn)r.ReadEnumIndex(2));

    /// <summary><c>BTreeSet&lt;T&gt;</c> as scale-info describes it: a composite around a sequence.</summary>
    public static MetaType BTreeSet(MetaType element) => Composite("BTreeSet", [("T", element)], Field(null, Vec(element)));

    /// <summary><c>pallet_subtensor::pallet::RootClaimTypeEnum</c> (kept as raw bytes).</summary>
    public static readonly MetaType RootClaimTypeType = Enum("pallet_subtensor::pallet::RootClaimTypeEnum", [],
        Variant("Swap", 0), Variant("Keep", 1), Variant("KeepSubnets", 2, Field("subnets", BTreeSet(U16), "BTreeSet<NetUid>")));

    public static readonly MetaType LockStateType = Composite("pallet_subtensor::staking::lock::LockState", [],
        Field("locked_mass", U64, "AlphaBalance"), Field("conviction", U64F64Codec.Type, "U64F64"), Field("last_update", U64, "u64"));

    public static readonly MetaType PercentType = Composite("sp_arithmetic::per_things::Percent", [], Field(null, U8, "u8"));

    public static readonly MetaType SubnetLeaseType = Composite("pallet_subtensor::subnets::leasing::SubnetLease",
        [("AccountId", AccountId32), ("BlockNumber", U32), ("Balance", U64)],
        Field("beneficiary", AccountId32, "AccountId"), Field("coldkey", AccountId32, "AccountId"), Field("hotkey", AccountId32, "AccountId"),
        Field("emissions_share", PercentType, "Percent"), Field("end_block", Option(U32), "Option<BlockNumber>"), Field("netuid", U16, "NetUid"),
        Field("cost", U64, "Balance"));

    public static readonly MetaType H160 = Composite("primitive_types::H160", [], Field(null, Array(20, U8), "[u8; 20]"));

    public static readonly ScaleCodec<(ulong Proportion, Core.Types.AccountId32 Account)[]> AccountLinkage =
        Codecs.Vec(Codecs.Tuple(Codecs.U64, Codecs.AccountId));

    public static readonly ScaleCodec<((ulong Proportion, Core.Types.AccountId32 Account)[] Children, ulong CooldownBlock)> PendingChildren =
        Codecs.Tuple(AccountLinkage, Codecs.U64);

    public static readonly ScaleCodec<ushort[]> U16Vec = Codecs.Vec(Codecs.U16);
    public static readonly ScaleCodec<ulong[]> U64Vec = Codecs.Vec(Codecs.U64);
    public static readonly ScaleCodec<bool[]> BoolVec = Codecs.Vec(Codecs.Bool);
    public static readonly ScaleCodec<(ushort, ushort)[]> U16PairVec = Codecs.Vec(Codecs.Tuple(Codecs.U16, Codecs.U16));
    public static readonly ScaleCodec<Core.Types.AccountId32[]> AccountVec = Codecs.Vec(Codecs.AccountId);
    public static readonly ScaleCodec<(ushort Low, ushort High)> U16Pair = Codecs.Tuple(Codecs.U16, Codecs.U16);

    /// <summary><c>BTreeMap&lt;NetUid, I96F32&gt;</c> (RootClaimable).</summary>
    public static readonly ScaleCodec<(ushort NetUid, I96F32 Rate)[]> RootClaimableCodec = new(
        BTreeMap(U16, I96F32Codec.Type),
        (w, v) => w.WriteVec(v, (ww, e) =>
        {
            ww.WriteU16(e.NetUid);
            ww.WriteI128(e.Rate.Bits);
        }),
        (ref ScaleReader r) => r.ReadVec((ref ScaleReader rr) =>
        {
            var n = rr.ReadU16();
            return (n, I96F32.FromBits(rr.ReadI128()));
        }, 18));

    public static readonly ScaleCodec<ushort> CompactU16 = new(Compact(U16), (w, v) => w.WriteCompact(v), (ref ScaleReader r) => checked((ushort)r.ReadCompactU32()));

    public static readonly ScaleCodec<ushort[]> NetUidSet = new(BTreeSet(U16), (w, v) => w.WriteVec(v, (ww, x) => ww.WriteU16(x)), (ref ScaleReader r) => r.ReadVec((ref ScaleReader rr) => rr.ReadU16(), 2));

    /// <summary><c>RootClaimTypeEnum</c> as its SCALE bytes: Swap, Keep, or KeepSubnets { subnets: BTreeSet&lt;NetUid&gt; }.</summary>
    public static readonly ScaleCodec<byte[]> RootClaimTypeCodec = new(RootClaimTypeType, (w, v) => w.WriteBytes(v), (ref ScaleReader r) =>
    {
        var w = new ScaleWriter(8);
        var variant = r.ReadEnumIndex(3);
        w.WriteU8(variant);
        if (variant == 2)
        {
            w.WriteVec(r.ReadVec((ref ScaleReader rr) => rr.ReadU16(), 2), (ww, x) => ww.WriteU16(x));
        }

        return w.ToArray();
    });

    /// <summary>A type this runtime stores only as opaque bytes (written by nothing yet).</summary>
    public static ScaleCodec<byte[]> Opaque(MetaType type) => Codecs.Raw(type);

    private static void WriteRateLimitKey(ScaleWriter w, RateLimitKey key)
    {
        w.WriteU8(key.Variant);
        switch (key.Variant)
        {
            case 0 or 6:
                w.WriteU16(key.NetUid);
                break;
            case 1:
                w.WriteU16(key.NetUid).WriteU8((byte)key.Parameter);
                break;
            case 3 or 4 or 5:
                key.Account.EncodeTo(w);
                break;
        }
    }

    private static RateLimitKey ReadRateLimitKey(ref ScaleReader r)
    {
        var v = r.ReadEnumIndex(7);
        return v switch
        {
            0 or 6 => new RateLimitKey(v, r.ReadU16()),
            1 => ReadHyperparamKey(ref r),
            3 or 4 or 5 => new RateLimitKey(v, Account: Core.Types.AccountId32.DecodeFrom(ref r)),
            _ => new RateLimitKey(v),
        };
    }

    private static RateLimitKey ReadHyperparamKey(ref ScaleReader r)
    {
        var netuid = r.ReadU16();
        return new RateLimitKey(1, netuid, (Hyperparameter)r.ReadEnumIndex(32));
    }
}
