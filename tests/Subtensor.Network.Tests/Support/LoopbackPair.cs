using System.Net;
using System.Net.Sockets;

namespace Subtensor.Network.Tests.Support;

/// <summary>Two connected TCP streams on loopback (OS-chosen port).</summary>
internal sealed class LoopbackPair : IAsyncDisposable
{
    private LoopbackPair(NetworkStream dialer, NetworkStream listener)
    {
        Dialer = dialer;
        Listener = listener;
    }

    public NetworkStream Dialer { get; }

    public NetworkStream Listener { get; }

    public static async Task<LoopbackPair> CreateAsync()
    {
        using var server = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        server.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        server.Listen(1);
        var client = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        var accept = server.AcceptAsync();
        await client.ConnectAsync(server.LocalEndPoint!);
        var accepted = await accept;
        accepted.NoDelay = true;
        return new LoopbackPair(new NetworkStream(client, ownsSocket: true), new NetworkStream(accepted, ownsSocket: true));
    }

    public async ValueTask DisposeAsync()
    {
        await Dialer.DisposeAsync();
        await Listener.DisposeAsync();
    }
}
