using System.Security.Cryptography;

namespace Subtensor.Core.Crypto;

/// <summary>An ed25519 key pair from a 32-byte seed (RFC 8032). Holds libsodium's 64-byte secret key (seed ‖ public).</summary>
public sealed class Ed25519KeyPair : IKeyPair
{
    private readonly byte[] _secretKey;
    private readonly byte[] _public;
    private bool _disposed;

    internal Ed25519KeyPair(byte[] secretKey, byte[] publicKey)
    {
        _secretKey = secretKey;
        _public = publicKey;
    }

    public KeyScheme Scheme => KeyScheme.Ed25519;

    public byte[] PublicKey => (byte[])_public.Clone();

    /// <summary>A copy of the 32-byte seed (sp-core's <c>Pair::seed</c> and <c>to_raw_vec</c>).</summary>
    public byte[] Seed => SecretKey[..Ed25519.SeedLength].ToArray();

    internal ReadOnlySpan<byte> SecretKey
    {
        get
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return _secretKey;
        }
    }

    public byte[] Sign(ReadOnlySpan<byte> message) => Ed25519.Sign(this, message);

    public void Dispose()
    {
        if (!_disposed)
        {
            _disposed = true;
            CryptographicOperations.ZeroMemory(_secretKey);
        }
    }
}
