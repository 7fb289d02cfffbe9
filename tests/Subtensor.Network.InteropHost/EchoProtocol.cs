using System.Diagnostics;
using System.Security.Cryptography;
using Subtensor.Network.Host;
using Subtensor.Network.Yamux;

namespace Subtensor.Network.InteropHost;

/// <summary>A test-only protocol: the listener echoes every byte until the dialer half-closes, then closes.</summary>
internal static class EchoProtocol
{
    public const string ProtocolId = "/subtensor-interop/echo/1.0.0";

    /// <summary>Several yamux windows' worth, so window updates and back-pressure are exercised.</summary>
    public const int TransferBytes = 4 * 1024 * 1024;

    public static async Task ServeAsync(Libp2pConnection connection, YamuxStream stream, CancellationToken cancellationToken)
    {
        var buffer = new byte[64 * 1024];
        int read;
        while ((read = await stream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
        {
            await stream.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
        }

        await stream.CloseWriteAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sends <paramref name="bytes"/> random bytes while reading the echo concurrently; throws if it differs.</summary>
    public static async Task<TimeSpan> TransferAsync(Libp2pConnection connection, int bytes, CancellationToken cancellationToken)
    {
        var data = RandomNumberGenerator.GetBytes(bytes);
        var stream = await connection.OpenStreamAsync(ProtocolId, cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var watch = Stopwatch.StartNew();
            var writer = Task.Run(
                async () =>
                {
                    for (var offset = 0; offset < bytes; offset += 100_000)
                    {
                        await stream.WriteAsync(data.AsMemory(offset, Math.Min(100_000, bytes - offset)), cancellationToken).ConfigureAwait(false);
                    }

                    await stream.CloseWriteAsync(cancellationToken).ConfigureAwait(false);
                },
                cancellationToken);
            var echo = new byte[bytes];
            await stream.ReadExactlyAsync(echo, cancellationToken).ConfigureAwait(false);
            await writer.ConfigureAwait(false);
            if (await stream.ReadAsync(new byte[1], cancellationToken).ConfigureAwait(false) != 0)
            {
                throw new IOException("echo: more bytes than sent");
            }

            if (!echo.AsSpan().SequenceEqual(data))
            {
                throw new IOException("echo: data differs");
            }

            return watch.Elapsed;
        }
    }
}
