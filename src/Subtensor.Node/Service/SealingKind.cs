namespace Subtensor.Node.Service;

/// <summary>How blocks are produced: Aura slots, or the dev <c>--sealing</c> modes.</summary>
internal enum SealingKind
{
    /// <summary>Aura: author in our slots at slot boundaries (validators on real chains).</summary>
    Aura,

    /// <summary>A block as soon as transactions are ready (dev default).</summary>
    Instant,

    /// <summary>Blocks only on <c>engine_createBlock</c>.</summary>
    Manual,

    /// <summary>A block every <see cref="SealingMode.IntervalMs"/> milliseconds.</summary>
    Interval,
}
