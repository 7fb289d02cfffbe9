using Subtensor.Core.Scale;

namespace Subtensor.Core.Types;

/// <summary>A 32-byte account id (<c>AccountId32</c>): an sr25519/ed25519 public key or blake2_256 of an ecdsa key.</summary>
public readonly record struct AccountId32(Hash256 Value) : IComparable<AccountId32>, IScaleEncodable, IScaleDecodable<AccountId32>
{
    public const int Length = 32;

    public AccountId32(ReadOnlySpan<byte> bytes)
        : this(new Hash256(bytes))
    {
    }

    public byte[] ToArray() => Value.ToArray();

    public void CopyTo(Span<byte> destination) => Value.CopyTo(destination);

    public int CompareTo(AccountId32 other) => Value.CompareTo(other.Value);

    public void EncodeTo(ScaleWriter writer) => Value.EncodeTo(writer);

    public static AccountId32 DecodeFrom(ref ScaleReader reader) => new(Hash256.DecodeFrom(ref reader));

    public override string ToString() => Value.ToString();

    public static bool operator <(AccountId32 left, AccountId32 right) => left.CompareTo(right) < 0;

    public static bool operator >(AccountId32 left, AccountId32 right) => left.CompareTo(right) > 0;

    public static bool operator <=(AccountId32 left, AccountId32 right) => left.CompareTo(right) <= 0;

    public static bool operator >=(AccountId32 left, AccountId32 right) => left.CompareTo(right) >= 0;
}
