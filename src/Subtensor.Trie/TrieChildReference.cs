using Subtensor.Core.Types;

namespace Subtensor.Trie;

/// <summary>
/// How a branch refers to a child: by the blake2_256 hash of the child's encoding, or by the encoding itself when it is
/// shorter than 32 bytes (an inline child).
/// </summary>
public readonly struct TrieChildReference : IEquatable<TrieChildReference>
{
    private readonly byte[]? _inline;

    private TrieChildReference(Hash256 hash, byte[]? inline)
    {
        Hash = hash;
        _inline = inline;
    }

    public static TrieChildReference FromHash(Hash256 hash) => new(hash, null);

    public static TrieChildReference FromInline(byte[] encoding)
    {
        ArgumentNullException.ThrowIfNull(encoding);
        return new(default, encoding);
    }

    /// <summary>True when the child is referenced by hash.</summary>
    public bool IsHash => _inline is null;

    /// <summary>The child's hash (only when <see cref="IsHash"/>).</summary>
    public Hash256 Hash { get; }

    /// <summary>The child's full encoding (only when not <see cref="IsHash"/>).</summary>
    public ReadOnlyMemory<byte> Inline => _inline;

    public bool Equals(TrieChildReference other)
        => IsHash ? other.IsHash && Hash == other.Hash : !other.IsHash && _inline.AsSpan().SequenceEqual(other._inline);

    public override bool Equals(object? obj) => obj is TrieChildReference other && Equals(other);

    public override int GetHashCode() => IsHash ? Hash.GetHashCode() : _inline!.Length;

    public override string ToString() => IsHash ? Hash.ToString() : "inline " + Hex.ToHex(_inline);

    public static bool operator ==(TrieChildReference left, TrieChildReference right) => left.Equals(right);

    public static bool operator !=(TrieChildReference left, TrieChildReference right) => !left.Equals(right);
}
