namespace Subtensor.Core.Crypto.Curve25519;

/// <summary>
/// A point of edwards25519 (−x² + y² = 1 + d·x²·y²) in extended coordinates (X:Y:Z:T), x = X/Z, y = Y/Z, x·y = T/Z.
/// Formulas: add-2008-hwcd-3 / madd-2008-hwcd-3 for a = −1 (Hisil–Wong–Carter–Dawson 2008).
/// </summary>
internal readonly struct EdwardsPoint(FieldElement x, FieldElement y, FieldElement z, FieldElement t)
{
    public readonly FieldElement X = x;
    public readonly FieldElement Y = y;
    public readonly FieldElement Z = z;
    public readonly FieldElement T = t;

    public static EdwardsPoint Identity => new(FieldElement.Zero, FieldElement.One, FieldElement.One, FieldElement.Zero);

    public ProjectivePoint ToProjective() => new(X, Y, Z);

    public ProjectiveNielsPoint ToProjectiveNiels() => new(
        FieldElement.Add(Y, X),
        FieldElement.Sub(Y, X),
        Z,
        FieldElement.Mul(T, Curve25519Constants.D2));

    public AffineNielsPoint ToAffineNiels()
    {
        var zInv = FieldElement.Invert(Z);
        var x = FieldElement.Mul(X, zInv);
        var y = FieldElement.Mul(Y, zInv);
        return new AffineNielsPoint(
            FieldElement.Add(y, x),
            FieldElement.Sub(y, x),
            FieldElement.Mul(FieldElement.Mul(x, y), Curve25519Constants.D2));
    }

    public EdwardsPoint Negate() => new(FieldElement.Negate(X), Y, Z, FieldElement.Negate(T));

    public EdwardsPoint Double() => ToProjective().Double().ToExtended();

    public CompletedPoint Add(in ProjectiveNielsPoint other)
    {
        var pp = FieldElement.Mul(FieldElement.Add(Y, X), other.YPlusX);
        var mm = FieldElement.Mul(FieldElement.Sub(Y, X), other.YMinusX);
        var tt2d = FieldElement.Mul(T, other.T2d);
        var zz = FieldElement.Mul(Z, other.Z);
        var zz2 = FieldElement.Add(zz, zz);
        return new CompletedPoint(FieldElement.Sub(pp, mm), FieldElement.Add(pp, mm), FieldElement.Add(zz2, tt2d), FieldElement.Sub(zz2, tt2d));
    }

    public CompletedPoint Subtract(in ProjectiveNielsPoint other)
    {
        var pm = FieldElement.Mul(FieldElement.Add(Y, X), other.YMinusX);
        var mp = FieldElement.Mul(FieldElement.Sub(Y, X), other.YPlusX);
        var tt2d = FieldElement.Mul(T, other.T2d);
        var zz = FieldElement.Mul(Z, other.Z);
        var zz2 = FieldElement.Add(zz, zz);
        return new CompletedPoint(FieldElement.Sub(pm, mp), FieldElement.Add(pm, mp), FieldElement.Sub(zz2, tt2d), FieldElement.Add(zz2, tt2d));
    }

    public CompletedPoint Add(in AffineNielsPoint other)
    {
        var pp = FieldElement.Mul(FieldElement.Add(Y, X), other.YPlusX);
        var mm = FieldElement.Mul(FieldElement.Sub(Y, X), other.YMinusX);
        var txy2d = FieldElement.Mul(T, other.XY2d);
        var z2 = FieldElement.Add(Z, Z);
        return new CompletedPoint(FieldElement.Sub(pp, mm), FieldElement.Add(pp, mm), FieldElement.Add(z2, txy2d), FieldElement.Sub(z2, txy2d));
    }

    public CompletedPoint Subtract(in AffineNielsPoint other)
    {
        var pm = FieldElement.Mul(FieldElement.Add(Y, X), other.YMinusX);
        var mp = FieldElement.Mul(FieldElement.Sub(Y, X), other.YPlusX);
        var txy2d = FieldElement.Mul(T, other.XY2d);
        var z2 = FieldElement.Add(Z, Z);
        return new CompletedPoint(FieldElement.Sub(pm, mp), FieldElement.Add(pm, mp), FieldElement.Sub(z2, txy2d), FieldElement.Add(z2, txy2d));
    }

    public EdwardsPoint MultiplyByCofactor() => Double().Double().Double();

    /// <summary>True for the neutral element (0, 1): X = 0 and Y = Z.</summary>
    public bool IsIdentity => X.IsZero && FieldElement.Sub(Y, Z).IsZero;

    /// <summary>
    /// Edwards decompression as curve25519-dalek's <c>CompressedEdwardsY::decompress</c>: y is read modulo p (non-canonical
    /// encodings accepted), x = ±sqrt((y² − 1)/(d·y² + 1)) with the sign bit applied even when x = 0. False when no x exists.
    /// </summary>
    public static bool TryDecompress(ReadOnlySpan<byte> encoding, out EdwardsPoint point)
    {
        var y = FieldElement.FromBytes(encoding);
        var yy = FieldElement.Square(y);
        var u = FieldElement.Sub(yy, FieldElement.One);
        var v = FieldElement.Add(FieldElement.Mul(yy, Curve25519Constants.D), FieldElement.One);
        var (isSquare, x) = FieldElement.SqrtRatioM1(u, v);
        if (!isSquare)
        {
            point = default;
            return false;
        }

        if ((encoding[31] & 0x80) != 0)
        {
            x = FieldElement.Negate(x);
        }

        point = new EdwardsPoint(x, y, FieldElement.One, FieldElement.Mul(x, y));
        return true;
    }

    /// <summary>The standard Ed25519 encoding: canonical y with the sign of x in bit 255.</summary>
    public void Compress(Span<byte> encoding)
    {
        var zInv = FieldElement.Invert(Z);
        var x = FieldElement.Mul(X, zInv);
        FieldElement.Mul(Y, zInv).ToBytes(encoding);
        if (x.IsNegative)
        {
            encoding[31] |= 0x80;
        }
    }
}
