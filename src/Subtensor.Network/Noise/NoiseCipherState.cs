using System.Buffers.Binary;
using System.Security.Cryptography;
using Subtensor.Core.Crypto;
using ChaCha20Poly1305 = Subtensor.Core.Crypto.ChaCha20Poly1305;

namespace Subtensor.Network.Noise;

/// <summary>
/// Noise <c>CipherState</c> (Noise spec §5.1) for ChaChaPoly: a 32-byte key and a 64-bit counter nonce, encoded as
/// 4 zero bytes then the counter little-endian (§12.3). Without a key it passes data through, as the spec requires.
/// </summary>
internal sealed class NoiseCipherState
{
    private readonly byte[] _key = new byte[ChaCha20Poly1305.KeyLength];
    private ulong _nonce;
    private bool _destroyed;

    public bool HasKey { get; private set; }

    public ulong Nonce => _nonce;

    public void InitializeKey(ReadOnlySpan<byte> key)
    {
        key.CopyTo(_key);
        HasKey = true;
        _nonce = 0;
    }

    /// <summary>Output length of <see cref="EncryptWithAd"/> for a plaintext of <paramref name="plaintextLength"/> bytes.</summary>
    public int CiphertextLength(int plaintextLength) => HasKey ? plaintextLength + ChaCha20Poly1305.TagLength : plaintextLength;

    public void EncryptWithAd(ReadOnlySpan<byte> associatedData, ReadOnlySpan<byte> plaintext, Span<byte> ciphertext)
    {
        ObjectDisposedException.ThrowIf(_destroyed, this);
        if (!HasKey)
        {
            plaintext.CopyTo(ciphertext);
            return;
        }

        Span<byte> nonce = stackalloc byte[ChaCha20Poly1305.NonceLength];
        NextNonce(nonce);
        ChaCha20Poly1305.Encrypt(_key, nonce, plaintext, associatedData, ciphertext[..(plaintext.Length + ChaCha20Poly1305.TagLength)]);
    }

    /// <summary>Decrypts; throws <see cref="Libp2pProtocolException"/> when authentication fails (the nonce still advances).</summary>
    public void DecryptWithAd(ReadOnlySpan<byte> associatedData, ReadOnlySpan<byte> ciphertext, Span<byte> plaintext)
    {
        ObjectDisposedException.ThrowIf(_destroyed, this);
        if (!HasKey)
        {
            ciphertext.CopyTo(plaintext);
            return;
        }

        if (ciphertext.Length < ChaCha20Poly1305.TagLength)
        {
            throw new Libp2pProtocolException("noise: ciphertext shorter than its authentication tag");
        }

        Span<byte> nonce = stackalloc byte[ChaCha20Poly1305.NonceLength];
        NextNonce(nonce);
        if (!ChaCha20Poly1305.TryDecrypt(_key, nonce, ciphertext, associatedData, plaintext[..(ciphertext.Length - ChaCha20Poly1305.TagLength)]))
        {
            throw new Libp2pProtocolException("noise: message authentication failed (tampered or out-of-order ciphertext)");
        }
    }

    /// <summary>Wipes the key; the state then refuses to work (it never falls back to passing data through).</summary>
    public void Clear()
    {
        CryptographicOperations.ZeroMemory(_key);
        HasKey = false;
        _destroyed = true;
    }

    private void NextNonce(Span<byte> nonce)
    {
        // 2^64-1 is reserved by the Noise spec; a connection never gets near it, but we refuse rather than wrap.
        if (_nonce == ulong.MaxValue)
        {
            throw new Libp2pProtocolException("noise: nonce exhausted");
        }

        nonce[..4].Clear();
        BinaryPrimitives.WriteUInt64LittleEndian(nonce[4..], _nonce);
        _nonce++;
    }
}
