namespace Subtensor.Core.Native;

/// <summary>A native library the node depends on could not be loaded; names the Debian package that provides it.</summary>
public sealed class NativeLibraryMissingException : DllNotFoundException
{
    public NativeLibraryMissingException(string library, string debianPackage, string? detail = null)
        : base($"native library '{library}' could not be loaded; install the Debian package '{debianPackage}' " +
               $"(run scripts/setup.sh as root, or: apt-get install -y {debianPackage}){(detail is null ? "" : ": " + detail)}")
    {
        Library = library;
        DebianPackage = debianPackage;
    }

    public NativeLibraryMissingException() : base("native library could not be loaded") { Library = ""; DebianPackage = ""; }
    public NativeLibraryMissingException(string message) : base(message) { Library = ""; DebianPackage = ""; }
    public NativeLibraryMissingException(string message, Exception inner) : base(message, inner) { Library = ""; DebianPackage = ""; }

    /// <summary>The logical library name used in <c>LibraryImport</c>.</summary>
    public string Library { get; }

    /// <summary>The Debian package that ships the library.</summary>
    public string DebianPackage { get; }
}
