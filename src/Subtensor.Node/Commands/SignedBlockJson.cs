using System.Globalization;
using System.Text.Json;
using Subtensor.Core.Scale;
using Subtensor.Core.Types;

namespace Subtensor.Node.Commands;

/// <summary>
/// The serde JSON form of <c>SignedBlock</c> that Substrate's <c>export-blocks</c> writes and <c>import-blocks</c>
/// reads: <c>{"block":{"header":{"parentHash","number","stateRoot","extrinsicsRoot","digest":{"logs":[...]}},
/// "extrinsics":[...]},"justifications":null|[[[e,n,g,n],[bytes...]],...]}</c> — the number as minimal 0x-hex (U256),
/// digest items and extrinsics as 0x-hex of their SCALE encodings, justifications as serde's arrays of numbers.
/// Unknown fields are refused (serde <c>deny_unknown_fields</c>).
/// </summary>
internal static class SignedBlockJson
{
    public static void Write(Utf8JsonWriter writer, SignedBlock block)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(block);
        var header = block.Header;
        writer.WriteStartObject();
        writer.WriteStartObject("block");
        writer.WriteStartObject("header");
        writer.WriteString("parentHash", header.ParentHash.ToString());
        writer.WriteString("number", "0x" + header.Number.ToString("x", CultureInfo.InvariantCulture));
        writer.WriteString("stateRoot", header.StateRoot.ToString());
        writer.WriteString("extrinsicsRoot", header.ExtrinsicsRoot.ToString());
        writer.WriteStartObject("digest");
        writer.WriteStartArray("logs");
        foreach (var log in header.Digest.Logs)
        {
            writer.WriteStringValue(Hex.ToHex(ScaleCodec.Encode(log)));
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteStartArray("extrinsics");
        foreach (var xt in block.Extrinsics)
        {
            writer.WriteStringValue(Hex.ToHex(xt));
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        if (block.Justifications is null)
        {
            writer.WriteNull("justifications");
        }
        else
        {
            writer.WriteStartArray("justifications");
            foreach (var (engine, data) in SignedBlock.DecodeJustifications(block.Justifications))
            {
                writer.WriteStartArray();
                WriteByteArray(writer, engine);
                WriteByteArray(writer, data);
                writer.WriteEndArray();
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }

    /// <summary>Reads one block; throws <see cref="FormatException"/> naming the field.</summary>
    public static SignedBlock Read(JsonElement json)
    {
        var root = Object(json, "$", "block", "justifications");
        var block = Object(Required(root, "block", "$"), "$.block", "header", "extrinsics");
        var header = Object(Required(block, "header", "$.block"), "$.block.header", "parentHash", "number", "stateRoot", "extrinsicsRoot", "digest");
        var digest = Object(Required(header, "digest", "$.block.header"), "$.block.header.digest", "logs");
        var logs = new List<DigestItem>();
        var index = 0;
        foreach (var log in Array(Required(digest, "logs", "$.block.header.digest"), "$.block.header.digest.logs"))
        {
            var path = $"$.block.header.digest.logs[{index++}]";
            logs.Add(Decode(HexBytes(log, path), path, (ref ScaleReader r) => DigestItem.DecodeFrom(ref r)));
        }

        var parsed = new Header(
            HashField(header, "parentHash"),
            Number(Required(header, "number", "$.block.header")),
            HashField(header, "stateRoot"),
            HashField(header, "extrinsicsRoot"),
            new Digest(logs));
        var extrinsics = new List<byte[]>();
        index = 0;
        foreach (var xt in Array(Required(block, "extrinsics", "$.block"), "$.block.extrinsics"))
        {
            var path = $"$.block.extrinsics[{index++}]";
            var bytes = HexBytes(xt, path);
            _ = Decode(bytes, path, (ref ScaleReader r) => r.ReadByteSequence().Length); // a length-prefixed extrinsic, nothing after it
            extrinsics.Add(bytes);
        }

        byte[]? justifications = null;
        if (root.TryGetProperty("justifications", out var js) && js.ValueKind != JsonValueKind.Null)
        {
            var pairs = new List<(byte[] Engine, byte[] Data)>();
            index = 0;
            foreach (var pair in Array(js, "$.justifications"))
            {
                var path = $"$.justifications[{index++}]";
                var items = Array(pair, path).ToList();
                if (items.Count != 2)
                {
                    throw new FormatException($"{path}: expected [engine id, data], got {items.Count} items");
                }

                var engine = ByteArray(items[0], path + "[0]");
                if (engine.Length != 4)
                {
                    throw new FormatException($"{path}[0]: a consensus engine id is 4 bytes, got {engine.Length}");
                }

                pairs.Add((engine, ByteArray(items[1], path + "[1]")));
            }

            justifications = SignedBlock.EncodeJustifications(pairs);
        }

        return new SignedBlock(parsed, extrinsics, justifications);
    }

    private static void WriteByteArray(Utf8JsonWriter writer, byte[] bytes)
    {
        writer.WriteStartArray();
        foreach (var b in bytes)
        {
            writer.WriteNumberValue(b);
        }

        writer.WriteEndArray();
    }

    private static JsonElement Object(JsonElement element, string path, params string[] allowed)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException($"{path}: expected an object, got {element.ValueKind}");
        }

        foreach (var property in element.EnumerateObject())
        {
            if (!allowed.Contains(property.Name, StringComparer.Ordinal))
            {
                throw new FormatException($"{path}: unknown field '{property.Name}', expected one of {string.Join(", ", allowed)}");
            }
        }

        return element;
    }

    private static JsonElement Required(JsonElement parent, string name, string path)
        => parent.TryGetProperty(name, out var value) ? value : throw new FormatException($"{path}: missing field '{name}'");

    private static JsonElement.ArrayEnumerator Array(JsonElement element, string path)
        => element.ValueKind == JsonValueKind.Array ? element.EnumerateArray() : throw new FormatException($"{path}: expected an array, got {element.ValueKind}");

    private static byte[] HexBytes(JsonElement element, string path)
    {
        if (element.ValueKind != JsonValueKind.String || element.GetString() is not { } text || !text.StartsWith("0x", StringComparison.Ordinal))
        {
            throw new FormatException($"{path}: expected a 0x-prefixed hex string");
        }

        try
        {
            return Hex.Parse(text);
        }
        catch (FormatException e)
        {
            throw new FormatException($"{path}: {e.Message}", e);
        }
    }

    private static Hash256 HashField(JsonElement header, string name)
    {
        var path = "$.block.header." + name;
        var bytes = HexBytes(Required(header, name, "$.block.header"), path);
        return bytes.Length == Hash256.Length ? new Hash256(bytes) : throw new FormatException($"{path}: a hash is 32 bytes, got {bytes.Length}");
    }

    /// <summary>The header number: serde's U256 hex string ("0x1a"); a plain JSON number is accepted too.</summary>
    private static uint Number(JsonElement element)
    {
        const string path = "$.block.header.number";
        if (element.ValueKind == JsonValueKind.Number && element.TryGetUInt32(out var plain))
        {
            return plain;
        }

        if (element.ValueKind == JsonValueKind.String && element.GetString() is { } text && text.StartsWith("0x", StringComparison.Ordinal) && text.Length > 2)
        {
            var digits = text.AsSpan(2).TrimStart('0');
            if (digits.IsEmpty)
            {
                return 0;
            }

            if (digits.Length <= 8 && uint.TryParse(digits, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value))
            {
                return value;
            }

            throw new FormatException($"{path}: '{text}' is not a hex number that fits a u32 block number");
        }

        throw new FormatException($"{path}: expected a 0x-hex number string");
    }

    private static byte[] ByteArray(JsonElement element, string path)
    {
        var bytes = new List<byte>();
        var i = 0;
        foreach (var item in Array(element, path))
        {
            if (item.ValueKind != JsonValueKind.Number || !item.TryGetByte(out var b))
            {
                throw new FormatException($"{path}[{i}]: expected a byte (0..255)");
            }

            bytes.Add(b);
            i++;
        }

        return [.. bytes];
    }

    private static T Decode<T>(byte[] bytes, string path, ScaleReadFunc<T> read)
    {
        try
        {
            var reader = new ScaleReader(bytes);
            var value = read(ref reader);
            reader.EnsureAtEnd();
            return value;
        }
        catch (ScaleDecodeException e)
        {
            throw new FormatException($"{path}: {e.Message}", e);
        }
    }
}
