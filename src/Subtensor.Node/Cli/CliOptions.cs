using System.CommandLine;
using Subtensor.Core.Crypto;

namespace Subtensor.Node.Cli;

/// <summary>Options shared by several subcommands, with Substrate's names.</summary>
internal static class CliOptions
{
    public static Option<KeyScheme> Scheme() => new("--scheme")
    {
        Description = "cryptography scheme: sr25519 (default), ed25519 or ecdsa",
        DefaultValueFactory = _ => KeyScheme.Sr25519,
        CustomParser = r => ParseScheme(r.Tokens.Count == 0 ? "sr25519" : r.Tokens[^1].Value, r),
    };

    public static Option<ushort> Network() => new("--network", "-n")
    {
        Description = "SS58 network: a prefix number or a name (substrate, polkadot, kusama, bittensor)",
        DefaultValueFactory = _ => 42,
        CustomParser = r =>
        {
            var text = r.Tokens.Count == 0 ? "42" : r.Tokens[^1].Value;
            if (Ss58Networks.TryParse(text, out var prefix))
            {
                return prefix;
            }

            r.AddError($"invalid --network '{text}': expected a prefix 0..16383 or one of {string.Join(", ", Ss58Networks.Names)}");
            return 0;
        },
    };

    public static Option<string> OutputType() => new Option<string>("--output-type")
    {
        Description = "output format: text (default) or json",
        DefaultValueFactory = _ => "text",
    }.FromAmong("text", "json");

    private static KeyScheme ParseScheme(string text, System.CommandLine.Parsing.ArgumentResult result)
    {
        switch (text.ToLowerInvariant())
        {
            case "sr25519":
                return KeyScheme.Sr25519;
            case "ed25519":
                return KeyScheme.Ed25519;
            case "ecdsa":
                return KeyScheme.Ecdsa;
            default:
                result.AddError($"invalid --scheme '{text}': expected sr25519, ed25519 or ecdsa");
                return KeyScheme.Sr25519;
        }
    }
}
