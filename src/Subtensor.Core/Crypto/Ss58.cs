using Subtensor.Core.Hashing;

namespace Subtensor.Core.Crypto;

/// <summary>
/// SS58 addresses (sp-core <c>Ss58Codec</c>): base58(prefix ‖ key ‖ checksum) with a 1-byte (0..63) or 2-byte
/// (64..16383) prefix and checksum = the first 2 bytes of blake2b-512("SS58PRE" ‖ prefix ‖ key). Keys are 32 or 33 bytes.
/// </summary>
public static class Ss58
{
    /// <summary>The generic Substrate prefix, also Bittensor's.</summary>
    public const ushort SubstratePrefix = 42;

    public const ushort MaxPrefix = 16383;

    private const int ChecksumLength = 2;

    public static string Encode(ReadOnlySpan<byte> publicKey, ushort prefix = SubstratePrefix)
    {
        if (publicKey.Length is not (32 or 33))
        {
            throw new ArgumentException($"SS58 encodes 32- or 33-byte keys, got {publicKey.Length} bytes", nameof(publicKey));
        }

        if (prefix > MaxPrefix)
        {
            throw new ArgumentOutOfRangeException(nameof(prefix), prefix, $"SS58 prefixes are 0..{MaxPrefix}");
        }

        Span<byte> prefixBytes = stackalloc byte[2];
        var prefixLength = WritePrefix(prefix, prefixBytes);
        var data = new byte[prefixLength + publicKey.Length + ChecksumLength];
        prefixBytes[..prefixLength].CopyTo(data);
        publicKey.CopyTo(data.AsSpan(prefixLength));
        Checksum(data.AsSpan(0, prefixLength + publicKey.Length), data.AsSpan(prefixLength + publicKey.Length));
        return Base58.Encode(data);
    }

    /// <summary>Decodes an address into its key (32 or 33 bytes) and prefix; throws <see cref="Ss58Exception"/>.</summary>
    public static (byte[] PublicKey, ushort Prefix) Decode(string address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (!Base58.TryDecode(address, out var data, out var badIndex))
        {
            throw new Ss58Exception(Ss58ErrorKind.BadBase58, $"invalid SS58 address: character '{address[badIndex]}' at position {badIndex} is not Base58");
        }

        if (data.Length < 2)
        {
            throw new Ss58Exception(Ss58ErrorKind.BadLength, $"invalid SS58 address: {data.Length} bytes decoded");
        }

        int prefixLength;
        ushort prefix;
        if (data[0] < 64)
        {
            prefixLength = 1;
            prefix = data[0];
        }
        else if (data[0] < 128)
        {
            // 01aaaaaa bbcccccc → low byte aaaaaabb, high byte 00cccccc (sp-core from_ss58check_with_version)
            prefixLength = 2;
            var lower = (byte)((data[0] << 2) | (data[1] >> 6));
            var upper = (byte)(data[1] & 0x3f);
            prefix = (ushort)(lower | (upper << 8));
        }
        else
        {
            throw new Ss58Exception(Ss58ErrorKind.InvalidPrefix, $"invalid SS58 address: prefix byte 0x{data[0]:x2} is not an SS58 prefix");
        }

        var keyLength = data.Length - prefixLength - ChecksumLength;
        if (keyLength is not (32 or 33))
        {
            throw new Ss58Exception(Ss58ErrorKind.BadLength, $"invalid SS58 address: {data.Length} bytes decoded, which is no {prefixLength}-byte prefix + 32/33-byte key + 2-byte checksum");
        }

        if (IsReserved(prefix))
        {
            throw new Ss58Exception(Ss58ErrorKind.ReservedPrefix, $"invalid SS58 address: prefix {prefix} is reserved");
        }

        Span<byte> checksum = stackalloc byte[ChecksumLength];
        Checksum(data.AsSpan(0, prefixLength + keyLength), checksum);
        if (!checksum.SequenceEqual(data.AsSpan(prefixLength + keyLength)))
        {
            throw new Ss58Exception(Ss58ErrorKind.BadChecksum, "invalid SS58 address: checksum mismatch");
        }

        return (data.AsSpan(prefixLength, keyLength).ToArray(), prefix);
    }

    public static bool TryDecode(string? address, out byte[] publicKey, out ushort prefix)
    {
        publicKey = [];
        prefix = 0;
        if (address is null)
        {
            return false;
        }

        try
        {
            (publicKey, prefix) = Decode(address);
            return true;
        }
        catch (Ss58Exception)
        {
            return false;
        }
    }

    /// <summary>ss58-registry: 46 and 47 are reserved and refused for accounts.</summary>
    public static bool IsReserved(ushort prefix) => prefix is 46 or 47;

    private static int WritePrefix(ushort prefix, Span<byte> destination)
    {
        if (prefix < 64)
        {
            destination[0] = (byte)prefix;
            return 1;
        }

        // upper six bits of the low byte, then the low two bits of the low byte over the high byte (sp-core)
        destination[0] = (byte)(((prefix & 0xfc) >> 2) | 0x40);
        destination[1] = (byte)((prefix >> 8) | ((prefix & 0x03) << 6));
        return 2;
    }

    private static void Checksum(ReadOnlySpan<byte> payload, Span<byte> checksum)
    {
        Span<byte> input = stackalloc byte[7 + payload.Length];
        "SS58PRE"u8.CopyTo(input);
        payload.CopyTo(input[7..]);
        Span<byte> hash = stackalloc byte[64];
        Blake2b.Hash(input, hash);
        hash[..ChecksumLength].CopyTo(checksum);
    }
}
