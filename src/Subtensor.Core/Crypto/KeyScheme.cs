namespace Subtensor.Core.Crypto;

/// <summary>The signature schemes of Substrate's <c>MultiSignature</c>, in its SCALE variant order.</summary>
public enum KeyScheme
{
    Ed25519 = 0,
    Sr25519 = 1,
    Ecdsa = 2,
}
