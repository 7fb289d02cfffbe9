using Subtensor.Network.Identity;
using Subtensor.Network.Noise;
using Subtensor.Network.Tests.Support;

namespace Subtensor.Network.Tests.Noise;

public class NoiseHandshakeTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Handshake_authenticates_both_sides_and_secures_data()
    {
        await using var pair = await LoopbackPair.CreateAsync();
        using var cts = new CancellationTokenSource(Limit);
        var initiatorKey = NodeKey.Generate();
        var responderKey = NodeKey.Generate();
        var responderTask = NoiseHandshake.RespondAsync(pair.Listener, responderKey, cts.Token);
        await using var initiator = await NoiseHandshake.InitiateAsync(pair.Dialer, initiatorKey, responderKey.PeerId, cts.Token);
        await using var responder = await responderTask;
        Assert.Equal(responderKey.PeerId, initiator.RemotePeerId);
        Assert.Equal(initiatorKey.PeerId, responder.RemotePeerId);

        // More than one transport frame each way.
        var big = new byte[200_000];
        new Random(1).NextBytes(big);
        var write = initiator.WriteAsync(big, cts.Token).AsTask();
        var received = new byte[big.Length];
        await responder.ReadExactlyAsync(received, cts.Token);
        await write;
        Assert.Equal(big, received);

        await responder.WriteAsync("pong"u8.ToArray(), cts.Token);
        var pong = new byte[4];
        await initiator.ReadExactlyAsync(pong, cts.Token);
        Assert.Equal("pong"u8.ToArray(), pong);
    }

    [Fact]
    public async Task Tampered_ciphertext_fails_authentication()
    {
        await using var pair = await LoopbackPair.CreateAsync();
        using var cts = new CancellationTokenSource(Limit);
        var tampering = new TamperingStream(pair.Dialer);
        var responderTask = NoiseHandshake.RespondAsync(pair.Listener, NodeKey.Generate(), cts.Token);
        await using var initiator = await NoiseHandshake.InitiateAsync(tampering, NodeKey.Generate(), null, cts.Token);
        await using var responder = await responderTask;

        await initiator.WriteAsync("intact"u8.ToArray(), cts.Token);
        var buffer = new byte[6];
        await responder.ReadExactlyAsync(buffer, cts.Token);
        Assert.Equal("intact"u8.ToArray(), buffer);

        tampering.Tamper = true;
        await initiator.WriteAsync("flipped"u8.ToArray(), cts.Token);
        var ex = await Assert.ThrowsAsync<Libp2pProtocolException>(async () => await responder.ReadExactlyAsync(buffer, cts.Token));
        Assert.Contains("authentication", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unexpected_remote_identity_is_rejected_by_the_dialer()
    {
        await using var pair = await LoopbackPair.CreateAsync();
        using var cts = new CancellationTokenSource(Limit);
        _ = NoiseHandshake.RespondAsync(pair.Listener, NodeKey.Generate(), cts.Token);
        var ex = await Assert.ThrowsAsync<Libp2pProtocolException>(() => NoiseHandshake.InitiateAsync(pair.Dialer, NodeKey.Generate(), NodeKey.Generate().PeerId, cts.Token));
        Assert.Contains("but the remote is", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Signature_by_another_identity_is_rejected()
    {
        await using var pair = await LoopbackPair.CreateAsync();
        using var cts = new CancellationTokenSource(Limit);
        var claimed = NodeKey.Generate();
        var signer = NodeKey.Generate();
        var responder = NoiseHandshake.RespondAsync(pair.Listener, NodeKey.Generate(), cts.Token);

        // Claims `claimed`'s identity key but signs the static key with another key.
        var initiator = NoiseHandshake.InitiateAsync(
            pair.Dialer,
            claimed,
            null,
            staticKey => new NoiseHandshakePayload
            {
                IdentityKey = claimed.PublicKey.ToProtobuf(),
                IdentitySignature = signer.Sign(NoiseHandshake.SignedMessage(staticKey)),
            },
            cts.Token);
        var ex = await Assert.ThrowsAsync<Libp2pProtocolException>(() => responder);
        Assert.Contains("signature", ex.Message, StringComparison.Ordinal);

        // The initiator finishes its side of XX before the responder checks message 3; it then finds the connection closed.
        pair.Listener.Close();
        await using var secured = await initiator;
        Assert.Equal(0, await secured.ReadAsync(new byte[1], cts.Token));
    }

    [Fact]
    public async Task Signature_over_another_static_key_is_rejected()
    {
        await using var pair = await LoopbackPair.CreateAsync();
        using var cts = new CancellationTokenSource(Limit);
        var identity = NodeKey.Generate();
        var responder = NoiseHandshake.RespondAsync(pair.Listener, NodeKey.Generate(), cts.Token);
        _ = NoiseHandshake.InitiateAsync(
            pair.Dialer, identity, null, _ => NoiseHandshake.CreatePayload(identity, new byte[32]), cts.Token);
        await Assert.ThrowsAsync<Libp2pProtocolException>(() => responder);
    }

    [Fact]
    public async Task Garbage_instead_of_a_handshake_fails_cleanly()
    {
        await using var pair = await LoopbackPair.CreateAsync();
        using var cts = new CancellationTokenSource(Limit);
        var responder = NoiseHandshake.RespondAsync(pair.Listener, NodeKey.Generate(), cts.Token);
        await pair.Dialer.WriteAsync(new byte[] { 0x00, 0x05, 1, 2, 3, 4, 5 }, cts.Token);
        await Assert.ThrowsAsync<Libp2pProtocolException>(() => responder);

        await using var pair2 = await LoopbackPair.CreateAsync();
        var initiator = NoiseHandshake.InitiateAsync(pair2.Dialer, NodeKey.Generate(), null, cts.Token);
        var first = new byte[34];
        await pair2.Listener.ReadExactlyAsync(first, cts.Token);
        var junk = new byte[2 + 200];
        junk[1] = 200;
        new Random(3).NextBytes(junk.AsSpan(2));
        await pair2.Listener.WriteAsync(junk, cts.Token);
        await Assert.ThrowsAsync<Libp2pProtocolException>(() => initiator);
    }

    [Fact]
    public void Handshake_payload_round_trips_with_extensions()
    {
        var payload = new NoiseHandshakePayload { IdentityKey = [1, 2, 3], IdentitySignature = [4, 5], StreamMuxers = ["/yamux/1.0.0"] };
        var decoded = NoiseHandshakePayload.Decode(payload.Encode());
        Assert.Equal(payload.IdentityKey, decoded.IdentityKey);
        Assert.Equal(payload.IdentitySignature, decoded.IdentitySignature);
        Assert.Equal(["/yamux/1.0.0"], decoded.StreamMuxers);

        // Field 1 (bytes) = 010203, field 2 (bytes) = 0405, field 4 = {field 2 = "/yamux/1.0.0"}.
        Assert.StartsWith("0a03010203120204052", Convert.ToHexStringLower(payload.Encode()), StringComparison.Ordinal);
        Assert.Throws<Libp2pProtocolException>(() => NoiseHandshakePayload.Decode([0x0a, 0x05, 0x01]));
    }
}
