namespace Subtensor.Core.Hashing;

/// <summary>Applies FRAME storage hashers and builds storage keys <c>twox128(pallet) ++ twox128(item) ++ hasher(key)...</c>.</summary>
public static class StorageHashing
{
    /// <summary>Output of <paramref name="hasher"/> over the SCALE-encoded key part.</summary>
    public static byte[] Hash(StorageHasher hasher, ReadOnlySpan<byte> encodedKey) => hasher switch
    {
        StorageHasher.Blake2_128 => Blake2b.Blake2b128(encodedKey),
        StorageHasher.Blake2_256 => Blake2b.Blake2b256(encodedKey),
        StorageHasher.Blake2_128Concat => [.. Blake2b.Blake2b128(encodedKey), .. encodedKey],
        StorageHasher.Twox128 => Twox.Twox128(encodedKey),
        StorageHasher.Twox256 => Twox.Twox256(encodedKey),
        StorageHasher.Twox64Concat => [.. Twox.Twox64(encodedKey), .. encodedKey],
        StorageHasher.Identity => encodedKey.ToArray(),
        _ => throw new ArgumentOutOfRangeException(nameof(hasher), hasher, "unknown storage hasher"),
    };

    /// <summary>Length of the hash part that precedes the raw key for "concat" hashers (0 for Identity); -1 for opaque hashers.</summary>
    public static int ConcatPrefixLength(StorageHasher hasher) => hasher switch
    {
        StorageHasher.Blake2_128Concat => 16,
        StorageHasher.Twox64Concat => 8,
        StorageHasher.Identity => 0,
        _ => -1,
    };

    /// <summary><c>twox128(pallet) ++ twox128(item)</c>: the key of a plain storage value and the prefix of a map.</summary>
    public static byte[] StoragePrefix(string pallet, string item)
    {
        var key = new byte[32];
        Twox.Hash(System.Text.Encoding.UTF8.GetBytes(pallet), key.AsSpan(0, 16));
        Twox.Hash(System.Text.Encoding.UTF8.GetBytes(item), key.AsSpan(16, 16));
        return key;
    }

    /// <summary>A full map key: the prefix followed by each hashed key part.</summary>
    public static byte[] MapKey(string pallet, string item, params (StorageHasher Hasher, byte[] EncodedKey)[] parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var prefix = StoragePrefix(pallet, item);
        var hashed = parts.Select(p => Hash(p.Hasher, p.EncodedKey)).ToArray();
        var result = new byte[prefix.Length + hashed.Sum(h => h.Length)];
        prefix.CopyTo(result, 0);
        var offset = prefix.Length;
        foreach (var h in hashed)
        {
            h.CopyTo(result, offset);
            offset += h.Length;
        }

        return result;
    }
}
