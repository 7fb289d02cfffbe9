namespace Subtensor.Core.Crypto.Curve25519;

/// <summary>A point prepared for addition: (Y + X, Y − X, Z, 2d·T).</summary>
internal readonly struct ProjectiveNielsPoint(FieldElement yPlusX, FieldElement yMinusX, FieldElement z, FieldElement t2d)
{
    public readonly FieldElement YPlusX = yPlusX;
    public readonly FieldElement YMinusX = yMinusX;
    public readonly FieldElement Z = z;
    public readonly FieldElement T2d = t2d;
}
