namespace Subtensor.Runtime.Framework.Dispatch;

/// <summary>frame_support <c>PostDispatchInfo</c>: the weight actually used (when known) and a fee override.</summary>
public readonly record struct PostDispatchInfo(Weight? ActualWeight, Pays PaysFee)
{
    public static PostDispatchInfo Default => new(null, Pays.Yes);

    /// <summary>Weight charged in the end: the actual call weight (capped at the declared one) plus the extensions' weight.</summary>
    public Weight CalcActualWeight(DispatchInfo info) =>
        ActualWeight is { } actual ? actual.Min(info.CallWeight).SaturatingAdd(info.ExtensionWeight) : info.TotalWeight;

    /// <summary>No fee when either the declaration or the post-dispatch info says so.</summary>
    public Pays CalcActualPays(DispatchInfo info) => info.PaysFee == Pays.No || PaysFee == Pays.No ? Pays.No : Pays.Yes;
}
