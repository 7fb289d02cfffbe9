using Subtensor.Network.Host;
using Subtensor.Network.Identity;

namespace Subtensor.Network.Protocols;

/// <summary>
/// Substrate's request-response framing (sc-network <c>request_responses</c>): one substream per request; the requester writes
/// one length-prefixed request and half-closes, the responder writes one length-prefixed response and closes.
/// </summary>
public static class RequestResponse
{
    /// <summary>Sends a request on the first of <paramref name="protocols"/> the peer accepts and returns the response.</summary>
    public static async Task<byte[]> SendRequestAsync(
        Libp2pConnection connection, IReadOnlyList<string> protocols, ReadOnlyMemory<byte> request, int maxResponseLength, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        var stream = await connection.OpenStreamAsync(protocols, deadline.Token).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            await LengthPrefixed.WriteAsync(stream, request, deadline.Token).ConfigureAwait(false);
            await stream.CloseWriteAsync(deadline.Token).ConfigureAwait(false);
            return await LengthPrefixed.ReadAsync(stream, maxResponseLength, deadline.Token).ConfigureAwait(false)
                ?? throw new IOException($"{stream.Protocol}: peer closed the substream without a response");
        }
    }

    /// <summary>
    /// A handler that reads one request of at most <paramref name="maxRequestLength"/> bytes and writes the bytes
    /// <paramref name="respond"/> returns; a null answer closes the substream without a response (a refusal).
    /// </summary>
    public static ProtocolHandler CreateHandler(int maxRequestLength, Func<PeerId, byte[], CancellationToken, Task<byte[]?>> respond)
    {
        ArgumentNullException.ThrowIfNull(respond);
        return async (connection, stream, cancellationToken) =>
        {
            var request = await LengthPrefixed.ReadAsync(stream, maxRequestLength, cancellationToken).ConfigureAwait(false)
                ?? throw new Libp2pProtocolException($"{stream.Protocol}: substream closed before the request");
            var response = await respond(connection.RemotePeerId, request, cancellationToken).ConfigureAwait(false);
            if (response is not null)
            {
                await LengthPrefixed.WriteAsync(stream, response, cancellationToken).ConfigureAwait(false);
            }

            await stream.CloseWriteAsync(cancellationToken).ConfigureAwait(false);
        };
    }
}
