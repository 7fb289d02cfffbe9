namespace Subtensor.Runtime.Framework.Dispatch;

/// <summary>
/// frame_support <c>DispatchInfo</c>: the call's declared weight, the weight of the transaction extensions, its class
/// and whether it pays a fee. The total (call + extensions) is what block limits and fees use.
/// </summary>
public readonly record struct DispatchInfo(Weight CallWeight, Weight ExtensionWeight, DispatchClass Class, Pays PaysFee)
{
    public Weight TotalWeight => CallWeight.SaturatingAdd(ExtensionWeight);
}
