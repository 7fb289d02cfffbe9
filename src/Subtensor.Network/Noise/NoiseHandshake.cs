using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Subtensor.Core.Crypto;
using ChaCha20Poly1305 = Subtensor.Core.Crypto.ChaCha20Poly1305;
using Subtensor.Network.Identity;

namespace Subtensor.Network.Noise;

/// <summary>
/// libp2p Noise (<c>/noise</c>, libp2p noise spec): <c>Noise_XX_25519_ChaChaPoly_SHA256</c> with an empty prologue, each
/// handshake message framed by a 2-byte big-endian length. Messages 2 and 3 carry a <see cref="NoiseHandshakePayload"/> that
/// binds the sender's libp2p identity key to its Noise static key by signing <c>"noise-libp2p-static-key:" ‖ static key</c>.
/// </summary>
public static class NoiseHandshake
{
    public const string ProtocolId = "/noise";
    public const string NoiseProtocolName = "Noise_XX_25519_ChaChaPoly_SHA256";
    public const string SignaturePrefix = "noise-libp2p-static-key:";

    /// <summary>Largest Noise message (spec: 65535 bytes, the reach of the 2-byte length prefix).</summary>
    public const int MaxMessageLength = 65535;

    private const int DhLength = X25519.KeyLength;
    private const int EncryptedKeyLength = DhLength + ChaCha20Poly1305.TagLength;

    /// <summary>Runs the initiator side; when <paramref name="expectedRemote"/> is set, a different remote peer id fails the handshake.</summary>
    public static Task<NoiseSecureStream> InitiateAsync(Stream stream, NodeKey identity, PeerId? expectedRemote, CancellationToken cancellationToken)
        => InitiateAsync(stream, identity, expectedRemote, null, cancellationToken);

    /// <summary>Runs the responder side.</summary>
    public static Task<NoiseSecureStream> RespondAsync(Stream stream, NodeKey identity, CancellationToken cancellationToken)
        => RespondAsync(stream, identity, null, cancellationToken);

    /// <summary>Initiator with an optional payload override (tests use it to send forged identities).</summary>
    internal static async Task<NoiseSecureStream> InitiateAsync(
        Stream stream, NodeKey identity, PeerId? expectedRemote, Func<byte[], NoiseHandshakePayload>? payloadOverride, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(identity);
        var state = new NoiseSymmetricState(NoiseProtocolName);
        state.MixHash(ReadOnlySpan<byte>.Empty); // empty prologue
        using var statics = new EphemeralKeyPair();
        using var ephemeral = new EphemeralKeyPair();

        // -> e
        state.MixHash(ephemeral.PublicKey);
        var message1 = Concat(ephemeral.PublicKey, state.EncryptAndHash(ReadOnlySpan<byte>.Empty));
        await WriteFrameAsync(stream, message1, cancellationToken).ConfigureAwait(false);

        // <- e, ee, s, es
        var message2 = await ReadFrameAsync(stream, cancellationToken).ConfigureAwait(false);
        if (message2.Length < DhLength + EncryptedKeyLength)
        {
            throw new Libp2pProtocolException($"noise: handshake message 2 too short ({message2.Length} bytes)");
        }

        var remoteEphemeral = message2.AsSpan(0, DhLength).ToArray();
        state.MixHash(remoteEphemeral);
        state.MixKey(Dh(ephemeral.PrivateKey, remoteEphemeral));
        var remoteStatic = state.DecryptAndHash(message2.AsSpan(DhLength, EncryptedKeyLength));
        state.MixKey(Dh(ephemeral.PrivateKey, remoteStatic));
        var remotePayload = state.DecryptAndHash(message2.AsSpan(DhLength + EncryptedKeyLength));
        var remoteKey = VerifyPayload(remotePayload, remoteStatic, expectedRemote);

        // -> s, se
        var payload = (payloadOverride?.Invoke(statics.PublicKey) ?? CreatePayload(identity, statics.PublicKey)).Encode();
        var encryptedStatic = state.EncryptAndHash(statics.PublicKey);
        state.MixKey(Dh(statics.PrivateKey, remoteEphemeral));
        var message3 = Concat(encryptedStatic, state.EncryptAndHash(payload));
        await WriteFrameAsync(stream, message3, cancellationToken).ConfigureAwait(false);

        var (send, receive) = state.Split();
        return new NoiseSecureStream(stream, send, receive, remoteKey);
    }

    internal static async Task<NoiseSecureStream> RespondAsync(
        Stream stream, NodeKey identity, Func<byte[], NoiseHandshakePayload>? payloadOverride, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(identity);
        var state = new NoiseSymmetricState(NoiseProtocolName);
        state.MixHash(ReadOnlySpan<byte>.Empty);
        using var statics = new EphemeralKeyPair();
        using var ephemeral = new EphemeralKeyPair();

        // -> e
        var message1 = await ReadFrameAsync(stream, cancellationToken).ConfigureAwait(false);
        if (message1.Length < DhLength)
        {
            throw new Libp2pProtocolException($"noise: handshake message 1 too short ({message1.Length} bytes)");
        }

        var remoteEphemeral = message1.AsSpan(0, DhLength).ToArray();
        state.MixHash(remoteEphemeral);
        _ = state.DecryptAndHash(message1.AsSpan(DhLength)); // libp2p sends an empty first payload; anything else is ignored

        // <- e, ee, s, es
        var payload = (payloadOverride?.Invoke(statics.PublicKey) ?? CreatePayload(identity, statics.PublicKey)).Encode();
        state.MixHash(ephemeral.PublicKey);
        state.MixKey(Dh(ephemeral.PrivateKey, remoteEphemeral));
        var encryptedStatic = state.EncryptAndHash(statics.PublicKey);
        state.MixKey(Dh(statics.PrivateKey, remoteEphemeral));
        var message2 = Concat(ephemeral.PublicKey, encryptedStatic, state.EncryptAndHash(payload));
        await WriteFrameAsync(stream, message2, cancellationToken).ConfigureAwait(false);

        // -> s, se
        var message3 = await ReadFrameAsync(stream, cancellationToken).ConfigureAwait(false);
        if (message3.Length < EncryptedKeyLength)
        {
            throw new Libp2pProtocolException($"noise: handshake message 3 too short ({message3.Length} bytes)");
        }

        var remoteStatic = state.DecryptAndHash(message3.AsSpan(0, EncryptedKeyLength));
        state.MixKey(Dh(ephemeral.PrivateKey, remoteStatic));
        var remotePayload = state.DecryptAndHash(message3.AsSpan(EncryptedKeyLength));
        var remoteKey = VerifyPayload(remotePayload, remoteStatic, null);

        var (receive, send) = state.Split();
        return new NoiseSecureStream(stream, send, receive, remoteKey);
    }

    /// <summary>The payload that proves we own <paramref name="identity"/>: our identity key and its signature over the static key.</summary>
    internal static NoiseHandshakePayload CreatePayload(NodeKey identity, ReadOnlySpan<byte> staticPublicKey)
        => new()
        {
            IdentityKey = identity.PublicKey.ToProtobuf(),
            IdentitySignature = identity.Sign(SignedMessage(staticPublicKey)),
        };

    internal static byte[] SignedMessage(ReadOnlySpan<byte> staticPublicKey)
    {
        var prefix = Encoding.ASCII.GetBytes(SignaturePrefix);
        return Concat(prefix, staticPublicKey.ToArray());
    }

    private static IdentityPublicKey VerifyPayload(byte[] payloadBytes, byte[] remoteStatic, PeerId? expectedRemote)
    {
        var payload = NoiseHandshakePayload.Decode(payloadBytes);
        IdentityPublicKey key;
        try
        {
            key = IdentityPublicKey.FromProtobuf(payload.IdentityKey);
        }
        catch (FormatException ex)
        {
            throw new Libp2pProtocolException("noise: remote identity key is invalid: " + ex.Message, ex);
        }

        if (key.Type != KeyType.Ed25519)
        {
            throw new Libp2pProtocolException($"noise: remote identity key type {key.Type} is not supported");
        }

        if (!key.Verify(SignedMessage(remoteStatic), payload.IdentitySignature))
        {
            throw new Libp2pProtocolException("noise: remote identity signature over the static key does not verify");
        }

        var peerId = key.ToPeerId();
        if (expectedRemote is not null && peerId != expectedRemote)
        {
            throw new Libp2pProtocolException($"noise: dialed {expectedRemote} but the remote is {peerId}");
        }

        return key;
    }

    private static byte[] Dh(ReadOnlySpan<byte> privateKey, ReadOnlySpan<byte> publicKey)
    {
        var shared = new byte[DhLength];
        if (!X25519.TryComputeSharedSecret(privateKey, publicKey, shared))
        {
            throw new Libp2pProtocolException("noise: remote sent a low-order X25519 key");
        }

        return shared;
    }

    internal static async Task WriteFrameAsync(Stream stream, byte[] message, CancellationToken cancellationToken)
    {
        if (message.Length > MaxMessageLength)
        {
            throw new InvalidOperationException("noise handshake message exceeds 65535 bytes");
        }

        var frame = new byte[2 + message.Length];
        BinaryPrimitives.WriteUInt16BigEndian(frame, (ushort)message.Length);
        message.CopyTo(frame, 2);
        await stream.WriteAsync(frame, cancellationToken).ConfigureAwait(false);
        await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    internal static async Task<byte[]> ReadFrameAsync(Stream stream, CancellationToken cancellationToken)
    {
        var header = new byte[2];
        await stream.ReadExactlyAsync(header, cancellationToken).ConfigureAwait(false);
        var message = new byte[BinaryPrimitives.ReadUInt16BigEndian(header)];
        await stream.ReadExactlyAsync(message, cancellationToken).ConfigureAwait(false);
        return message;
    }

    private static byte[] Concat(params byte[][] parts)
    {
        var result = new byte[parts.Sum(p => p.Length)];
        var offset = 0;
        foreach (var part in parts)
        {
            part.CopyTo(result, offset);
            offset += part.Length;
        }

        return result;
    }

    /// <summary>A fresh X25519 key pair whose private half is wiped on dispose.</summary>
    private sealed class EphemeralKeyPair : IDisposable
    {
        public EphemeralKeyPair()
        {
            X25519.GeneratePrivateKey(PrivateKey);
            X25519.DerivePublicKey(PrivateKey, PublicKey);
        }

        public byte[] PrivateKey { get; } = new byte[DhLength];

        public byte[] PublicKey { get; } = new byte[DhLength];

        public void Dispose() => CryptographicOperations.ZeroMemory(PrivateKey);
    }
}
