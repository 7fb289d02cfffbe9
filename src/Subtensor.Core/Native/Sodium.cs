using System.Runtime.InteropServices;

namespace Subtensor.Core.Native;

/// <summary>Thin P/Invoke layer over libsodium (Debian <c>libsodium23</c>). No logic beyond argument passing.</summary>
internal static unsafe partial class Sodium
{
    private const string Lib = "sodium";

    public const int Blake2bStateBytes = 384;
    public const int RistrettoBytes = 32;
    public const int ScalarBytes = 32;
    public const int HashBytes = 64;

    private static readonly int InitResult = sodium_init();

    /// <summary>Runs <c>sodium_init</c> once; throws if libsodium is missing or failed to initialise.</summary>
    public static void EnsureInitialized()
    {
        if (InitResult < 0)
        {
            throw new InvalidOperationException("libsodium failed to initialise (sodium_init returned -1)");
        }
    }

    [LibraryImport(Lib)]
    private static partial int sodium_init();

    [LibraryImport(Lib)]
    public static partial int crypto_generichash_blake2b(byte* output, nuint outlen, byte* input, ulong inlen, byte* key, nuint keylen);

    [LibraryImport(Lib)]
    public static partial int crypto_generichash_blake2b_init(byte* state, byte* key, nuint keylen, nuint outlen);

    [LibraryImport(Lib)]
    public static partial int crypto_generichash_blake2b_update(byte* state, byte* input, ulong inlen);

    [LibraryImport(Lib)]
    public static partial int crypto_generichash_blake2b_final(byte* state, byte* output, nuint outlen);

    [LibraryImport(Lib)]
    public static partial nuint crypto_generichash_blake2b_statebytes();

    [LibraryImport(Lib)]
    public static partial int crypto_sign_ed25519_seed_keypair(byte* pk, byte* sk, byte* seed);

    [LibraryImport(Lib)]
    public static partial int crypto_sign_ed25519_detached(byte* sig, ulong* siglen, byte* m, ulong mlen, byte* sk);

    [LibraryImport(Lib)]
    public static partial int crypto_sign_ed25519_verify_detached(byte* sig, byte* m, ulong mlen, byte* pk);

    [LibraryImport(Lib)]
    public static partial int crypto_sign_ed25519_pk_to_curve25519(byte* curve25519Pk, byte* ed25519Pk);

    [LibraryImport(Lib)]
    public static partial int crypto_sign_ed25519_sk_to_curve25519(byte* curve25519Sk, byte* ed25519Sk);

    [LibraryImport(Lib)]
    public static partial int crypto_core_ristretto255_is_valid_point(byte* p);

    [LibraryImport(Lib)]
    public static partial int crypto_core_ristretto255_add(byte* r, byte* p, byte* q);

    [LibraryImport(Lib)]
    public static partial int crypto_core_ristretto255_sub(byte* r, byte* p, byte* q);

    [LibraryImport(Lib)]
    public static partial int crypto_core_ristretto255_from_hash(byte* p, byte* r);

    [LibraryImport(Lib)]
    public static partial void crypto_core_ristretto255_scalar_reduce(byte* r, byte* s);

    [LibraryImport(Lib)]
    public static partial void crypto_core_ristretto255_scalar_add(byte* z, byte* x, byte* y);

    [LibraryImport(Lib)]
    public static partial void crypto_core_ristretto255_scalar_sub(byte* z, byte* x, byte* y);

    [LibraryImport(Lib)]
    public static partial void crypto_core_ristretto255_scalar_mul(byte* z, byte* x, byte* y);

    [LibraryImport(Lib)]
    public static partial void crypto_core_ristretto255_scalar_negate(byte* neg, byte* s);

    [LibraryImport(Lib)]
    public static partial int crypto_scalarmult_ristretto255(byte* q, byte* n, byte* p);

    [LibraryImport(Lib)]
    public static partial int crypto_scalarmult_ristretto255_base(byte* q, byte* n);

    [LibraryImport(Lib)]
    public static partial int crypto_scalarmult_curve25519(byte* q, byte* n, byte* p);

    [LibraryImport(Lib)]
    public static partial int crypto_scalarmult_curve25519_base(byte* q, byte* n);

    [LibraryImport(Lib)]
    public static partial int crypto_aead_chacha20poly1305_ietf_encrypt(byte* c, ulong* clen, byte* m, ulong mlen, byte* ad, ulong adlen, byte* nsec, byte* npub, byte* k);

    [LibraryImport(Lib)]
    public static partial int crypto_aead_chacha20poly1305_ietf_decrypt(byte* m, ulong* mlen, byte* nsec, byte* c, ulong clen, byte* ad, ulong adlen, byte* npub, byte* k);

    [LibraryImport(Lib)]
    public static partial void randombytes_buf(byte* buf, nuint size);
}
