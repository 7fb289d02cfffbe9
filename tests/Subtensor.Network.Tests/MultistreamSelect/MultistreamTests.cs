using System.Text;
using Subtensor.Network.MultistreamSelect;
using Subtensor.Network.Tests.Support;

namespace Subtensor.Network.Tests.MultistreamSelect;

public class MultistreamTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(10);

    [Fact]
    public void Messages_are_varint_length_prefixed_and_newline_terminated()
    {
        var encoded = Multistream.EncodeMessage("/multistream/1.0.0");
        Assert.Equal(0x13, encoded[0]);
        Assert.Equal("/multistream/1.0.0\n", Encoding.ASCII.GetString(encoded, 1, encoded.Length - 1));
        Assert.Equal([0x03, (byte)'n', (byte)'a', (byte)'\n'], Multistream.EncodeMessage("na"));
    }

    [Fact]
    public async Task Dialer_falls_back_after_na()
    {
        await using var pair = await LoopbackPair.CreateAsync();
        using var cts = new CancellationTokenSource(Limit);
        var listener = Multistream.ListenAsync(pair.Listener, ["/b/1", "/c/1"], cts.Token);
        var chosen = await Multistream.SelectAsync(pair.Dialer, ["/a/1", "/b/1", "/c/1"], cts.Token);
        Assert.Equal("/b/1", chosen);
        Assert.Equal("/b/1", await listener);

        // The negotiated stream carries application data right after the handshake.
        await pair.Dialer.WriteAsync("ok"u8.ToArray(), cts.Token);
        var buffer = new byte[2];
        await pair.Listener.ReadExactlyAsync(buffer, cts.Token);
        Assert.Equal("ok"u8.ToArray(), buffer);
    }

    [Fact]
    public async Task No_common_protocol_is_reported_to_the_dialer()
    {
        await using var pair = await LoopbackPair.CreateAsync();
        using var cts = new CancellationTokenSource(Limit);
        var listener = Multistream.ListenAsync(pair.Listener, ["/x/1"], cts.Token);
        await Assert.ThrowsAsync<ProtocolNotSupportedException>(() => Multistream.SelectAsync(pair.Dialer, ["/a/1", "/b/1"], cts.Token));
        pair.Dialer.Close();
        await Assert.ThrowsAnyAsync<IOException>(() => listener);
    }

    [Fact]
    public async Task Ls_lists_the_listener_protocols()
    {
        await using var pair = await LoopbackPair.CreateAsync();
        using var cts = new CancellationTokenSource(Limit);
        var listener = Multistream.ListenAsync(pair.Listener, ["/x/1", "/y/2"], cts.Token);
        await pair.Dialer.WriteAsync(Multistream.EncodeMessage(Multistream.ProtocolId).Concat(Multistream.EncodeMessage("ls")).ToArray(), cts.Token);
        Assert.Equal(Multistream.ProtocolId, await Multistream.ReadMessageAsync(pair.Dialer, cts.Token));
        var list = await Multistream.ReadMessageAsync(pair.Dialer, cts.Token);
        var expected = Encoding.UTF8.GetString(Multistream.EncodeMessage("/x/1").Concat(Multistream.EncodeMessage("/y/2")).ToArray());
        Assert.Equal(expected, list);

        await pair.Dialer.WriteAsync(Multistream.EncodeMessage("/y/2"), cts.Token);
        Assert.Equal("/y/2", await Multistream.ReadMessageAsync(pair.Dialer, cts.Token));
        Assert.Equal("/y/2", await listener);
    }

    [Fact]
    public async Task Wrong_header_is_a_protocol_violation()
    {
        await using var pair = await LoopbackPair.CreateAsync();
        using var cts = new CancellationTokenSource(Limit);
        var listener = Multistream.ListenAsync(pair.Listener, ["/x/1"], cts.Token);
        await pair.Dialer.WriteAsync(Multistream.EncodeMessage("/multistream/2.0.0"), cts.Token);
        await Assert.ThrowsAsync<Libp2pProtocolException>(() => listener);
    }

    [Theory]
    [InlineData("ff7f")]
    [InlineData("00")]
    [InlineData("036e6178")]
    [InlineData("ffffffffffffffffffff")]
    public async Task Garbage_is_a_protocol_violation(string hex)
    {
        await using var pair = await LoopbackPair.CreateAsync();
        using var cts = new CancellationTokenSource(Limit);
        var listener = Multistream.ListenAsync(pair.Listener, ["/x/1"], cts.Token);
        await pair.Dialer.WriteAsync(Convert.FromHexString(hex), cts.Token);
        await Assert.ThrowsAsync<Libp2pProtocolException>(() => listener);
    }

    [Fact]
    public async Task Closed_stream_during_negotiation_ends_it()
    {
        await using var pair = await LoopbackPair.CreateAsync();
        using var cts = new CancellationTokenSource(Limit);
        var listener = Multistream.ListenAsync(pair.Listener, ["/x/1"], cts.Token);
        pair.Dialer.Close();
        await Assert.ThrowsAsync<EndOfStreamException>(() => listener);
    }
}
