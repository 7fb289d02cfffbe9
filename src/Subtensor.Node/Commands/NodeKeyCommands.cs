using System.CommandLine;
using System.Security.Cryptography;
using Subtensor.Core.Crypto;
using Subtensor.Core.Types;
using Subtensor.Node.Cli;

namespace Subtensor.Node.Commands;

/// <summary><c>key generate-node-key</c> and <c>key inspect-node-key</c>: the node's ed25519 libp2p identity.</summary>
internal static class NodeKeyCommands
{
    public static Command Generate()
    {
        var file = new Option<FileInfo?>("--file") { Description = "write the secret key to this file instead of stdout" };
        var bin = new Option<bool>("--bin") { Description = "write the raw 32-byte secret instead of hex" };
        var cmd = new Command("generate-node-key", "Generate a random node key; prints the secret (stdout or --file) and the PeerId (stderr)") { file, bin };
        cmd.SetAction(p =>
        {
            var secret = RandomNumberGenerator.GetBytes(32);
            try
            {
                var output = p.GetValue(bin) ? secret : System.Text.Encoding.ASCII.GetBytes(Hex.ToHex(secret, withPrefix: false));
                if (p.GetValue(file) is { } f)
                {
                    if (f.Exists)
                    {
                        throw new CliException($"refusing to overwrite the existing key file {f.FullName}");
                    }

                    Directory.CreateDirectory(f.DirectoryName ?? ".");
                    File.WriteAllBytes(f.FullName, output);
                }
                else
                {
                    using var stdout = Console.OpenStandardOutput();
                    stdout.Write(output);
                    stdout.Flush();
                    if (!p.GetValue(bin))
                    {
                        Console.Out.WriteLine();
                    }
                }

                Console.Error.WriteLine(PeerIdOf(secret));
            }
            finally
            {
                CryptographicOperations.ZeroMemory(secret);
            }

            return 0;
        });
        return cmd;
    }

    public static Command Inspect()
    {
        var file = new Option<FileInfo>("--file") { Description = "node key file (hex or raw 32 bytes)", Required = true };
        var cmd = new Command("inspect-node-key", "Print the PeerId of a node key file") { file };
        cmd.SetAction(p =>
        {
            var secret = ReadNodeKey(p.GetValue(file)!);
            try
            {
                Console.Out.WriteLine(PeerIdOf(secret));
            }
            finally
            {
                CryptographicOperations.ZeroMemory(secret);
            }

            return 0;
        });
        return cmd;
    }

    /// <summary>Reads a node key file as Substrate writes it: 64 hex characters, or the raw 32 bytes.</summary>
    public static byte[] ReadNodeKey(FileInfo file)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (!file.Exists)
        {
            throw new CliException($"node key file {file.FullName} does not exist");
        }

        var bytes = File.ReadAllBytes(file.FullName);
        if (bytes.Length == 32)
        {
            return bytes;
        }

        var text = System.Text.Encoding.ASCII.GetString(bytes).Trim();
        var secret = Hex.Parse(text);
        return secret.Length == 32 ? secret : throw new CliException($"node key file {file.FullName} must hold 32 bytes (raw or hex)");
    }

    /// <summary>libp2p PeerId of an ed25519 key: identity multihash of the protobuf PublicKey, base58btc.</summary>
    public static string PeerIdOf(byte[] secret)
    {
        using var pair = Ed25519.FromSeed(secret);
        var publicKey = pair.PublicKey;
        // multihash(identity=0x00, len=36) ‖ protobuf PublicKey { Type = Ed25519 (field 1 = 1), Data (field 2, len 32) }
        byte[] multihash = [0x00, 0x24, 0x08, 0x01, 0x12, 0x20, .. publicKey];
        return Base58.Encode(multihash);
    }
}
