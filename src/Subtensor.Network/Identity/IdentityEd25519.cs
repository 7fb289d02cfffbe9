using System.Security.Cryptography;
using Subtensor.Network.Native;

namespace Subtensor.Network.Identity;

/// <summary>Ed25519 (RFC 8032) for the libp2p identity key; temporary until Core's Ed25519 is merged.</summary>
internal static unsafe class IdentityEd25519
{
    public const int SeedLength = 32;
    public const int PublicKeyLength = 32;
    public const int SignatureLength = 64;

    private static readonly int InitResult = SodiumSign.sodium_init();

    /// <summary>Derives the 32-byte public key and libsodium's 64-byte expanded secret (seed ‖ public) from a seed.</summary>
    public static void KeyPairFromSeed(ReadOnlySpan<byte> seed, Span<byte> publicKey, Span<byte> expandedSecret)
    {
        EnsureInit();
        if (seed.Length != SeedLength || publicKey.Length != PublicKeyLength || expandedSecret.Length != 64)
        {
            throw new ArgumentException("ed25519 seed and public key are 32 bytes, the expanded secret 64");
        }

        fixed (byte* pk = publicKey)
        fixed (byte* sk = expandedSecret)
        fixed (byte* s = seed)
        {
            if (SodiumSign.crypto_sign_ed25519_seed_keypair(pk, sk, s) != 0)
            {
                throw new CryptographicException("crypto_sign_ed25519_seed_keypair failed");
            }
        }
    }

    public static byte[] Sign(ReadOnlySpan<byte> expandedSecret, ReadOnlySpan<byte> message)
    {
        EnsureInit();
        var signature = new byte[SignatureLength];
        ulong length;
        fixed (byte* sig = signature)
        fixed (byte* m = message)
        fixed (byte* sk = expandedSecret)
        {
            if (SodiumSign.crypto_sign_ed25519_detached(sig, &length, m, (ulong)message.Length, sk) != 0)
            {
                throw new CryptographicException("crypto_sign_ed25519_detached failed");
            }
        }

        return signature;
    }

    public static bool Verify(ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature)
    {
        if (publicKey.Length != PublicKeyLength || signature.Length != SignatureLength)
        {
            return false;
        }

        EnsureInit();
        fixed (byte* sig = signature)
        fixed (byte* m = message)
        fixed (byte* pk = publicKey)
        {
            return SodiumSign.crypto_sign_ed25519_verify_detached(sig, m, (ulong)message.Length, pk) == 0;
        }
    }

    private static void EnsureInit()
    {
        if (InitResult < 0)
        {
            throw new InvalidOperationException("libsodium failed to initialise");
        }
    }
}
