using Subtensor.Core.Scale;
using Subtensor.Runtime.Framework.Dispatch;

namespace Subtensor.Runtime.Pallets.FrameSystem;

/// <summary>frame_system <c>limits::BlockWeights</c>: block base weight, block maximum, and limits per dispatch class.</summary>
public sealed record BlockWeights(Weight BaseBlock, Weight MaxBlock, WeightsPerClass Normal, WeightsPerClass Operational, WeightsPerClass Mandatory)
{
    /// <summary>frame_support <c>ExtrinsicBaseWeight</c>: 108_157 ns.</summary>
    public static readonly Weight ExtrinsicBaseWeight = Weight.FromRefTime(108_157 * Weight.RefTimePerNanos);

    /// <summary>frame_support <c>BlockExecutionWeight</c>: 431_614 ns.</summary>
    public static readonly Weight BlockExecutionWeight = Weight.FromRefTime(431_614 * Weight.RefTimePerNanos);

    /// <summary>
    /// Subtensor's <c>BlockWeights::with_sensible_defaults(MAXIMUM_BLOCK_WEIGHT, NORMAL_DISPATCH_RATIO)</c>: 4 s of
    /// ref time and unlimited proof size, 75 % for normal calls, 10 % reserved for initialization
    /// (runtime/src/lib.rs; the values frame_system's builder derives from them).
    /// </summary>
    public static readonly BlockWeights Subtensor = Build(Weight.FromParts(4 * Weight.RefTimePerSecond, ulong.MaxValue), 75);

    public WeightsPerClass ForClass(DispatchClass c) => c switch
    {
        DispatchClass.Normal => Normal,
        DispatchClass.Operational => Operational,
        _ => Mandatory,
    };

    public void EncodeTo(ScaleWriter writer)
    {
        BaseBlock.EncodeTo(writer);
        MaxBlock.EncodeTo(writer);
        Normal.EncodeTo(writer);
        Operational.EncodeTo(writer);
        Mandatory.EncodeTo(writer);
    }

    /// <summary>
    /// frame_system <c>BlockWeights::with_sensible_defaults</c> then <c>builder().build()</c>: normal max total = ratio
    /// of the block, operational = the whole block with the rest reserved, max extrinsic = max total minus the
    /// extrinsic base weight and the 10 % initialization allowance.
    /// </summary>
    public static BlockWeights Build(Weight expected, uint normalPercent)
    {
        var normal = PercentOf(expected, normalPercent);
        var init = PercentOf(expected, 10);
        var baseExt = ExtrinsicBaseWeight;
        Weight MaxExt(Weight total) => total.SaturatingSub(baseExt).SaturatingSub(init);
        return new BlockWeights(
            BlockExecutionWeight,
            expected,
            new WeightsPerClass(baseExt, MaxExt(normal), normal, Weight.Zero),
            new WeightsPerClass(baseExt, MaxExt(expected), expected, expected.SaturatingSub(normal)),
            new WeightsPerClass(baseExt, null, null, null));
    }

    /// <summary>Perbill::from_percent(p) * w, component-wise (exact for these inputs: rounding is to nearest).</summary>
    private static Weight PercentOf(Weight w, uint percent) => new(MulPercent(w.RefTime, percent), MulPercent(w.ProofSize, percent));

    private static ulong MulPercent(ulong x, uint percent)
    {
        // sp_arithmetic: Perbill * u64 rounds to nearest (ties down).
        var parts = (UInt128)percent * 10_000_000;
        var product = (UInt128)x * parts;
        var q = product / 1_000_000_000;
        var r = product % 1_000_000_000;
        if (r * 2 > 1_000_000_000)
        {
            q++;
        }

        return (ulong)q;
    }
}
