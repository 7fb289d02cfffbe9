namespace Subtensor.Economics.Epoch;

/// <summary>
/// Bond hyperparameters of a subnet: <c>BondsMovingAverage</c> (default 900_000 ⇒ α = 0.1), <c>LiquidAlphaOn</c>
/// (default false), <c>AlphaValues</c> (default 45_875 / 58_982) and <c>AlphaSigmoidSteepness</c> (default 1000).
/// </summary>
public sealed record BondsParameters
{
    public ulong BondsMovingAverage { get; init; } = 900_000;

    public bool LiquidAlphaOn { get; init; }

    public ushort AlphaLow { get; init; } = 45_875;

    public ushort AlphaHigh { get; init; } = 58_982;

    public short AlphaSigmoidSteepness { get; init; } = 1000;
}
