using System.Security.Cryptography;
using Subtensor.Core.Native;

namespace Subtensor.Core.Crypto;

/// <summary>X25519 Diffie-Hellman (RFC 7748) through libsodium's <c>crypto_scalarmult_curve25519</c>.</summary>
public static unsafe class X25519
{
    public const int KeyLength = 32;

    /// <summary>Fills <paramref name="privateKey"/> with 32 random bytes (clamping happens inside the scalar multiplication).</summary>
    public static void GeneratePrivateKey(Span<byte> privateKey)
    {
        CheckLength(privateKey.Length, nameof(privateKey));
        RandomNumberGenerator.Fill(privateKey);
    }

    /// <summary>Computes the public key <c>privateKey · 9</c>.</summary>
    public static void DerivePublicKey(ReadOnlySpan<byte> privateKey, Span<byte> publicKey)
    {
        CheckLength(privateKey.Length, nameof(privateKey));
        CheckLength(publicKey.Length, nameof(publicKey));
        Sodium.EnsureInitialized();
        fixed (byte* q = publicKey)
        fixed (byte* n = privateKey)
        {
            if (Sodium.crypto_scalarmult_curve25519_base(q, n) != 0)
            {
                throw new CryptographicException("crypto_scalarmult_curve25519_base failed");
            }
        }
    }

    /// <summary>
    /// Computes the shared secret with <paramref name="peerPublicKey"/>. Returns false when the result is the all-zero
    /// value (a low-order peer key), which libsodium reports as an error.
    /// </summary>
    public static bool TryComputeSharedSecret(ReadOnlySpan<byte> privateKey, ReadOnlySpan<byte> peerPublicKey, Span<byte> sharedSecret)
    {
        CheckLength(privateKey.Length, nameof(privateKey));
        CheckLength(peerPublicKey.Length, nameof(peerPublicKey));
        CheckLength(sharedSecret.Length, nameof(sharedSecret));
        Sodium.EnsureInitialized();
        fixed (byte* q = sharedSecret)
        fixed (byte* n = privateKey)
        fixed (byte* p = peerPublicKey)
        {
            return Sodium.crypto_scalarmult_curve25519(q, n, p) == 0;
        }
    }

    private static void CheckLength(int length, string name)
    {
        if (length != KeyLength)
        {
            throw new ArgumentException($"X25519 values are {KeyLength} bytes, got {length}", name);
        }
    }
}
