using System.Numerics;

namespace Subtensor.Core.Crypto.Curve25519;

/// <summary>Constants of edwards25519 / ristretto255 (RFC 7748, RFC 8032, RFC 9496), derived from their definitions.</summary>
internal static class Curve25519Constants
{
    private static readonly BigInteger P = (BigInteger.One << 255) - 19;

    /// <summary>A square root of −1; the non-negative one, 2^((p−1)/4) possibly negated (2 is a non-residue since p ≡ 5 mod 8).</summary>
    public static readonly FieldElement SqrtM1 = FromBigInteger(NonNegative(BigInteger.ModPow(2, (P - 1) / 4, P)));

    /// <summary>d = −121665/121666.</summary>
    public static readonly FieldElement D = FromBigInteger(P - 121665 * BigInteger.ModPow(121666, P - 2, P) % P);

    public static readonly FieldElement D2 = FieldElement.Add(D, D);

    /// <summary>RFC 9496 INVSQRT_A_MINUS_D = 1/sqrt(a − d) with a = −1.</summary>
    public static readonly FieldElement InvSqrtAMinusD = FieldElement.SqrtRatioM1(FieldElement.One, FieldElement.Sub(FieldElement.Negate(FieldElement.One), D)).Root;

    /// <summary>The Ed25519 base point encoding (y = 4/5, x even), which is also the ristretto255 generator.</summary>
    public static ReadOnlySpan<byte> BasePointEncoding =>
    [
        0x58, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66,
        0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66,
    ];

    public static BigInteger FieldPrime => P;

    private static BigInteger NonNegative(BigInteger x) => x.IsEven ? x : P - x;

    private static FieldElement FromBigInteger(BigInteger value)
    {
        Span<byte> bytes = stackalloc byte[32];
        bytes.Clear();
        value.TryWriteBytes(bytes, out _, isUnsigned: true, isBigEndian: false);
        return FieldElement.FromBytes(bytes);
    }
}
