using Subtensor.Network.Host;
using Subtensor.Network.Yamux;

namespace Subtensor.Network.Protocols;

/// <summary>
/// Substrate's notifications framing (sc-network <c>protocol::notifications</c>): the opener writes its length-prefixed
/// handshake, the acceptor answers with its own (or closes to refuse); afterwards the opener sends length-prefixed
/// notifications and the acceptor only reads.
/// </summary>
public sealed class NotificationsSubstream : IAsyncDisposable
{
    private NotificationsSubstream(YamuxStream stream, byte[] remoteHandshake)
    {
        Stream = stream;
        RemoteHandshake = remoteHandshake;
    }

    public YamuxStream Stream { get; }

    public string? Protocol => Stream.Protocol;

    /// <summary>The handshake the other side sent.</summary>
    public byte[] RemoteHandshake { get; }

    /// <summary>Opens an outbound notifications substream: sends <paramref name="handshake"/> and waits for the remote's.</summary>
    public static async Task<NotificationsSubstream> OpenAsync(
        Libp2pConnection connection, IReadOnlyList<string> protocols, ReadOnlyMemory<byte> handshake, int maxHandshakeLength, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var stream = await connection.OpenStreamAsync(protocols, cancellationToken).ConfigureAwait(false);
        try
        {
            await LengthPrefixed.WriteAsync(stream, handshake, cancellationToken).ConfigureAwait(false);
            var remote = await LengthPrefixed.ReadAsync(stream, maxHandshakeLength, cancellationToken).ConfigureAwait(false)
                ?? throw new IOException($"{stream.Protocol}: peer refused the notifications substream");
            return new NotificationsSubstream(stream, remote);
        }
        catch
        {
            stream.Reset();
            await stream.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// Accepts an inbound substream: reads the opener's handshake and answers with what <paramref name="decide"/> returns;
    /// null refuses (the substream is closed) and this returns null.
    /// </summary>
    public static async Task<NotificationsSubstream?> AcceptAsync(
        YamuxStream stream, int maxHandshakeLength, Func<byte[], byte[]?> decide, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(decide);
        var remote = await LengthPrefixed.ReadAsync(stream, maxHandshakeLength, cancellationToken).ConfigureAwait(false)
            ?? throw new Libp2pProtocolException($"{stream.Protocol}: substream closed before the handshake");
        var ours = decide(remote);
        if (ours is null)
        {
            await stream.CloseWriteAsync(cancellationToken).ConfigureAwait(false);
            return null;
        }

        await LengthPrefixed.WriteAsync(stream, ours, cancellationToken).ConfigureAwait(false);
        return new NotificationsSubstream(stream, remote);
    }

    public Task SendAsync(ReadOnlyMemory<byte> notification, CancellationToken cancellationToken)
        => LengthPrefixed.WriteAsync(Stream, notification, cancellationToken);

    /// <summary>Next notification, or null once the sender closed the substream.</summary>
    public Task<byte[]?> ReceiveAsync(int maxLength, CancellationToken cancellationToken)
        => LengthPrefixed.ReadAsync(Stream, maxLength, cancellationToken);

    public ValueTask DisposeAsync() => Stream.DisposeAsync();
}
