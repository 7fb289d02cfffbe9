using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Subtensor.Core.Crypto;
using Subtensor.Core.Types;
using Subtensor.Node.Cli;

namespace Subtensor.Node.Commands;

/// <summary>Formats key information exactly like subkey (text and JSON field names).</summary>
internal static class KeyInfoFormatter
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static string FromUri(string uri, string? password, KeyScheme scheme, ushort network, bool json)
    {
        var isPhrase = Bip39.IsValid(uri);
        DerivedKeyPair derived;
        try
        {
            derived = KeyPairs.FromSuri(KeyCommand.WithPassword(uri, password), scheme);
        }
        catch (SecretUriException uriError)
        {
            // subkey falls back to reading the argument as a public key (SS58 or hex) before giving up.
            try
            {
                return FromPublic(uri, scheme, network, json);
            }
            catch (Exception e) when (e is FormatException or CliException)
            {
                throw new CliException($"Invalid phrase/URI given: {uriError.Message}");
            }
        }

        using (derived)
        {
            var publicKey = derived.Pair.PublicKey;
            var accountId = AccountIdOf(scheme, publicKey);
            var seed = derived.Seed is null ? "n/a" : Hex.ToHex(derived.Seed);
            if (json)
            {
                var obj = new JsonObject
                {
                    [isPhrase ? "secretPhrase" : "secretKeyUri"] = uri,
                    ["networkId"] = Ss58Networks.NameOf(network),
                    ["secretSeed"] = seed,
                    ["publicKey"] = Hex.ToHex(publicKey),
                    ["ss58PublicKey"] = Ss58.Encode(publicKey, network),
                    ["accountId"] = Hex.ToHex(accountId),
                    ["ss58Address"] = Ss58.Encode(accountId, network),
                };
                return obj.ToJsonString(Indented) + Environment.NewLine;
            }

            var sb = new StringBuilder();
            sb.Append(isPhrase ? $"Secret phrase:       {uri}\n" : $"Secret Key URI `{uri}` is account:\n");
            sb.Append($"  Network ID:        {Ss58Networks.NameOf(network)}\n");
            sb.Append($"  Secret seed:       {seed}\n");
            sb.Append($"  Public key (hex):  {Hex.ToHex(publicKey)}\n");
            sb.Append($"  Account ID:        {Hex.ToHex(accountId)}\n");
            sb.Append($"  Public key (SS58): {Ss58.Encode(publicKey, network)}\n");
            sb.Append($"  SS58 Address:      {Ss58.Encode(accountId, network)}\n");
            return sb.ToString();
        }
    }

    public static string FromPublic(string text, KeyScheme scheme, ushort networkOverride, bool json)
    {
        var (publicKey, parsedPrefix) = PublicKeyParser.Parse(text, scheme);
        var network = networkOverride != 42 || parsedPrefix is null ? networkOverride : parsedPrefix.Value;
        var accountId = AccountIdOf(scheme, publicKey);
        if (json)
        {
            var obj = new JsonObject
            {
                ["networkId"] = Ss58Networks.NameOf(network),
                ["publicKey"] = Hex.ToHex(publicKey),
                ["accountId"] = Hex.ToHex(accountId),
                ["ss58PublicKey"] = Ss58.Encode(publicKey, network),
                ["ss58Address"] = Ss58.Encode(accountId, network),
            };
            return obj.ToJsonString(Indented) + Environment.NewLine;
        }

        var sb = new StringBuilder();
        sb.Append($"Public Key URI `{text}` is account:\n");
        sb.Append($"  Network ID/Version: {Ss58Networks.NameOf(network)}\n");
        sb.Append($"  Public key (hex):   {Hex.ToHex(publicKey)}\n");
        sb.Append($"  Account ID:         {Hex.ToHex(accountId)}\n");
        sb.Append($"  Public key (SS58):  {Ss58.Encode(publicKey, network)}\n");
        sb.Append($"  SS58 Address:       {Ss58.Encode(accountId, network)}\n");
        return sb.ToString();
    }

    private static byte[] AccountIdOf(KeyScheme scheme, byte[] publicKey) => KeyPairs.AccountIdOf(scheme, publicKey).ToArray();
}
