using System.Security.Cryptography;
using Subtensor.Core.Hashing;
using Subtensor.Core.Native;

namespace Subtensor.Core.Crypto;

/// <summary>ed25519 (RFC 8032) through libsodium, with sp-core's hard derivation.</summary>
public static unsafe class Ed25519
{
    public const int SeedLength = 32;
    public const int PublicKeyLength = 32;
    public const int SignatureLength = 64;

    public static Ed25519KeyPair FromSeed(ReadOnlySpan<byte> seed)
    {
        if (seed.Length != SeedLength)
        {
            throw new ArgumentException($"an ed25519 seed is {SeedLength} bytes, got {seed.Length}", nameof(seed));
        }

        Sodium.EnsureInitialized();
        var secretKey = new byte[64];
        var publicKey = new byte[PublicKeyLength];
        fixed (byte* s = seed)
        fixed (byte* sk = secretKey)
        fixed (byte* pk = publicKey)
        {
            if (Sodium.crypto_sign_ed25519_seed_keypair(pk, sk, s) != 0)
            {
                throw new InvalidOperationException("crypto_sign_ed25519_seed_keypair failed");
            }
        }

        return new Ed25519KeyPair(secretKey, publicKey);
    }

    /// <summary>The deterministic RFC 8032 signature.</summary>
    public static byte[] Sign(Ed25519KeyPair pair, ReadOnlySpan<byte> message)
    {
        ArgumentNullException.ThrowIfNull(pair);
        var signature = new byte[SignatureLength];
        fixed (byte* sig = signature)
        fixed (byte* m = message)
        fixed (byte* sk = pair.SecretKey)
        {
            if (Sodium.crypto_sign_ed25519_detached(sig, null, m, (ulong)message.Length, sk) != 0)
            {
                throw new InvalidOperationException("crypto_sign_ed25519_detached failed");
            }
        }

        return signature;
    }

    /// <summary>Verifies a detached signature; false for any malformed input.</summary>
    public static bool Verify(ReadOnlySpan<byte> signature, ReadOnlySpan<byte> message, ReadOnlySpan<byte> publicKey)
    {
        if (signature.Length != SignatureLength || publicKey.Length != PublicKeyLength)
        {
            return false;
        }

        Sodium.EnsureInitialized();
        fixed (byte* sig = signature)
        fixed (byte* m = message)
        fixed (byte* pk = publicKey)
        {
            return Sodium.crypto_sign_ed25519_verify_detached(sig, m, (ulong)message.Length, pk) == 0;
        }
    }

    /// <summary>sp-core ed25519 hard junction: blake2_256(SCALE(("Ed25519HDKD", seed, chain_code))).</summary>
    public static byte[] DeriveHard(ReadOnlySpan<byte> seed, ReadOnlySpan<byte> chainCode) => HardDerivation("Ed25519HDKD", seed, chainCode);

    /// <summary>blake2_256 of the SCALE tuple (str, [u8; 32], [u8; 32]), shared by the ed25519 and ecdsa junctions.</summary>
    internal static byte[] HardDerivation(string domain, ReadOnlySpan<byte> seed, ReadOnlySpan<byte> chainCode)
    {
        if (seed.Length != 32 || chainCode.Length != 32)
        {
            throw new ArgumentException("seed and chain code are 32 bytes each");
        }

        // SCALE: compact length (single-byte mode, the domains are short ASCII) ‖ UTF-8 ‖ seed ‖ chain code.
        Span<byte> encoded = stackalloc byte[1 + domain.Length + 64];
        encoded[0] = (byte)(domain.Length << 2);
        for (var i = 0; i < domain.Length; i++)
        {
            encoded[1 + i] = (byte)domain[i];
        }

        seed.CopyTo(encoded[(1 + domain.Length)..]);
        chainCode.CopyTo(encoded[(33 + domain.Length)..]);
        var derived = new byte[32];
        Blake2b.Hash(encoded, derived);
        CryptographicOperations.ZeroMemory(encoded);
        return derived;
    }
}
