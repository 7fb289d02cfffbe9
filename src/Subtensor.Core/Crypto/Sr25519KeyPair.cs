using System.Security.Cryptography;

namespace Subtensor.Core.Crypto;

/// <summary>
/// An sr25519 key pair: the secret scalar (mod ℓ, already divided by the cofactor as schnorrkel keeps it),
/// the 32-byte signing nonce seed and the compressed ristretto255 public key.
/// </summary>
public sealed class Sr25519KeyPair : IKeyPair
{
    private readonly byte[] _key;
    private readonly byte[] _nonce;
    private readonly byte[] _public;
    private bool _disposed;

    /// <summary>Takes ownership of <paramref name="key"/> and <paramref name="nonce"/>; computes the public key.</summary>
    internal Sr25519KeyPair(byte[] key, byte[] nonce)
    {
        _key = key;
        _nonce = nonce;
        _public = new byte[Sr25519.PublicKeyLength];
        Ristretto255.ScalarMultiplyBase(_key, _public);
    }

    public KeyScheme Scheme => KeyScheme.Sr25519;

    public byte[] PublicKey => (byte[])_public.Clone();

    internal ReadOnlySpan<byte> Key
    {
        get
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return _key;
        }
    }

    internal ReadOnlySpan<byte> Nonce
    {
        get
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return _nonce;
        }
    }

    internal ReadOnlySpan<byte> Public => _public;

    public byte[] Sign(ReadOnlySpan<byte> message) => Sr25519.Sign(this, message);

    /// <summary>schnorrkel <c>SecretKey::to_bytes</c>: key ‖ nonce (64 bytes; sp-core's <c>to_raw_vec</c>).</summary>
    public byte[] ToSecretKeyBytes()
    {
        var bytes = new byte[Sr25519.SecretKeyLength];
        Key.CopyTo(bytes);
        Nonce.CopyTo(bytes.AsSpan(32));
        return bytes;
    }

    /// <summary>schnorrkel <c>SecretKey::to_ed25519_bytes</c>: 8·key ‖ nonce, the form @polkadot/util-crypto stores.</summary>
    public byte[] ToEd25519Bytes()
    {
        var bytes = new byte[Sr25519.SecretKeyLength];
        Key.CopyTo(bytes);
        Sr25519.MultiplyByCofactor(bytes.AsSpan(0, 32));
        Nonce.CopyTo(bytes.AsSpan(32));
        return bytes;
    }

    public void Dispose()
    {
        if (!_disposed)
        {
            _disposed = true;
            CryptographicOperations.ZeroMemory(_key);
            CryptographicOperations.ZeroMemory(_nonce);
        }
    }
}
