using System.Runtime.InteropServices;

namespace Subtensor.Network.Native;

/// <summary>
/// Temporary thin binding of libsodium's ed25519 functions for the node identity key.
/// To be removed once <c>Subtensor.Core.Crypto.Ed25519</c> (branch <c>crypto</c>) is merged.
/// </summary>
internal static unsafe partial class SodiumSign
{
    private const string Lib = "sodium";

    [LibraryImport(Lib)]
    public static partial int sodium_init();

    [LibraryImport(Lib)]
    public static partial int crypto_sign_ed25519_seed_keypair(byte* pk, byte* sk, byte* seed);

    [LibraryImport(Lib)]
    public static partial int crypto_sign_ed25519_detached(byte* sig, ulong* siglen, byte* m, ulong mlen, byte* sk);

    [LibraryImport(Lib)]
    public static partial int crypto_sign_ed25519_verify_detached(byte* sig, byte* m, ulong mlen, byte* pk);
}
