using Subtensor.Core.Scale;
using Subtensor.Runtime.Framework.Dispatch;

namespace Subtensor.Runtime.Pallets.FrameSystem;

/// <summary>frame_system <c>limits::WeightsPerClass</c>.</summary>
public readonly record struct WeightsPerClass(Weight BaseExtrinsic, Weight? MaxExtrinsic, Weight? MaxTotal, Weight? Reserved)
{
    public void EncodeTo(ScaleWriter writer)
    {
        BaseExtrinsic.EncodeTo(writer);
        writer.WriteOptionValue(MaxExtrinsic, (w, v) => v.EncodeTo(w));
        writer.WriteOptionValue(MaxTotal, (w, v) => v.EncodeTo(w));
        writer.WriteOptionValue(Reserved, (w, v) => v.EncodeTo(w));
    }
}
