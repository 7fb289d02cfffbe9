using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Subtensor.Network.Identity;
using Subtensor.Node.Cli;
using Subtensor.Runtime;
using Subtensor.Runtime.Genesis;

namespace Subtensor.Node.Commands;

/// <summary>
/// <c>subtensor-node build-spec [--chain dev|local|testnet|&lt;path&gt;] [--dev] [--raw] [--disable-default-bootnode]
/// [--node-key &lt;hex&gt;] [--node-key-file &lt;path&gt;]</c>: prints the chain spec as JSON (sc-cli <c>BuildSpecCmd</c>):
/// plain as given, or with <c>--raw</c> the genesis as storage (<c>genesis.raw.top</c>/<c>childrenDefault</c>). When the spec
/// has no boot nodes, <c>/ip4/127.0.0.1/tcp/30333/p2p/&lt;peer id&gt;</c> of this node's key is added unless
/// <c>--disable-default-bootnode</c>; the key is read (never created) from --node-key, --node-key-file or
/// <c>&lt;base&gt;/chains/&lt;id&gt;/network/secret_ed25519</c>, else a random one is used.
/// </summary>
internal static class BuildSpecCommand
{
    /// <summary>serde_json's pretty printer: two-space indentation, only the characters JSON requires escaped.</summary>
    internal static readonly JsonSerializerOptions Pretty = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Command Create()
    {
        var options = new ChainCommandOptions();
        var raw = new Option<bool>("--raw") { Description = "print the genesis as raw storage" };
        var noBootnode = new Option<bool>("--disable-default-bootnode") { Description = "do not add /ip4/127.0.0.1/tcp/30333/p2p/<peer id> when the spec has no boot nodes" };
        var nodeKey = new Option<string?>("--node-key") { Description = "the node key (64 hex digits) whose peer id goes into the default boot node" };
        var nodeKeyFile = new Option<FileInfo?>("--node-key-file") { Description = "a file holding the node key (32 raw bytes or 64 hex digits)" };
        var command = new Command("build-spec", "Build a chain specification (plain, or raw with --raw) and print it");
        options.AddTo(command, database: false);
        command.Options.Add(raw);
        command.Options.Add(noBootnode);
        command.Options.Add(nodeKey);
        command.Options.Add(nodeKeyFile);
        command.SetAction(parse =>
        {
            var runtime = new SubtensorRuntime();
            var (spec, json) = options.LoadChain(parse, runtime);
            var node = JsonNode.Parse(json)!.AsObject();
            if (spec.BootNodes.Count == 0 && !parse.GetValue(noBootnode))
            {
                var key = NodeKeyFor(parse.GetValue(nodeKey), parse.GetValue(nodeKeyFile), parse.GetValue(options.BasePath), spec);
                node["bootNodes"] = new JsonArray($"/ip4/127.0.0.1/tcp/30333/p2p/{key.PeerId}");
            }

            var text = node.ToJsonString(Pretty);
            if (parse.GetValue(raw) && node["genesis"] is JsonObject genesis && !genesis.ContainsKey("raw"))
            {
                try
                {
                    text = JsonNode.Parse(SubtensorChainSpecs.RawSpec(runtime, text))!.ToJsonString(Pretty);
                }
                catch (GenesisConfigException e)
                {
                    throw new CliException($"cannot build the raw genesis: {ChainCommandContext.OneLine(e.Message)}");
                }
            }

            Console.Out.WriteLine(text);
            return 0;
        });
        return command;
    }

    private static NodeKey NodeKeyFor(string? hex, FileInfo? file, DirectoryInfo? basePath, ChainSpec.ChainSpec spec)
    {
        try
        {
            if (hex is not null)
            {
                return NodeKey.ParseHex(hex);
            }

            if (file is not null)
            {
                return NodeKey.Load(file.FullName);
            }

            var home = basePath?.FullName ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "subtensor-node");
            var path = Path.Combine(ChainOptions.ChainDirectory(home, spec), "network", NodeKey.SecretFileName);
            return File.Exists(path) ? NodeKey.Load(path) : NodeKey.Generate();
        }
        catch (FormatException e)
        {
            throw new CliException($"invalid node key: {e.Message}");
        }
    }
}
