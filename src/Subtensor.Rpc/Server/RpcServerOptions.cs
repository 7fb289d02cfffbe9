using Subtensor.Rpc.JsonRpc;

namespace Subtensor.Rpc.Server;

/// <summary>The <c>--rpc-*</c> settings, with Substrate's defaults.</summary>
public sealed record RpcServerOptions
{
    /// <summary><c>--rpc-port</c>; 0 lets the OS choose (tests).</summary>
    public int Port { get; init; } = 9944;

    /// <summary><c>--rpc-external</c>: listen on all interfaces instead of loopback.</summary>
    public bool External { get; init; }

    /// <summary><c>--rpc-cors</c>: null = Substrate's default (localhost and polkadot.js.org), empty list with <see cref="CorsAll"/> = any.</summary>
    public IReadOnlyList<string>? CorsOrigins { get; init; }

    public bool CorsAll { get; init; }

    public RpcMethodsMode Methods { get; init; } = RpcMethodsMode.Auto;

    /// <summary><c>--rpc-max-connections</c> (Substrate default 100).</summary>
    public int MaxConnections { get; init; } = 100;

    /// <summary><c>--rpc-max-request-size</c> in bytes (Substrate default 15 MiB).</summary>
    public int MaxRequestSize { get; init; } = 15 * 1024 * 1024;

    /// <summary><c>--rpc-max-response-size</c> in bytes (Substrate default 15 MiB).</summary>
    public int MaxResponseSize { get; init; } = 15 * 1024 * 1024;

    /// <summary><c>--rpc-max-subscriptions-per-connection</c> (Substrate default 1024).</summary>
    public int MaxSubscriptionsPerConnection { get; init; } = 1024;

    /// <summary><c>--rpc-max-batch-request-len</c>.</summary>
    public int MaxBatchSize { get; init; } = 1024;

    /// <summary>Queued outbound messages per connection before a slow client is disconnected.</summary>
    public int MaxQueuedMessages { get; init; } = 16 * 1024;

    /// <summary>Whether unsafe methods are exposed under this configuration.</summary>
    public bool AllowUnsafe => Methods switch
    {
        RpcMethodsMode.Unsafe => true,
        RpcMethodsMode.Safe => false,
        _ => !External,
    };

    /// <summary>Substrate's default allowed origins when <c>--rpc-cors</c> is not given.</summary>
    public static readonly IReadOnlyList<string> DefaultCorsOrigins =
    [
        "http://localhost:*", "http://127.0.0.1:*", "https://localhost:*", "https://127.0.0.1:*", "https://polkadot.js.org",
    ];
}
