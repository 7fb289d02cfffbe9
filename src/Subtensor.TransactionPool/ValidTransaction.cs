namespace Subtensor.TransactionPool;

/// <summary>
/// The runtime's verdict on a valid transaction (sp-runtime <c>ValidTransaction</c>): ordering priority, the tags it
/// needs and provides, how many blocks it stays valid, and whether it may be gossiped.
/// </summary>
public sealed record ValidTransaction(
    ulong Priority,
    IReadOnlyList<byte[]> Requires,
    IReadOnlyList<byte[]> Provides,
    ulong Longevity,
    bool Propagate);
