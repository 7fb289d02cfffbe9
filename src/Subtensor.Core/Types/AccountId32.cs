using Subtensor.Core.Crypto;
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

    /// <summary>The SS58 address of this account (prefix 42, the generic Substrate and Bittensor format, by default).</summary>
    public string ToSs58(ushort prefix = Ss58.SubstratePrefix)
    {
        Span<byte> bytes = stackalloc byte[Length];
        CopyTo(bytes);
        return Ss58.Encode(bytes, prefix);
    }

    /// <summary>Parses an SS58 address of any allowed prefix; throws <see cref="Ss58Exception"/>, also for 33-byte (ecdsa) keys.</summary>
    public static AccountId32 ParseSs58(string address) => ParseSs58(address, out _);

    public static AccountId32 ParseSs58(string address, out ushort prefix)
    {
        var (key, decodedPrefix) = Ss58.Decode(address);
        if (key.Length != Length)
        {
            throw new Ss58Exception(Ss58ErrorKind.BadLength, $"invalid SS58 address: it holds a {key.Length}-byte key, an account id is {Length} bytes");
        }

        prefix = decodedPrefix;
        return new AccountId32(key);
    }

    public static bool TryParseSs58(string? address, out AccountId32 account)
    {
        account = default;
        if (address is null || !Ss58.TryDecode(address, out var key, out _) || key.Length != Length)
        {
            return false;
        }

        account = new AccountId32(key);
        return true;
    }

    public static bool operator <(AccountId32 left, AccountId32 right) => left.CompareTo(right) < 0;

    public static bool operator >(AccountId32 left, AccountId32 right) => left.CompareTo(right) > 0;

    public static bool operator <=(AccountId32 left, AccountId32 right) => left.CompareTo(right) <= 0;

    public static bool operator >=(AccountId32 left, AccountId32 right) => left.CompareTo(right) >= 0;
}
