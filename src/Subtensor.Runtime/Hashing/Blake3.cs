using System.Buffers.Binary;
using System.Numerics;

namespace Subtensor.Runtime.Hashing;

/// <summary>
/// BLAKE3 hashing with the default 32-byte output (the BLAKE3 specification, "hash" mode): 1024-byte chunks of
/// 64-byte blocks compressed with CHUNK_START/CHUNK_END flags and the chunk counter, chaining values merged
/// pairwise into a binary tree (PARENT), the last compression flagged ROOT. Used by RFC-0078 metadata hashing.
/// </summary>
public static class Blake3
{
    private const int BlockLength = 64;
    private const int ChunkLength = 1024;
    private const uint ChunkStart = 1;
    private const uint ChunkEnd = 2;
    private const uint Parent = 4;
    private const uint Root = 8;

    private static readonly uint[] Iv =
    [
        0x6A09E667, 0xBB67AE85, 0x3C6EF372, 0xA54FF53A, 0x510E527F, 0x9B05688C, 0x1F83D9AB, 0x5BE0CD19,
    ];

    private static readonly int[] Permutation = [2, 6, 3, 10, 7, 0, 4, 13, 1, 11, 12, 5, 9, 14, 15, 8];

    public static byte[] Hash(ReadOnlySpan<byte> input)
    {
        var output = new byte[32];
        Hash(input, output);
        return output;
    }

    public static void Hash(ReadOnlySpan<byte> input, Span<byte> output)
    {
        if (output.Length != 32)
        {
            throw new ArgumentException("BLAKE3 output here is 32 bytes", nameof(output));
        }

        // Stack of chaining values of completed subtrees (at most 54 for 2^64 bytes).
        var stack = new List<uint[]>();
        ulong chunkCounter = 0;
        var offset = 0;

        // Every chunk except the last goes through the tree; the last one is finalized below.
        while (input.Length - offset > ChunkLength)
        {
            var cv = ChunkOutput(input.Slice(offset, ChunkLength), chunkCounter).ChainingValue();
            offset += ChunkLength;
            chunkCounter++;
            // Merge completed subtrees: one merge per trailing zero bit of the new chunk count.
            var totalChunks = chunkCounter;
            while ((totalChunks & 1) == 0)
            {
                var left = stack[^1];
                stack.RemoveAt(stack.Count - 1);
                cv = ParentOutput(left, cv).ChainingValue();
                totalChunks >>= 1;
            }

            stack.Add(cv);
        }

        var output_ = ChunkOutput(input[offset..], chunkCounter);
        for (var i = stack.Count - 1; i >= 0; i--)
        {
            output_ = ParentOutput(stack[i], output_.ChainingValue());
        }

        var words = output_.RootWords();
        for (var i = 0; i < 8; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(output[(i * 4)..], words[i]);
        }
    }

    private readonly struct Output(uint[] inputCv, uint[] blockWords, ulong counter, uint blockLen, uint flags)
    {
        public uint[] ChainingValue()
        {
            var state = Compress(inputCv, blockWords, counter, blockLen, flags);
            return state[..8];
        }

        public uint[] RootWords() => Compress(inputCv, blockWords, 0, blockLen, flags | Root)[..8];
    }

    private static Output ChunkOutput(ReadOnlySpan<byte> chunk, ulong counter)
    {
        var cv = (uint[])Iv.Clone();
        var blocks = Math.Max(1, (chunk.Length + BlockLength - 1) / BlockLength);
        for (var b = 0; b < blocks; b++)
        {
            var start = b * BlockLength;
            var len = Math.Min(BlockLength, chunk.Length - start);
            var words = BlockWords(chunk.Slice(start, Math.Max(0, len)));
            var flags = (b == 0 ? ChunkStart : 0) | (b == blocks - 1 ? ChunkEnd : 0);
            if (b == blocks - 1)
            {
                return new Output(cv, words, counter, (uint)Math.Max(0, len), flags);
            }

            cv = Compress(cv, words, counter, BlockLength, flags)[..8];
        }

        throw new InvalidOperationException("unreachable");
    }

    private static Output ParentOutput(uint[] left, uint[] right)
    {
        var words = new uint[16];
        left.CopyTo(words, 0);
        right.CopyTo(words, 8);
        return new Output(Iv, words, 0, BlockLength, Parent);
    }

    private static uint[] BlockWords(ReadOnlySpan<byte> block)
    {
        Span<byte> padded = stackalloc byte[BlockLength];
        padded.Clear();
        block.CopyTo(padded);
        var words = new uint[16];
        for (var i = 0; i < 16; i++)
        {
            words[i] = BinaryPrimitives.ReadUInt32LittleEndian(padded[(i * 4)..]);
        }

        return words;
    }

    private static uint[] Compress(uint[] cv, uint[] blockWords, ulong counter, uint blockLen, uint flags)
    {
        var v = new uint[16];
        cv.CopyTo(v, 0);
        v[8] = Iv[0];
        v[9] = Iv[1];
        v[10] = Iv[2];
        v[11] = Iv[3];
        v[12] = (uint)counter;
        v[13] = (uint)(counter >> 32);
        v[14] = blockLen;
        v[15] = flags;
        var m = (uint[])blockWords.Clone();
        for (var round = 0; round < 7; round++)
        {
            G(v, 0, 4, 8, 12, m[0], m[1]);
            G(v, 1, 5, 9, 13, m[2], m[3]);
            G(v, 2, 6, 10, 14, m[4], m[5]);
            G(v, 3, 7, 11, 15, m[6], m[7]);
            G(v, 0, 5, 10, 15, m[8], m[9]);
            G(v, 1, 6, 11, 12, m[10], m[11]);
            G(v, 2, 7, 8, 13, m[12], m[13]);
            G(v, 3, 4, 9, 14, m[14], m[15]);
            if (round < 6)
            {
                var permuted = new uint[16];
                for (var i = 0; i < 16; i++)
                {
                    permuted[i] = m[Permutation[i]];
                }

                m = permuted;
            }
        }

        for (var i = 0; i < 8; i++)
        {
            v[i] ^= v[i + 8];
            v[i + 8] ^= cv[i];
        }

        return v;
    }

    private static void G(uint[] v, int a, int b, int c, int d, uint mx, uint my)
    {
        v[a] = v[a] + v[b] + mx;
        v[d] = BitOperations.RotateRight(v[d] ^ v[a], 16);
        v[c] = v[c] + v[d];
        v[b] = BitOperations.RotateRight(v[b] ^ v[c], 12);
        v[a] = v[a] + v[b] + my;
        v[d] = BitOperations.RotateRight(v[d] ^ v[a], 8);
        v[c] = v[c] + v[d];
        v[b] = BitOperations.RotateRight(v[b] ^ v[c], 7);
    }
}
