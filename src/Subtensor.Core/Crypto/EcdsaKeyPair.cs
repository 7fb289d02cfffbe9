using System.Security.Cryptography;

namespace Subtensor.Core.Crypto;

/// <summary>A secp256k1 key pair: the 32-byte secret scalar (which is also sp-core's seed) and the 33-byte compressed public key.</summary>
public sealed class EcdsaKeyPair : IKeyPair
{
    private readonly byte[] _secret;
    private readonly byte[] _public;
    private bool _disposed;

    internal EcdsaKeyPair(byte[] secret, byte[] publicKey)
    {
        _secret = secret;
        _public = publicKey;
    }

    public KeyScheme Scheme => KeyScheme.Ecdsa;

    public byte[] PublicKey => (byte[])_public.Clone();

    /// <summary>A copy of the 32-byte secret (sp-core's <c>Pair::seed</c>).</summary>
    public byte[] Seed => Secret.ToArray();

    internal ReadOnlySpan<byte> Secret
    {
        get
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return _secret;
        }
    }

    public byte[] Sign(ReadOnlySpan<byte> message) => Ecdsa.Sign(this, message);

    public void Dispose()
    {
        if (!_disposed)
        {
            _disposed = true;
            CryptographicOperations.ZeroMemory(_secret);
        }
    }
}
