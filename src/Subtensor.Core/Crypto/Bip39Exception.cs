namespace Subtensor.Core.Crypto;

/// <summary>An invalid BIP39 mnemonic: wrong word count, a word not in the English list, or a bad checksum.</summary>
public sealed class Bip39Exception : FormatException
{
    public Bip39Exception()
    {
    }

    public Bip39Exception(string message)
        : base(message)
    {
    }

    public Bip39Exception(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
