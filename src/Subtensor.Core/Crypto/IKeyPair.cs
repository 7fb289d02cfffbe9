namespace Subtensor.Core.Crypto;

/// <summary>A secret key with its public key. Disposing wipes the secret.</summary>
public interface IKeyPair : IDisposable
{
    KeyScheme Scheme { get; }

    /// <summary>A copy of the public key: 32 bytes (sr25519, ed25519) or 33 bytes compressed (ecdsa).</summary>
    byte[] PublicKey { get; }

    /// <summary>Signs as sp-core's <c>Pair::sign</c> does: 64 bytes (sr25519 with context "substrate", ed25519) or 65 (ecdsa over blake2_256).</summary>
    byte[] Sign(ReadOnlySpan<byte> message);
}
