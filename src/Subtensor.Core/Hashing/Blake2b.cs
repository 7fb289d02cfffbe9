using Subtensor.Core.Native;

namespace Subtensor.Core.Hashing;

/// <summary>BLAKE2b (RFC 7693) through libsodium. Output lengths 1..64 bytes; each length is its own function, not a truncation.</summary>
public static unsafe class Blake2b
{
    public const int MaxOutputLength = 64;

    /// <summary>Hashes <paramref name="data"/> into <paramref name="output"/>, whose length selects the digest size.</summary>
    public static void Hash(ReadOnlySpan<byte> data, Span<byte> output, ReadOnlySpan<byte> key = default)
    {
        if (output.Length is < 1 or > MaxOutputLength)
        {
            throw new ArgumentOutOfRangeException(nameof(output), "BLAKE2b output must be 1..64 bytes");
        }

        if (key.Length > 64)
        {
            throw new ArgumentOutOfRangeException(nameof(key), "BLAKE2b key must be at most 64 bytes");
        }

        Sodium.EnsureInitialized();
        fixed (byte* o = output)
        fixed (byte* d = data)
        fixed (byte* k = key)
        {
            if (Sodium.crypto_generichash_blake2b(o, (nuint)output.Length, d, (ulong)data.Length, key.IsEmpty ? null : k, (nuint)key.Length) != 0)
            {
                throw new InvalidOperationException("crypto_generichash_blake2b failed");
            }
        }
    }

    public static byte[] Hash(ReadOnlySpan<byte> data, int outputLength)
    {
        var output = new byte[outputLength];
        Hash(data, output);
        return output;
    }

    public static byte[] Blake2b64(ReadOnlySpan<byte> data) => Hash(data, 8);

    public static byte[] Blake2b128(ReadOnlySpan<byte> data) => Hash(data, 16);

    public static byte[] Blake2b256(ReadOnlySpan<byte> data) => Hash(data, 32);

    public static byte[] Blake2b512(ReadOnlySpan<byte> data) => Hash(data, 64);
}
