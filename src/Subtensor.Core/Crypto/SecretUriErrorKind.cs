namespace Subtensor.Core.Crypto;

/// <summary>sp-core's <c>SecretStringError</c> cases a secret URI can fail with.</summary>
public enum SecretUriErrorKind
{
    /// <summary>The URI does not match <c>phrase? path* (///password)?</c>.</summary>
    InvalidFormat,

    /// <summary>Not a valid BIP39 English mnemonic (unknown word, word count or checksum).</summary>
    InvalidPhrase,

    /// <summary>A 0x-prefixed seed that is not hex, not the scheme's seed length, or not a valid secret.</summary>
    InvalidSeed,

    /// <summary>The path cannot be applied (soft junctions for ed25519 or ecdsa).</summary>
    InvalidPath,
}
