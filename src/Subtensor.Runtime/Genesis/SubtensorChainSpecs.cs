using System.Text.Json;
using System.Text.Json.Nodes;
using Subtensor.ChainSpec;
using Subtensor.ChainSpec.Wasm;
using Subtensor.Core.Types;
using Subtensor.Runtime.State;

namespace Subtensor.Runtime.Genesis;

/// <summary>
/// Chain specs produced by the runtime: plain specs for the built-in chains (runtime genesis patch plus the runtime
/// code), and raw specs (the genesis storage as hex key/value pairs) computed from any plain spec.
/// </summary>
public static class SubtensorChainSpecs
{
    public static IReadOnlyList<string> ChainNames { get; } = ["dev", "local", "testnet"];

    /// <summary>
    /// The runtime's <c>:code</c>: a WASM module carrying the runtime_version and runtime_apis custom sections, so
    /// Substrate tooling reads the version (and state version) from the chain itself, and exporting the consensus entry
    /// points hosts run at genesis (<see cref="ConsensusEntryPoints"/>). Everything else is native.
    /// </summary>
    public static byte[] Code(SubtensorRuntime runtime)
    {
        ArgumentNullException.ThrowIfNull(runtime);
        return MinimalRuntimeCode.Build(runtime.Version, ConsensusEntryPoints(runtime));
    }

    /// <summary>
    /// The runtime APIs that smoldot executes to learn a chain's consensus and finality (AuraApi version 1: authorities,
    /// slot_duration; GrandpaApi versions 2-3: grandpa_authorities, and current_set_id after genesis), as WASM
    /// entry points: the slot duration is the runtime's constant, the others return the value stored by pallet_aura /
    /// pallet_grandpa (whose storage encoding is the API's result encoding), or the API's result on empty storage when
    /// nothing is stored. Only APIs the runtime declares are included.
    /// </summary>
    public static IReadOnlyList<RuntimeEntryPoint> ConsensusEntryPoints(SubtensorRuntime runtime)
    {
        ArgumentNullException.ThrowIfNull(runtime);
        var empty = new OverlayedState(new InMemoryStateBackend());
        byte[] Native(string method) => runtime.Apis.Call(empty, method, []);
        bool Declares(string api) => runtime.Version.Apis.Any(a => a.Id == RuntimeApi.IdOf(api));
        var entries = new List<RuntimeEntryPoint>();
        if (Declares("AuraApi"))
        {
            entries.Add(RuntimeEntryPoint.StorageValue("AuraApi_authorities", runtime.Aura.Authorities.Key, Native("AuraApi_authorities")));
            entries.Add(RuntimeEntryPoint.Constant("AuraApi_slot_duration", Native("AuraApi_slot_duration")));
        }

        if (Declares("GrandpaApi"))
        {
            entries.Add(RuntimeEntryPoint.StorageValue("GrandpaApi_grandpa_authorities", runtime.Grandpa.Authorities.Key, Native("GrandpaApi_grandpa_authorities")));
            entries.Add(RuntimeEntryPoint.StorageValue("GrandpaApi_current_set_id", runtime.Grandpa.CurrentSetId.Key, Native("GrandpaApi_current_set_id")));
        }

        return entries;
    }

    /// <summary>
    /// Plain spec JSON for <c>dev</c> (one authority //One, Subtensor's localnet balances, sudo //Alice), <c>local</c>
    /// (authorities //One, //Two, //Three) or <c>testnet</c> (Subtensor's test_finney authorities and sudo key).
    /// </summary>
    public static string PlainSpec(SubtensorRuntime runtime, string chain)
    {
        ArgumentNullException.ThrowIfNull(runtime);
        ArgumentNullException.ThrowIfNull(chain);
        JsonObject spec = chain switch
        {
            "dev" => Spec("Bittensor", "bittensor", "Local", [], "TAO", GenesisBuilder.PresetPatchJson(GenesisBuilder.DevelopmentPreset)!, runtime, badBlocks: true),
            "local" => Spec("Bittensor", "bittensor", "Local", [], "TAO", GenesisBuilder.PresetPatchJson(GenesisBuilder.LocalTestnetPreset)!, runtime, badBlocks: true),
            "testnet" or "test_finney" => Spec("Bittensor", "bittensor", "Development",
                ["/dns/bootnode.test.chain.opentensor.ai/tcp/30333/p2p/12D3KooWPM4mLcKJGtyVtkggqdG84zWrd7Rij6PGQDoijh1X86Vr"],
                "testTAO", TestnetPatch().ToJsonString(), runtime, badBlocks: false),
            _ => throw new GenesisConfigException($"unknown chain \"{chain}\"; built-in chains: {string.Join(", ", ChainNames)}"),
        };
        return spec.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    /// <summary>Turns a plain spec into a raw one: the runtime genesis (config or patch) becomes hex storage.</summary>
    public static string RawSpec(SubtensorRuntime runtime, string plainSpecJson)
    {
        ArgumentNullException.ThrowIfNull(runtime);
        ArgumentNullException.ThrowIfNull(plainSpecJson);
        var parsed = Subtensor.ChainSpec.ChainSpec.Parse(System.Text.Encoding.UTF8.GetBytes(plainSpecJson));
        if (parsed.Genesis.Format != GenesisFormat.RuntimeGenesis)
        {
            throw new GenesisConfigException("the chain spec is not a plain spec (genesis.runtimeGenesis)");
        }

        var storage = BuildStorage(runtime, parsed.Genesis.Code!, parsed.Genesis.RuntimeGenesisConfig!.Value, parsed.Genesis.IsPatch);
        var node = JsonNode.Parse(plainSpecJson)!.AsObject();
        var top = new JsonObject();
        foreach (var (k, v) in storage.Top)
        {
            top[Hex.ToHex(k)] = Hex.ToHex(v);
        }

        var children = new JsonObject();
        foreach (var (childKey, child) in storage.ChildrenDefault)
        {
            var c = new JsonObject();
            foreach (var (k, v) in child)
            {
                c[Hex.ToHex(k)] = Hex.ToHex(v);
            }

            children[Hex.ToHex(childKey)] = c;
        }

        node["genesis"] = new JsonObject { ["raw"] = new JsonObject { ["top"] = top, ["childrenDefault"] = children } };
        return node.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    /// <summary>Genesis storage for a runtime genesis config (or patch over the defaults), with <c>:code</c>.</summary>
    public static GenesisStorage BuildStorage(SubtensorRuntime runtime, byte[] code, JsonElement config, bool isPatch)
    {
        ArgumentNullException.ThrowIfNull(runtime);
        ArgumentNullException.ThrowIfNull(code);
        var effective = isPatch ? MergePatch(JsonNode.Parse(GenesisBuilder.DefaultConfigJson(runtime))!, JsonNode.Parse(config.GetRawText())) : JsonNode.Parse(config.GetRawText());
        var state = new OverlayedState(new InMemoryStateBackend());
        using (var doc = JsonDocument.Parse(effective?.ToJsonString() ?? "null"))
        {
            GenesisBuilder.BuildState(runtime, state, doc.RootElement);
        }

        var storage = new GenesisStorage();
        foreach (var (k, v) in state.TopChanges)
        {
            if (v is not null)
            {
                storage.Top[k] = v;
            }
        }

        foreach (var (childKey, changes) in state.ChildChanges)
        {
            foreach (var (k, v) in changes)
            {
                if (v is not null)
                {
                    storage.Child(childKey)[k] = v;
                }
            }
        }

        storage.Top[GenesisStorage.CodeKey] = code;
        return storage;
    }

    /// <summary>JSON merge patch (RFC 7386 as sp_genesis_builder applies it): objects merge recursively, null deletes, anything else replaces.</summary>
    public static JsonNode? MergePatch(JsonNode? target, JsonNode? patch)
    {
        if (patch is not JsonObject patchObject)
        {
            return patch?.DeepClone();
        }

        var result = target is JsonObject t ? (JsonObject)t.DeepClone() : new JsonObject();
        foreach (var (key, value) in patchObject)
        {
            if (value is null)
            {
                result.Remove(key);
            }
            else
            {
                result[key] = MergePatch(result[key], value);
            }
        }

        return result;
    }

    private static JsonObject Spec(string name, string id, string chainType, string[] bootNodes, string tokenSymbol, string patchJson, SubtensorRuntime runtime, bool badBlocks)
    {
        var spec = new JsonObject
        {
            ["name"] = name,
            ["id"] = id,
            ["chainType"] = chainType,
            ["bootNodes"] = new JsonArray(bootNodes.Select(b => (JsonNode)b).ToArray()),
            ["telemetryEndpoints"] = null,
            ["protocolId"] = "bittensor",
            ["properties"] = new JsonObject { ["ss58Format"] = 42, ["tokenDecimals"] = 9, ["tokenSymbol"] = tokenSymbol },
            ["forkBlocks"] = null,
            ["badBlocks"] = badBlocks ? new JsonArray("0xc174d485de4bc3813ac249fe078af605c74ff91d07b0a396cf75fa04f81fa312") : new JsonArray(),
            ["codeSubstitutes"] = new JsonObject(),
            ["genesis"] = new JsonObject
            {
                ["runtimeGenesis"] = new JsonObject { ["code"] = Hex.ToHex(Code(runtime)), ["patch"] = JsonNode.Parse(patchJson) },
            },
        };
        return spec;
    }

    /// <summary>Subtensor's test_finney genesis (node/src/chain_spec/testnet.rs): six authorities, sudo key funded with 1000 TAO.</summary>
    private static JsonObject TestnetPatch()
    {
        (string Aura, string Grandpa)[] authorities =
        [
            ("5D5ABUyMsdmJdH7xrsz9vREq5eGXr5pXhHxix2dENQR62dEo", "5H3qMjQjoeZxZ98jzDmoCwbz2sugd5fDN1wrr8Phf49zemKL"),
            ("5GbRc5sNDdhcPAU9suV2g9P5zyK1hjAQ9JHeeadY1mb8kXoM", "5GbkysfaCjK3cprKPhi3CUwaB5xWpBwcfrkzs6FmqHxej8HZ"),
            ("5CoVWwBwXz2ndEChGcS46VfSTb3RMUZzZzAYdBKo263zDhEz", "5HTLp4BvPp99iXtd8YTBZA1sMfzo8pd4mZzBJf7HYdCn2boU"),
            ("5EekcbqupwbgWqF8hWGY4Pczsxp9sbarjDehqk7bdyLhDCwC", "5GAemcU4Pzyfe8DwLwDFx3aWzyg3FuqYUCCw2h4sdDZhyFvE"),
            ("5GgdEQyS5DZzUwKuyucEPEZLxFKGmasUFm1mqM3sx1MRC5RV", "5EibpMomXmgekxcfs25SzFBpGWUsG9Lc8ALNjXN3TYH5Tube"),
            ("5Ek5JLCGk2PuoT1fS23GXiWYUT98HVUBERFQBu5g57sNf44x", "5Gyrc6b2mx1Af6zWJYHdx3gwgtXgZvD9YkcG9uTUPYry4V2a"),
        ];
        const string root = "5GpzQgpiAKHMWNSH3RN4GLf96GVTDct9QxYEFAY7LWcVzTbx";
        return new JsonObject
        {
            ["balances"] = new JsonObject { ["balances"] = new JsonArray(new JsonArray(root, 1_000_000_000_000UL)) },
            ["aura"] = new JsonObject { ["authorities"] = new JsonArray(authorities.Select(a => (JsonNode)a.Aura).ToArray()) },
            ["grandpa"] = new JsonObject { ["authorities"] = new JsonArray(authorities.Select(a => (JsonNode)new JsonArray(a.Grandpa, 1)).ToArray()) },
            ["sudo"] = new JsonObject { ["key"] = root },
        };
    }
}
