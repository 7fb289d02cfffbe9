using System.Runtime.InteropServices;
using Subtensor.Storage.RocksDb;

namespace Subtensor.Storage.Native;

/// <summary>Turns RocksDB's <c>errptr</c> strings into <see cref="RocksDbException"/>s and frees them.</summary>
internal static class RocksDbError
{
    public static void ThrowIfSet(nint errptr, string operation)
    {
        if (errptr != 0)
        {
            throw new RocksDbException(operation, Take(errptr));
        }
    }

    /// <summary>Copies and frees a malloc'ed C string returned by RocksDB.</summary>
    public static string Take(nint cString)
    {
        try
        {
            return Marshal.PtrToStringUTF8(cString) ?? string.Empty;
        }
        finally
        {
            RocksDbNative.rocksdb_free(cString);
        }
    }
}
