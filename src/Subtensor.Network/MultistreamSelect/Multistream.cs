using System.Text;
using Subtensor.Network.Multiformats;

namespace Subtensor.Network.MultistreamSelect;

/// <summary>
/// multistream-select 1.0 (libp2p <c>connections/README.md</c>): every message is an unsigned-varint length, the UTF-8
/// text and a trailing newline. Both sides open with <c>/multistream/1.0.0</c>; the dialer proposes protocols and the listener
/// echoes the one it accepts or answers <c>na</c>; <c>ls</c> asks for the listener's list.
/// </summary>
public static class Multistream
{
    public const string ProtocolId = "/multistream/1.0.0";
    public const string NotAvailable = "na";
    public const string ListRequest = "ls";

    /// <summary>Largest single negotiation message accepted (a protocol name plus newline).</summary>
    public const int MaxMessageLength = 1024;

    /// <summary>Proposals a listener answers before it gives up on a dialer.</summary>
    public const int MaxProposals = 64;

    /// <summary>
    /// Dialer role: proposes <paramref name="protocols"/> in order and returns the first the listener accepts. The header
    /// and the first proposal go out in one write. Throws <see cref="ProtocolNotSupportedException"/> when all are refused.
    /// </summary>
    public static async Task<string> SelectAsync(Stream stream, IReadOnlyList<string> protocols, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(protocols);
        if (protocols.Count == 0)
        {
            throw new ArgumentException("at least one protocol must be proposed", nameof(protocols));
        }

        var first = new List<byte>();
        AppendMessage(first, ProtocolId);
        AppendMessage(first, protocols[0]);
        await stream.WriteAsync(first.ToArray(), cancellationToken).ConfigureAwait(false);
        await stream.FlushAsync(cancellationToken).ConfigureAwait(false);

        var header = await ReadMessageAsync(stream, cancellationToken).ConfigureAwait(false);
        if (header != ProtocolId)
        {
            throw new Libp2pProtocolException($"multistream-select: expected '{ProtocolId}', got '{Printable(header)}'");
        }

        for (var i = 0; i < protocols.Count; i++)
        {
            if (i > 0)
            {
                await WriteMessageAsync(stream, protocols[i], cancellationToken).ConfigureAwait(false);
            }

            var answer = await ReadMessageAsync(stream, cancellationToken).ConfigureAwait(false);
            if (answer == protocols[i])
            {
                return answer;
            }

            if (answer != NotAvailable)
            {
                throw new Libp2pProtocolException($"multistream-select: proposed '{protocols[i]}', got '{Printable(answer)}'");
            }
        }

        throw new ProtocolNotSupportedException($"remote supports none of: {string.Join(", ", protocols)}");
    }

    /// <summary>
    /// Listener role: answers proposals until one is in <paramref name="supported"/> and returns it; <c>ls</c> lists them.
    /// </summary>
    public static async Task<string> ListenAsync(Stream stream, IReadOnlyCollection<string> supported, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(supported);
        var header = await ReadMessageAsync(stream, cancellationToken).ConfigureAwait(false);
        if (header != ProtocolId)
        {
            throw new Libp2pProtocolException($"multistream-select: expected '{ProtocolId}', got '{Printable(header)}'");
        }

        await WriteMessageAsync(stream, ProtocolId, cancellationToken).ConfigureAwait(false);
        for (var i = 0; i < MaxProposals; i++)
        {
            var proposal = await ReadMessageAsync(stream, cancellationToken).ConfigureAwait(false);
            if (proposal == ListRequest)
            {
                await WriteListAsync(stream, supported, cancellationToken).ConfigureAwait(false);
                continue;
            }

            if (supported.Contains(proposal))
            {
                await WriteMessageAsync(stream, proposal, cancellationToken).ConfigureAwait(false);
                return proposal;
            }

            await WriteMessageAsync(stream, NotAvailable, cancellationToken).ConfigureAwait(false);
        }

        throw new Libp2pProtocolException($"multistream-select: no agreement after {MaxProposals} proposals");
    }

    /// <summary>Encodes one message: varint(length of text + 1) ‖ text ‖ '\n'.</summary>
    public static byte[] EncodeMessage(string text)
    {
        var list = new List<byte>();
        AppendMessage(list, text);
        return list.ToArray();
    }

    /// <summary>Reads one message and returns its text without the newline.</summary>
    public static async Task<string> ReadMessageAsync(Stream stream, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ulong? length;
        try
        {
            length = await UnsignedVarint.ReadAsync(stream, cancellationToken).ConfigureAwait(false);
        }
        catch (FormatException ex)
        {
            throw new Libp2pProtocolException("multistream-select: bad length prefix", ex);
        }

        if (length is null)
        {
            throw new EndOfStreamException("multistream-select: stream closed during negotiation");
        }

        if (length is 0 or > MaxMessageLength)
        {
            throw new Libp2pProtocolException($"multistream-select: message length {length} outside 1..{MaxMessageLength}");
        }

        var buffer = new byte[(int)length.Value];
        await stream.ReadExactlyAsync(buffer, cancellationToken).ConfigureAwait(false);
        if (buffer[^1] != (byte)'\n')
        {
            throw new Libp2pProtocolException("multistream-select: message does not end with a newline");
        }

        try
        {
            return new UTF8Encoding(false, true).GetString(buffer, 0, buffer.Length - 1);
        }
        catch (DecoderFallbackException ex)
        {
            throw new Libp2pProtocolException("multistream-select: message is not UTF-8", ex);
        }
    }

    private static async Task WriteMessageAsync(Stream stream, string text, CancellationToken cancellationToken)
    {
        await stream.WriteAsync(EncodeMessage(text), cancellationToken).ConfigureAwait(false);
        await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task WriteListAsync(Stream stream, IReadOnlyCollection<string> supported, CancellationToken cancellationToken)
    {
        // The answer to "ls" is one message whose body is the protocols, each encoded as a message (spec).
        var body = new List<byte>();
        foreach (var protocol in supported)
        {
            AppendMessage(body, protocol);
        }

        body.Add((byte)'\n');
        var framed = new List<byte>(UnsignedVarint.Encode((ulong)body.Count));
        framed.AddRange(body);
        await stream.WriteAsync(framed.ToArray(), cancellationToken).ConfigureAwait(false);
        await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    private static void AppendMessage(List<byte> output, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        if (bytes.Length + 1 > MaxMessageLength || text.Contains('\n', StringComparison.Ordinal))
        {
            throw new ArgumentException($"protocol name '{text}' is too long or contains a newline", nameof(text));
        }

        output.AddRange(UnsignedVarint.Encode((ulong)bytes.Length + 1));
        output.AddRange(bytes);
        output.Add((byte)'\n');
    }

    private static string Printable(string text) => text.Length > 64 ? text[..64] + "…" : text;
}
