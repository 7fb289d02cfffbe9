namespace Subtensor.Economics.Swap;

/// <summary>Either a <see cref="SwapOutcome"/> or the <see cref="SwapError"/> that stopped the swap.</summary>
public readonly record struct SwapResult(SwapOutcome? Outcome, SwapError Error)
{
    public bool IsSuccess => Error == SwapError.None && Outcome is not null;

    public static SwapResult Success(SwapOutcome outcome) => new(outcome, SwapError.None);

    public static SwapResult Failure(SwapError error) => new(null, error);
}
