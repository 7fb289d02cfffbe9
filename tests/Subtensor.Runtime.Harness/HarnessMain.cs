using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Subtensor.Core.Types;
using Subtensor.Runtime.Genesis;
using Subtensor.Runtime.Metadata;

namespace Subtensor.Runtime.Harness;

/// <summary>
/// Command dispatcher of the harness (used by tests/conformance). Results go to stdout; errors to stderr with exit
/// code 1 (bad input) or 2 (bad usage).
/// </summary>
internal static class HarnessMain
{
    private const string Usage = """
        usage: Subtensor.Runtime.Harness <command> [args]
          metadata [14|15]                      RuntimeMetadataPrefixed hex
          metadata-hash [<v15-hex-file> <spec-version> <spec-name> <ss58> <decimals> <symbol>]
                                                RFC-0078 metadata hash of this runtime, or of a metadata file
          declarations                          JSON: pallets with storage, calls, events, errors, constants
          genesis [--chain dev|local|testnet]   JSON: genesis hash, runtime version, properties
          plain-spec <chain>                    plain chain spec JSON
          raw-spec <chain>                      raw chain spec JSON
          apply <extrinsic-hex>... [--chain c] [--key <storage-key-hex>]...
                                                applies the extrinsics in block 1 on the chain's genesis and prints
                                                JSON: results, events, the requested storage values, the header
          call <Api_method> <args-hex> [--chain c]
                                                runtime API call on the genesis state; prints the result hex
          dump-metadata <hex-file> [--types]    readable listing of a metadata hex file
          our-metadata [14|15] [--hex|--types]  readable listing of this runtime's metadata
        """;

    public static int Run(string[] args)
    {
        if (args.Length == 0)
        {
            Console.Error.WriteLine(Usage);
            return 2;
        }

        try
        {
            return args[0] switch
            {
                "metadata" => Print(Hex.ToHex(Version(args) == 15 ? Runtime.MetadataV15 : Runtime.MetadataV14)),
                "metadata-hash" => Print(args.Length > 1
                    ? Hex.ToHex(Hashing.Blake3.Hash(MerkleizedMetadata.DigestBytes(RuntimeMetadata.Decode(ReadMetadataFile(args[1])),
                        uint.Parse(Arg(args, 2), CultureInfo.InvariantCulture), Arg(args, 3), ushort.Parse(Arg(args, 4), CultureInfo.InvariantCulture),
                        byte.Parse(Arg(args, 5), CultureInfo.InvariantCulture), Arg(args, 6))))
                    : Runtime.MetadataHash.ToString()),
                "declarations" => Print(Declarations().ToJsonString()),
                "genesis" => Print(Genesis(Option(args, "--chain") ?? "dev")),
                "plain-spec" => Print(SubtensorChainSpecs.PlainSpec(Runtime, Arg(args, 1))),
                "raw-spec" => Print(SubtensorChainSpecs.RawSpec(Runtime, SubtensorChainSpecs.PlainSpec(Runtime, Arg(args, 1)))),
                "apply" => Print(Apply(args)),
                "call" => Print(Call(args)),
                "dump-metadata" => Print(MetadataPrinter.Print(RuntimeMetadata.Decode(ReadMetadataFile(Arg(args, 1))), args.Contains("--types"))),
                "our-metadata" => Print(args.Contains("--hex")
                    ? Hex.ToHex(Version(args) == 15 ? Runtime.MetadataV15 : Runtime.MetadataV14)
                    : MetadataPrinter.Print(RuntimeMetadata.Decode(Version(args) == 15 ? Runtime.MetadataV15 : Runtime.MetadataV14), args.Contains("--types"))),
                _ => Fail($"unknown command {args[0]}\n{Usage}", 2),
            };
        }
        catch (Exception e) when (e is FormatException or IOException or InvalidOperationException or ArgumentException or GenesisConfigException
                                      or Api.RuntimeApiException or RuntimePanicException or JsonException)
        {
            return Fail(e.Message, 1);
        }
    }

    private static readonly Lazy<SubtensorRuntime> LazyRuntime = new(() => new SubtensorRuntime());

    private static SubtensorRuntime Runtime => LazyRuntime.Value;

    private static int Print(string s)
    {
        Console.Out.Write(s);
        Console.Out.WriteLine();
        return 0;
    }

    private static int Fail(string message, int code)
    {
        Console.Error.WriteLine(message);
        return code;
    }

    private static string Arg(string[] args, int i) => args.Length > i ? args[i] : throw new ArgumentException($"missing argument {i} for {args[0]}");

    private static int Version(string[] args) => args.Length > 1 && int.TryParse(args[1], NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : 14;

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    private static List<string> Options(string[] args, string name)
    {
        var values = new List<string>();
        for (var i = 0; i < args.Length - 1; i++)
        {
            if (args[i] == name)
            {
                values.Add(args[i + 1]);
            }
        }

        return values;
    }

    private static byte[] ReadMetadataFile(string path)
    {
        var bytes = Hex.Parse(File.ReadAllText(path).Trim());
        var at = bytes.AsSpan().IndexOf("meta"u8);
        return at is > 0 and < 8 ? bytes[at..] : bytes;
    }

    private static JsonObject Declarations()
    {
        var pallets = new JsonArray();
        foreach (var p in Runtime.Pallets)
        {
            pallets.Add(new JsonObject
            {
                ["name"] = p.Name,
                ["index"] = p.Index,
                ["storage"] = new JsonArray(p.DeclaredStorage.Select(s => (JsonNode)s.Name).ToArray()),
                ["calls"] = new JsonArray(p.DeclaredCalls.Select(c => (JsonNode)c.Name).ToArray()),
                ["events"] = new JsonArray(p.DeclaredEvents.Select(e => (JsonNode)e.Name).ToArray()),
                ["errors"] = new JsonArray(p.DeclaredErrors.Select(e => (JsonNode)e.Name).ToArray()),
                ["constants"] = new JsonArray(p.DeclaredConstants.Select(c => (JsonNode)new JsonObject { ["name"] = c.Name, ["value"] = Hex.ToHex(c.Value) }).ToArray()),
            });
        }

        return new JsonObject
        {
            ["pallets"] = pallets,
            ["extensions"] = new JsonArray(Runtime.Extensions.Select(e => (JsonNode)e.Identifier).ToArray()),
            ["apis"] = new JsonArray(Runtime.Apis.Definitions.Select(a => (JsonNode)new JsonObject
            {
                ["name"] = a.Name,
                ["methods"] = new JsonArray(a.Methods.Select(m => (JsonNode)m.Name).ToArray()),
            }).ToArray()),
        };
    }

    private static string Genesis(string chain)
    {
        var c = new HarnessChain(Runtime, chain);
        return new JsonObject
        {
            ["genesisHash"] = c.GenesisHash.ToString(),
            ["stateRoot"] = c.GenesisHeader.StateRoot.ToString(),
            ["specName"] = Runtime.Version.SpecName,
            ["specVersion"] = Runtime.Version.SpecVersion,
            ["transactionVersion"] = Runtime.Version.TransactionVersion,
            ["ss58Format"] = Runtime.Properties.Ss58Format,
            ["tokenDecimals"] = Runtime.Properties.TokenDecimals,
            ["tokenSymbol"] = Runtime.Properties.TokenSymbol,
        }.ToJsonString();
    }

    private static string Apply(string[] args)
    {
        var chain = new HarnessChain(Runtime, Option(args, "--chain") ?? "dev");
        var optionValues = new HashSet<string>(Options(args, "--chain").Concat(Options(args, "--key")), StringComparer.Ordinal);
        var extrinsics = args.Skip(1).Where(a => a.StartsWith("0x", StringComparison.Ordinal) && !optionValues.Contains(a)).ToList();
        chain.StartBlock();
        var results = new JsonArray();
        foreach (var x in extrinsics)
        {
            var r = chain.Apply(Hex.Parse(x));
            results.Add(new JsonObject { ["ok"] = r.IsSuccess, ["included"] = r.IsIncluded, ["result"] = Hex.ToHex(r.Encode()), ["text"] = r.ToString() });
        }

        var events = Hex.ToHex(chain.State.Get(Runtime.System.Events.Key) ?? [0]);
        var eventNames = new JsonArray(Runtime.System.ReadEvents(chain.State).Select(e => (JsonNode)e.Event.Name).ToArray());
        var header = chain.FinishBlock();
        var storage = new JsonObject();
        foreach (var k in Options(args, "--key"))
        {
            var v = chain.Backend.Get(Hex.Parse(k));
            storage[k] = v is null ? null : Hex.ToHex(v);
        }

        return new JsonObject
        {
            ["results"] = results,
            ["events"] = events,
            ["eventNames"] = eventNames,
            ["storage"] = storage,
            ["header"] = Hex.ToHex(header.Encode()),
            ["blockHash"] = header.Hash().ToString(),
        }.ToJsonString();
    }

    private static string Call(string[] args)
    {
        var chain = new HarnessChain(Runtime, Option(args, "--chain") ?? "dev");
        var result = Runtime.Apis.Call(chain.State, Arg(args, 1), Hex.Parse(Arg(args, 2)));
        return Hex.ToHex(result);
    }
}
