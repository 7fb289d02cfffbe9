using System.Text.Json;

namespace Subtensor.TestSupport;

/// <summary>Locates the shared test vectors (<c>../shared/vectors</c> beside the checkout, or <c>SUBTENSOR_VECTORS</c>).</summary>
public static class TestVectors
{
    private static readonly Lazy<string> Root = new(Locate);

    public static string Directory => Root.Value;

    public static string PathOf(string relative) => Path.Combine(Directory, relative);

    public static JsonDocument Json(string relative) => JsonDocument.Parse(File.ReadAllText(PathOf(relative)));

    /// <summary>The repository root (the directory holding <c>Subtensor.sln</c>).</summary>
    public static string RepositoryRoot
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Subtensor.sln")))
            {
                dir = dir.Parent;
            }

            return dir?.FullName ?? throw new InvalidOperationException("cannot find Subtensor.sln above " + AppContext.BaseDirectory);
        }
    }

    private static string Locate()
    {
        var fromEnv = Environment.GetEnvironmentVariable("SUBTENSOR_VECTORS");
        if (!string.IsNullOrEmpty(fromEnv))
        {
            return System.IO.Directory.Exists(fromEnv)
                ? fromEnv
                : throw new DirectoryNotFoundException($"SUBTENSOR_VECTORS={fromEnv} does not exist");
        }

        // ../shared/vectors beside the checkout; a clone placed deeper (a CI work directory) finds it in an ancestor.
        var first = Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "vectors"));
        for (var dir = new DirectoryInfo(RepositoryRoot).Parent; dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "vectors");
            if (System.IO.Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException($"test vectors not found at {first} (nor in any ancestor's shared/vectors); set SUBTENSOR_VECTORS");
    }
}
