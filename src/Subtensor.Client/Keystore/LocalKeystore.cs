using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using Subtensor.Consensus.Engine;
using Subtensor.Core.Crypto;
using Subtensor.Core.Types;
using Subtensor.Runtime.Api;

namespace Subtensor.Client.Keystore;

/// <summary>
/// Substrate's file keystore (<c>&lt;base&gt;/chains/&lt;id&gt;/keystore</c>): one file per key, named
/// <c>hex(key type) ‖ hex(public key)</c>, holding the secret URI as a JSON string. Without a directory it lives
/// in memory only. Key types map to schemes as in Substrate: "gran" is ed25519, the others sr25519.
/// </summary>
public sealed class LocalKeystore : IConsensusKeystore, IRuntimeKeystore
{
    private readonly string? _directory;
    private readonly ConcurrentDictionary<string, string> _memory = new(StringComparer.Ordinal);

    public LocalKeystore(string? directory)
    {
        _directory = directory;
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }
    }

    public static KeyScheme SchemeOf(string keyType) => keyType == "gran" ? KeyScheme.Ed25519 : KeyScheme.Sr25519;

    /// <summary>
    /// <c>author_insertKey</c>: stores <paramref name="suri"/> under <paramref name="keyType"/>. The public key must be
    /// the one the URI derives for the key type's scheme; a mismatch is refused and nothing is written.
    /// </summary>
    public void Insert(string keyType, string suri, ReadOnlySpan<byte> publicKey)
    {
        ValidateKeyType(keyType);
        ArgumentNullException.ThrowIfNull(suri);
        using var derived = KeyPairs.FromSuri(suri, SchemeOf(keyType));
        if (!derived.Pair.PublicKey.AsSpan().SequenceEqual(publicKey))
        {
            throw new ArgumentException(
                $"the secret URI derives {Hex.ToHex(derived.Pair.PublicKey)} for key type '{keyType}', not {Hex.ToHex(publicKey)}");
        }

        Store(keyType, derived.Pair.PublicKey, suri);
    }

    /// <summary>Derives the key of <paramref name="suri"/> for <paramref name="keyType"/>, stores it and returns the public key.</summary>
    public byte[] InsertUri(string keyType, string suri)
    {
        ValidateKeyType(keyType);
        using var derived = KeyPairs.FromSuri(suri, SchemeOf(keyType));
        var publicKey = derived.Pair.PublicKey;
        Store(keyType, publicKey, suri);
        return publicKey;
    }

    public bool Has(string keyType, ReadOnlySpan<byte> publicKey) => Load(keyType, publicKey) is not null;

    public IKeyPair? Find(string keyType, ReadOnlySpan<byte> publicKey)
    {
        var suri = Load(keyType, publicKey);
        if (suri is null)
        {
            return null;
        }

        var derived = KeyPairs.FromSuri(suri, SchemeOf(keyType));
        return derived.Pair;
    }

    /// <summary>The public keys stored for a key type.</summary>
    public IReadOnlyList<byte[]> PublicKeys(string keyType)
    {
        ValidateKeyType(keyType);
        var prefix = Convert.ToHexStringLower(Encoding.ASCII.GetBytes(keyType));
        IEnumerable<string> names = _directory is null
            ? _memory.Keys
            : Directory.EnumerateFiles(_directory).Select(f => Path.GetFileName(f)!);
        return names.Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.Length > prefix.Length)
            .Select(n => Convert.FromHexString(n[prefix.Length..])).ToList();
    }

    public byte[] Sr25519Generate(string keyType, string? seed) => Generate(keyType, seed);

    public byte[] Ed25519Generate(string keyType, string? seed) => Generate(keyType, seed);

    private byte[] Generate(string keyType, string? seed)
        => InsertUri(keyType, string.IsNullOrEmpty(seed) ? Bip39.Generate(12) : seed);

    private void Store(string keyType, byte[] publicKey, string suri)
    {
        var name = FileName(keyType, publicKey);
        if (_directory is null)
        {
            _memory[name] = suri;
            return;
        }

        var path = Path.Combine(_directory, name);
        var temp = path + ".tmp";
        File.WriteAllText(temp, JsonSerializer.Serialize(suri));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(temp, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        File.Move(temp, path, overwrite: true);
    }

    private string? Load(string keyType, ReadOnlySpan<byte> publicKey)
    {
        ValidateKeyType(keyType);
        var name = FileName(keyType, publicKey);
        if (_directory is null)
        {
            return _memory.TryGetValue(name, out var s) ? s : null;
        }

        var path = Path.Combine(_directory, name);
        return File.Exists(path) ? JsonSerializer.Deserialize<string>(File.ReadAllText(path)) : null;
    }

    private static string FileName(string keyType, ReadOnlySpan<byte> publicKey)
        => Convert.ToHexStringLower(Encoding.ASCII.GetBytes(keyType)) + Convert.ToHexStringLower(publicKey);

    private static void ValidateKeyType(string keyType)
    {
        if (keyType is null || keyType.Length != 4 || !keyType.All(char.IsAscii))
        {
            throw new ArgumentException("Invalid key type ID format (should be of length four)", nameof(keyType));
        }
    }
}
