namespace Subtensor.Runtime.Api;

/// <summary>
/// The node's keystore as the runtime may use it (the <c>sp_io::crypto::*_generate</c> host functions): creates a key
/// of a key type, from an optional SURI seed, stores it, and returns the public key.
/// </summary>
public interface IRuntimeKeystore
{
    byte[] Sr25519Generate(string keyType, string? seed);

    byte[] Ed25519Generate(string keyType, string? seed);
}
