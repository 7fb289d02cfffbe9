using System.Text.Json;
using System.Text.Json.Nodes;
using Subtensor.Core.Crypto;
using Subtensor.Core.Types;
using Subtensor.Runtime.State;

namespace Subtensor.Runtime.Genesis;

/// <summary>
/// The runtime side of sp_genesis_builder: the default runtime genesis config, named presets (patches), and building
/// genesis storage from a config. Top-level keys are the pallets' names in lowerCamelCase; unknown keys are refused
/// (FRAME's <c>deny_unknown_fields</c>).
/// </summary>
public static class GenesisBuilder
{
    public const string DevelopmentPreset = "development";
    public const string LocalTestnetPreset = "local_testnet";
    public const string BenchmarkPreset = "benchmark";

    public static IReadOnlyList<string> PresetNames { get; } = [BenchmarkPreset, DevelopmentPreset, LocalTestnetPreset];

    /// <summary><c>get_preset(None)</c>: every pallet's genesis config with default values.</summary>
    public static string DefaultConfigJson(SubtensorRuntime runtime)
    {
        ArgumentNullException.ThrowIfNull(runtime);
        var root = new JsonObject();
        foreach (var p in runtime.Pallets)
        {
            if (p.DefaultGenesisConfig() is { } config)
            {
                root[p.GenesisKey] = JsonSerializer.SerializeToNode(config);
            }
        }

        return root.ToJsonString();
    }

    /// <summary>The patch of a named preset, or null for an unknown name.</summary>
    public static string? PresetPatchJson(string id) => id switch
    {
        DevelopmentPreset => LocalnetPatch(["Alice"]).ToJsonString(),
        LocalTestnetPreset => LocalnetPatch(["Alice", "Bob", "Charlie", "Dave"]).ToJsonString(),
        BenchmarkPreset => BenchmarkPatch().ToJsonString(),
        _ => null,
    };

    /// <summary>
    /// Writes genesis storage for <paramref name="json"/> (a full config or a patch; missing sections use defaults):
    /// each pallet's genesis build, then the pallets' storage versions (FRAME <c>on_genesis</c>).
    /// </summary>
    public static void BuildState(SubtensorRuntime runtime, IStateAccess state, string json)
    {
        ArgumentNullException.ThrowIfNull(runtime);
        ArgumentNullException.ThrowIfNull(state);
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw new GenesisConfigException($"genesis config is not valid JSON: {e.Message}", e);
        }

        using (doc)
        {
            BuildState(runtime, state, doc.RootElement);
        }
    }

    public static void BuildState(SubtensorRuntime runtime, IStateAccess state, JsonElement config)
    {
        ArgumentNullException.ThrowIfNull(runtime);
        ArgumentNullException.ThrowIfNull(state);
        if (config.ValueKind != JsonValueKind.Object)
        {
            throw new GenesisConfigException("the runtime genesis config must be a JSON object");
        }

        var known = runtime.Pallets.Where(p => p.DefaultGenesisConfig() is not null).ToDictionary(p => p.GenesisKey, StringComparer.Ordinal);
        foreach (var property in config.EnumerateObject())
        {
            if (!known.ContainsKey(property.Name))
            {
                throw new GenesisConfigException(
                    $"unknown genesis config section \"{property.Name}\"; this runtime has: {string.Join(", ", known.Keys)}");
            }
        }

        try
        {
            foreach (var pallet in runtime.Pallets)
            {
                JsonElement? section = config.TryGetProperty(pallet.GenesisKey, out var s) ? s : null;
                pallet.BuildGenesis(state, section);
            }
        }
        catch (Exception e) when (e is InvalidOperationException or OverflowException or FormatException or KeyNotFoundException)
        {
            throw new GenesisConfigException($"invalid genesis config: {e.Message}", e);
        }

        foreach (var pallet in runtime.Pallets)
        {
            state.Set(
                Core.Hashing.StorageHashing.StoragePrefix(pallet.Name, ":__STORAGE_VERSION__:"),
                BitConverter.GetBytes(pallet.InCodeStorageVersion));
        }
    }

    /// <summary>SS58 of the sr25519 key <c>//seed</c> of the dev phrase.</summary>
    public static string Sr25519Address(string seed) => PublicKey("//" + seed, KeyScheme.Sr25519).ToSs58();

    /// <summary>SS58 of the ed25519 key <c>//seed</c> of the dev phrase.</summary>
    public static string Ed25519Address(string seed) => PublicKey("//" + seed, KeyScheme.Ed25519).ToSs58();

    private static AccountId32 PublicKey(string suri, KeyScheme scheme)
    {
        using var pair = KeyPairs.FromSuri(suri, scheme);
        return new AccountId32(pair.Pair.PublicKey);
    }

    /// <summary>
    /// Subtensor's localnet genesis (node/src/chain_spec/localnet.rs) without the pallets this runtime lacks, plus a
    /// subtensorModule section: Subtensor's TotalIssuance equal to the balances issued, and netuid 1 ready for development —
    /// owned by //Alice (also its owner hotkey at UID 0), started (root staking enabled), tempo 10, no weights rate limit,
    /// commit-reveal off, no admin freeze window, its 10 TAO pool reserve held by the subnet account.
    /// </summary>
    private static JsonObject LocalnetPatch(IReadOnlyList<string> authoritySeeds)
    {
        var balances = new JsonArray();
        ulong issued = 0;
        void Fund(string address, ulong amount)
        {
            balances.Add(new JsonArray(address, amount));
            issued += amount;
        }
        foreach (var s in new[] { "Alice", "Bob", "Charlie" })
        {
            Fund(Sr25519Address(s), 1_000_000_000_000_000);
        }

        foreach (var s in new[] { "Dave", "Eve", "Ferdie", "One", "Two", "Three" })
        {
            Fund(Sr25519Address(s), 2_000_000_000_000);
        }

        Fund("5Fghzk1AJt88PeFEzuRfXzbPchiBbsVGTTXcdx599VdZzkTA", 2_000_000_000_000);
        Fund("5GeqNhKWj1KG78VHzbmo3ZjZgUTrCuWeamdgiA114XHGdaEr", 2_000_000_000_000);
        Fund(Pallets.SubtensorModule.SubtensorModulePallet.SubnetAccount(1).ToSs58(), 10_000_000_000);
        var alice = Sr25519Address("Alice");
        return new JsonObject
        {
            ["balances"] = new JsonObject { ["balances"] = balances },
            ["aura"] = new JsonObject { ["authorities"] = new JsonArray(authoritySeeds.Select(s => (JsonNode)Sr25519Address(s)).ToArray()) },
            ["grandpa"] = new JsonObject { ["authorities"] = new JsonArray(authoritySeeds.Select(s => (JsonNode)new JsonArray(Ed25519Address(s), 1)).ToArray()) },
            ["sudo"] = new JsonObject { ["key"] = alice },
            ["subtensorModule"] = new JsonObject
            {
                ["balancesIssuance"] = issued,
                ["devSubnet"] = new JsonObject
                {
                    ["owner"] = alice,
                    ["ownerHotkey"] = alice,
                    ["tempo"] = 10,
                    ["weightsSetRateLimit"] = 0,
                    ["commitRevealWeightsEnabled"] = false,
                    ["started"] = true,
                    ["adminFreezeWindow"] = 0,
                },
            },
        };
    }

    /// <summary>Subtensor's "benchmark" preset (runtime <c>generate_genesis_json</c>) without the subtensorModule section.</summary>
    private static JsonObject BenchmarkPatch() => new()
    {
        ["aura"] = new JsonObject { ["authorities"] = new JsonArray(Sr25519Address("Alice")) },
        ["balances"] = new JsonObject
        {
            ["balances"] = new JsonArray(new JsonArray(Sr25519Address("Alice"), 1_000_000_000_000_000UL), new JsonArray(Sr25519Address("Bob"), 1_000_000_000_000_000UL)),
        },
        ["grandpa"] = new JsonObject { ["authorities"] = new JsonArray(new JsonArray(Ed25519Address("Alice"), 1)) },
        ["sudo"] = new JsonObject { ["key"] = Sr25519Address("Alice") },
    };
}
