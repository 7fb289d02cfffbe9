namespace Subtensor.Economics.Staking;

/// <summary>The share pool after one key's update: new shared value, the key's new shares, the new denominator.</summary>
public readonly record struct SharePoolUpdate(ulong SharedValue, SafeFloat Share, SafeFloat Denominator);
