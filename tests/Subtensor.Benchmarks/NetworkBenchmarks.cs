using BenchmarkDotNet.Attributes;
using Subtensor.Network.Host;
using Subtensor.Network.Identity;
using Subtensor.Network.Multiformats;
using Subtensor.Network.Yamux;

namespace Subtensor.Benchmarks;

/// <summary>
/// Yamux over Noise over TCP between two of our hosts on loopback: one invocation pushes <see cref="Mebibytes"/> MiB through
/// <see cref="Streams"/> substreams and waits for the sink to confirm; throughput = size / mean time.
/// (<c>tests/Subtensor.Network.InteropHost bench</c> prints MB/s directly.)
/// </summary>
[MemoryDiagnoser]
public class NetworkBenchmarks
{
    private const string Sink = "/subtensor-bench/sink/1";
    private readonly byte[] _chunk = new byte[256 * 1024];
    private Libp2pHost _server = null!;
    private Libp2pHost _client = null!;
    private Libp2pConnection _connection = null!;

    [Params(1, 8)]
    public int Streams { get; set; }

    [Params(64)]
    public int Mebibytes { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        new Random(1).NextBytes(_chunk);
        _server = new Libp2pHost(NodeKey.Generate());
        _server.SetHandler(Sink, async (_, stream, ct) =>
        {
            var buffer = new byte[64 * 1024];
            while (await stream.ReadAsync(buffer, ct) > 0)
            {
            }

            await stream.WriteAsync(new byte[] { 1 }, ct);
        });
        var address = _server.Listen(Multiaddr.Parse("/ip4/127.0.0.1/tcp/0"));
        _client = new Libp2pHost(NodeKey.Generate());
        _connection = _client.DialAsync(address.WithPeerId(_server.PeerId)).GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _client.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _server.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    [Benchmark]
    public Task YamuxNoiseLoopback()
    {
        var perStream = (long)Mebibytes * 1024 * 1024 / Streams;
        return Task.WhenAll(Enumerable.Range(0, Streams).Select(_ => SendAsync(perStream)));
    }

    private async Task SendAsync(long bytes)
    {
        var stream = await _connection.OpenStreamAsync(Sink, CancellationToken.None);
        await using (stream)
        {
            for (var sent = 0L; sent < bytes; sent += _chunk.Length)
            {
                await stream.WriteAsync(_chunk.AsMemory(0, (int)Math.Min(_chunk.Length, bytes - sent)));
            }

            await stream.CloseWriteAsync();
            await stream.ReadExactlyAsync(new byte[1]);
        }
    }
}
