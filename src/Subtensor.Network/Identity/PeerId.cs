using System.Security.Cryptography;
using Subtensor.Core.Crypto;
using Subtensor.Network.Multiformats;

namespace Subtensor.Network.Identity;

/// <summary>
/// A libp2p peer id: the multihash of the protobuf-encoded public key, inlined with the identity hash (code 0x00) when
/// that encoding is at most 42 bytes (all Ed25519 keys) and SHA2-256 (code 0x12) otherwise (peer-ids spec).
/// Its text form is base58btc (<c>12D3KooW…</c> for Ed25519).
/// </summary>
public sealed class PeerId : IEquatable<PeerId>
{
    /// <summary>Protobuf keys up to this length are inlined into an identity multihash.</summary>
    public const int MaxInlineKeyLength = 42;

    private const byte IdentityCode = 0x00;
    private const byte Sha256Code = 0x12;

    private readonly byte[] _bytes;

    private PeerId(byte[] bytes) => _bytes = bytes;

    /// <summary>The multihash bytes, as carried in <c>/p2p/</c> multiaddr components and protocol messages.</summary>
    public ReadOnlySpan<byte> Bytes => _bytes;

    public static PeerId FromPublicKey(IdentityPublicKey publicKey)
    {
        ArgumentNullException.ThrowIfNull(publicKey);
        var encoded = publicKey.ToProtobuf();
        if (encoded.Length <= MaxInlineKeyLength)
        {
            var bytes = new byte[2 + encoded.Length];
            bytes[0] = IdentityCode;
            bytes[1] = (byte)encoded.Length;
            encoded.CopyTo(bytes, 2);
            return new PeerId(bytes);
        }

        var hashed = new byte[34];
        hashed[0] = Sha256Code;
        hashed[1] = 32;
        SHA256.HashData(encoded, hashed.AsSpan(2));
        return new PeerId(hashed);
    }

    /// <summary>Validates multihash bytes (identity ≤ 42 bytes or SHA2-256 of 32 bytes); throws <see cref="FormatException"/>.</summary>
    public static PeerId FromBytes(ReadOnlySpan<byte> bytes)
    {
        var offset = 0;
        var code = UnsignedVarint.Read(bytes, ref offset);
        var length = UnsignedVarint.Read(bytes, ref offset);
        if ((ulong)(bytes.Length - offset) != length)
        {
            throw new FormatException($"peer id multihash announces {length} digest bytes but carries {bytes.Length - offset}");
        }

        switch (code)
        {
            case IdentityCode when length <= MaxInlineKeyLength:
                _ = IdentityPublicKey.FromProtobuf(bytes[offset..]);
                break;
            case IdentityCode:
                throw new FormatException($"identity peer id longer than {MaxInlineKeyLength} bytes");
            case Sha256Code when length == 32:
                break;
            default:
                throw new FormatException($"unsupported peer id multihash (code 0x{code:x}, length {length})");
        }

        return new PeerId(bytes.ToArray());
    }

    /// <summary>Parses the base58btc text form.</summary>
    public static PeerId Parse(string text)
    {
        ArgumentException.ThrowIfNullOrEmpty(text);
        if (!Base58.TryDecode(text, out var bytes, out var bad))
        {
            throw new FormatException($"invalid base58 character '{text[bad]}' at position {bad} of peer id '{text}'");
        }

        return FromBytes(bytes);
    }

    public static bool TryParse(string? text, out PeerId? peerId)
    {
        peerId = null;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        try
        {
            peerId = Parse(text);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <summary>The public key inlined in an identity peer id, or null for hashed ids.</summary>
    public IdentityPublicKey? TryGetPublicKey()
        => _bytes[0] == IdentityCode ? IdentityPublicKey.FromProtobuf(_bytes.AsSpan(2)) : null;

    public byte[] ToBytes() => (byte[])_bytes.Clone();

    public override string ToString() => Base58.Encode(_bytes);

    public bool Equals(PeerId? other) => other is not null && other.Bytes.SequenceEqual(Bytes);

    public override bool Equals(object? obj) => Equals(obj as PeerId);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.AddBytes(_bytes);
        return hash.ToHashCode();
    }

    public static bool operator ==(PeerId? left, PeerId? right) => left is null ? right is null : left.Equals(right);

    public static bool operator !=(PeerId? left, PeerId? right) => !(left == right);
}
