namespace Subtensor.Economics.Swap;

/// <summary>
/// The swap engine's <c>SwapResult</c>: input actually swapped (net of fee), output paid out, fee charged on the input
/// token and the part of it that goes to the block author (all of it when something was swapped).
/// </summary>
public sealed record SwapOutcome(ulong AmountPaidIn, ulong AmountPaidOut, ulong FeePaid, ulong FeeToBlockAuthor);
