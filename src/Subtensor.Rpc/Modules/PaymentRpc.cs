using System.Globalization;
using System.Text.Json.Nodes;
using Subtensor.Core.Scale;
using Subtensor.Core.Types;
using Subtensor.Rpc.JsonRpc;

namespace Subtensor.Rpc.Modules;

/// <summary>
/// <c>payment_queryInfo</c> / <c>payment_queryFeeDetails</c> (pallet-transaction-payment-rpc): the runtime's
/// <c>TransactionPaymentApi</c> on an encoded extrinsic, whose length counts all the bytes given. Errors: code 2 for an
/// undecodable extrinsic, code 1 for a failed runtime call.
/// </summary>
public sealed class PaymentRpc
{
    private const int RuntimeError = 1;
    private const int DecodeError = 2;
    private readonly StateAccess _state;

    public PaymentRpc(RpcServices services)
    {
        ArgumentNullException.ThrowIfNull(services);
        _state = new StateAccess(services.Client);
    }

    public void Register(RpcMethodRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        registry.Add("payment_queryInfo", RpcJson.Sync(p =>
        {
            var raw = Query(p.RequiredBytes(0, "encoded_xt"), p.OptionalHash(1, "at"), "TransactionPaymentApi_query_info", "Unable to query dispatch info.");
            return DispatchInfo(raw);
        }));
        registry.Add("payment_queryFeeDetails", RpcJson.Sync(p =>
        {
            var raw = Query(p.RequiredBytes(0, "encoded_xt"), p.OptionalHash(1, "at"), "TransactionPaymentApi_query_fee_details", "Unable to query fee details.");
            return FeeDetails(raw);
        }));
    }

    private byte[] Query(byte[] encoded, Hash256? at, string method, string message)
    {
        byte[] extrinsic;
        try
        {
            extrinsic = AuthorRpc.DecodeOpaque(encoded);
        }
        catch (ScaleDecodeException e)
        {
            throw new RpcException(DecodeError, message, JsonValue.Create(e.Reason));
        }

        var args = new ScaleWriter(extrinsic.Length + 4).WriteBytes(extrinsic).WriteU32((uint)encoded.Length).ToArray();
        try
        {
            return _state.Call(_state.BestOr(at), method, args);
        }
        catch (RpcException e)
        {
            throw new RpcException(RuntimeError, message, JsonValue.Create(e.Message));
        }
    }

    /// <summary><c>RuntimeDispatchInfo</c> serde: weight with snake_case fields, class in camelCase, partialFee as a decimal string.</summary>
    internal static JsonObject DispatchInfo(byte[] raw)
    {
        var (refTime, proofSize, dispatchClass, fee) = ScaleCodec.Decode(raw, (ref ScaleReader r) =>
            (r.ReadCompactU64(), r.ReadCompactU64(), r.ReadEnumIndex(3), r.ReadU64()));
        return new JsonObject
        {
            ["weight"] = new JsonObject { ["ref_time"] = refTime, ["proof_size"] = proofSize },
            ["class"] = dispatchClass switch { 0 => "normal", 1 => "operational", _ => "mandatory" },
            ["partialFee"] = fee.ToString(CultureInfo.InvariantCulture),
        };
    }

    /// <summary><c>FeeDetails&lt;NumberOrHex&gt;</c> serde: <c>{inclusionFee: {baseFee, lenFee, adjustedWeightFee} | null}</c> (tip is skipped).</summary>
    internal static JsonObject FeeDetails(byte[] raw)
    {
        var (hasFee, baseFee, lenFee, weightFee) = ScaleCodec.Decode(raw, (ref ScaleReader r) =>
        {
            var some = r.ReadOptionTag();
            var fees = some ? (r.ReadU64(), r.ReadU64(), r.ReadU64()) : (0UL, 0UL, 0UL);
            r.ReadU64();
            return (some, fees.Item1, fees.Item2, fees.Item3);
        });
        return new JsonObject
        {
            ["inclusionFee"] = hasFee ? new JsonObject { ["baseFee"] = baseFee, ["lenFee"] = lenFee, ["adjustedWeightFee"] = weightFee } : null,
        };
    }
}
