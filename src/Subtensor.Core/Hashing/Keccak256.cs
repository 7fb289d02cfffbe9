using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace Subtensor.Core.Hashing;

/// <summary>Keccak-256 with the original Keccak padding (0x01 .. 0x80), as Ethereum and <c>sp_io::hashing::keccak_256</c> use.</summary>
public static class Keccak256
{
    private const int Rate = 136;

    [SkipLocalsInit]
    public static void Hash(ReadOnlySpan<byte> data, Span<byte> output)
    {
        if (output.Length != 32)
        {
            throw new ArgumentException("Keccak-256 output is 32 bytes", nameof(output));
        }

        Span<ulong> state = stackalloc ulong[25];
        state.Clear();
        while (data.Length >= Rate)
        {
            Absorb(state, data[..Rate]);
            KeccakF1600.Permute(state);
            data = data[Rate..];
        }

        Span<byte> last = stackalloc byte[Rate];
        last.Clear();
        data.CopyTo(last);
        last[data.Length] ^= 0x01;
        last[Rate - 1] ^= 0x80;
        Absorb(state, last);
        KeccakF1600.Permute(state);
        for (var i = 0; i < 4; i++)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(output.Slice(i * 8, 8), state[i]);
        }
    }

    public static byte[] Hash(ReadOnlySpan<byte> data)
    {
        var output = new byte[32];
        Hash(data, output);
        return output;
    }

    private static void Absorb(Span<ulong> state, ReadOnlySpan<byte> block)
    {
        for (var i = 0; i < Rate / 8; i++)
        {
            state[i] ^= BinaryPrimitives.ReadUInt64LittleEndian(block.Slice(i * 8, 8));
        }
    }
}
