namespace Subtensor.Economics.Epoch;

/// <summary>
/// Row-range parallelism for the epoch kernels: the work is split into contiguous ranges processed concurrently, each
/// writing only its own rows, so results do not depend on scheduling.
/// </summary>
internal static class Rows
{
    private const int MinimumWorkPerRange = 1 << 14;

    /// <summary>Runs <paramref name="body"/>(start, end) over [0, count), in parallel when the work is large.</summary>
    public static void For(int count, long totalWork, Action<int, int> body)
    {
        int ranges = (int)Math.Min(Math.Min(Environment.ProcessorCount * 4L, count), Math.Max(1, totalWork / MinimumWorkPerRange));
        if (ranges <= 1)
        {
            body(0, count);
            return;
        }

        Parallel.For(0, ranges, r => body((int)((long)count * r / ranges), (int)((long)count * (r + 1) / ranges)));
    }
}
