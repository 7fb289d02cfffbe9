using Subtensor.Network.Identity;
using Subtensor.Network.Multiformats;
using Subtensor.Network.MultistreamSelect;
using Subtensor.Network.Yamux;

namespace Subtensor.Network.Host;

/// <summary>An upgraded connection (TCP + Noise + Yamux) to an authenticated peer.</summary>
public sealed class Libp2pConnection
{
    private readonly TimeSpan _negotiationTimeout;

    internal Libp2pConnection(
        Libp2pHost host, YamuxSession session, IdentityPublicKey remotePublicKey, Multiaddr localAddress, Multiaddr remoteAddress,
        ConnectionDirection direction, TimeSpan negotiationTimeout)
    {
        Host = host;
        Session = session;
        RemotePublicKey = remotePublicKey;
        RemotePeerId = remotePublicKey.ToPeerId();
        LocalAddress = localAddress;
        RemoteAddress = remoteAddress;
        Direction = direction;
        _negotiationTimeout = negotiationTimeout;
    }

    public Libp2pHost Host { get; }

    public YamuxSession Session { get; }

    public IdentityPublicKey RemotePublicKey { get; }

    public PeerId RemotePeerId { get; }

    /// <summary>Our end of the TCP connection.</summary>
    public Multiaddr LocalAddress { get; }

    /// <summary>The remote end of the TCP connection (what we report as identify's observedAddr).</summary>
    public Multiaddr RemoteAddress { get; }

    public ConnectionDirection Direction { get; }

    public Task Completion => Session.Completion;

    public bool IsClosed => Session.IsClosed;

    /// <summary>Opens a substream and negotiates the first of <paramref name="protocols"/> the remote accepts.</summary>
    public async Task<YamuxStream> OpenStreamAsync(IReadOnlyList<string> protocols, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(protocols);
        var stream = Session.OpenStream();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_negotiationTimeout);
        try
        {
            stream.Protocol = await Multistream.SelectAsync(stream, protocols, timeout.Token).ConfigureAwait(false);
            return stream;
        }
        catch
        {
            stream.Reset();
            await stream.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public Task<YamuxStream> OpenStreamAsync(string protocol, CancellationToken cancellationToken)
        => OpenStreamAsync([protocol], cancellationToken);

    /// <summary>Closes the connection with GoAway(normal).</summary>
    public Task CloseAsync() => Session.CloseAsync();

    public override string ToString() => $"{Direction} {RemotePeerId} at {RemoteAddress}";
}
