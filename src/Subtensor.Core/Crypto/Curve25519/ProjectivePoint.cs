namespace Subtensor.Core.Crypto.Curve25519;

/// <summary>A point in projective coordinates (X:Y:Z), x = X/Z, y = Y/Z: the cheapest form to double.</summary>
internal readonly struct ProjectivePoint(FieldElement x, FieldElement y, FieldElement z)
{
    public readonly FieldElement X = x;
    public readonly FieldElement Y = y;
    public readonly FieldElement Z = z;

    public static ProjectivePoint Identity => new(FieldElement.Zero, FieldElement.One, FieldElement.One);

    /// <summary>dbl-2008-hwcd for a = −1 (Hisil–Wong–Carter–Dawson, "Twisted Edwards curves revisited", §3.3).</summary>
    public CompletedPoint Double()
    {
        var xx = FieldElement.Square(X);
        var yy = FieldElement.Square(Y);
        var zz = FieldElement.Square(Z);
        var zz2 = FieldElement.Add(zz, zz);
        var xPlusYSquared = FieldElement.Square(FieldElement.Add(X, Y));
        var yyPlusXx = FieldElement.Add(yy, xx);
        var yyMinusXx = FieldElement.Sub(yy, xx);
        return new CompletedPoint(
            FieldElement.Sub(xPlusYSquared, yyPlusXx),
            yyPlusXx,
            yyMinusXx,
            FieldElement.Sub(zz2, yyMinusXx));
    }

    public EdwardsPoint ToExtended() => new(
        FieldElement.Mul(X, Z),
        FieldElement.Mul(Y, Z),
        FieldElement.Square(Z),
        FieldElement.Mul(X, Y));
}
