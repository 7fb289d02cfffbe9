using System.Net;
using System.Net.Sockets;
using Subtensor.Network.Multiformats;

namespace Subtensor.Network.Transport;

/// <summary>TCP for multiaddrs of the form <c>/ip4|ip6|dns|dns4|dns6/…/tcp/…</c> (an optional <c>/p2p/…</c> tail is ignored).</summary>
public static class TcpTransport
{
    /// <summary>True when <paramref name="address"/> is a TCP address this transport can dial or listen on.</summary>
    public static bool CanHandle(Multiaddr address)
    {
        ArgumentNullException.ThrowIfNull(address);
        var parts = address.WithoutPeerId().Components;
        return parts.Count == 2 && parts[1].Protocol == MultiaddrProtocol.Tcp && parts[0].Protocol is
            MultiaddrProtocol.Ip4 or MultiaddrProtocol.Ip6 or MultiaddrProtocol.Dns or MultiaddrProtocol.Dns4 or MultiaddrProtocol.Dns6;
    }

    /// <summary>Connects with a timeout, resolving DNS names (restricted to the family <c>dns4</c>/<c>dns6</c> asks for).</summary>
    public static async Task<Socket> ConnectAsync(Multiaddr address, TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (!CanHandle(address))
        {
            throw new ArgumentException($"not a TCP multiaddr: {address}", nameof(address));
        }

        var parts = address.WithoutPeerId().Components;
        var port = int.Parse(parts[1].Value!, System.Globalization.CultureInfo.InvariantCulture);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        IPAddress[] candidates;
        switch (parts[0].Protocol)
        {
            case MultiaddrProtocol.Ip4 or MultiaddrProtocol.Ip6:
                candidates = [new IPAddress(parts[0].RawValue)];
                break;
            default:
                var all = await Dns.GetHostAddressesAsync(parts[0].Value!, deadline.Token).ConfigureAwait(false);
                candidates = parts[0].Protocol switch
                {
                    MultiaddrProtocol.Dns4 => all.Where(a => a.AddressFamily == AddressFamily.InterNetwork).ToArray(),
                    MultiaddrProtocol.Dns6 => all.Where(a => a.AddressFamily == AddressFamily.InterNetworkV6).ToArray(),
                    _ => all,
                };
                break;
        }

        if (candidates.Length == 0)
        {
            throw new SocketException((int)SocketError.HostNotFound);
        }

        Exception? last = null;
        foreach (var ip in candidates)
        {
            var socket = new Socket(ip.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(ip, port), deadline.Token).ConfigureAwait(false);
                return socket;
            }
            catch (Exception ex) when (ex is SocketException or OperationCanceledException)
            {
                socket.Dispose();
                last = ex;
                if (deadline.IsCancellationRequested)
                {
                    break;
                }
            }
        }

        if (last is OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"dialing {address} timed out after {timeout.TotalSeconds:0.#} s");
        }

        throw last ?? new SocketException((int)SocketError.HostUnreachable);
    }

    /// <summary>Binds and starts listening on an <c>/ip4|ip6/…/tcp/…</c> address (port 0 lets the OS choose).</summary>
    public static Socket Listen(Multiaddr address, int backlog = 128)
    {
        ArgumentNullException.ThrowIfNull(address);
        var parts = address.WithoutPeerId().Components;
        if (!CanHandle(address) || parts[0].Protocol is not (MultiaddrProtocol.Ip4 or MultiaddrProtocol.Ip6))
        {
            throw new ArgumentException($"can only listen on /ip4|ip6/…/tcp/… addresses, got {address}", nameof(address));
        }

        var ip = new IPAddress(parts[0].RawValue);
        var port = int.Parse(parts[1].Value!, System.Globalization.CultureInfo.InvariantCulture);
        var socket = new Socket(ip.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            if (ip.AddressFamily == AddressFamily.InterNetworkV6)
            {
                socket.DualMode = false;
            }

            socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            socket.Bind(new IPEndPoint(ip, port));
            socket.Listen(backlog);
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
