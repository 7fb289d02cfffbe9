using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Serilog;
using Serilog.Events;
using Subtensor.Network.Host;
using Subtensor.Network.Identity;
using Subtensor.Network.Multiformats;
using Subtensor.Network.Protocols;

namespace Subtensor.Network.InteropHost;

/// <summary>
/// <c>listen [--key HEX] [--ip ADDR]</c>: prints <c>LISTEN &lt;multiaddr&gt;</c>, identifies and pings every peer that connects
/// (one JSON line each) and serves until stdin closes.
/// <c>dial MULTIADDR [--key HEX]</c>: connects, identifies, pings, prints one JSON line and exits 0 (1 on failure).
/// <c>bench [--mb N] [--streams N] [--window-kib N]</c>: two hosts on loopback, N MiB through yamux, prints MB/s.
/// </summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        var verbose = args.Contains("--verbose");
        Log.Logger = new LoggerConfiguration()
            .MinimumLevel.Is(verbose ? LogEventLevel.Debug : LogEventLevel.Information)
            .WriteTo.Console(standardErrorFromLevel: LogEventLevel.Verbose)
            .CreateLogger();
        try
        {
            return args.FirstOrDefault() switch
            {
                "listen" => await ListenAsync(args).ConfigureAwait(false),
                "dial" when args.Length >= 2 => await DialAsync(args).ConfigureAwait(false),
                "bench" => await ThroughputBenchmark.RunAsync(Option(args, "--mb", 256), Option(args, "--streams", 1), Option(args, "--window-kib", 256)).ConfigureAwait(false),
                _ => Usage(),
            };
        }
        finally
        {
            await Log.CloseAndFlushAsync().ConfigureAwait(false);
        }
    }

    private static int Usage()
    {
        Console.Error.WriteLine("usage: listen [--key HEX] [--ip ADDR] | dial MULTIADDR [--key HEX] | bench [--mb N] [--streams N] [--window-kib N]");
        return 2;
    }

    private static async Task<int> ListenAsync(string[] args)
    {
        var key = LoadKey(args);
        var ip = StringOption(args, "--ip") ?? "127.0.0.1";
        var family = ip.Contains(':', StringComparison.Ordinal) ? "ip6" : "ip4";
        await using var host = new Libp2pHost(key, logger: Log.Logger);
        host.SetHandler(EchoProtocol.ProtocolId, EchoProtocol.ServeAsync);
        host.ConnectionEstablished += (_, connection) => _ = Task.Run(() => ReportPeerAsync(host, connection));
        var bound = host.Listen(Multiaddr.Parse($"/{family}/{ip}/tcp/0"));
        Console.WriteLine($"LISTEN {bound.WithPeerId(host.PeerId)}");
        Console.Out.Flush();

        // Serve until our parent closes stdin (or kills us).
        await Task.Run(() => Console.In.ReadToEnd()).ConfigureAwait(false);
        return 0;
    }

    private static async Task ReportPeerAsync(Libp2pHost host, Libp2pConnection connection)
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            var report = await ExerciseAsync(host, connection, timeout.Token).ConfigureAwait(false);
            WriteLine(report);
        }
        catch (Exception ex) when (ex is IOException or TimeoutException or OperationCanceledException or InvalidOperationException)
        {
            WriteLine(new Dictionary<string, object?> { ["peer"] = connection.RemotePeerId.ToString(), ["error"] = ex.Message });
        }
    }

    private static async Task<int> DialAsync(string[] args)
    {
        var target = Multiaddr.Parse(args[1]);
        await using var host = new Libp2pHost(LoadKey(args), logger: Log.Logger);
        host.SetHandler(EchoProtocol.ProtocolId, EchoProtocol.ServeAsync);
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            var connection = await host.DialAsync(target, timeout.Token).ConfigureAwait(false);
            var report = await ExerciseAsync(host, connection, timeout.Token).ConfigureAwait(false);
            WriteLine(report);
            await connection.CloseAsync().ConfigureAwait(false);
            return 0;
        }
        catch (Exception ex) when (ex is IOException or TimeoutException or OperationCanceledException or InvalidOperationException or System.Net.Sockets.SocketException)
        {
            Console.Error.WriteLine($"dial failed: {ex.GetType().Name}: {ex.Message}");
            return 1;
        }
    }

    private static async Task<Dictionary<string, object?>> ExerciseAsync(Libp2pHost host, Libp2pConnection connection, CancellationToken cancellationToken)
    {
        var info = await host.IdentifyAsync(connection, cancellationToken).ConfigureAwait(false);
        var pings = new List<double>();
        for (var i = 0; i < 3; i++)
        {
            pings.Add((await host.PingAsync(connection, cancellationToken).ConfigureAwait(false)).TotalMilliseconds);
        }

        // Bulk data both ways through yamux windows when the peer offers the test echo protocol.
        double? echoMs = null;
        if (info.Protocols.Contains(EchoProtocol.ProtocolId))
        {
            echoMs = (await EchoProtocol.TransferAsync(connection, EchoProtocol.TransferBytes, cancellationToken).ConfigureAwait(false)).TotalMilliseconds;
        }

        return new Dictionary<string, object?>
        {
            ["echoBytes"] = echoMs is null ? 0 : EchoProtocol.TransferBytes,
            ["echoMs"] = echoMs,
            ["peer"] = connection.RemotePeerId.ToString(),
            ["direction"] = connection.Direction.ToString(),
            ["identifiedPeer"] = info.PublicKey?.ToPeerId().ToString(),
            ["protocolVersion"] = info.ProtocolVersion,
            ["agentVersion"] = info.AgentVersion,
            ["protocols"] = info.Protocols,
            ["listenAddrs"] = info.ListenAddresses.Select(a => a.ToString()).ToArray(),
            ["observedAddr"] = info.ObservedAddress?.ToString(),
            ["pingMs"] = pings,
        };
    }

    private static void WriteLine(Dictionary<string, object?> report)
    {
        lock (Console.Out)
        {
            Console.WriteLine("REPORT " + JsonSerializer.Serialize(report));
            Console.Out.Flush();
        }
    }

    private static NodeKey LoadKey(string[] args)
        => StringOption(args, "--key") is { } hex ? NodeKey.ParseHex(hex) : NodeKey.Generate();

    private static string? StringOption(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }

    private static int Option(string[] args, string name, int fallback)
        => StringOption(args, name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;
}
