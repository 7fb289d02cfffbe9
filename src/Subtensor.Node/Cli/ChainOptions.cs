using System.CommandLine;
using Subtensor.Node.Service;
using Subtensor.Runtime;
using Subtensor.Runtime.Genesis;

namespace Subtensor.Node.Cli;

/// <summary>The options every chain-touching command shares (<c>--dev</c>, <c>--chain</c>, <c>--base-path</c>, <c>--tmp</c>).</summary>
internal sealed class ChainOptions
{
    public Option<bool> Dev { get; } = new("--dev") { Description = "development chain: single authority Alice, pre-funded dev accounts, temporary base path unless --base-path, instant sealing" };

    public Option<string?> Chain { get; } = new("--chain") { Description = "chain: dev, local, local-fast (250 ms blocks), testnet, or the path of a chain spec JSON" };

    public Option<DirectoryInfo?> BasePath { get; } = new("--base-path", "-d") { Description = "directory for the node's data (default ~/.local/share/subtensor-node; temporary with --dev)" };

    public Option<bool> Tmp { get; } = new("--tmp") { Description = "use a temporary base path, deleted on exit" };

    public void AddTo(Command command)
    {
        command.Options.Add(Dev);
        command.Options.Add(Chain);
        command.Options.Add(BasePath);
        command.Options.Add(Tmp);
    }

    /// <summary>The chain spec selected by --chain / --dev (dev when --dev and no --chain).</summary>
    public ChainSpec.ChainSpec ResolveSpec(ParseResult parse, SubtensorRuntime runtime)
    {
        var chain = parse.GetValue(Chain) ?? (parse.GetValue(Dev) ? "dev" : null)
            ?? throw new CliException("no chain given: use --chain dev|local|testnet|<path> or --dev");
        return LoadSpec(chain, runtime);
    }

    public static ChainSpec.ChainSpec LoadSpec(string chain, SubtensorRuntime runtime)
    {
        ArgumentNullException.ThrowIfNull(chain);
        if (SubtensorChainSpecs.ChainNames.Contains(chain) || chain == "test_finney")
        {
            return ChainSpec.ChainSpec.Parse(System.Text.Encoding.UTF8.GetBytes(SubtensorChainSpecs.PlainSpec(runtime, chain)));
        }

        if (chain == FastBlocks.LocalFastChain)
        {
            return ChainSpec.ChainSpec.Parse(System.Text.Encoding.UTF8.GetBytes(FastBlocks.LocalFastSpec()));
        }

        if (!File.Exists(chain))
        {
            throw new CliException($"chain '{chain}' is neither a built-in chain ({string.Join(", ", SubtensorChainSpecs.ChainNames)}, {FastBlocks.LocalFastChain}) nor an existing file");
        }

        try
        {
            return ChainSpec.ChainSpec.Load(chain);
        }
        catch (ChainSpec.ChainSpecException e)
        {
            throw new CliException($"invalid chain spec {chain}: {e.Message}");
        }
    }

    /// <summary>The base path and whether it is temporary (--tmp, or --dev without --base-path).</summary>
    public (string Path, bool IsTemporary) ResolveBasePath(ParseResult parse)
    {
        if (parse.GetValue(BasePath) is { } dir)
        {
            return (dir.FullName, false);
        }

        if (parse.GetValue(Tmp) || parse.GetValue(Dev))
        {
            return (Directory.CreateTempSubdirectory("subtensor-node-").FullName, true);
        }

        var home = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData);
        return (System.IO.Path.Combine(home, "subtensor-node"), false);
    }

    /// <summary>Substrate's layout: <c>&lt;base&gt;/chains/&lt;chain id&gt;</c>.</summary>
    public static string ChainDirectory(string basePath, ChainSpec.ChainSpec spec) => System.IO.Path.Combine(basePath, "chains", spec.Id);

    public static string DatabasePath(string basePath, ChainSpec.ChainSpec spec) => System.IO.Path.Combine(ChainDirectory(basePath, spec), "db", "full");
}
