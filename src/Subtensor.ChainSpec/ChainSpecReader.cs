using System.Globalization;
using System.Text.Json;
using Subtensor.Core.Types;

namespace Subtensor.ChainSpec;

/// <summary>Reads chain spec JSON into <see cref="ChainSpec"/>, naming the JSON path of every problem.</summary>
internal static class ChainSpecReader
{
    public static ChainSpec Read(ReadOnlyMemory<byte> json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 128 });
        }
        catch (JsonException e)
        {
            throw new ChainSpecException($"invalid JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}): {e.Message}", "$", e);
        }

        using (document)
        {
            var root = document.RootElement;
            RejectDuplicateKeys(root, "$");
            RequireKind(root, JsonValueKind.Object, "$", "an object");
            var (chainType, custom) = ReadChainType(root);
            return new ChainSpec
            {
                Name = RequiredString(root, "name"),
                Id = RequiredString(root, "id"),
                ChainType = chainType,
                CustomChainType = custom,
                BootNodes = ReadBootNodes(root),
                TelemetryEndpoints = ReadTelemetry(root),
                ProtocolId = OptionalString(root, "protocolId"),
                ForkId = OptionalString(root, "forkId"),
                PropertiesJson = ReadProperties(root),
                ForkBlocks = ReadForkBlocks(root),
                BadBlocks = ReadBadBlocks(root),
                CodeSubstitutes = ReadCodeSubstitutes(root),
                Genesis = ReadGenesis(root),
            };
        }
    }

    public static string Child(string path, string name)
        => IsIdentifier(name) ? $"{path}.{name}" : $"{path}[{JsonSerializer.Serialize(name)}]";

    private static string Index(string path, int index) => $"{path}[{index}]";

    private static bool IsIdentifier(string name)
        => name.Length > 0 && (char.IsAsciiLetter(name[0]) || name[0] == '_') && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');

    private static void RejectDuplicateKeys(JsonElement element, string path)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var seen = new HashSet<string>(StringComparer.Ordinal);
                foreach (var property in element.EnumerateObject())
                {
                    var childPath = Child(path, property.Name);
                    if (!seen.Add(property.Name))
                    {
                        throw new ChainSpecException("duplicate key", childPath);
                    }

                    RejectDuplicateKeys(property.Value, childPath);
                }

                break;
            case JsonValueKind.Array:
                var i = 0;
                foreach (var item in element.EnumerateArray())
                {
                    RejectDuplicateKeys(item, Index(path, i++));
                }

                break;
        }
    }

    private static void RequireKind(JsonElement element, JsonValueKind kind, string path, string what)
    {
        if (element.ValueKind != kind)
        {
            throw new ChainSpecException($"expected {what}, found {Describe(element.ValueKind)}", path);
        }
    }

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };

    private static bool TryGet(JsonElement obj, string name, out JsonElement value, bool nullIsAbsent = true)
    {
        if (obj.TryGetProperty(name, out value) && !(nullIsAbsent && value.ValueKind == JsonValueKind.Null))
        {
            return true;
        }

        value = default;
        return false;
    }

    private static string RequiredString(JsonElement obj, string name)
    {
        if (!obj.TryGetProperty(name, out var value))
        {
            throw new ChainSpecException("missing required field", Child("$", name));
        }

        RequireKind(value, JsonValueKind.String, Child("$", name), "a string");
        return value.GetString()!;
    }

    private static string? OptionalString(JsonElement obj, string name)
    {
        if (!TryGet(obj, name, out var value))
        {
            return null;
        }

        RequireKind(value, JsonValueKind.String, Child("$", name), "a string");
        return value.GetString();
    }

    private static (ChainType, string?) ReadChainType(JsonElement root)
    {
        const string path = "$.chainType";
        if (!TryGet(root, "chainType", out var value))
        {
            return (ChainType.Live, null);
        }

        if (value.ValueKind == JsonValueKind.String)
        {
            return value.GetString() switch
            {
                "Development" => (ChainType.Development, null),
                "Local" => (ChainType.Local, null),
                "Live" => (ChainType.Live, null),
                var other => throw new ChainSpecException($"unknown chain type \"{other}\" (expected Development, Local, Live or {{\"Custom\": name}})", path),
            };
        }

        if (value.ValueKind == JsonValueKind.Object && value.EnumerateObject().Count() == 1
            && value.TryGetProperty("Custom", out var custom) && custom.ValueKind == JsonValueKind.String)
        {
            return (ChainType.Custom, custom.GetString());
        }

        throw new ChainSpecException("expected \"Development\", \"Local\", \"Live\" or {\"Custom\": name}", path);
    }

    private static List<string> ReadBootNodes(JsonElement root)
    {
        const string path = "$.bootNodes";
        if (!root.TryGetProperty("bootNodes", out var value))
        {
            throw new ChainSpecException("missing required field", path);
        }

        RequireKind(value, JsonValueKind.Array, path, "an array of multiaddresses");
        var nodes = new List<string>();
        var i = 0;
        foreach (var item in value.EnumerateArray())
        {
            RequireKind(item, JsonValueKind.String, Index(path, i), "a multiaddress string");
            var address = item.GetString()!;
            if (!address.StartsWith('/') || !(address.Contains("/p2p/", StringComparison.Ordinal) || address.Contains("/ipfs/", StringComparison.Ordinal)))
            {
                throw new ChainSpecException("a boot node must be a multiaddress ending in /p2p/<peer id>", Index(path, i));
            }

            nodes.Add(address);
            i++;
        }

        return nodes;
    }

    private static List<TelemetryEndpoint>? ReadTelemetry(JsonElement root)
    {
        const string path = "$.telemetryEndpoints";
        if (!TryGet(root, "telemetryEndpoints", out var value))
        {
            return null;
        }

        RequireKind(value, JsonValueKind.Array, path, "an array of [url, verbosity]");
        var endpoints = new List<TelemetryEndpoint>();
        var i = 0;
        foreach (var item in value.EnumerateArray())
        {
            var itemPath = Index(path, i++);
            if (item.ValueKind != JsonValueKind.Array || item.GetArrayLength() != 2
                || item[0].ValueKind != JsonValueKind.String || !item[1].TryGetByte(out var verbosity))
            {
                throw new ChainSpecException("expected [url string, verbosity 0..255]", itemPath);
            }

            endpoints.Add(new TelemetryEndpoint(item[0].GetString()!, verbosity));
        }

        return endpoints;
    }

    private static string? ReadProperties(JsonElement root)
    {
        if (!TryGet(root, "properties", out var value))
        {
            return null;
        }

        RequireKind(value, JsonValueKind.Object, "$.properties", "an object");
        return value.GetRawText();
    }

    private static List<ForkBlock>? ReadForkBlocks(JsonElement root)
    {
        const string path = "$.forkBlocks";
        if (!TryGet(root, "forkBlocks", out var value))
        {
            return null;
        }

        RequireKind(value, JsonValueKind.Array, path, "an array of [number, hash]");
        var blocks = new List<ForkBlock>();
        var i = 0;
        foreach (var item in value.EnumerateArray())
        {
            var itemPath = Index(path, i++);
            if (item.ValueKind != JsonValueKind.Array || item.GetArrayLength() != 2 || !item[0].TryGetUInt32(out var number))
            {
                throw new ChainSpecException("expected [block number, block hash]", itemPath);
            }

            blocks.Add(new ForkBlock(number, ReadHash(item[1], Index(itemPath, 1))));
        }

        return blocks;
    }

    private static List<Hash256>? ReadBadBlocks(JsonElement root)
    {
        const string path = "$.badBlocks";
        if (!TryGet(root, "badBlocks", out var value))
        {
            return null;
        }

        RequireKind(value, JsonValueKind.Array, path, "an array of block hashes");
        var hashes = new List<Hash256>();
        var i = 0;
        foreach (var item in value.EnumerateArray())
        {
            hashes.Add(ReadHash(item, Index(path, i++)));
        }

        return hashes;
    }

    private static Dictionary<uint, byte[]> ReadCodeSubstitutes(JsonElement root)
    {
        const string path = "$.codeSubstitutes";
        var substitutes = new Dictionary<uint, byte[]>();
        if (!TryGet(root, "codeSubstitutes", out var value))
        {
            return substitutes;
        }

        RequireKind(value, JsonValueKind.Object, path, "an object of block number -> code");
        foreach (var property in value.EnumerateObject())
        {
            var itemPath = Child(path, property.Name);
            if (!uint.TryParse(property.Name, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            {
                throw new ChainSpecException("a code substitute key must be a block number", itemPath);
            }

            if (!substitutes.TryAdd(number, ReadHex(property.Value, itemPath)))
            {
                throw new ChainSpecException($"duplicate code substitute for block {number}", itemPath);
            }
        }

        return substitutes;
    }

    private static ChainSpecGenesis ReadGenesis(JsonElement root)
    {
        const string path = "$.genesis";
        if (!root.TryGetProperty("genesis", out var genesis))
        {
            throw new ChainSpecException("missing required field", path);
        }

        RequireKind(genesis, JsonValueKind.Object, path, "an object");
        var properties = genesis.EnumerateObject().ToList();
        if (properties.Count != 1)
        {
            throw new ChainSpecException("expected exactly one of raw, runtimeGenesis, stateRootHash, runtime", path);
        }

        var property = properties[0];
        var formPath = Child(path, property.Name);
        return property.Name switch
        {
            "raw" => new ChainSpecGenesis(GenesisFormat.Raw) { Raw = ReadRaw(property.Value, formPath) },
            "runtimeGenesis" => ReadRuntimeGenesis(property.Value, formPath),
            "stateRootHash" => new ChainSpecGenesis(GenesisFormat.StateRootHash) { StateRootHash = ReadHex(property.Value, formPath) },
            "runtime" or "runtimeAndCode" => new ChainSpecGenesis(GenesisFormat.LegacyRuntime),
            _ => throw new ChainSpecException($"unknown genesis form \"{property.Name}\"", formPath),
        };
    }

    private static GenesisStorage ReadRaw(JsonElement raw, string path)
    {
        RequireKind(raw, JsonValueKind.Object, path, "an object with top and childrenDefault");
        foreach (var property in raw.EnumerateObject())
        {
            if (property.Name is not ("top" or "childrenDefault"))
            {
                throw new ChainSpecException("unknown field in raw genesis", Child(path, property.Name));
            }
        }

        if (!raw.TryGetProperty("top", out var top))
        {
            throw new ChainSpecException("missing required field", Child(path, "top"));
        }

        if (!raw.TryGetProperty("childrenDefault", out var children))
        {
            throw new ChainSpecException("missing required field", Child(path, "childrenDefault"));
        }

        var storage = new GenesisStorage();
        ReadStorageMap(top, Child(path, "top"), storage.Top);
        var childrenPath = Child(path, "childrenDefault");
        RequireKind(children, JsonValueKind.Object, childrenPath, "an object of child key -> storage");
        foreach (var child in children.EnumerateObject())
        {
            var childPath = Child(childrenPath, child.Name);
            var childKey = ReadHexString(child.Name, childPath);
            if (storage.ChildrenDefault.ContainsKey(childKey))
            {
                throw new ChainSpecException("duplicate child storage key", childPath);
            }

            ReadStorageMap(child.Value, childPath, storage.Child(childKey));
        }

        return storage;
    }

    private static void ReadStorageMap(JsonElement map, string path, SortedDictionary<byte[], byte[]> into)
    {
        RequireKind(map, JsonValueKind.Object, path, "an object of hex key -> hex value");
        foreach (var entry in map.EnumerateObject())
        {
            var entryPath = Child(path, entry.Name);
            var key = ReadHexString(entry.Name, entryPath);
            if (into.ContainsKey(key))
            {
                throw new ChainSpecException("duplicate storage key (same bytes as an earlier key)", entryPath);
            }

            into[key] = ReadHex(entry.Value, entryPath);
        }
    }

    private static ChainSpecGenesis ReadRuntimeGenesis(JsonElement value, string path)
    {
        RequireKind(value, JsonValueKind.Object, path, "an object with code and patch or config");
        byte[] code = [];
        JsonElement? config = null;
        var isPatch = false;
        foreach (var property in value.EnumerateObject())
        {
            var propertyPath = Child(path, property.Name);
            switch (property.Name)
            {
                case "code":
                    code = ReadHex(property.Value, propertyPath);
                    break;
                case "patch" or "config":
                    if (config is not null)
                    {
                        throw new ChainSpecException("give either patch or config, not both", propertyPath);
                    }

                    config = property.Value.Clone();
                    isPatch = property.Name == "patch";
                    break;
                default:
                    throw new ChainSpecException("unknown field in runtimeGenesis", propertyPath);
            }
        }

        if (config is null)
        {
            throw new ChainSpecException("missing patch or config", path);
        }

        return new ChainSpecGenesis(GenesisFormat.RuntimeGenesis) { Code = code, RuntimeGenesisConfig = config, IsPatch = isPatch };
    }

    private static Hash256 ReadHash(JsonElement value, string path)
    {
        var bytes = ReadHex(value, path);
        if (bytes.Length != Hash256.Length)
        {
            throw new ChainSpecException($"a block hash is 32 bytes, found {bytes.Length}", path);
        }

        return new Hash256(bytes);
    }

    private static byte[] ReadHex(JsonElement value, string path)
    {
        RequireKind(value, JsonValueKind.String, path, "a 0x-prefixed hex string");
        return ReadHexString(value.GetString()!, path);
    }

    private static byte[] ReadHexString(string text, string path)
    {
        if (!text.StartsWith("0x", StringComparison.Ordinal))
        {
            throw new ChainSpecException("hex string does not start with 0x", path);
        }

        try
        {
            return Hex.Parse(text);
        }
        catch (FormatException e)
        {
            throw new ChainSpecException(e.Message, path, e);
        }
    }
}
