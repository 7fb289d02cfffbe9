using System.Security.Cryptography;

namespace Subtensor.Core.Crypto;

/// <summary>
/// A key pair from a secret URI with the secret seed subkey prints as "Secret seed": the (derived) 32-byte seed,
/// or null when a soft sr25519 junction makes a seed unavailable. Disposing wipes both.
/// </summary>
public sealed record DerivedKeyPair(IKeyPair Pair, byte[]? Seed) : IDisposable
{
    public void Dispose()
    {
        Pair.Dispose();
        if (Seed is not null)
        {
            CryptographicOperations.ZeroMemory(Seed);
        }
    }
}
