namespace Subtensor.TransactionPool;

/// <summary>Pool limits with Substrate's defaults (<c>--pool-limit</c>, <c>--pool-kbytes</c>, <c>--tx-ban-seconds</c>).</summary>
public sealed record TransactionPoolOptions
{
    /// <summary>Maximum number of ready transactions (<c>--pool-limit</c>, default 8192).</summary>
    public int ReadyCountLimit { get; init; } = 8192;

    /// <summary>Maximum total size of ready transactions in bytes (<c>--pool-kbytes</c>, default 20480 KiB).</summary>
    public long ReadyBytesLimit { get; init; } = 20480L * 1024;

    /// <summary>Future queue limits: a tenth of the ready ones, as Substrate derives them.</summary>
    public int FutureCountLimit => Math.Max(1, ReadyCountLimit / 10);

    public long FutureBytesLimit => Math.Max(1, ReadyBytesLimit / 10);

    /// <summary>How long removed (included or invalid) transactions stay banned (<c>--tx-ban-seconds</c>, default 1800).</summary>
    public TimeSpan BanTime { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>Transactions revalidated after each new best block.</summary>
    public int RevalidationBatch { get; init; } = 4096;

    /// <summary>Blocks after which an in-block but unfinalized watched transaction reports <c>finalityTimeout</c>.</summary>
    public int FinalityTimeoutBlocks { get; init; } = 512;
}
