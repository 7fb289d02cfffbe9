using System.Globalization;
using System.Text.Json;
using Subtensor.Core.Crypto;
using Subtensor.Core.Types;

namespace Subtensor.Runtime.Genesis;

/// <summary>Parsing helpers for runtime genesis config values as Substrate's serde writes them.</summary>
public static class GenesisJson
{
    /// <summary>An account as SS58 (any prefix) or 0x-hex of 32 bytes.</summary>
    public static AccountId32 ParseAccount(JsonElement e, string where)
    {
        if (e.ValueKind != JsonValueKind.String)
        {
            throw new GenesisConfigException($"{where}: an account must be an SS58 string");
        }

        var s = e.GetString()!;
        try
        {
            if (s.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
            {
                var bytes = Hex.Parse(s);
                return bytes.Length == 32 ? new AccountId32(bytes) : throw new GenesisConfigException($"{where}: {s} is not 32 bytes");
            }

            return AccountId32.ParseSs58(s);
        }
        catch (Exception ex) when (ex is Ss58Exception or FormatException)
        {
            throw new GenesisConfigException($"{where}: invalid account {s}: {ex.Message}", ex);
        }
    }

    /// <summary>A 32-byte public key (sr25519/ed25519) given as SS58 or hex.</summary>
    public static byte[] ParsePublicKey(JsonElement e, string where) => ParseAccount(e, where).ToArray();

    public static ulong ParseU64(JsonElement e, string where)
    {
        if (e.ValueKind == JsonValueKind.Number && e.TryGetUInt64(out var v))
        {
            return v;
        }

        if (e.ValueKind == JsonValueKind.String && ulong.TryParse(e.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out v))
        {
            return v;
        }

        throw new GenesisConfigException($"{where}: expected an unsigned 64-bit number, got {e.GetRawText()}");
    }
}
