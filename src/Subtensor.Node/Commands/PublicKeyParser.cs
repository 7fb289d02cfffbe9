using Subtensor.Core.Crypto;
using Subtensor.Core.Types;
using Subtensor.Node.Cli;

namespace Subtensor.Node.Commands;

/// <summary>Reads a public key given as SS58 or 0x hex, checking its length against the scheme.</summary>
internal static class PublicKeyParser
{
    public static (byte[] PublicKey, ushort? Prefix) Parse(string text, KeyScheme scheme)
    {
        ArgumentNullException.ThrowIfNull(text);
        var expected = scheme == KeyScheme.Ecdsa ? 33 : 32;
        byte[] key;
        ushort? prefix = null;
        if (text.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            key = Hex.Parse(text);
        }
        else
        {
            (key, var p) = Ss58.Decode(text);
            prefix = p;
        }

        if (key.Length != expected)
        {
            throw new CliException($"invalid public key: {key.Length} bytes, a {scheme.ToString().ToLowerInvariant()} public key has {expected}");
        }

        return (key, prefix);
    }
}
