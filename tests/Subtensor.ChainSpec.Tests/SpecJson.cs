using System.Text;
using System.Text.Json.Nodes;
using Subtensor.ChainSpec.Wasm;
using Subtensor.Core.Types;

namespace Subtensor.ChainSpec.Tests;

internal static class SpecJson
{
    public static RuntimeVersion Version(byte systemVersion, uint coreVersion = 5) => new()
    {
        SpecName = "test",
        ImplName = "test",
        SpecVersion = 7,
        Apis = [RuntimeApi.Of("Core", coreVersion)],
        SystemVersion = systemVersion,
    };

    public static JsonObject Raw(Dictionary<string, string> top, JsonObject? children = null) => new()
    {
        ["name"] = "Test",
        ["id"] = "test",
        ["chainType"] = "Local",
        ["bootNodes"] = new JsonArray(),
        ["telemetryEndpoints"] = null,
        ["protocolId"] = null,
        ["properties"] = null,
        ["codeSubstitutes"] = new JsonObject(),
        ["genesis"] = new JsonObject
        {
            ["raw"] = new JsonObject
            {
                ["top"] = new JsonObject(top.Select(p => new KeyValuePair<string, JsonNode?>(p.Key, p.Value))),
                ["childrenDefault"] = children ?? new JsonObject(),
            },
        },
    };

    public static Dictionary<string, string> TopWithCode(byte systemVersion, params (string Key, string Value)[] entries)
    {
        var top = new Dictionary<string, string> { ["0x3a636f6465"] = Hex.ToHex(MinimalRuntimeCode.Build(Version(systemVersion))) };
        foreach (var (k, v) in entries)
        {
            top[k] = v;
        }

        return top;
    }

    public static ChainSpec Parse(string json) => ChainSpec.Parse(Encoding.UTF8.GetBytes(json));

    public static ChainSpec Parse(JsonNode json) => Parse(json.ToJsonString());
}
