using System.Text.Json;
using Subtensor.TestSupport;

namespace Subtensor.Core.Tests.Crypto;

/// <summary>Reads ../shared/vectors/dev_keys.json (computed with @polkadot/util-crypto, corroborated by sp-keyring).</summary>
internal static class DevKeys
{
    private static readonly Lazy<JsonDocument> Document = new(() => TestVectors.Json("dev_keys.json"));

    public static JsonElement Root => Document.Value.RootElement;

    public static IEnumerable<string> Names => Root.GetProperty("accounts").EnumerateObject().Select(p => p.Name);

    public static string Get(string name, string scheme, string field) =>
        Root.GetProperty("accounts").GetProperty(name).GetProperty(scheme).GetProperty(field).GetString()!;

    public static TheoryData<string> AccountNames()
    {
        var data = new TheoryData<string>();
        foreach (var name in Names)
        {
            data.Add(name);
        }

        return data;
    }
}
