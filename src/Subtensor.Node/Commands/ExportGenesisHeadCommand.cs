using System.CommandLine;
using System.Text;
using System.Text.Json;
using Subtensor.ChainSpec;
using Subtensor.Core.Native;
using Subtensor.Core.Types;
using Subtensor.Trie;

namespace Subtensor.Node.Commands;

/// <summary>
/// <c>subtensor-node export-genesis-head --chain &lt;path&gt; [--json] [--state-version 0|1]</c>: prints the SCALE
/// genesis header as 0x-hex, or with --json {"hash","number","stateRoot","extrinsicsRoot","header"}. Bad input:
/// one line on stderr and exit code 1.
/// </summary>
internal static class ExportGenesisHeadCommand
{
    public static Command Create()
    {
        var chain = new Option<string>("--chain") { Description = "Path to a JSON chain spec" };
        var json = new Option<bool>("--json") { Description = "Print hash, number, roots and header as JSON" };
        var stateVersion = new Option<string>("--state-version") { Description = "Trie state version 0 or 1 (default: read from the runtime in :code)" };
        var command = new Command("export-genesis-head", "Export the genesis block header of a chain spec")
        {
            chain,
            json,
            stateVersion,
        };
        command.SetAction(result => Run(result.GetValue(chain), result.GetValue(json), result.GetValue(stateVersion), Console.Out, Console.Error));
        return command;
    }

    public static int Run(string? chainPath, bool asJson, string? stateVersion, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        if (string.IsNullOrEmpty(chainPath))
        {
            error.WriteLine("error: --chain <path> is required");
            return 1;
        }

        TrieLayout? layout = null;
        if (stateVersion is not null)
        {
            if (stateVersion is not ("0" or "1"))
            {
                error.WriteLine($"error: --state-version must be 0 or 1, got '{stateVersion}'");
                return 1;
            }

            layout = stateVersion == "0" ? TrieLayout.V0 : TrieLayout.V1;
        }

        try
        {
            var genesis = GenesisBlockBuilder.Build(Subtensor.ChainSpec.ChainSpec.Load(chainPath), layout);
            var header = Hex.ToHex(genesis.Header.Encode());
            output.WriteLine(asJson ? Json(genesis, header) : header);
            return 0;
        }
        catch (ChainSpecException e)
        {
            error.WriteLine("error: " + OneLine(e.Message));
            return 1;
        }
        catch (NativeLibraryMissingException e)
        {
            error.WriteLine("error: " + OneLine(e.Message));
            return 1;
        }
    }

    private static string Json(GenesisBlock genesis, string header)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            writer.WriteString("hash", genesis.Hash.ToString());
            writer.WriteNumber("number", genesis.Header.Number);
            writer.WriteString("stateRoot", genesis.Header.StateRoot.ToString());
            writer.WriteString("extrinsicsRoot", genesis.Header.ExtrinsicsRoot.ToString());
            writer.WriteString("header", header);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static string OneLine(string message) => message.ReplaceLineEndings(" ");
}
