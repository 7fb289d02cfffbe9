using Subtensor.Runtime.Framework.TypeInfo;
using Subtensor.Runtime.Primitives;
using static Subtensor.Runtime.Framework.TypeInfo.Ty;

namespace Subtensor.Runtime.Api;

/// <summary>Metadata types of runtime API inputs and outputs (sp_api, sp_inherents, sp_runtime transaction validity).</summary>
public static class ApiTypes
{
    public static readonly MetaType OpaqueMetadata = Composite("sp_core::OpaqueMetadata", [], Field(null, Bytes, "Vec<u8>"));

    public static readonly MetaType ExtrinsicInclusionMode = SimpleEnum("sp_runtime::ExtrinsicInclusionMode", "AllExtrinsics", "OnlyInherents");

    public static readonly MetaType InherentData = Composite("sp_inherents::InherentData", [], Field("data", BTreeMap(Array(8, U8), Bytes), "BTreeMap<InherentIdentifier, Vec<u8>>"));

    public static readonly MetaType CheckInherentsResult = Composite("sp_inherents::CheckInherentsResult", [],
        Field("okay", Bool, "bool"), Field("fatal_error", Bool, "bool"), Field("errors", InherentData, "InherentData"));

    public static readonly MetaType TransactionSource = SimpleEnum("sp_runtime::transaction_validity::TransactionSource", "InBlock", "Local", "External");

    public static readonly MetaType InvalidTransaction = Enum("sp_runtime::transaction_validity::InvalidTransaction", [],
        Variant("Call", 0), Variant("Payment", 1), Variant("Future", 2), Variant("Stale", 3), Variant("BadProof", 4), Variant("AncientBirthBlock", 5),
        Variant("ExhaustsResources", 6), Variant("Custom", 7, Field(null, U8, "u8")), Variant("BadMandatory", 8), Variant("MandatoryValidation", 9),
        Variant("BadSigner", 10), Variant("IndeterminateImplicit", 11), Variant("UnknownOrigin", 12));

    public static readonly MetaType UnknownTransaction = Enum("sp_runtime::transaction_validity::UnknownTransaction", [],
        Variant("CannotLookup", 0), Variant("NoUnsignedValidator", 1), Variant("Custom", 2, Field(null, U8, "u8")));

    public static readonly MetaType TransactionValidityError = Enum("sp_runtime::transaction_validity::TransactionValidityError", [],
        Variant("Invalid", 0, Field(null, InvalidTransaction, "InvalidTransaction")), Variant("Unknown", 1, Field(null, UnknownTransaction, "UnknownTransaction")));

    public static readonly MetaType ValidTransaction = Composite("sp_runtime::transaction_validity::ValidTransaction", [],
        Field("priority", U64, "TransactionPriority"), Field("requires", Vec(Bytes), "Vec<TransactionTag>"), Field("provides", Vec(Bytes), "Vec<TransactionTag>"),
        Field("longevity", U64, "TransactionLongevity"), Field("propagate", Bool, "bool"));

    public static readonly MetaType ApplyExtrinsicResult = Result(Result(Unit, FrameTypes.DispatchErrorType), TransactionValidityError);

    public static readonly MetaType TransactionValidity = Result(ValidTransaction, TransactionValidityError);

    public static readonly MetaType SlotDuration = Composite("sp_consensus_slots::SlotDuration", [], Field(null, U64, "u64"));

    public static readonly MetaType KeyTypeId = Composite("sp_core::crypto::KeyTypeId", [], Field(null, Array(4, U8), "[u8; 4]"));

    public static readonly MetaType OpaqueValue = Composite("sp_runtime::OpaqueValue", [], Field(null, Bytes, "Vec<u8>"));

    public static readonly MetaType RuntimeDispatchInfo = Composite("pallet_transaction_payment::types::RuntimeDispatchInfo",
        [("Balance", U64), ("Weight", FrameTypes.WeightType)],
        Field("weight", FrameTypes.WeightType, "Weight"), Field("class", FrameTypes.DispatchClassType, "DispatchClass"), Field("partial_fee", U64, "Balance"));

    public static readonly MetaType InclusionFee = Composite("pallet_transaction_payment::types::InclusionFee", [("Balance", U64)],
        Field("base_fee", U64, "Balance"), Field("len_fee", U64, "Balance"), Field("adjusted_weight_fee", U64, "Balance"));

    public static readonly MetaType FeeDetails = Composite("pallet_transaction_payment::types::FeeDetails", [("Balance", U64)],
        Field("inclusion_fee", Option(InclusionFee), "Option<InclusionFee<Balance>>"), Field("tip", U64, "Balance"));

    public static MetaType Block(MetaType extrinsic) => Composite("sp_runtime::generic::block::Block",
        [("Header", FrameTypes.HeaderType), ("Extrinsic", extrinsic)],
        Field("header", FrameTypes.HeaderType, "Header"), Field("extrinsics", Vec(extrinsic), "Vec<Extrinsic>"));
}
