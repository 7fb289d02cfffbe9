using Subtensor.Core.Scale;
using Subtensor.Core.Types;

namespace Subtensor.Consensus.Grandpa;

/// <summary>A GRANDPA authority id: a 32-byte ed25519 public key (sp-consensus-grandpa <c>AuthorityId</c>, key type <c>gran</c>).</summary>
public readonly struct AuthorityId : IEquatable<AuthorityId>, IScaleEncodable
{
    public const int Length = 32;

    // Stored in a Hash256 for cheap equality and hashing; it is not a hash.
    private readonly Hash256 _key;

    public AuthorityId(ReadOnlySpan<byte> publicKey)
    {
        if (publicKey.Length != Length)
        {
            throw new ArgumentException($"a GRANDPA authority id is {Length} bytes, got {publicKey.Length}", nameof(publicKey));
        }

        _key = new Hash256(publicKey);
    }

    public byte[] ToArray() => _key.ToArray();

    public static AuthorityId DecodeFrom(ref ScaleReader reader) => new(reader.ReadBytes(Length));

    public void EncodeTo(ScaleWriter writer) => _key.EncodeTo(writer);

    public bool Equals(AuthorityId other) => _key == other._key;

    public override bool Equals(object? obj) => obj is AuthorityId other && Equals(other);

    public override int GetHashCode() => _key.GetHashCode();

    public override string ToString() => _key.ToString();

    public static bool operator ==(AuthorityId left, AuthorityId right) => left.Equals(right);

    public static bool operator !=(AuthorityId left, AuthorityId right) => !left.Equals(right);
}
