namespace Subtensor.Core.Crypto.Curve25519;

/// <summary>A point in P¹×P¹ ("completed") coordinates, the output of the addition and doubling formulas.</summary>
internal readonly struct CompletedPoint(FieldElement x, FieldElement y, FieldElement z, FieldElement t)
{
    public readonly FieldElement X = x;
    public readonly FieldElement Y = y;
    public readonly FieldElement Z = z;
    public readonly FieldElement T = t;

    public EdwardsPoint ToExtended() => new(
        FieldElement.Mul(X, T),
        FieldElement.Mul(Y, Z),
        FieldElement.Mul(Z, T),
        FieldElement.Mul(X, Y));

    public ProjectivePoint ToProjective() => new(
        FieldElement.Mul(X, T),
        FieldElement.Mul(Y, Z),
        FieldElement.Mul(Z, T));
}
