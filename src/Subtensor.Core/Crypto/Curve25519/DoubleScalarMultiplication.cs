namespace Subtensor.Core.Crypto.Curve25519;

/// <summary>
/// Variable-time a·A + b·B for the edwards25519 base point B (Straus' interleaving with width-5 NAF for A and
/// width-8 NAF over a precomputed table of odd multiples of B). For verification only: timing depends on the inputs.
/// </summary>
internal static class DoubleScalarMultiplication
{
    private static readonly AffineNielsPoint[] BaseOddMultiples = BuildBaseTable();

    public static EdwardsPoint BasePoint { get; } = DecompressBase();

    /// <summary>a·A + b·B; both scalars must be below 2^255.</summary>
    public static EdwardsPoint MultiplyAddBase(ReadOnlySpan<byte> a, in EdwardsPoint pointA, ReadOnlySpan<byte> b)
    {
        Span<sbyte> nafA = stackalloc sbyte[256];
        Span<sbyte> nafB = stackalloc sbyte[256];
        NonAdjacentForm.Compute(a, 5, nafA);
        NonAdjacentForm.Compute(b, 8, nafB);

        // A, 3A, 5A, …, 15A
        Span<ProjectiveNielsPoint> tableA = stackalloc ProjectiveNielsPoint[8];
        tableA[0] = pointA.ToProjectiveNiels();
        var a2 = pointA.Double();
        var current = pointA;
        for (var i = 1; i < 8; i++)
        {
            current = a2.Add(tableA[i - 1]).ToExtended();
            tableA[i] = current.ToProjectiveNiels();
        }

        var top = 255;
        while (top >= 0 && nafA[top] == 0 && nafB[top] == 0)
        {
            top--;
        }

        var r = ProjectivePoint.Identity;
        for (var i = top; i >= 0; i--)
        {
            var t = r.Double();
            var digitA = nafA[i];
            var digitB = nafB[i];
            if (digitA > 0)
            {
                t = t.ToExtended().Add(tableA[digitA >> 1]);
            }
            else if (digitA < 0)
            {
                t = t.ToExtended().Subtract(tableA[-digitA >> 1]);
            }

            if (digitB > 0)
            {
                t = t.ToExtended().Add(BaseOddMultiples[digitB >> 1]);
            }
            else if (digitB < 0)
            {
                t = t.ToExtended().Subtract(BaseOddMultiples[-digitB >> 1]);
            }

            r = t.ToProjective();
        }

        return r.ToExtended();
    }

    private static EdwardsPoint DecompressBase()
    {
        if (!EdwardsPoint.TryDecompress(Curve25519Constants.BasePointEncoding, out var basePoint))
        {
            throw new InvalidOperationException("the edwards25519 base point does not decompress");
        }

        return basePoint;
    }

    /// <summary>B, 3B, 5B, …, 127B in affine Niels form (64 entries, for width-8 NAF digits).</summary>
    private static AffineNielsPoint[] BuildBaseTable()
    {
        var basePoint = DecompressBase();
        var table = new AffineNielsPoint[64];
        var b2 = basePoint.Double().ToProjectiveNiels();
        var current = basePoint;
        for (var i = 0; i < 64; i++)
        {
            table[i] = current.ToAffineNiels();
            current = current.Add(b2).ToExtended();
        }

        return table;
    }
}
