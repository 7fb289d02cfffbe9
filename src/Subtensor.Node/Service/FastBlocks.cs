using System.Text.Json;
using System.Text.Json.Nodes;
using Subtensor.Runtime;
using Subtensor.Runtime.Genesis;

namespace Subtensor.Node.Service;

/// <summary>
/// Subtensor's compile-time <c>fast-blocks</c> feature (250 ms slots instead of 12 s) as a chain-spec property: a spec whose
/// <c>properties</c> carry <c>"fastBlocks": true</c> runs a runtime with MinimumPeriod 125 ms. The built-in <c>local-fast</c> chain is
/// <c>local</c> (Alice, Bob, Charlie, Dave) with that property, its own id and protocol id; its genesis storage equals <c>local</c>'s.
/// </summary>
internal static class FastBlocks
{
    public const string LocalFastChain = "local-fast";

    public const string PropertyName = "fastBlocks";

    /// <summary>Whether the spec's properties ask for fast blocks.</summary>
    public static bool IsEnabled(ChainSpec.ChainSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (string.IsNullOrEmpty(spec.PropertiesJson))
        {
            return false;
        }

        try
        {
            using var doc = JsonDocument.Parse(spec.PropertiesJson);
            return doc.RootElement.ValueKind == JsonValueKind.Object
                && doc.RootElement.TryGetProperty(PropertyName, out var value)
                && value.ValueKind == JsonValueKind.True;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>The runtime the spec asks for: 12 s slots, or 250 ms with <c>fastBlocks</c>.</summary>
    public static SubtensorRuntime CreateRuntime(ChainSpec.ChainSpec spec)
        => IsEnabled(spec) ? new SubtensorRuntime(minimumPeriodMs: SubtensorRuntime.FastBlocksMinimumPeriodMs) : new SubtensorRuntime();

    /// <summary>
    /// The plain spec of <c>local-fast</c>. Its <c>:code</c> is built from the fast-blocks runtime, so the slot duration it reports
    /// (AuraApi_slot_duration, read by smoldot) is 250 ms and the genesis hash is the same whichever runtime loaded the spec.
    /// </summary>
    public static string LocalFastSpec()
    {
        var runtime = new SubtensorRuntime(minimumPeriodMs: SubtensorRuntime.FastBlocksMinimumPeriodMs);
        var spec = JsonNode.Parse(SubtensorChainSpecs.PlainSpec(runtime, "local"))!.AsObject();
        spec["name"] = "Bittensor Local (fast blocks)";
        spec["id"] = "bittensor_fast";
        spec["protocolId"] = "bittensor-fast";
        var properties = spec["properties"] as JsonObject ?? [];
        spec["properties"] = properties;
        properties[PropertyName] = true;
        return spec.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }
}
