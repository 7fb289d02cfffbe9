namespace Subtensor.Network.Yamux;

/// <summary>Limits and timers of a yamux session.</summary>
public sealed record YamuxOptions
{
    /// <summary>The window every stream starts with (spec: 256 KiB).</summary>
    public const int InitialWindow = 256 * 1024;

    /// <summary>Receive window granted per stream; above 256 KiB the extra is announced with the SYN or ACK. Bounds each stream's buffer.</summary>
    public int ReceiveWindow { get; init; } = InitialWindow;

    /// <summary>Largest payload of a Data frame we send.</summary>
    public int MaxFramePayload { get; init; } = 64 * 1024;

    /// <summary>Concurrent streams the remote may open; more are reset.</summary>
    public int MaxInboundStreams { get; init; } = 256;

    /// <summary>Concurrent streams we may open.</summary>
    public int MaxOutboundStreams { get; init; } = 1024;

    /// <summary>Control frames (window updates, pongs…) that may wait for the socket before the peer is judged to not read.</summary>
    public int MaxPendingControlFrames { get; init; } = 4096;

    /// <summary>Interval of keep-alive pings; zero or negative disables them.</summary>
    public TimeSpan KeepAliveInterval { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a ping may wait for its answer before the session is closed.</summary>
    public TimeSpan PingTimeout { get; init; } = TimeSpan.FromSeconds(20);

    internal void Validate()
    {
        if (ReceiveWindow < InitialWindow)
        {
            throw new ArgumentException($"yamux receive window must be at least {InitialWindow}");
        }

        if (MaxFramePayload is < 1024 or > 16 * 1024 * 1024)
        {
            throw new ArgumentException("yamux frame payload must be 1 KiB..16 MiB");
        }
    }
}
