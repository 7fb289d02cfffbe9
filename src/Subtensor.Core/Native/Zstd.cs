using System.Runtime.InteropServices;

namespace Subtensor.Core.Native;

/// <summary>Thin P/Invoke layer over libzstd (Debian <c>libzstd1</c>); decompression only.</summary>
internal static unsafe partial class Zstd
{
    private const string Lib = "zstd";

    public const ulong ContentSizeUnknown = unchecked((ulong)-1);
    public const ulong ContentSizeError = unchecked((ulong)-2);

    [LibraryImport(Lib)]
    public static partial ulong ZSTD_getFrameContentSize(byte* src, nuint srcSize);

    [LibraryImport(Lib)]
    public static partial nint ZSTD_createDStream();

    [LibraryImport(Lib)]
    public static partial nuint ZSTD_freeDStream(nint zds);

    [LibraryImport(Lib)]
    public static partial nuint ZSTD_initDStream(nint zds);

    [LibraryImport(Lib)]
    public static partial nuint ZSTD_decompressStream(nint zds, ZstdOutBuffer* output, ZstdInBuffer* input);

    [LibraryImport(Lib)]
    public static partial uint ZSTD_isError(nuint code);

    [LibraryImport(Lib)]
    public static partial nint ZSTD_getErrorName(nuint code);

    [StructLayout(LayoutKind.Sequential)]
    public struct ZstdInBuffer
    {
        public byte* Src;
        public nuint Size;
        public nuint Pos;
    }

    [StructLayout(LayoutKind.Sequential)]
    public struct ZstdOutBuffer
    {
        public byte* Dst;
        public nuint Size;
        public nuint Pos;
    }
}
