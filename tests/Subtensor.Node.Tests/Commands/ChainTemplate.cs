using Subtensor.Core.Types;
using Subtensor.Node.Cli;
using Subtensor.Node.Commands;

namespace Subtensor.Node.Tests.Commands;

/// <summary>
/// A dev chain built once per test run — genesis and 6 blocks authored by //Alice (transfers in #1, #3, #5), #2
/// finalized, #3..#6 not — in a base path that tests copy (<see cref="CopyTo"/>) before running commands on it.
/// </summary>
internal static class ChainTemplate
{
    public const int Length = 6;
    public const int FinalizedNumber = 2;

    private static readonly Lazy<Built> Instance = new(Build, LazyThreadSafetyMode.ExecutionAndPublication);

    public sealed record Built(string BasePath, string DatabaseRelative, IReadOnlyList<Hash256> Hashes, IReadOnlyList<Header> Headers, IReadOnlyList<byte[]> Encoded);

    /// <summary>Block hashes by number (genesis at 0).</summary>
    public static IReadOnlyList<Hash256> Hashes => Instance.Value.Hashes;

    public static IReadOnlyList<Header> Headers => Instance.Value.Headers;

    /// <summary>The SCALE SignedBlock encoding of each block by number.</summary>
    public static IReadOnlyList<byte[]> Encoded => Instance.Value.Encoded;

    /// <summary>Copies the template base path to <paramref name="basePath"/> (a fresh directory).</summary>
    public static void CopyTo(string basePath)
    {
        var source = Instance.Value.BasePath;
        foreach (var dir in Directory.EnumerateDirectories(source, "*", SearchOption.AllDirectories))
        {
            Directory.CreateDirectory(Path.Combine(basePath, Path.GetRelativePath(source, dir)));
        }

        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            File.Copy(file, Path.Combine(basePath, Path.GetRelativePath(source, file)));
        }
    }

    public static string DatabasePath(string basePath) => Path.Combine(basePath, Instance.Value.DatabaseRelative);

    private static Built Build()
    {
        var basePath = Directory.CreateTempSubdirectory("node-chain-template-").FullName;
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                Directory.Delete(basePath, recursive: true);
            }
            catch (IOException)
            {
            }
        };
        using var chain = new TestChain(basePath);
        chain.AuthorMany(Length);
        var client = chain.Client;
        client.Finalize(client.GetCanonicalHash(FinalizedNumber)!.Value);
        var hashes = new List<Hash256>();
        var headers = new List<Header>();
        var encoded = new List<byte[]>();
        for (var n = 0u; n <= Length; n++)
        {
            var hash = client.GetCanonicalHash(n)!.Value;
            hashes.Add(hash);
            headers.Add(client.GetHeader(hash)!);
            var justifications = client.GetJustifications(hash);
            encoded.Add(SignedBlock.EncodeStored(client.Database.GetHeader(hash), client.Database.GetBody(hash), justifications, justifications is not null));
        }

        return new Built(basePath, Path.GetRelativePath(basePath, ChainOptions.DatabasePath(basePath, chain.Spec)), hashes, headers, encoded);
    }
}
