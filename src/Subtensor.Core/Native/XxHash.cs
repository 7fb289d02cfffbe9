using System.Runtime.InteropServices;

namespace Subtensor.Core.Native;

/// <summary>Thin P/Invoke layer over libxxhash (Debian <c>libxxhash0</c>).</summary>
internal static unsafe partial class XxHash
{
    [LibraryImport("xxhash")]
    public static partial ulong XXH64(byte* input, nuint length, ulong seed);
}
