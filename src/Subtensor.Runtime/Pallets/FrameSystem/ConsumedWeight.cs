using Subtensor.Core.Scale;
using Subtensor.Runtime.Framework.Dispatch;

namespace Subtensor.Runtime.Pallets.FrameSystem;

/// <summary>frame_system <c>ConsumedWeight</c> = <c>PerDispatchClass&lt;Weight&gt;</c>: weight used so far in the block, per class.</summary>
public readonly record struct ConsumedWeight(Weight Normal, Weight Operational, Weight Mandatory)
{
    public Weight Get(DispatchClass c) => c switch
    {
        DispatchClass.Normal => Normal,
        DispatchClass.Operational => Operational,
        _ => Mandatory,
    };

    public ConsumedWeight Add(Weight w, DispatchClass c) => c switch
    {
        DispatchClass.Normal => this with { Normal = Normal.SaturatingAdd(w) },
        DispatchClass.Operational => this with { Operational = Operational.SaturatingAdd(w) },
        _ => this with { Mandatory = Mandatory.SaturatingAdd(w) },
    };

    public ConsumedWeight Sub(Weight w, DispatchClass c) => c switch
    {
        DispatchClass.Normal => this with { Normal = Normal.SaturatingSub(w) },
        DispatchClass.Operational => this with { Operational = Operational.SaturatingSub(w) },
        _ => this with { Mandatory = Mandatory.SaturatingSub(w) },
    };

    public Weight Total => Normal.SaturatingAdd(Operational).SaturatingAdd(Mandatory);

    public void EncodeTo(ScaleWriter writer)
    {
        Normal.EncodeTo(writer);
        Operational.EncodeTo(writer);
        Mandatory.EncodeTo(writer);
    }

    public static ConsumedWeight DecodeFrom(ref ScaleReader reader)
    {
        var n = Weight.DecodeFrom(ref reader);
        var o = Weight.DecodeFrom(ref reader);
        return new ConsumedWeight(n, o, Weight.DecodeFrom(ref reader));
    }
}
