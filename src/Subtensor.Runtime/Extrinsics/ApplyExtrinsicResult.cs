using Subtensor.Core.Scale;
using Subtensor.Runtime.Framework.Dispatch;

namespace Subtensor.Runtime.Extrinsics;

/// <summary>
/// sp_runtime <c>ApplyExtrinsicResult</c> = <c>Result&lt;Result&lt;(), DispatchError&gt;, TransactionValidityError&gt;</c>:
/// invalid (not included), or included with the dispatch outcome.
/// </summary>
public sealed record ApplyExtrinsicResult(TransactionValidityError? Invalid, DispatchError? DispatchError)
{
    public bool IsIncluded => Invalid is null;

    public bool IsSuccess => Invalid is null && DispatchError is null;

    public static ApplyExtrinsicResult Rejected(TransactionValidityError e) => new(e, null);

    public static ApplyExtrinsicResult Dispatched(DispatchError? e) => new(null, e);

    public byte[] Encode()
    {
        var w = new ScaleWriter(16);
        if (Invalid is { } invalid)
        {
            w.WriteU8(1);
            invalid.EncodeTo(w);
        }
        else if (DispatchError is { } err)
        {
            w.WriteU8(0).WriteU8(1);
            err.EncodeTo(w);
        }
        else
        {
            w.WriteU8(0).WriteU8(0);
        }

        return w.ToArray();
    }

    public override string ToString() => Invalid is not null ? $"Invalid: {Invalid}" : DispatchError is not null ? $"Failed: {DispatchError}" : "Ok";
}
