namespace Subtensor.Core.Crypto.Curve25519;

/// <summary>An affine point prepared for mixed addition: (y + x, y − x, 2d·x·y), with Z = 1.</summary>
internal readonly struct AffineNielsPoint(FieldElement yPlusX, FieldElement yMinusX, FieldElement xy2d)
{
    public readonly FieldElement YPlusX = yPlusX;
    public readonly FieldElement YMinusX = yMinusX;
    public readonly FieldElement XY2d = xy2d;
}
