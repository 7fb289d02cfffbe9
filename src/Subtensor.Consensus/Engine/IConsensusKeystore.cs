using Subtensor.Core.Crypto;

namespace Subtensor.Consensus.Engine;

/// <summary>The node keystore as consensus uses it: the key pair of a key type ("aura", "gran") for a public key.</summary>
public interface IConsensusKeystore
{
    /// <summary>The key pair stored for <paramref name="keyType"/> and <paramref name="publicKey"/>, or null. The caller disposes it.</summary>
    IKeyPair? Find(string keyType, ReadOnlySpan<byte> publicKey);
}
