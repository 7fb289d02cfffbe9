using System.Runtime.InteropServices;
using Subtensor.Core.Native;

namespace Subtensor.Core.Compression;

/// <summary>
/// Substrate's optionally compressed blobs (<c>sp-maybe-compressed-blob</c>): an 8-byte magic prefix then a zstd
/// stream; anything else is returned unchanged. Decompression stops with an error past the bomb limit.
/// </summary>
public static unsafe class MaybeCompressedBlob
{
    /// <summary><c>CODE_BLOB_BOMB_LIMIT</c>: 50 MiB.</summary>
    public const int CodeBlobBombLimit = 50 * 1024 * 1024;

    /// <summary><c>ZSTD_PREFIX</c>: 52 bc 53 76 46 db 8e 05.</summary>
    public static ReadOnlySpan<byte> ZstdPrefix => [0x52, 0xbc, 0x53, 0x76, 0x46, 0xdb, 0x8e, 0x05];

    public static bool IsCompressed(ReadOnlySpan<byte> blob) => blob.StartsWith(ZstdPrefix);

    /// <summary>
    /// The blob itself when it lacks the prefix, otherwise its decompressed content. Throws
    /// <see cref="InvalidDataException"/> for a corrupt or truncated stream or output beyond <paramref name="bombLimit"/>.
    /// </summary>
    public static byte[] Decompress(ReadOnlySpan<byte> blob, int bombLimit = CodeBlobBombLimit)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(bombLimit);
        if (!IsCompressed(blob))
        {
            return blob.ToArray();
        }

        var input = blob[ZstdPrefix.Length..];
        var stream = Zstd.ZSTD_createDStream();
        if (stream == 0)
        {
            throw new InvalidOperationException("ZSTD_createDStream failed");
        }

        try
        {
            Check(Zstd.ZSTD_initDStream(stream));
            var output = new MemoryStream();
            var chunk = new byte[Math.Min(bombLimit + 1, 1 << 20)];
            nuint lastResult = 0;
            fixed (byte* src = input)
            fixed (byte* dst = chunk)
            {
                var inBuffer = new Zstd.ZstdInBuffer { Src = src, Size = (nuint)input.Length, Pos = 0 };
                while (true)
                {
                    var outBuffer = new Zstd.ZstdOutBuffer { Dst = dst, Size = (nuint)chunk.Length, Pos = 0 };
                    lastResult = Check(Zstd.ZSTD_decompressStream(stream, &outBuffer, &inBuffer));
                    output.Write(chunk, 0, (int)outBuffer.Pos);
                    if (output.Length > bombLimit)
                    {
                        throw new InvalidDataException($"decompressed blob exceeds {bombLimit} bytes (possible compression bomb)");
                    }

                    var inputDone = inBuffer.Pos == inBuffer.Size;
                    var outputFull = outBuffer.Pos == outBuffer.Size;
                    if (inputDone && !outputFull)
                    {
                        break;
                    }
                }
            }

            if (lastResult != 0)
            {
                throw new InvalidDataException("zstd stream is truncated");
            }

            return output.ToArray();
        }
        finally
        {
            Zstd.ZSTD_freeDStream(stream);
        }
    }

    private static nuint Check(nuint code)
    {
        if (Zstd.ZSTD_isError(code) != 0)
        {
            throw new InvalidDataException("zstd: " + Marshal.PtrToStringAnsi(Zstd.ZSTD_getErrorName(code)));
        }

        return code;
    }
}
