using Subtensor.Network.Host;
using Subtensor.Network.Identity;
using Subtensor.Network.Protocols;

namespace Subtensor.Network.Kademlia;

/// <summary>
/// Kademlia over a substream (libp2p kad-dht): unsigned-varint length-prefixed <see cref="KadMessage"/>s; the requester sends a request
/// and reads the answer, possibly several times on one stream. We answer FIND_NODE, GET_PROVIDERS and GET_VALUE with the closest peers
/// we know (no records or providers are stored) and PING with PING.
/// </summary>
public static class KademliaProtocol
{
    /// <summary>Largest message accepted (libp2p-kad's default packet limit).</summary>
    public const int MaxMessageSize = 16 * 1024;

    /// <summary>A handler serving requests from <paramref name="table"/>; <paramref name="onRequest"/> sees each requesting peer.</summary>
    public static ProtocolHandler CreateHandler(KBucketsTable table, Action<PeerId>? onRequest = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        return async (connection, stream, cancellationToken) =>
        {
            while (true)
            {
                var bytes = await LengthPrefixed.ReadAsync(stream, MaxMessageSize, cancellationToken).ConfigureAwait(false);
                if (bytes is null)
                {
                    break;
                }

                var request = KadMessage.Decode(bytes);
                onRequest?.Invoke(connection.RemotePeerId);
                KadMessage? response = request.Type switch
                {
                    KadMessageType.FindNode or KadMessageType.GetProviders or KadMessageType.GetValue => new KadMessage
                    {
                        Type = request.Type,
                        Key = request.Key,
                        CloserPeers = table.Closest(KBucketsTable.KeyOf(request.Key), KBucketsTable.K, exclude: connection.RemotePeerId),
                    },
                    KadMessageType.Ping => new KadMessage { Type = KadMessageType.Ping },
                    _ => null,
                };
                if (response is not null)
                {
                    await LengthPrefixed.WriteAsync(stream, response.Encode(), cancellationToken).ConfigureAwait(false);
                }
            }

            await stream.CloseWriteAsync(cancellationToken).ConfigureAwait(false);
        };
    }

    /// <summary>Asks a connected peer for the peers closest to <paramref name="key"/>.</summary>
    public static async Task<IReadOnlyList<KadPeer>> FindNodeAsync(
        Libp2pConnection connection, IReadOnlyList<string> protocols, byte[] key, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        var stream = await connection.OpenStreamAsync(protocols, deadline.Token).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            await LengthPrefixed.WriteAsync(stream, KadMessage.FindNode(key).Encode(), deadline.Token).ConfigureAwait(false);
            var bytes = await LengthPrefixed.ReadAsync(stream, MaxMessageSize, deadline.Token).ConfigureAwait(false)
                ?? throw new IOException("kad: stream closed before the FIND_NODE response");
            var response = KadMessage.Decode(bytes);
            if (response.Type != KadMessageType.FindNode)
            {
                throw new Libp2pProtocolException($"kad: answer of type {response.Type} to FIND_NODE");
            }

            await stream.CloseWriteAsync(deadline.Token).ConfigureAwait(false);
            return response.CloserPeers;
        }
    }
}
