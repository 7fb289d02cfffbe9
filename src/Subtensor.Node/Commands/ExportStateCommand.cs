using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using Subtensor.Core.Types;
using Subtensor.Runtime.State;
using Subtensor.Storage.State;
using Subtensor.Trie;

namespace Subtensor.Node.Commands;

/// <summary>
/// <c>subtensor-node export-state [--chain ..] [--base-path ..] [HASH or NUMBER]</c> (default: the best block): prints
/// the chain spec with its genesis replaced by the raw state of that block (sc-cli <c>ExportStateCmd</c>, sc-service
/// <c>export_raw_state</c>): <c>genesis.raw.top</c> holds every top-trie pair except the default child trie roots,
/// <c>genesis.raw.childrenDefault</c> each default child trie's pairs under its unprefixed key. A node started from
/// that spec has a genesis state root equal to the block's state root. The JSON is streamed, not built in memory.
/// </summary>
internal static class ExportStateCommand
{
    public static Command Create()
    {
        var options = new ChainCommandOptions();
        var block = new Argument<string?>("block") { Description = "block hash or number (default: the best block)", Arity = ArgumentArity.ZeroOrOne, HelpName = "HASH or NUMBER" };
        var command = new Command("export-state", "Export the state of a block as a raw chain spec") { block };
        options.AddTo(command, database: true);
        command.SetAction(parse => CommandGuard.Run(() =>
        {
            var target = parse.GetValue(block) is { } text ? BlockNumberOrHash.Parse(text) : (BlockNumberOrHash?)null;
            using var context = options.Resolve(parse);
            using var client = context.Open(create: false);
            var at = target?.Resolve(client) ?? client.Best;
            var state = client.Database.GetState(at.Hash);
            Console.Error.WriteLine($"Exporting raw state of block #{at.Number} ({at.Hash}), state root {state.Root}");
            var spec = JsonNode.Parse(context.SpecJson)!.AsObject();

            // written to a temporary file first, so that a failure midway prints nothing rather than half a spec
            using var buffer = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose);
            using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = BuildSpecCommand.Pretty.Encoder }))
            {
                writer.WriteStartObject();
                foreach (var (name, value) in spec)
                {
                    writer.WritePropertyName(name);
                    if (name == "genesis")
                    {
                        WriteRawGenesis(writer, state);
                    }
                    else if (value is null)
                    {
                        writer.WriteNullValue();
                    }
                    else
                    {
                        value.WriteTo(writer, BuildSpecCommand.Pretty);
                    }
                }

                writer.WriteEndObject();
            }

            buffer.Position = 0;
            using (var reader = new StreamReader(buffer, leaveOpen: true))
            {
                var chunk = new char[1 << 16];
                int read;
                while ((read = reader.Read(chunk, 0, chunk.Length)) > 0)
                {
                    Console.Out.Write(chunk, 0, read);
                }
            }

            Console.Out.WriteLine();
            return 0;
        }));
        return command;
    }

    private static void WriteRawGenesis(Utf8JsonWriter writer, StateView state)
    {
        var children = new List<(byte[] Key, Hash256 Root)>();
        var prefix = WellKnownKeys.DefaultChildStoragePrefix;
        writer.WriteStartObject();
        writer.WriteStartObject("raw");
        writer.WriteStartObject("top");
        foreach (var (key, value) in new MutableTrie(state, state.Root, TrieLayout.V1).Enumerate())
        {
            if (key.AsSpan().StartsWith(prefix))
            {
                if (value.Length != Hash256.Length)
                {
                    throw new FormatException($"the child trie root under {Hex.ToHex(key)} is {value.Length} bytes, expected 32");
                }

                children.Add((key[prefix.Length..], new Hash256(value)));
                continue;
            }

            writer.WriteString(Hex.ToHex(key), Hex.ToHex(value));
        }

        writer.WriteEndObject();
        writer.WriteStartObject("childrenDefault");
        foreach (var (childKey, root) in children)
        {
            writer.WriteStartObject(Hex.ToHex(childKey));
            foreach (var (key, value) in new MutableTrie(state, root, TrieLayout.V1).Enumerate())
            {
                writer.WriteString(Hex.ToHex(key), Hex.ToHex(value));
            }

            writer.WriteEndObject();
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteEndObject();
    }
}
