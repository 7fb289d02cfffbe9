using Subtensor.Core.Scale;
using Subtensor.Core.Types;
using Subtensor.Runtime.Framework.Codec;
using Subtensor.Runtime.Framework.TypeInfo;
using Subtensor.Runtime.Pallets.Balances;
using Subtensor.Runtime.Primitives;
using static Subtensor.Runtime.Framework.TypeInfo.Ty;

namespace Subtensor.Runtime.Pallets.FrameSystem;

/// <summary>Metadata types and codecs of frame_system's storage and events.</summary>
public static class SystemTypes
{
    public static readonly MetaType ExtraFlagsType = Composite("pallet_balances::types::ExtraFlags", [], Field(null, U128, "u128"));

    public static readonly MetaType AccountDataType = Composite(
        "pallet_balances::types::AccountData", [("Balance", U64)],
        Field("free", U64, "Balance"), Field("reserved", U64, "Balance"), Field("frozen", U64, "Balance"), Field("flags", ExtraFlagsType, "ExtraFlags"));

    public static readonly ScaleCodec<AccountData> AccountData = new(AccountDataType, (w, v) => v.EncodeTo(w), Balances.AccountData.DecodeFrom);

    public static readonly MetaType AccountInfoType = Composite(
        "frame_system::AccountInfo", [("Nonce", U32), ("AccountData", AccountDataType)],
        Field("nonce", U32, "Nonce"), Field("consumers", U32, "RefCount"), Field("providers", U32, "RefCount"),
        Field("sufficients", U32, "RefCount"), Field("data", AccountDataType, "AccountData"));

    public static readonly ScaleCodec<AccountInfo> AccountInfo = new(AccountInfoType, (w, v) => v.EncodeTo(w), FrameSystem.AccountInfo.DecodeFrom);

    public static readonly MetaType PhaseType = Enum(
        "frame_system::Phase", [], Variant("ApplyExtrinsic", 0, Field(null, U32, "u32")), Variant("Finalization", 1), Variant("Initialization", 2));

    public static readonly ScaleCodec<Phase> Phase = new(PhaseType, (w, v) => v.EncodeTo(w), FrameSystem.Phase.DecodeFrom);

    public static readonly ScaleCodec<ConsumedWeight> ConsumedWeight = new(
        FrameTypes.PerDispatchClass(FrameTypes.WeightType), (w, v) => v.EncodeTo(w), FrameSystem.ConsumedWeight.DecodeFrom);

    public static readonly ScaleCodec<DigestItem> DigestItem = new(FrameTypes.DigestItemType, (w, v) => v.EncodeTo(w), Core.Types.DigestItem.DecodeFrom);

    public static readonly ScaleCodec<Digest> Digest = new(FrameTypes.DigestType, (w, v) => v.EncodeTo(w), Core.Types.Digest.DecodeFrom);

    public static readonly MetaType LastRuntimeUpgradeInfoType = Composite(
        "frame_system::LastRuntimeUpgradeInfo", [], Field("spec_version", Compact(U32), "codec::Compact<u32>"), Field("spec_name", FrameTypes.CowStr, "Cow<'static, str>"));

    public static readonly ScaleCodec<LastRuntimeUpgradeInfo> LastRuntimeUpgradeInfo = new(
        LastRuntimeUpgradeInfoType, (w, v) => v.EncodeTo(w), FrameSystem.LastRuntimeUpgradeInfo.DecodeFrom);

    public static readonly MetaType CodeUpgradeAuthorizationType = Composite(
        "frame_system::CodeUpgradeAuthorization", [("T", null)], Field("code_hash", H256, "T::Hash"), Field("check_version", Bool, "bool"));

    public static readonly ScaleCodec<(Core.Types.Hash256 CodeHash, bool CheckVersion)> CodeUpgradeAuthorization = new(
        CodeUpgradeAuthorizationType,
        (w, v) =>
        {
            v.CodeHash.EncodeTo(w);
            w.WriteBool(v.CheckVersion);
        },
        (ref ScaleReader r) =>
        {
            var h = Core.Types.Hash256.DecodeFrom(ref r);
            return (h, r.ReadBool());
        });

    public static readonly MetaType DispatchEventInfoType = Composite(
        "frame_system::DispatchEventInfo", [],
        Field("weight", FrameTypes.WeightType, "Weight"), Field("class", FrameTypes.DispatchClassType, "DispatchClass"), Field("pays_fee", FrameTypes.PaysType, "Pays"));

    public static readonly ScaleCodec<DispatchEventInfo> DispatchEventInfo = new(DispatchEventInfoType, (w, v) => v.EncodeTo(w), FrameSystem.DispatchEventInfo.DecodeFrom);

    public static readonly MetaType WeightsPerClassType = Composite(
        "frame_system::limits::WeightsPerClass", [],
        Field("base_extrinsic", FrameTypes.WeightType, "Weight"), Field("max_extrinsic", Option(FrameTypes.WeightType), "Option<Weight>"),
        Field("max_total", Option(FrameTypes.WeightType), "Option<Weight>"), Field("reserved", Option(FrameTypes.WeightType), "Option<Weight>"));

    public static readonly MetaType BlockWeightsType = Composite(
        "frame_system::limits::BlockWeights", [],
        Field("base_block", FrameTypes.WeightType, "Weight"), Field("max_block", FrameTypes.WeightType, "Weight"),
        Field("per_class", FrameTypes.PerDispatchClass(WeightsPerClassType), "PerDispatchClass<WeightsPerClass>"));

    public static readonly ScaleCodec<BlockWeights> BlockWeights = new(BlockWeightsType, (w, v) => v.EncodeTo(w), (ref ScaleReader _) => throw new NotSupportedException());

    public static readonly MetaType BlockLengthType = Composite(
        "frame_system::limits::BlockLength", [], Field("max", FrameTypes.PerDispatchClass(U32), "PerDispatchClass<u32>"));

    public static readonly ScaleCodec<BlockLength> BlockLength = new(BlockLengthType, (w, v) => v.EncodeTo(w), (ref ScaleReader _) => throw new NotSupportedException());

    public static readonly ScaleCodec<(ulong Read, ulong Write)> DbWeight = new(
        FrameTypes.RuntimeDbWeightType, (w, v) => w.WriteU64(v.Read).WriteU64(v.Write), (ref ScaleReader r) => (r.ReadU64(), r.ReadU64()));

    public static readonly ScaleCodec<RuntimeVersion> RuntimeVersion = new(FrameTypes.RuntimeVersionType, (w, v) => v.EncodeTo(w), (ref ScaleReader r) => Core.Types.RuntimeVersion.DecodeFrom(ref r, 5));

    /// <summary><c>EventRecord&lt;RuntimeEvent, H256&gt;</c> for a given outer event type.</summary>
    public static ScaleCodec<EventRecord> EventRecord(RuntimeOuterTypes outer)
    {
        ArgumentNullException.ThrowIfNull(outer);
        var type = Composite(
            "frame_system::EventRecord", [("E", outer.Event), ("T", H256)],
            Field("phase", PhaseType, "Phase"), Field("event", outer.Event, "E"), Field("topics", Vec(H256), "Vec<T>"));
        return new ScaleCodec<EventRecord>(
            type,
            (w, v) =>
            {
                v.Phase.EncodeTo(w);
                v.Event.EncodeTo(w);
                w.WriteVec(v.Topics, (ww, t) => t.EncodeTo(ww));
            },
            (ref ScaleReader r) =>
            {
                var phase = FrameSystem.Phase.DecodeFrom(ref r);
                var ev = outer.DecodeEvent(ref r);
                var topics = r.ReadVec(Core.Types.Hash256.DecodeFrom, 32);
                return new EventRecord(phase, ev, topics);
            });
    }
}
