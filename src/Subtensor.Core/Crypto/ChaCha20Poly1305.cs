using Subtensor.Core.Native;

namespace Subtensor.Core.Crypto;

/// <summary>ChaCha20-Poly1305 AEAD, IETF variant (RFC 8439: 96-bit nonce), through libsodium.</summary>
public static unsafe class ChaCha20Poly1305
{
    public const int KeyLength = 32;
    public const int NonceLength = 12;
    public const int TagLength = 16;

    /// <summary>Encrypts <paramref name="plaintext"/> into <paramref name="ciphertext"/>, which must be exactly <c>plaintext.Length + 16</c> bytes (tag appended).</summary>
    public static void Encrypt(ReadOnlySpan<byte> key, ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> plaintext, ReadOnlySpan<byte> associatedData, Span<byte> ciphertext)
    {
        CheckKeyAndNonce(key, nonce);
        if (ciphertext.Length != plaintext.Length + TagLength)
        {
            throw new ArgumentException($"ciphertext buffer must be plaintext length + {TagLength}", nameof(ciphertext));
        }

        Sodium.EnsureInitialized();
        ulong written;
        fixed (byte* c = ciphertext)
        fixed (byte* m = plaintext)
        fixed (byte* ad = associatedData)
        fixed (byte* npub = nonce)
        fixed (byte* k = key)
        {
            if (Sodium.crypto_aead_chacha20poly1305_ietf_encrypt(c, &written, m, (ulong)plaintext.Length, ad, (ulong)associatedData.Length, null, npub, k) != 0)
            {
                throw new System.Security.Cryptography.CryptographicException("crypto_aead_chacha20poly1305_ietf_encrypt failed");
            }
        }
    }

    /// <summary>
    /// Authenticates and decrypts <paramref name="ciphertext"/> (tag last) into <paramref name="plaintext"/>
    /// (<c>ciphertext.Length - 16</c> bytes). Returns false when the tag does not verify; the output is then unspecified.
    /// </summary>
    public static bool TryDecrypt(ReadOnlySpan<byte> key, ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> ciphertext, ReadOnlySpan<byte> associatedData, Span<byte> plaintext)
    {
        CheckKeyAndNonce(key, nonce);
        if (ciphertext.Length < TagLength)
        {
            return false;
        }

        if (plaintext.Length != ciphertext.Length - TagLength)
        {
            throw new ArgumentException($"plaintext buffer must be ciphertext length - {TagLength}", nameof(plaintext));
        }

        Sodium.EnsureInitialized();
        ulong written;
        fixed (byte* m = plaintext)
        fixed (byte* c = ciphertext)
        fixed (byte* ad = associatedData)
        fixed (byte* npub = nonce)
        fixed (byte* k = key)
        {
            return Sodium.crypto_aead_chacha20poly1305_ietf_decrypt(m, &written, null, c, (ulong)ciphertext.Length, ad, (ulong)associatedData.Length, npub, k) == 0;
        }
    }

    private static void CheckKeyAndNonce(ReadOnlySpan<byte> key, ReadOnlySpan<byte> nonce)
    {
        if (key.Length != KeyLength)
        {
            throw new ArgumentException($"ChaCha20-Poly1305 key must be {KeyLength} bytes", nameof(key));
        }

        if (nonce.Length != NonceLength)
        {
            throw new ArgumentException($"ChaCha20-Poly1305 IETF nonce must be {NonceLength} bytes", nameof(nonce));
        }
    }
}
