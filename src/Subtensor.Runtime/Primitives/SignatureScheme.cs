namespace Subtensor.Runtime.Primitives;

/// <summary>sp_runtime <c>MultiSignature</c> variants, numbered as encoded.</summary>
public enum SignatureScheme : byte
{
    Ed25519 = 0,
    Sr25519 = 1,
    Ecdsa = 2,
}
