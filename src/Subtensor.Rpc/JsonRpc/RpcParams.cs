using System.Text.Json;
using System.Text.Json.Nodes;
using Subtensor.Core.Types;

namespace Subtensor.Rpc.JsonRpc;

/// <summary>
/// The <c>params</c> of a call, positional (array) or by name (object), with typed accessors that raise
/// -32602 (invalid params) naming the parameter.
/// </summary>
public sealed class RpcParams
{
    private readonly JsonArray? _positional;
    private readonly JsonObject? _named;

    public RpcParams(JsonNode? node)
    {
        switch (node)
        {
            case null:
                break;
            case JsonArray array:
                _positional = array;
                break;
            case JsonObject obj:
                _named = obj;
                break;
            default:
                throw RpcException.InvalidParams("params must be an array or an object");
        }
    }

    public static RpcParams Empty { get; } = new(null);

    public int Count => _positional?.Count ?? _named?.Count ?? 0;

    /// <summary>The raw node of parameter <paramref name="index"/> (or <paramref name="name"/>), null when absent or JSON null.</summary>
    public JsonNode? Raw(int index, string name)
    {
        if (_positional is not null)
        {
            return index < _positional.Count ? _positional[index] : null;
        }

        return _named is not null && _named.TryGetPropertyValue(name, out var value) ? value : null;
    }

    public bool Has(int index, string name) => Raw(index, name) is not null;

    public string RequiredString(int index, string name)
        => OptionalString(index, name) ?? throw RpcException.InvalidParams($"missing parameter '{name}'");

    public string? OptionalString(int index, string name)
    {
        var node = Raw(index, name);
        if (node is null)
        {
            return null;
        }

        return node.GetValueKind() == JsonValueKind.String
            ? node.GetValue<string>()
            : throw RpcException.InvalidParams($"parameter '{name}' must be a string");
    }

    public byte[] RequiredBytes(int index, string name) => ParseHex(RequiredString(index, name), name);

    public byte[]? OptionalBytes(int index, string name)
    {
        var text = OptionalString(index, name);
        return text is null ? null : ParseHex(text, name);
    }

    public Hash256? OptionalHash(int index, string name)
    {
        var bytes = OptionalBytes(index, name);
        if (bytes is null)
        {
            return null;
        }

        return bytes.Length == Hash256.Length
            ? new Hash256(bytes)
            : throw RpcException.InvalidParams($"parameter '{name}' must be a 32-byte hash, got {bytes.Length} bytes");
    }

    public Hash256 RequiredHash(int index, string name)
        => OptionalHash(index, name) ?? throw RpcException.InvalidParams($"missing parameter '{name}'");

    public ulong? OptionalUInt(int index, string name)
    {
        var node = Raw(index, name);
        if (node is null)
        {
            return null;
        }

        switch (node.GetValueKind())
        {
            case JsonValueKind.Number when node.AsValue().TryGetValue<ulong>(out var n):
                return n;
            case JsonValueKind.Number when node.AsValue().TryGetValue<double>(out var d) && d >= 0 && d == Math.Floor(d) && d <= ulong.MaxValue:
                return (ulong)d;
            case JsonValueKind.String:
            {
                var s = node.GetValue<string>();
                if (s.StartsWith("0x", StringComparison.OrdinalIgnoreCase) &&
                    ulong.TryParse(s.AsSpan(2), System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture, out var h))
                {
                    return h;
                }

                if (ulong.TryParse(s, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var dec))
                {
                    return dec;
                }

                break;
            }
        }

        throw RpcException.InvalidParams($"parameter '{name}' must be an unsigned integer");
    }

    public ulong RequiredUInt(int index, string name)
        => OptionalUInt(index, name) ?? throw RpcException.InvalidParams($"missing parameter '{name}'");

    public bool? OptionalBool(int index, string name)
    {
        var node = Raw(index, name);
        return node?.GetValueKind() switch
        {
            null => null,
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw RpcException.InvalidParams($"parameter '{name}' must be a boolean"),
        };
    }

    public IReadOnlyList<byte[]> RequiredBytesList(int index, string name)
    {
        var node = Raw(index, name) ?? throw RpcException.InvalidParams($"missing parameter '{name}'");
        if (node is not JsonArray array)
        {
            throw RpcException.InvalidParams($"parameter '{name}' must be an array of hex strings");
        }

        var list = new List<byte[]>(array.Count);
        foreach (var item in array)
        {
            if (item?.GetValueKind() != JsonValueKind.String)
            {
                throw RpcException.InvalidParams($"parameter '{name}' must be an array of hex strings");
            }

            list.Add(ParseHex(item.GetValue<string>(), name));
        }

        return list;
    }

    private static byte[] ParseHex(string text, string name)
    {
        try
        {
            return Hex.Parse(text);
        }
        catch (FormatException e)
        {
            throw RpcException.InvalidParams($"parameter '{name}': {e.Message}");
        }
    }
}
