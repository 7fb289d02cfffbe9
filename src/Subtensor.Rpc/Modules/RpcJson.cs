using System.Globalization;
using System.Text.Json.Nodes;
using Subtensor.Core.Scale;
using Subtensor.Core.Types;
using Subtensor.Rpc.JsonRpc;

namespace Subtensor.Rpc.Modules;

/// <summary>The JSON shapes Substrate's RPC uses (sp-core/sp-runtime serde): 0x-hex bytes, headers, runtime versions.</summary>
internal static class RpcJson
{
    public static JsonValue Hex(ReadOnlySpan<byte> bytes) => JsonValue.Create(Core.Types.Hex.ToHex(bytes));

    public static JsonValue Hash(Hash256 hash) => JsonValue.Create(hash.ToString());

    /// <summary>A block number inside a header: a 0x-prefixed hex string without leading zeros (sp-runtime <c>serialize_number</c>).</summary>
    public static string Number(uint number) => "0x" + number.ToString("x", CultureInfo.InvariantCulture);

    /// <summary>sp-runtime <c>generic::Header</c> serde: camelCase fields, digest logs as hex of each SCALE <c>DigestItem</c>.</summary>
    public static JsonObject Header(Header header)
    {
        ArgumentNullException.ThrowIfNull(header);
        var logs = new JsonArray();
        foreach (var item in header.Digest.Logs)
        {
            logs.Add(Hex(ScaleCodec.Encode(item)));
        }

        return new JsonObject
        {
            ["parentHash"] = Hash(header.ParentHash),
            ["number"] = Number(header.Number),
            ["stateRoot"] = Hash(header.StateRoot),
            ["extrinsicsRoot"] = Hash(header.ExtrinsicsRoot),
            ["digest"] = new JsonObject { ["logs"] = logs },
        };
    }

    /// <summary>sp-version <c>RuntimeVersion</c> serde as the legacy API returns it (apis as <c>[[id, version]]</c>).</summary>
    public static JsonObject RuntimeVersion(RuntimeVersion version)
    {
        ArgumentNullException.ThrowIfNull(version);
        var apis = new JsonArray();
        foreach (var api in version.Apis)
        {
            apis.Add(new JsonArray(ApiId(api), JsonValue.Create(api.Version)));
        }

        return new JsonObject
        {
            ["specName"] = version.SpecName,
            ["implName"] = version.ImplName,
            ["authoringVersion"] = version.AuthoringVersion,
            ["specVersion"] = version.SpecVersion,
            ["implVersion"] = version.ImplVersion,
            ["apis"] = apis,
            ["transactionVersion"] = version.TransactionVersion,
            ["systemVersion"] = version.SystemVersion,
            ["stateVersion"] = version.StateVersion,
        };
    }

    /// <summary>The runtime of the new API (<c>chainHead_v1_follow</c>): <c>{"type":"valid","spec":{…, apis:{id: version}}}</c>.</summary>
    public static JsonObject RuntimeSpec(RuntimeVersion version)
    {
        ArgumentNullException.ThrowIfNull(version);
        var apis = new JsonObject();
        foreach (var api in version.Apis)
        {
            apis[ApiId(api).GetValue<string>()] = api.Version;
        }

        return new JsonObject
        {
            ["type"] = "valid",
            ["spec"] = new JsonObject
            {
                ["specName"] = version.SpecName,
                ["implName"] = version.ImplName,
                ["specVersion"] = version.SpecVersion,
                ["implVersion"] = version.ImplVersion,
                ["transactionVersion"] = version.TransactionVersion,
                ["apis"] = apis,
            },
        };
    }

    /// <summary>A byte string as serde writes a plain <c>Vec&lt;u8&gt;</c>: an array of numbers.</summary>
    public static JsonArray ByteArray(ReadOnlySpan<byte> bytes)
    {
        var array = new JsonArray();
        foreach (var b in bytes)
        {
            array.Add(JsonValue.Create(b));
        }

        return array;
    }

    public static JsonArray HexArray(IEnumerable<byte[]> items)
    {
        var array = new JsonArray();
        foreach (var item in items)
        {
            array.Add(Hex(item));
        }

        return array;
    }

    /// <summary>Wraps a synchronous handler.</summary>
    public static RpcHandler Sync(Func<RpcParams, JsonNode?> handler) => (p, _) => ValueTask.FromResult(handler(p));

    private static JsonValue ApiId(RuntimeApi api)
    {
        Span<byte> id = stackalloc byte[8];
        api.CopyIdTo(id);
        return Hex(id);
    }
}
