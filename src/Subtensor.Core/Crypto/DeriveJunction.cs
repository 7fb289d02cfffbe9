using System.Buffers.Binary;
using System.Text;
using Subtensor.Core.Hashing;
using Subtensor.Core.Scale;

namespace Subtensor.Core.Crypto;

/// <summary>
/// One step of an HDKD path (sp-core <c>DeriveJunction</c>): a 32-byte chain code, soft or hard.
/// The chain code is the SCALE encoding of the junction value (u64 if the text parses as one, else the string),
/// zero-padded to 32 bytes, or its blake2_256 when longer.
/// </summary>
public readonly record struct DeriveJunction
{
    public const int ChainCodeLength = 32;

    private readonly byte[] _chainCode;

    private DeriveJunction(byte[] chainCode, bool isHard)
    {
        _chainCode = chainCode;
        IsHard = isHard;
    }

    public bool IsHard { get; }

    public bool IsSoft => !IsHard;

    public ReadOnlySpan<byte> ChainCode => _chainCode;

    /// <summary>A junction from a path segment as the SURI carries it: "/x" is hard (the leading slash stripped), "x" soft.</summary>
    public static DeriveJunction FromPathSegment(string segment)
    {
        ArgumentNullException.ThrowIfNull(segment);
        var hard = segment.StartsWith('/');
        var code = hard ? segment[1..] : segment;
        return TryParseU64(code, out var number) ? FromU64(number, hard) : FromString(code, hard);
    }

    public static DeriveJunction FromU64(ulong value, bool hard)
    {
        Span<byte> encoded = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(encoded, value);
        return FromEncoded(encoded, hard);
    }

    public static DeriveJunction FromString(string value, bool hard)
    {
        ArgumentNullException.ThrowIfNull(value);
        var utf8 = Encoding.UTF8.GetBytes(value);
        return FromEncoded(new ScaleWriter().WriteByteVec(utf8).ToArray(), hard);
    }

    /// <summary>A junction from already SCALE-encoded bytes (sp-core <c>DeriveJunction::soft/hard(encodable)</c>).</summary>
    public static DeriveJunction FromEncoded(ReadOnlySpan<byte> encoded, bool hard)
    {
        var chainCode = new byte[ChainCodeLength];
        if (encoded.Length > ChainCodeLength)
        {
            Blake2b.Hash(encoded, chainCode);
        }
        else
        {
            encoded.CopyTo(chainCode);
        }

        return new DeriveJunction(chainCode, hard);
    }

    public bool Equals(DeriveJunction other) => IsHard == other.IsHard && ChainCode.SequenceEqual(other.ChainCode);

    public override int GetHashCode() => HashCode.Combine(IsHard, BinaryPrimitives.ReadInt32LittleEndian(_chainCode ?? new byte[4]));

    public override string ToString() => (IsHard ? "hard:" : "soft:") + Convert.ToHexStringLower(ChainCode);

    /// <summary>Rust's <c>str::parse::&lt;u64&gt;</c>: an optional '+', then one or more ASCII digits, no overflow.</summary>
    private static bool TryParseU64(string text, out ulong value)
    {
        value = 0;
        var digits = text.AsSpan();
        if (digits.Length > 0 && digits[0] == '+')
        {
            digits = digits[1..];
        }

        if (digits.IsEmpty)
        {
            return false;
        }

        foreach (var ch in digits)
        {
            if (!char.IsAsciiDigit(ch))
            {
                return false;
            }

            var digit = (ulong)(ch - '0');
            if (value > (ulong.MaxValue - digit) / 10)
            {
                return false;
            }

            value = (value * 10) + digit;
        }

        return true;
    }
}
