using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.InteropServices;

namespace Subtensor.Core.Native;

/// <summary>
/// Maps the logical library names used by <c>LibraryImport</c> ("sodium", "xxhash", "zstd", "rocksdb")
/// to the sonames shipped by Debian, and turns a missing library into an error that names its package.
/// Every assembly with native imports registers itself once through <see cref="Register"/>.
/// </summary>
public static class NativeLibraryResolver
{
    private sealed record Candidate(string[] FileNames, string DebianPackage);

    private static readonly Dictionary<string, Candidate> Known = new(StringComparer.Ordinal)
    {
        ["sodium"] = new(["libsodium.so.23", "libsodium.so", "libsodium.dylib", "libsodium"], "libsodium23"),
        ["xxhash"] = new(["libxxhash.so.0", "libxxhash.so", "libxxhash.dylib", "libxxhash"], "libxxhash0"),
        ["zstd"] = new(["libzstd.so.1", "libzstd.so", "libzstd.dylib", "libzstd"], "libzstd1"),
        ["rocksdb"] = new(["librocksdb.so.7.8", "librocksdb.so", "librocksdb.dylib", "librocksdb"], "librocksdb7.8"),
    };

    private static readonly ConcurrentDictionary<string, IntPtr> Loaded = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<Assembly, bool> Registered = new();

    /// <summary>Installs the resolver for <paramref name="assembly"/>; safe to call more than once.</summary>
    public static void Register(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        if (Registered.TryAdd(assembly, true))
        {
            NativeLibrary.SetDllImportResolver(assembly, Resolve);
        }
    }

    /// <summary>Loads a known library now, throwing <see cref="NativeLibraryMissingException"/> if it is absent.</summary>
    public static IntPtr Load(string logicalName) => Loaded.GetOrAdd(logicalName, LoadCore);

    private static IntPtr Resolve(string libraryName, Assembly assembly, DllImportSearchPath? searchPath)
        => Known.ContainsKey(libraryName) ? Load(libraryName) : IntPtr.Zero;

    private static IntPtr LoadCore(string logicalName)
    {
        if (!Known.TryGetValue(logicalName, out var candidate))
        {
            throw new ArgumentException($"unknown native library '{logicalName}'", nameof(logicalName));
        }

        string? lastError = null;
        foreach (var file in candidate.FileNames)
        {
            try
            {
                return NativeLibrary.Load(file);
            }
            catch (DllNotFoundException e)
            {
                lastError = e.Message;
            }
        }

        throw new NativeLibraryMissingException(logicalName, candidate.DebianPackage, lastError);
    }
}
