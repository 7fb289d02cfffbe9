using System.Buffers.Binary;
using Subtensor.Core.Native;

namespace Subtensor.Core.Hashing;

/// <summary>Substrate's TwoX hashes: concatenated xxHash64 digests (seeds 0..n-1), each little-endian.</summary>
public static unsafe class Twox
{
    public static ulong XxHash64(ReadOnlySpan<byte> data, ulong seed)
    {
        fixed (byte* d = data)
        {
            return XxHash.XXH64(d, (nuint)data.Length, seed);
        }
    }

    /// <summary>Writes <c>output.Length / 8</c> xxHash64 lanes (seed i for lane i).</summary>
    public static void Hash(ReadOnlySpan<byte> data, Span<byte> output)
    {
        if (output.Length == 0 || output.Length % 8 != 0)
        {
            throw new ArgumentException("TwoX output must be a positive multiple of 8 bytes", nameof(output));
        }

        fixed (byte* d = data)
        {
            for (var i = 0; i < output.Length / 8; i++)
            {
                BinaryPrimitives.WriteUInt64LittleEndian(output.Slice(i * 8, 8), XxHash.XXH64(d, (nuint)data.Length, (ulong)i));
            }
        }
    }

    public static byte[] Twox64(ReadOnlySpan<byte> data) => Hash(data, 8);

    public static byte[] Twox128(ReadOnlySpan<byte> data) => Hash(data, 16);

    public static byte[] Twox256(ReadOnlySpan<byte> data) => Hash(data, 32);

    private static byte[] Hash(ReadOnlySpan<byte> data, int length)
    {
        var output = new byte[length];
        Hash(data, output);
        return output;
    }
}
