using System.Text.Json;
using Subtensor.Core.Scale;
using Subtensor.Core.Types;
using Subtensor.Runtime.Framework;
using Subtensor.Runtime.Framework.Codec;
using Subtensor.Runtime.Framework.Dispatch;
using Subtensor.Runtime.Framework.Storage;
using Subtensor.Runtime.Framework.TypeInfo;
using Subtensor.Runtime.Pallets.FrameSystem;
using Subtensor.Runtime.State;
using static Subtensor.Runtime.Framework.TypeInfo.Ty;

namespace Subtensor.Runtime.Pallets.TransactionPayment;

/// <summary>
/// pallet_transaction_payment (index 6) as Subtensor configures it: weight fee = ref_time × 0.0005 RAO
/// (<c>LinearWeightToFee</c>, Perbill 500_000), length fee 1 RAO per byte, constant fee multiplier 1,
/// operational fee multiplier 5 (used for priority only).
/// </summary>
public sealed class TransactionPaymentPallet : Pallet
{
    /// <summary>FixedU128 one (10^18).</summary>
    public static readonly UInt128 MultiplierOne = (UInt128)1_000_000_000_000_000_000UL;

    private readonly BlockWeights _blockWeights;

    public TransactionPaymentPallet(BlockWeights blockWeights)
        : base("TransactionPayment", 6, "pallet_transaction_payment")
    {
        _blockWeights = blockWeights;
        var fixedU128 = Codecs.U128.As(Composite("sp_arithmetic::fixed_point::FixedU128", [], Field(null, U128, "u128")));
        NextFeeMultiplier = Value("NextFeeMultiplier", fixedU128, MultiplierOne);
        StorageVersion = Value("StorageVersion", new ScaleCodec<byte>(SimpleEnum("pallet_transaction_payment::Releases", "V1Ancient", "V2"),
            (w, v) => w.WriteU8(v), (ref ScaleReader r) => r.ReadEnumIndex(2)), (byte)0);
        TransactionFeePaidEvent = Event(0, "TransactionFeePaid",
            Arg("who", Codecs.AccountId, "T::AccountId"), Arg("actual_fee", Codecs.U64, "BalanceOf<T>"), Arg("tip", Codecs.U64, "BalanceOf<T>"));
        Constant("OperationalFeeMultiplier", Codecs.U8, (byte)5,
            " A fee multiplier for `Operational` extrinsics to compute \"virtual tip\" to boost their", " `priority`");
    }

    public StorageValue<UInt128> NextFeeMultiplier { get; }

    public StorageValue<byte> StorageVersion { get; }

    public EventDef TransactionFeePaidEvent { get; }

    /// <summary>
    /// Subtensor <c>LinearWeightToFee</c> on the ref time of <paramref name="weight"/> capped at the block maximum:
    /// Perbill(500_000) × ref_time, rounded to nearest with ties down (sp_arithmetic).
    /// </summary>
    public ulong WeightToFee(Weight weight)
    {
        var x = weight.Min(_blockWeights.MaxBlock).RefTime;
        var product = (UInt128)x * 500_000;
        var q = product / 1_000_000_000;
        var r = product % 1_000_000_000;
        if (r * 2 > 1_000_000_000)
        {
            q++;
        }

        return (ulong)q;
    }

    /// <summary><c>IdentityFee</c>: one RAO per byte.</summary>
    public static ulong LengthToFee(uint length) => length;

    /// <summary><c>compute_fee_details</c> for the given total weight, class and fee mode.</summary>
    public FeeDetails ComputeFeeDetails(IStateAccess state, uint length, Weight weight, DispatchClass cls, Pays pays, ulong tip)
    {
        if (pays == Pays.No)
        {
            return new FeeDetails(false, 0, 0, 0, tip);
        }

        var unadjusted = WeightToFee(weight);
        var multiplier = NextFeeMultiplier.Get(state);
        var adjusted = (UInt128)unadjusted * multiplier / MultiplierOne;
        var adjustedFee = adjusted > ulong.MaxValue ? ulong.MaxValue : (ulong)adjusted;
        return new FeeDetails(true, WeightToFee(_blockWeights.ForClass(cls).BaseExtrinsic), LengthToFee(length), adjustedFee, tip);
    }

    public ulong ComputeFee(IStateAccess state, uint length, DispatchInfo info, ulong tip) =>
        ComputeFeeDetails(state, length, info.TotalWeight, info.Class, info.PaysFee, tip).FinalFee;

    /// <summary><c>compute_actual_fee</c>: the fee for the weight actually used after dispatch.</summary>
    public ulong ComputeActualFee(IStateAccess state, uint length, DispatchInfo info, PostDispatchInfo post, ulong tip) =>
        ComputeFeeDetails(state, length, post.CalcActualWeight(info), info.Class, post.CalcActualPays(info), tip).FinalFee;

    public void DepositFeePaid(IStateAccess state, AccountId32 who, ulong actualFee, ulong tip) =>
        Deposit(state, TransactionFeePaidEvent, who, actualFee, tip);

    /// <summary>Genesis: storage version V2 and multiplier 1.</summary>
    public override void BuildGenesis(IStateAccess state, JsonElement? config)
    {
        StorageVersion.Put(state, 1);
        NextFeeMultiplier.Put(state, MultiplierOne);
    }

    public override object? DefaultGenesisConfig() => new Dictionary<string, object?> { ["multiplier"] = "1000000000000000000" };
}
