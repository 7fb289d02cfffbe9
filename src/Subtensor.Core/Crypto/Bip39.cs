using System.Collections.Frozen;
using System.Security.Cryptography;
using System.Text;

namespace Subtensor.Core.Crypto;

/// <summary>
/// BIP39 English mnemonics and Substrate's seed derivation (substrate-bip39): the mini secret is
/// PBKDF2-HMAC-SHA512 over the mnemonic's <em>entropy</em>, salt "mnemonic" ‖ password, 2048 rounds, first 32 bytes.
/// </summary>
public static class Bip39
{
    private static readonly Lazy<string[]> WordList = new(LoadWordList);
    private static readonly Lazy<FrozenDictionary<string, int>> WordIndex =
        new(() => WordList.Value.Select((word, index) => (word, index)).ToFrozenDictionary(p => p.word, p => p.index, StringComparer.Ordinal));

    /// <summary>A new random mnemonic of 12, 15, 18, 21 or 24 words (entropy from the OS through libsodium).</summary>
    public static string Generate(int words = 12) => Generate(words, SystemRandom.Instance);

    public static string Generate(int words, IRandomSource random)
    {
        ArgumentNullException.ThrowIfNull(random);
        if (words is not (12 or 15 or 18 or 21 or 24))
        {
            throw new ArgumentOutOfRangeException(nameof(words), words, "a BIP39 mnemonic has 12, 15, 18, 21 or 24 words");
        }

        var entropy = new byte[words * 4 / 3];
        random.Fill(entropy);
        try
        {
            return FromEntropy(entropy);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(entropy);
        }
    }

    /// <summary>The mnemonic for 16, 20, 24, 28 or 32 bytes of entropy (BIP39: checksum = first len/32 bits of SHA-256).</summary>
    public static string FromEntropy(ReadOnlySpan<byte> entropy)
    {
        if (entropy.Length is < 16 or > 32 || entropy.Length % 4 != 0)
        {
            throw new ArgumentException("BIP39 entropy is 16, 20, 24, 28 or 32 bytes", nameof(entropy));
        }

        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(entropy, hash);
        var wordCount = entropy.Length * 3 / 4;
        var words = new string[wordCount];
        for (var w = 0; w < wordCount; w++)
        {
            var index = 0;
            for (var bit = w * 11; bit < (w * 11) + 11; bit++)
            {
                index = (index << 1) | BitAt(entropy, hash, bit);
            }

            words[w] = WordList.Value[index];
        }

        hash.Clear();
        return string.Join(' ', words);
    }

    /// <summary>The entropy of an English mnemonic; words are separated by whitespace and must be lower case.</summary>
    public static byte[] ToEntropy(string phrase)
    {
        ArgumentNullException.ThrowIfNull(phrase);
        var words = phrase.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (words.Length is not (12 or 15 or 18 or 21 or 24))
        {
            throw new Bip39Exception($"invalid mnemonic: {words.Length} words (expected 12, 15, 18, 21 or 24)");
        }

        var totalBits = words.Length * 11;
        var checksumBits = totalBits / 33;
        var entropy = new byte[(totalBits - checksumBits) / 8];
        var checksum = 0;
        var bit = 0;
        for (var w = 0; w < words.Length; w++)
        {
            if (!WordIndex.Value.TryGetValue(words[w], out var index))
            {
                CryptographicOperations.ZeroMemory(entropy);
                throw new Bip39Exception($"invalid mnemonic: word {w + 1} is not in the BIP39 English word list");
            }

            for (var i = 10; i >= 0; i--, bit++)
            {
                var value = (index >> i) & 1;
                if (bit < entropy.Length * 8)
                {
                    entropy[bit / 8] |= (byte)(value << (7 - (bit % 8)));
                }
                else
                {
                    checksum = (checksum << 1) | value;
                }
            }
        }

        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(entropy, hash);
        var expected = hash[0] >> (8 - checksumBits);
        hash.Clear();
        if (expected != checksum)
        {
            CryptographicOperations.ZeroMemory(entropy);
            throw new Bip39Exception("invalid mnemonic: checksum mismatch");
        }

        return entropy;
    }

    public static bool IsValid(string phrase)
    {
        try
        {
            CryptographicOperations.ZeroMemory(ToEntropy(phrase));
            return true;
        }
        catch (Bip39Exception)
        {
            return false;
        }
    }

    /// <summary>substrate-bip39 <c>seed_from_entropy</c>: the full 64-byte PBKDF2 output.</summary>
    public static byte[] ToSeed(string phrase, string password = "")
    {
        ArgumentNullException.ThrowIfNull(password);
        var entropy = ToEntropy(phrase);
        var salt = Encoding.UTF8.GetBytes("mnemonic" + password);
        try
        {
            return Rfc2898DeriveBytes.Pbkdf2(entropy, salt, 2048, HashAlgorithmName.SHA512, 64);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(entropy);
            CryptographicOperations.ZeroMemory(salt);
        }
    }

    /// <summary>substrate-bip39 <c>mini_secret_from_entropy</c>: the first 32 bytes of <see cref="ToSeed"/>.</summary>
    public static byte[] ToMiniSecret(string phrase, string password = "")
    {
        var seed = ToSeed(phrase, password);
        var miniSecret = seed[..32];
        CryptographicOperations.ZeroMemory(seed);
        return miniSecret;
    }

    private static int BitAt(ReadOnlySpan<byte> entropy, ReadOnlySpan<byte> hash, int bit)
    {
        var source = bit < entropy.Length * 8 ? entropy : hash;
        var offset = bit < entropy.Length * 8 ? bit : bit - (entropy.Length * 8);
        return (source[offset / 8] >> (7 - (offset % 8))) & 1;
    }

    private static string[] LoadWordList()
    {
        using var stream = typeof(Bip39).Assembly.GetManifestResourceStream("Subtensor.Core.Bip39.english.txt")
            ?? throw new InvalidOperationException("the BIP39 English word list resource is missing");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var words = reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return words.Length == 2048
            ? words
            : throw new InvalidOperationException($"the BIP39 English word list has {words.Length} words, expected 2048");
    }
}
