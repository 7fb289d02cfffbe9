using System.Diagnostics;
using Subtensor.Network.Host;
using Subtensor.Network.Identity;
using Subtensor.Network.Multiformats;
using Subtensor.Network.Protocols;
using Subtensor.Network.Yamux;

namespace Subtensor.Network.InteropHost;

/// <summary>Pushes data through yamux substreams between two of our hosts on loopback and reports MB/s (1 MB = 10^6 bytes).</summary>
internal static class ThroughputBenchmark
{
    private const string SinkProtocol = "/subtensor-bench/sink/1";

    public static async Task<int> RunAsync(int mebibytes, int streams, int windowKiB)
    {
        var received = 0L;
        var options = new HostOptions { Yamux = new YamuxOptions { ReceiveWindow = windowKiB * 1024 } };
        await using var server = new Libp2pHost(NodeKey.Generate(), options);
        server.SetHandler(SinkProtocol, async (_, stream, ct) =>
        {
            var buffer = new byte[64 * 1024];
            int read;
            while ((read = await stream.ReadAsync(buffer, ct).ConfigureAwait(false)) > 0)
            {
                Interlocked.Add(ref received, read);
            }

            await LengthPrefixed.WriteAsync(stream, new byte[] { 1 }, ct).ConfigureAwait(false);
        });
        var address = server.Listen(Multiaddr.Parse("/ip4/127.0.0.1/tcp/0"));
        await using var client = new Libp2pHost(NodeKey.Generate(), options);
        var connection = await client.DialAsync(address.WithPeerId(server.PeerId)).ConfigureAwait(false);

        // Warm-up: JIT and the first window round trips stay out of the measurement.
        await SendAsync(connection, 8L * 1024 * 1024).ConfigureAwait(false);

        var perStream = (long)mebibytes * 1024 * 1024 / streams;
        received = 0;
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, streams).Select(_ => SendAsync(connection, perStream))).ConfigureAwait(false);
        watch.Stop();
        var total = perStream * streams;
        var mbPerSecond = total / watch.Elapsed.TotalSeconds / 1e6;
        Console.WriteLine($"BENCH yamux+noise loopback: {total / (1024 * 1024)} MiB over {streams} stream(s), {windowKiB} KiB window, in {watch.Elapsed.TotalSeconds:0.000} s = {mbPerSecond:0.0} MB/s");
        return received == total ? 0 : 1;
    }

    private static async Task SendAsync(Libp2pConnection connection, long bytes)
    {
        var stream = await connection.OpenStreamAsync(SinkProtocol, CancellationToken.None).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var chunk = new byte[256 * 1024];
            Random.Shared.NextBytes(chunk);
            for (var sent = 0L; sent < bytes; sent += chunk.Length)
            {
                await stream.WriteAsync(chunk.AsMemory(0, (int)Math.Min(chunk.Length, bytes - sent))).ConfigureAwait(false);
            }

            await stream.CloseWriteAsync().ConfigureAwait(false);
            _ = await LengthPrefixed.ReadAsync(stream, 1, CancellationToken.None).ConfigureAwait(false)
                ?? throw new IOException("sink closed without acknowledging");
        }
    }
}
