using System.Diagnostics;
using System.Security.Cryptography;
using Subtensor.Network.Host;
using Subtensor.Network.Yamux;

namespace Subtensor.Network.Protocols;

/// <summary><c>/ipfs/ping/1.0.0</c>: the dialer sends 32 random bytes, the listener echoes them, repeatedly on one stream.</summary>
public static class PingProtocol
{
    public const string ProtocolId = "/ipfs/ping/1.0.0";
    public const int PayloadLength = 32;

    /// <summary>Echoes 32-byte payloads until the remote closes its side.</summary>
    internal static async Task ServeAsync(Libp2pConnection connection, YamuxStream stream, CancellationToken cancellationToken)
    {
        var payload = new byte[PayloadLength];
        while (true)
        {
            var read = await stream.ReadAtLeastAsync(payload, PayloadLength, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                return;
            }

            if (read < PayloadLength)
            {
                throw new Libp2pProtocolException($"ping: stream ended after {read} of {PayloadLength} bytes");
            }

            await stream.WriteAsync(payload, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>One round trip on a new stream; throws when the echo differs.</summary>
    public static async Task<TimeSpan> PingAsync(Libp2pConnection connection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var stream = await connection.OpenStreamAsync(ProtocolId, cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var payload = RandomNumberGenerator.GetBytes(PayloadLength);
            var echo = new byte[PayloadLength];
            var watch = Stopwatch.StartNew();
            await stream.WriteAsync(payload, cancellationToken).ConfigureAwait(false);
            await stream.ReadExactlyAsync(echo, cancellationToken).ConfigureAwait(false);
            var elapsed = watch.Elapsed;
            if (!payload.AsSpan().SequenceEqual(echo))
            {
                throw new Libp2pProtocolException("ping: echo differs from the payload sent");
            }

            await stream.CloseWriteAsync(cancellationToken).ConfigureAwait(false);
            return elapsed;
        }
    }
}
