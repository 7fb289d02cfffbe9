namespace Subtensor.Core.Crypto.Curve25519;

/// <summary>ristretto255 decoding and encoding of edwards25519 points (RFC 9496 §4.3.1 and §4.3.2).</summary>
internal static class RistrettoEncoding
{
    /// <summary>Decodes a canonical encoding; false for anything RFC 9496 rejects.</summary>
    public static bool TryDecode(ReadOnlySpan<byte> encoding, out EdwardsPoint point)
    {
        point = default;
        var s = FieldElement.FromBytes(encoding);

        // s must be canonical (re-encodes to the same bytes, which also rules out bit 255) and non-negative.
        Span<byte> canonical = stackalloc byte[32];
        s.ToBytes(canonical);
        if (!canonical.SequenceEqual(encoding) || (canonical[0] & 1) != 0)
        {
            return false;
        }

        var ss = FieldElement.Square(s);
        var u1 = FieldElement.Sub(FieldElement.One, ss);
        var u2 = FieldElement.Add(FieldElement.One, ss);
        var u2Squared = FieldElement.Square(u2);
        var v = FieldElement.Sub(FieldElement.Negate(FieldElement.Mul(Curve25519Constants.D, FieldElement.Square(u1))), u2Squared);
        var (wasSquare, invSqrt) = FieldElement.SqrtRatioM1(FieldElement.One, FieldElement.Mul(v, u2Squared));

        var denX = FieldElement.Mul(invSqrt, u2);
        var denY = FieldElement.Mul(FieldElement.Mul(invSqrt, denX), v);
        var x = FieldElement.Abs(FieldElement.Mul(FieldElement.Add(s, s), denX));
        var y = FieldElement.Mul(u1, denY);
        var t = FieldElement.Mul(x, y);
        if (!wasSquare || t.IsNegative || y.IsZero)
        {
            return false;
        }

        point = new EdwardsPoint(x, y, FieldElement.One, t);
        return true;
    }

    public static void Encode(in EdwardsPoint point, Span<byte> encoding)
    {
        var u1 = FieldElement.Mul(FieldElement.Add(point.Z, point.Y), FieldElement.Sub(point.Z, point.Y));
        var u2 = FieldElement.Mul(point.X, point.Y);
        var (_, invSqrt) = FieldElement.SqrtRatioM1(FieldElement.One, FieldElement.Mul(u1, FieldElement.Square(u2)));
        var den1 = FieldElement.Mul(invSqrt, u1);
        var den2 = FieldElement.Mul(invSqrt, u2);
        var zInv = FieldElement.Mul(FieldElement.Mul(den1, den2), point.T);

        var rotate = FieldElement.Mul(point.T, zInv).IsNegative;
        FieldElement x, y, denInv;
        if (rotate)
        {
            x = FieldElement.Mul(point.Y, Curve25519Constants.SqrtM1);
            y = FieldElement.Mul(point.X, Curve25519Constants.SqrtM1);
            denInv = FieldElement.Mul(den1, Curve25519Constants.InvSqrtAMinusD);
        }
        else
        {
            x = point.X;
            y = point.Y;
            denInv = den2;
        }

        if (FieldElement.Mul(x, zInv).IsNegative)
        {
            y = FieldElement.Negate(y);
        }

        FieldElement.Abs(FieldElement.Mul(denInv, FieldElement.Sub(point.Z, y))).ToBytes(encoding);
    }
}
