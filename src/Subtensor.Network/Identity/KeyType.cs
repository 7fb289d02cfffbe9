namespace Subtensor.Network.Identity;

/// <summary>libp2p key types (peer-ids spec, <c>enum KeyType</c> of <c>crypto.proto</c>).</summary>
public enum KeyType
{
    Rsa = 0,
    Ed25519 = 1,
    Secp256k1 = 2,
    Ecdsa = 3,
}
