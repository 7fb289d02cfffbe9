namespace Subtensor.Core.Crypto;

/// <summary>Why an SS58 address was rejected (sp-core <c>PublicError</c>).</summary>
public enum Ss58ErrorKind
{
    /// <summary>A character outside the Base58 alphabet.</summary>
    BadBase58,

    /// <summary>The decoded length fits no prefix + 32/33-byte key + 2-byte checksum.</summary>
    BadLength,

    /// <summary>The first byte is 128 or more, which no SS58 prefix form uses.</summary>
    InvalidPrefix,

    /// <summary>The prefix is reserved (46 and 47) and not allowed for accounts.</summary>
    ReservedPrefix,

    /// <summary>The two checksum bytes do not match blake2b-512("SS58PRE" ‖ prefix ‖ key).</summary>
    BadChecksum,
}
