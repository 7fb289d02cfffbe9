using System.Security.Cryptography;
using System.Text;
using Subtensor.Core.Crypto;

namespace Subtensor.Network.Identity;

/// <summary>
/// The node's libp2p identity: an Ed25519 key pair from a 32-byte secret, as Substrate's <c>--node-key</c> (64 hex digits)
/// and its <c>network/secret_ed25519</c> file (32 raw bytes, or 64 hex digits) hold it.
/// </summary>
public sealed class NodeKey
{
    /// <summary>The file name Substrate uses under <c>&lt;base&gt;/chains/&lt;id&gt;/network/</c>.</summary>
    public const string SecretFileName = "secret_ed25519";

    private readonly byte[] _secret;
    private readonly Ed25519KeyPair _pair;

    private NodeKey(ReadOnlySpan<byte> secret)
    {
        if (secret.Length != Ed25519.SeedLength)
        {
            throw new ArgumentException($"an ed25519 node key secret is 32 bytes, got {secret.Length}", nameof(secret));
        }

        _secret = secret.ToArray();
        _pair = Ed25519.FromSeed(_secret);
        PublicKey = IdentityPublicKey.FromEd25519(_pair.PublicKey);
        PeerId = PeerId.FromPublicKey(PublicKey);
    }

    public IdentityPublicKey PublicKey { get; }

    public PeerId PeerId { get; }

    /// <summary>The 32-byte secret (the Ed25519 seed).</summary>
    public ReadOnlySpan<byte> Secret => _secret;

    public static NodeKey FromSecret(ReadOnlySpan<byte> secret) => new(secret);

    public static NodeKey Generate()
    {
        Span<byte> secret = stackalloc byte[Ed25519.SeedLength];
        RandomNumberGenerator.Fill(secret);
        var key = new NodeKey(secret);
        CryptographicOperations.ZeroMemory(secret);
        return key;
    }

    /// <summary>Parses 64 hex digits (with or without <c>0x</c>), the <c>--node-key</c> form.</summary>
    public static NodeKey ParseHex(string hex)
    {
        ArgumentNullException.ThrowIfNull(hex);
        var digits = hex.Trim();
        if (digits.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            digits = digits[2..];
        }

        if (digits.Length != 64 || !digits.All(char.IsAsciiHexDigit))
        {
            throw new FormatException("a node key is 64 hex digits (32 bytes)");
        }

        return new NodeKey(Convert.FromHexString(digits));
    }

    /// <summary>Reads a secret file: 32 raw bytes, or 64 hex digits as text (Substrate accepts both).</summary>
    public static NodeKey Load(string path)
    {
        var bytes = File.ReadAllBytes(path);
        if (bytes.Length == Ed25519.SeedLength)
        {
            return new NodeKey(bytes);
        }

        var text = Encoding.ASCII.GetString(bytes).Trim();
        if (text.Length == 64 && text.All(char.IsAsciiHexDigit))
        {
            return new NodeKey(Convert.FromHexString(text));
        }

        throw new FormatException($"node key file '{path}' holds neither 32 raw bytes nor 64 hex digits");
    }

    /// <summary>Loads the secret file, or generates a key and writes it there (32 raw bytes, mode 0600) when absent.</summary>
    public static NodeKey LoadOrGenerate(string path)
    {
        if (File.Exists(path))
        {
            return Load(path);
        }

        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        var key = Generate();
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var file = new FileStream(path, options))
        {
            file.Write(key.Secret);
        }

        return key;
    }

    /// <summary>Signs with the identity key (Ed25519).</summary>
    public byte[] Sign(ReadOnlySpan<byte> message) => _pair.Sign(message);

    public override string ToString() => PeerId.ToString();
}
