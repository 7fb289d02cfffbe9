using System.CommandLine;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Subtensor.Core.Crypto;
using Subtensor.Core.Hashing;
using Subtensor.Core.Types;

namespace Subtensor.Node.Commands;

/// <summary>
/// <c>subtensor-node key oracle</c> (hidden): a JSON-lines machine interface to the same key, signature and hash
/// code the CLI uses, so conformance suites can cross-check thousands of cases without a process per case.
/// Each input line is one request object with an "op"; each output line is the answer or {"error": "..."}.
/// </summary>
internal static class KeyOracleCommand
{
    public static Command Build()
    {
        var cmd = new Command("oracle", "JSON-lines interface for conformance tests (reads stdin, writes stdout)") { Hidden = true };
        cmd.SetAction(_ =>
        {
            using var stdout = new StreamWriter(Console.OpenStandardOutput()) { AutoFlush = false };
            string? line;
            while ((line = Console.In.ReadLine()) is not null)
            {
                if (line.Length == 0)
                {
                    continue;
                }

                stdout.WriteLine(Answer(line).ToJsonString());
                stdout.Flush();
            }

            return 0;
        });
        return cmd;
    }

    internal static JsonObject Answer(string line)
    {
        try
        {
            var request = JsonNode.Parse(line)?.AsObject() ?? throw new FormatException("request must be a JSON object");
            return Dispatch(request);
        }
        catch (Exception e) when (e is FormatException or JsonException or ArgumentException or InvalidOperationException or KeyNotFoundException)
        {
            return new JsonObject { ["error"] = e.Message };
        }
    }

    private static JsonObject Dispatch(JsonObject request)
    {
        string Str(string name) => request[name]?.GetValue<string>() ?? throw new FormatException($"missing \"{name}\"");
        byte[] Bytes(string name) => Hex.Parse(Str(name));
        KeyScheme Scheme() => Str("scheme") switch
        {
            "sr25519" => KeyScheme.Sr25519,
            "ed25519" => KeyScheme.Ed25519,
            "ecdsa" => KeyScheme.Ecdsa,
            var s => throw new FormatException($"unknown scheme {s}"),
        };

        switch (Str("op"))
        {
            case "inspect":
            {
                using var derived = KeyPairs.FromSuri(Str("suri"), Scheme());
                var publicKey = derived.Pair.PublicKey;
                var prefix = (ushort)(request["prefix"]?.GetValue<int>() ?? 42);
                return new JsonObject
                {
                    ["publicKey"] = Hex.ToHex(publicKey),
                    ["ss58"] = Ss58.Encode(KeyPairs.AccountIdOf(Scheme(), publicKey).ToArray(), prefix),
                    ["seed"] = derived.Seed is null ? null : Hex.ToHex(derived.Seed),
                };
            }

            case "sign":
            {
                using var derived = KeyPairs.FromSuri(Str("suri"), Scheme());
                return new JsonObject { ["signature"] = Hex.ToHex(derived.Pair.Sign(Bytes("message"))) };
            }

            case "verify":
                return new JsonObject { ["valid"] = KeyPairs.Verify(Scheme(), Bytes("signature"), Bytes("message"), Bytes("publicKey")) };

            case "vrfSign":
            {
                using var derived = KeyPairs.FromSuri(Str("suri"), KeyScheme.Sr25519);
                var output = Sr25519.VrfSign((Sr25519KeyPair)derived.Pair, Bytes("context"), Bytes("message"), Bytes("extra"));
                return new JsonObject { ["output"] = Hex.ToHex(output) };
            }

            case "vrfVerify":
                return new JsonObject
                {
                    ["valid"] = Sr25519.VrfVerify(Bytes("publicKey"), Bytes("context"), Bytes("message"), Bytes("extra"), Bytes("output")),
                };

            case "ss58Decode":
            {
                try
                {
                    var (key, prefix) = Ss58.Decode(Str("address"));
                    return new JsonObject { ["publicKey"] = Hex.ToHex(key), ["prefix"] = prefix };
                }
                catch (Ss58Exception e)
                {
                    return new JsonObject { ["error"] = e.Message };
                }
            }

            case "ss58Encode":
                return new JsonObject { ["address"] = Ss58.Encode(Bytes("publicKey"), (ushort)(request["prefix"]?.GetValue<int>() ?? 42)) };

            case "hash":
            {
                var data = Bytes("data");
                byte[] digest = Str("alg") switch
                {
                    "blake2_64" => Blake2b.Blake2b64(data),
                    "blake2_128" => Blake2b.Blake2b128(data),
                    "blake2_256" => Blake2b.Blake2b256(data),
                    "blake2_512" => Blake2b.Blake2b512(data),
                    "twox64" => Twox.Twox64(data),
                    "twox128" => Twox.Twox128(data),
                    "twox256" => Twox.Twox256(data),
                    "keccak256" => Keccak256.Hash(data),
                    "sha256" => SHA256.HashData(data),
                    var a => throw new FormatException($"unknown hash {a}"),
                };
                return new JsonObject { ["hash"] = Hex.ToHex(digest) };
            }

            default:
                throw new FormatException($"unknown op {Str("op")}");
        }
    }
}
