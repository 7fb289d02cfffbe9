using Subtensor.Core.Scale;

namespace Subtensor.Runtime.Pallets.TransactionPayment;

/// <summary>
/// pallet_transaction_payment <c>FeeDetails&lt;u64&gt;</c>: the inclusion fee (base, length, adjusted weight fee; absent
/// for calls that do not pay) and the tip.
/// </summary>
public readonly record struct FeeDetails(bool HasInclusionFee, ulong BaseFee, ulong LenFee, ulong AdjustedWeightFee, ulong Tip)
{
    /// <summary>Everything charged: inclusion fee (if any) plus tip, saturating.</summary>
    public ulong FinalFee
    {
        get
        {
            UInt128 total = Tip;
            if (HasInclusionFee)
            {
                total += (UInt128)BaseFee + LenFee + AdjustedWeightFee;
            }

            return total > ulong.MaxValue ? ulong.MaxValue : (ulong)total;
        }
    }

    public void EncodeTo(ScaleWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteOptionTag(HasInclusionFee);
        if (HasInclusionFee)
        {
            writer.WriteU64(BaseFee).WriteU64(LenFee).WriteU64(AdjustedWeightFee);
        }

        writer.WriteU64(Tip);
    }
}
