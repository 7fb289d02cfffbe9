using System.CommandLine;
using Subtensor.Node.Cli;
using Subtensor.Node.Service;
using Subtensor.Runtime;
using Subtensor.Runtime.Genesis;
using Subtensor.Storage;

namespace Subtensor.Node.Commands;

/// <summary>
/// The options of the subcommands that work on a chain (Substrate's <c>SharedParams</c> and <c>PruningParams</c>):
/// <c>--dev</c>, <c>--chain</c>, <c>--base-path</c>/<c>-d</c> and, for database commands, <c>--state-pruning</c> and
/// <c>--blocks-pruning</c>. As in Substrate, <c>--dev</c> without <c>--base-path</c> means a fresh temporary base path.
/// </summary>
internal sealed class ChainCommandOptions
{
    public Option<bool> Dev { get; } = new("--dev") { Description = "the development chain (--chain dev); without --base-path, a temporary base path" };

    public Option<string?> Chain { get; } = new("--chain") { Description = "chain: dev, local, testnet, or the path of a chain spec JSON" };

    public Option<DirectoryInfo?> BasePath { get; } = new("--base-path", "-d") { Description = "the node's data directory (default ~/.local/share/subtensor-node)" };

    public Option<string?> StatePruning { get; } = new("--state-pruning") { Description = "archive, archive-canonical or a number of blocks (default: the database's mode, 256 for a new one)" };

    public Option<string?> BlocksPruning { get; } = new("--blocks-pruning") { Description = "archive, archive-canonical or a number of blocks (default: the database's mode, archive-canonical for a new one)" };

    public void AddTo(Command command, bool database)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Options.Add(Dev);
        command.Options.Add(Chain);
        command.Options.Add(BasePath);
        if (database)
        {
            command.Options.Add(StatePruning);
            command.Options.Add(BlocksPruning);
        }
    }

    /// <summary>An optional block number option (<c>--from</c>, <c>--to</c>) with a one-line parse error.</summary>
    public static Option<uint?> BlockNumber(string name, string description) => new(name)
    {
        Description = description,
        HelpName = "BLOCK",
        CustomParser = r =>
        {
            var text = r.Tokens.Count == 0 ? string.Empty : r.Tokens[^1].Value;
            if (text.Length > 0 && text.All(char.IsAsciiDigit) && uint.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number))
            {
                return number;
            }

            r.AddError($"invalid {name} '{text}': expected a block number (0..{uint.MaxValue})");
            return null;
        },
    };

    /// <summary>The chain spec (and its JSON) selected by --chain / --dev; the base path is not touched.</summary>
    public (ChainSpec.ChainSpec Spec, string Json) LoadChain(ParseResult parse, SubtensorRuntime runtime)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var chain = parse.GetValue(Chain) ?? (parse.GetValue(Dev) ? "dev" : null)
            ?? throw new CliException("no chain given: use --chain dev|local|testnet|<path> or --dev");
        var spec = ChainOptions.LoadSpec(chain, runtime);
        string json;
        try
        {
            json = chain == FastBlocks.LocalFastChain ? FastBlocks.LocalFastSpec()
                : File.Exists(chain) && !IsBuiltIn(chain) ? File.ReadAllText(chain) : SubtensorChainSpecs.PlainSpec(runtime, chain);
        }
        catch (GenesisConfigException e)
        {
            throw new CliException($"invalid chain '{chain}': {e.Message}");
        }

        return (spec, json);
    }

    /// <summary>Resolves the chain and the base path; the context deletes a temporary base path when disposed.</summary>
    public ChainCommandContext Resolve(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var runtime = new SubtensorRuntime();
        var (spec, json) = LoadChain(parse, runtime);
        var statePruning = ParsePruning(parse.GetValue(StatePruning), "--state-pruning");
        var blocksPruning = ParsePruning(parse.GetValue(BlocksPruning), "--blocks-pruning");
        string basePath;
        var temporary = false;
        if (parse.GetValue(BasePath) is { } dir)
        {
            basePath = dir.FullName;
        }
        else if (parse.GetValue(Dev))
        {
            basePath = Directory.CreateTempSubdirectory("subtensor-node-").FullName;
            temporary = true;
        }
        else
        {
            basePath = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "subtensor-node");
        }

        // A fast-blocks spec (local-fast, or a file with "fastBlocks": true) runs the 250 ms runtime, as the node does.
        return new ChainCommandContext(FastBlocks.IsEnabled(spec) ? FastBlocks.CreateRuntime(spec) : runtime, spec, json, basePath, temporary, statePruning, blocksPruning);
    }

    private static bool IsBuiltIn(string chain) => SubtensorChainSpecs.ChainNames.Contains(chain) || chain == "test_finney";

    private static PruningMode? ParsePruning(string? text, string flag)
    {
        if (text is null)
        {
            return null;
        }

        return PruningMode.TryParse(text, out var mode, out var error) ? mode : throw new CliException($"invalid {flag} '{text}': {error}");
    }
}
