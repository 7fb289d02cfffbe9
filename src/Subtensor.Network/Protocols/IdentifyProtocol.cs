using Subtensor.Network.Host;
using Subtensor.Network.Yamux;

namespace Subtensor.Network.Protocols;

/// <summary><c>/ipfs/id/1.0.0</c>: the listener of the substream writes one length-prefixed identify record and closes.</summary>
public static class IdentifyProtocol
{
    public const string ProtocolId = "/ipfs/id/1.0.0";

    internal static async Task ServeAsync(Libp2pHost host, Libp2pConnection connection, YamuxStream stream, CancellationToken cancellationToken)
    {
        await LengthPrefixed.WriteAsync(stream, host.LocalIdentify(connection).Encode(), cancellationToken).ConfigureAwait(false);
        await stream.CloseWriteAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Requests the remote's record and checks that its public key is the one the connection authenticated.</summary>
    public static async Task<IdentifyInfo> RequestAsync(Libp2pConnection connection, int maxMessageLength, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var stream = await connection.OpenStreamAsync(ProtocolId, cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            await stream.CloseWriteAsync(cancellationToken).ConfigureAwait(false);
            var message = await LengthPrefixed.ReadAsync(stream, maxMessageLength, cancellationToken).ConfigureAwait(false)
                ?? throw new Libp2pProtocolException("identify: stream closed before the record");
            var info = IdentifyInfo.Decode(message);
            if (info.PublicKey is not null && !info.PublicKey.Equals(connection.RemotePublicKey))
            {
                throw new Libp2pProtocolException("identify: record carries a public key other than the connection's");
            }

            return info;
        }
    }
}
