using Subtensor.ChainSpec;
using Subtensor.Client.Blockchain;
using Subtensor.Core.Native;
using Subtensor.Node.Cli;
using Subtensor.Runtime;
using Subtensor.Runtime.Genesis;
using Subtensor.Storage;
using Subtensor.Storage.Chain;

namespace Subtensor.Node.Commands;

/// <summary>
/// A resolved chain for one subcommand run: the runtime, the chain spec (parsed and as JSON), the base path with
/// Substrate's layout (<c>&lt;base&gt;/chains/&lt;id&gt;/db/full</c>) and the pruning flags; opens the database with
/// errors turned into one-line <see cref="CliException"/>s. Deletes a temporary base path when disposed.
/// </summary>
internal sealed class ChainCommandContext : IDisposable
{
    private readonly PruningMode? _statePruning;
    private readonly PruningMode? _blocksPruning;

    public ChainCommandContext(SubtensorRuntime runtime, ChainSpec.ChainSpec spec, string specJson, string basePath, bool isTemporary, PruningMode? statePruning, PruningMode? blocksPruning)
    {
        Runtime = runtime;
        Spec = spec;
        SpecJson = specJson;
        BasePath = basePath;
        IsTemporary = isTemporary;
        _statePruning = statePruning;
        _blocksPruning = blocksPruning;
    }

    public SubtensorRuntime Runtime { get; }

    public ChainSpec.ChainSpec Spec { get; }

    public string SpecJson { get; }

    public string BasePath { get; }

    public bool IsTemporary { get; }

    public string ChainDirectory => ChainOptions.ChainDirectory(BasePath, Spec);

    public string DatabasePath => ChainOptions.DatabasePath(BasePath, Spec);

    /// <summary>
    /// Opens the chain database. With <paramref name="create"/> false a missing database is an error (nothing is
    /// created); otherwise a new one is initialised with the genesis block built from the spec. Unless given on the
    /// command line, the pruning modes are the database's own, so opening never changes them.
    /// </summary>
    public ChainClient Open(bool create)
    {
        (PruningMode State, PruningMode Blocks)? stored;
        try
        {
            stored = ChainDatabase.ReadPruningModes(DatabasePath);
        }
        catch (StorageException e)
        {
            throw new CliException($"cannot open the database at {DatabasePath}: {OneLine(e.Message)}");
        }

        if (stored is null && !create)
        {
            throw new CliException($"there is no chain database at {DatabasePath} (wrong --base-path or --chain?)");
        }

        var options = new ChainDatabaseOptions
        {
            StatePruning = _statePruning ?? stored?.State ?? PruningMode.DefaultState,
            BlocksPruning = _blocksPruning ?? stored?.Blocks ?? PruningMode.DefaultBlocks,
        };
        try
        {
            return ChainClient.Open(Spec, DatabasePath, options, Runtime);
        }
        catch (StorageException e)
        {
            throw new CliException($"cannot open the database at {DatabasePath}: {OneLine(e.Message)}");
        }
        catch (Exception e) when (e is ChainSpecException or GenesisConfigException or NativeLibraryMissingException)
        {
            throw new CliException($"cannot build the genesis block of chain '{Spec.Id}': {OneLine(e.Message)}");
        }
    }

    public static string OneLine(string message) => message.ReplaceLineEndings(" ");

    public void Dispose()
    {
        if (!IsTemporary)
        {
            return;
        }

        try
        {
            Directory.Delete(BasePath, recursive: true);
        }
        catch (IOException)
        {
            // a temporary directory left behind is harmless
        }
    }
}
