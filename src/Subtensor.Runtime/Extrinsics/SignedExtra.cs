using Subtensor.Core.Scale;
using Subtensor.Runtime.Primitives;

namespace Subtensor.Runtime.Extrinsics;

/// <summary>
/// The explicit part of Subtensor's transaction extensions, in tuple order: CheckMortality's era, CheckNonce's
/// Compact&lt;u32&gt; nonce, ChargeTransactionPayment's Compact&lt;u64&gt; tip and CheckMetadataHash's mode byte (0 disabled,
/// 1 enabled). The other nine extensions encode nothing.
/// </summary>
public readonly record struct SignedExtra(Era Era, uint Nonce, ulong Tip, bool MetadataHashEnabled)
{
    public void EncodeTo(ScaleWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        Era.EncodeTo(writer);
        writer.WriteCompact(Nonce).WriteCompact(Tip).WriteU8(MetadataHashEnabled ? (byte)1 : (byte)0);
    }

    public static SignedExtra DecodeFrom(ref ScaleReader reader)
    {
        var era = Era.DecodeFrom(ref reader);
        var nonce = reader.ReadCompactU32();
        var tip = reader.ReadCompactU64();
        var at = reader.Position;
        var mode = reader.ReadU8();
        if (mode > 1)
        {
            throw new ScaleDecodeException($"CheckMetadataHash mode {mode} is neither 0 (disabled) nor 1 (enabled)", at);
        }

        return new SignedExtra(era, nonce, tip, mode == 1);
    }
}
