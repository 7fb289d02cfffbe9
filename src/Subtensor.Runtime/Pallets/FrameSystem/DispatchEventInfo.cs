using Subtensor.Core.Scale;
using Subtensor.Runtime.Framework.Dispatch;

namespace Subtensor.Runtime.Pallets.FrameSystem;

/// <summary>frame_system <c>DispatchEventInfo</c>: the weight, class and fee mode reported in ExtrinsicSuccess/Failed.</summary>
public readonly record struct DispatchEventInfo(Weight Weight, DispatchClass Class, Pays PaysFee)
{
    public void EncodeTo(ScaleWriter writer)
    {
        Weight.EncodeTo(writer);
        writer.WriteU8((byte)Class).WriteU8((byte)PaysFee);
    }

    public static DispatchEventInfo DecodeFrom(ref ScaleReader reader)
    {
        var w = Weight.DecodeFrom(ref reader);
        var c = (DispatchClass)reader.ReadEnumIndex(3);
        return new DispatchEventInfo(w, c, (Pays)reader.ReadEnumIndex(2));
    }
}
