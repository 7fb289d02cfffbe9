using Subtensor.Runtime.Framework.TypeInfo;
using Subtensor.Runtime.Metadata;
using Subtensor.Runtime.Primitives;
using static Subtensor.Runtime.Framework.TypeInfo.Ty;

namespace Subtensor.Runtime.Extrinsics;

/// <summary>
/// Subtensor's transaction-extension tuple <c>(SystemTxExtension, CustomTxExtension, CheckMetadataHash)</c> as the
/// metadata describes it (runtime/src/lib.rs). Note the payment wrapper reports the identifier and type of the inner
/// <c>ChargeTransactionPayment</c>, which is what clients know how to encode.
/// </summary>
public static class SubtensorExtensionTypes
{
    public static IReadOnlyList<TransactionExtensionDef> Build(RuntimeOuterTypes outer, out ExtrinsicTypes extrinsicTypes)
    {
        ArgumentNullException.ThrowIfNull(outer);
        var runtime = outer.RuntimeType;
        var chargeInner = Composite("pallet_transaction_payment::ChargeTransactionPayment", [("T", null)], Field(null, Compact(U64), "BalanceOf<T>"));
        var mode = SimpleEnum("frame_metadata_hash_extension::Mode", "Disabled", "Enabled");
        var list = new List<TransactionExtensionDef>
        {
            new("CheckNonZeroSender", Marker("frame_system::extensions::check_non_zero_sender::CheckNonZeroSender"), Unit),
            new("CheckSpecVersion", Marker("frame_system::extensions::check_spec_version::CheckSpecVersion"), U32),
            new("CheckTxVersion", Marker("frame_system::extensions::check_tx_version::CheckTxVersion"), U32),
            new("CheckGenesis", Marker("frame_system::extensions::check_genesis::CheckGenesis"), H256),
            new("CheckMortality", Composite("node_subtensor_runtime::check_mortality::CheckMortality", [("T", null)], Field(null, FrameTypes.EraType, "Era")), H256),
            new("CheckNonce", Composite("node_subtensor_runtime::check_nonce::CheckNonce", [("T", null)], Field(null, Compact(U32), "T::Nonce")), Unit),
            new("CheckWeight", Marker("frame_system::extensions::check_weight::CheckWeight"), Unit),
            new("ChargeTransactionPayment", chargeInner, Unit,
                Composite("node_subtensor_runtime::transaction_payment_wrapper::ChargeTransactionPaymentWrapper", [("T", null)], Field("inner", chargeInner, "ChargeTransactionPayment<T>"))),
            new("SudoTransactionExtension", Marker("node_subtensor_runtime::sudo_wrapper::SudoTransactionExtension", runtime), Unit),
            new("CheckShieldedTxValidity", Marker("pallet_shield::extension::CheckShieldedTxValidity", runtime), Unit),
            new("SubtensorTransactionExtension", Marker("pallet_subtensor::extensions::subtensor::SubtensorTransactionExtension", runtime), Unit),
            new("DrandPriority", Marker("pallet_drand::drand_priority::DrandPriority", runtime), Unit),
            new("CheckMetadataHash", Composite("frame_metadata_hash_extension::CheckMetadataHash", [("T", null)], Field("mode", mode, "Mode")), Option(Array(32, U8))),
        };

        var system = Tuple(list.Take(7).Select(e => e.InTuple).ToArray());
        var custom = Tuple(list.Skip(7).Take(5).Select(e => e.InTuple).ToArray());
        var extra = Tuple(system, custom, list[12].InTuple);
        var address = FrameTypes.MultiAddressType;
        var signature = FrameTypes.MultiSignatureType;
        var inner = Composite(
            "sp_runtime::generic::unchecked_extrinsic::UncheckedExtrinsic",
            [("Address", address), ("Call", outer.Call), ("Signature", signature), ("Extra", extra)],
            Field(null, Bytes));
        var uncheckedType = Composite(
            "fp_self_contained::unchecked_extrinsic::UncheckedExtrinsic",
            [("Address", address), ("Call", outer.Call), ("Signature", signature), ("Extension", extra)],
            Field(null, inner, "generic::UncheckedExtrinsic<Address, Call, Signature, Extension>"));
        extrinsicTypes = new ExtrinsicTypes(uncheckedType, address, signature, extra);
        return list;
    }
}
