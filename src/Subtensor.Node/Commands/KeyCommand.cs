using System.CommandLine;
using System.Text;
using Subtensor.Core.Crypto;
using Subtensor.Core.Hashing;
using Subtensor.Core.Types;
using Subtensor.Node.Cli;

namespace Subtensor.Node.Commands;

/// <summary><c>subtensor-node key</c>: Substrate's <c>key</c>/<c>subkey</c> surface.</summary>
internal static class KeyCommand
{
    public static Command Build()
    {
        var key = new Command("key", "Key management: generate, inspect, sign and verify (Substrate's subkey)");
        key.Subcommands.Add(Generate());
        key.Subcommands.Add(Inspect());
        key.Subcommands.Add(Sign());
        key.Subcommands.Add(Verify());
        key.Subcommands.Add(NodeKeyCommands.Generate());
        key.Subcommands.Add(NodeKeyCommands.Inspect());
        key.Subcommands.Add(KeyOracleCommand.Build());
        return key;
    }

    private static Command Generate()
    {
        var scheme = CliOptions.Scheme();
        var network = CliOptions.Network();
        var output = CliOptions.OutputType();
        var password = PasswordOption();
        var words = new Option<int>("--words", "-w")
        {
            Description = "number of words in the phrase: 12, 15, 18, 21 or 24",
            DefaultValueFactory = _ => 12,
        };
        words.Validators.Add(r =>
        {
            var n = r.GetValueOrDefault<int>();
            if (n is not (12 or 15 or 18 or 21 or 24))
            {
                r.AddError($"invalid --words {n}: expected 12, 15, 18, 21 or 24");
            }
        });
        var cmd = new Command("generate", "Generate a random account (BIP39 phrase)") { scheme, words, network, output, password };
        cmd.SetAction(p =>
        {
            var phrase = Bip39.Generate(p.GetValue(words));
            Console.Out.Write(KeyInfoFormatter.FromUri(phrase, p.GetValue(password), p.GetValue(scheme), p.GetValue(network), p.GetValue(output) == "json"));
            return 0;
        });
        return cmd;
    }

    private static Command Inspect()
    {
        var uri = new Argument<string>("uri") { Description = "secret URI (phrase, //junctions, ///password, 0x seed), SS58 address or 0x public key" };
        var scheme = CliOptions.Scheme();
        var network = CliOptions.Network();
        var output = CliOptions.OutputType();
        var password = PasswordOption();
        var isPublic = new Option<bool>("--public") { Description = "the argument is a public key (SS58 or 0x hex), not a secret" };
        var cmd = new Command("inspect", "Print the keys and addresses of a secret URI or a public key") { uri, scheme, network, isPublic, output, password };
        cmd.SetAction(p =>
        {
            var text = p.GetValue(uri)!;
            var json = p.GetValue(output) == "json";
            Console.Out.Write(p.GetValue(isPublic)
                ? KeyInfoFormatter.FromPublic(text, p.GetValue(scheme), p.GetValue(network), json)
                : KeyInfoFormatter.FromUri(text, p.GetValue(password), p.GetValue(scheme), p.GetValue(network), json));
            return 0;
        });
        return cmd;
    }

    private static Command Sign()
    {
        var suri = new Option<string>("--suri") { Description = "secret URI of the signing key", Required = true };
        var message = new Option<string?>("--message") { Description = "message to sign (read from stdin when absent)" };
        var hex = new Option<bool>("--hex") { Description = "the message is hex" };
        var scheme = CliOptions.Scheme();
        var password = PasswordOption();
        var cmd = new Command("sign", "Sign a message; prints the signature as hex") { suri, message, hex, scheme, password };
        cmd.SetAction(p =>
        {
            var msg = ReadMessage(p.GetValue(message), p.GetValue(hex));
            using var derived = KeyPairs.FromSuri(WithPassword(p.GetValue(suri)!, p.GetValue(password)), p.GetValue(scheme));
            Console.Out.WriteLine(Hex.ToHex(derived.Pair.Sign(msg), withPrefix: false));
            return 0;
        });
        return cmd;
    }

    private static Command Verify()
    {
        var signature = new Argument<string>("sig") { Description = "signature, hex" };
        var uri = new Argument<string>("uri") { Description = "public key: SS58 address or 0x hex" };
        var message = new Option<string?>("--message") { Description = "message (read from stdin when absent)" };
        var hex = new Option<bool>("--hex") { Description = "the message is hex" };
        var scheme = CliOptions.Scheme();
        var cmd = new Command("verify", "Verify a signature; exit code 0 only when it is valid") { signature, uri, message, hex, scheme };
        cmd.SetAction(p =>
        {
            var msg = ReadMessage(p.GetValue(message), p.GetValue(hex));
            var sig = Hex.Parse(p.GetValue(signature)!);
            var publicKey = PublicKeyParser.Parse(p.GetValue(uri)!, p.GetValue(scheme)).PublicKey;
            if (!KeyPairs.Verify(p.GetValue(scheme), sig, msg, publicKey))
            {
                throw new CliException("Signature invalid.");
            }

            Console.Out.WriteLine("Signature verifies correctly.");
            return 0;
        });
        return cmd;
    }

    internal static Option<string?> PasswordOption() => new("--password") { Description = "password appended to the URI as ///password" };

    internal static string WithPassword(string suri, string? password)
        => string.IsNullOrEmpty(password) ? suri : suri + "///" + password;

    private static byte[] ReadMessage(string? message, bool isHex)
    {
        var text = message ?? Console.In.ReadToEnd();
        return isHex ? Hex.Parse(text.Trim()) : Encoding.UTF8.GetBytes(text);
    }
}
