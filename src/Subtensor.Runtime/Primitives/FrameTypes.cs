using Subtensor.Core.Scale;
using Subtensor.Runtime.Framework.Codec;
using Subtensor.Runtime.Framework.Dispatch;
using Subtensor.Runtime.Framework.TypeInfo;
using static Subtensor.Runtime.Framework.TypeInfo.Ty;

namespace Subtensor.Runtime.Primitives;

/// <summary>
/// Metadata types and codecs of the sp_runtime / sp_weights / frame_support types every pallet uses, with the paths,
/// field names and Rust type names scale-info gives them in Subtensor's metadata.
/// </summary>
public static class FrameTypes
{
    public static readonly MetaType WeightType = Composite(
        "sp_weights::weight_v2::Weight", [], Field("ref_time", Compact(U64), "u64"), Field("proof_size", Compact(U64), "u64"));

    public static readonly ScaleCodec<Weight> Weight = new(WeightType, (w, v) => v.EncodeTo(w), Framework.Dispatch.Weight.DecodeFrom);

    public static readonly MetaType DispatchClassType = SimpleEnum("frame_support::dispatch::DispatchClass", "Normal", "Operational", "Mandatory");

    public static readonly ScaleCodec<DispatchClass> DispatchClass = new(
        DispatchClassType, (w, v) => w.WriteU8((byte)v), (ref ScaleReader r) => (DispatchClass)r.ReadEnumIndex(3));

    public static readonly MetaType PaysType = SimpleEnum("frame_support::dispatch::Pays", "Yes", "No");

    public static readonly ScaleCodec<Pays> Pays = new(PaysType, (w, v) => w.WriteU8((byte)v), (ref ScaleReader r) => (Pays)r.ReadEnumIndex(2));

    public static readonly MetaType ModuleErrorType = Composite(
        "sp_runtime::ModuleError", [], Field("index", U8, "u8"), Field("error", Array(4, U8), "[u8; MAX_MODULE_ERROR_ENCODED_SIZE]"));

    public static readonly MetaType TokenErrorType = SimpleEnum(
        "sp_runtime::TokenError", "FundsUnavailable", "OnlyProvider", "BelowMinimum", "CannotCreate", "UnknownAsset", "Frozen", "Unsupported",
        "CannotCreateHold", "NotExpendable", "Blocked");

    public static readonly MetaType ArithmeticErrorType = SimpleEnum("sp_arithmetic::ArithmeticError", "Underflow", "Overflow", "DivisionByZero");

    public static readonly MetaType TransactionalErrorType = SimpleEnum("sp_runtime::TransactionalError", "LimitReached", "NoLayer");

    public static readonly MetaType TrieErrorType = SimpleEnum(
        "sp_runtime::proving_trie::TrieError", "InvalidStateRoot", "IncompleteDatabase", "ValueAtIncompleteKey", "DecoderError", "InvalidHash",
        "DuplicateKey", "ExtraneousNode", "ExtraneousValue", "ExtraneousHashReference", "InvalidChildReference", "ValueMismatch",
        "IncompleteProof", "RootMismatch", "DecodeError");

    public static readonly MetaType DispatchErrorType = Enum(
        "sp_runtime::DispatchError", [],
        Variant("Other", 0), Variant("CannotLookup", 1), Variant("BadOrigin", 2),
        Variant("Module", 3, Field(null, ModuleErrorType, "ModuleError")),
        Variant("ConsumerRemaining", 4), Variant("NoProviders", 5), Variant("TooManyConsumers", 6),
        Variant("Token", 7, Field(null, TokenErrorType, "TokenError")),
        Variant("Arithmetic", 8, Field(null, ArithmeticErrorType, "ArithmeticError")),
        Variant("Transactional", 9, Field(null, TransactionalErrorType, "TransactionalError")),
        Variant("Exhausted", 10), Variant("Corruption", 11), Variant("Unavailable", 12), Variant("RootNotAllowed", 13),
        Variant("Trie", 14, Field(null, TrieErrorType, "TrieError")));

    public static readonly ScaleCodec<DispatchError> DispatchError = new(DispatchErrorType, (w, v) => v.EncodeTo(w), Framework.Dispatch.DispatchError.DecodeFrom);

    /// <summary><c>DispatchResult</c> = <c>Result&lt;(), DispatchError&gt;</c>; null is Ok.</summary>
    public static readonly ScaleCodec<DispatchError?> DispatchResult = new(
        Result(Unit, DispatchErrorType),
        (w, v) =>
        {
            if (v is null)
            {
                w.WriteU8(0);
            }
            else
            {
                w.WriteU8(1);
                v.EncodeTo(w);
            }
        },
        (ref ScaleReader r) => r.ReadEnumIndex(2) == 0 ? null : Framework.Dispatch.DispatchError.DecodeFrom(ref r));

    public static readonly MetaType MultiAddressType = Enum(
        "sp_runtime::multiaddress::MultiAddress", [("AccountId", AccountId32), ("AccountIndex", Unit)],
        Variant("Id", 0, Field(null, AccountId32, "AccountId")),
        Variant("Index", 1, Field(null, Compact(Unit), "AccountIndex")),
        Variant("Raw", 2, Field(null, Bytes, "Vec<u8>")),
        Variant("Address32", 3, Field(null, Array(32, U8), "[u8; 32]")),
        Variant("Address20", 4, Field(null, Array(20, U8), "[u8; 20]")));

    public static readonly ScaleCodec<MultiAddress> MultiAddress = new(MultiAddressType, (w, v) => v.EncodeTo(w), Primitives.MultiAddress.DecodeFrom);

    public static readonly MetaType MultiSignatureType = Enum(
        "sp_runtime::MultiSignature", [],
        Variant("Ed25519", 0, Field(null, Array(64, U8), "ed25519::Signature")),
        Variant("Sr25519", 1, Field(null, Array(64, U8), "sr25519::Signature")),
        Variant("Ecdsa", 2, Field(null, Array(65, U8), "ecdsa::Signature")));

    public static readonly ScaleCodec<Core.Types.MultiSignature> MultiSignature = new(MultiSignatureType, (w, v) => v.EncodeTo(w), Core.Types.MultiSignature.DecodeFrom);

    /// <summary><c>sp_runtime::generic::era::Era</c>: Immortal, then Mortal1(u8) .. Mortal255(u8) (the first byte is the variant).</summary>
    public static readonly MetaType EraType = Enum(
        "sp_runtime::generic::era::Era", [],
        Enumerable.Range(0, 256).Select(i => i == 0 ? Variant("Immortal", 0) : Variant($"Mortal{i}", (byte)i, Field(null, U8))).ToArray());

    public static readonly ScaleCodec<Era> Era = new(EraType, (w, v) => v.EncodeTo(w), Primitives.Era.DecodeFrom);

    public static MetaType PerDispatchClass(MetaType t) => Composite(
        "frame_support::dispatch::PerDispatchClass", [("T", t)], Field("normal", t, "T"), Field("operational", t, "T"), Field("mandatory", t, "T"));

    public static readonly MetaType DigestItemType = Enum(
        "sp_runtime::generic::digest::DigestItem", [],
        Variant("PreRuntime", 6, Field(null, Array(4, U8), "ConsensusEngineId"), Field(null, Bytes, "Vec<u8>")),
        Variant("Consensus", 4, Field(null, Array(4, U8), "ConsensusEngineId"), Field(null, Bytes, "Vec<u8>")),
        Variant("Seal", 5, Field(null, Array(4, U8), "ConsensusEngineId"), Field(null, Bytes, "Vec<u8>")),
        Variant("Other", 0, Field(null, Bytes, "Vec<u8>")),
        Variant("RuntimeEnvironmentUpdated", 8));

    public static readonly MetaType DigestType = Composite("sp_runtime::generic::digest::Digest", [], Field("logs", Vec(DigestItemType), "Vec<DigestItem>"));

    /// <summary><c>sp_runtime::generic::header::Header&lt;u32, BlakeTwo256&gt;</c> (the hashing parameter has no type info).</summary>
    public static readonly MetaType HeaderType = Composite(
        "sp_runtime::generic::header::Header", [("Number", U32), ("Hash", null)],
        Field("parent_hash", H256, "Hash::Output"), Field("number", Compact(U32), "Number"), Field("state_root", H256, "Hash::Output"),
        Field("extrinsics_root", H256, "Hash::Output"), Field("digest", DigestType, "Digest"));

    public static readonly MetaType RuntimeDbWeightType = Composite("sp_weights::RuntimeDbWeight", [], Field("read", U64, "u64"), Field("write", U64, "u64"));

    public static readonly MetaType CowStr = Cow(Str);

    public static readonly MetaType RuntimeVersionType = Composite(
        "sp_version::RuntimeVersion", [],
        Field("spec_name", CowStr, "Cow<'static, str>"), Field("impl_name", CowStr, "Cow<'static, str>"),
        Field("authoring_version", U32, "u32"), Field("spec_version", U32, "u32"), Field("impl_version", U32, "u32"),
        Field("apis", Cow(Vec(Tuple(Array(8, U8), U32))), "ApisVec"), Field("transaction_version", U32, "u32"), Field("system_version", U8, "u8"));
}
