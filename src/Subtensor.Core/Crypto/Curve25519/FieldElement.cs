using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace Subtensor.Core.Crypto.Curve25519;

/// <summary>
/// An element of GF(2^255 − 19) in five 51-bit limbs (radix 2^51, the representation of ref10 and curve25519-dalek's
/// u64 backend). Limbs may exceed 51 bits between operations; multiplication accepts limbs below 2^54.
/// Variable time: used only for verification of public data.
/// </summary>
internal readonly struct FieldElement
{
    private const ulong Mask51 = (1UL << 51) - 1;

    public readonly ulong L0;
    public readonly ulong L1;
    public readonly ulong L2;
    public readonly ulong L3;
    public readonly ulong L4;

    public FieldElement(ulong l0, ulong l1, ulong l2, ulong l3, ulong l4)
    {
        L0 = l0;
        L1 = l1;
        L2 = l2;
        L3 = l3;
        L4 = l4;
    }

    public static FieldElement Zero => default;

    public static FieldElement One => new(1, 0, 0, 0, 0);

    /// <summary>Loads 32 little-endian bytes, ignoring bit 255 (values p..2^255−1 are accepted and act mod p).</summary>
    public static FieldElement FromBytes(ReadOnlySpan<byte> bytes)
    {
        return new FieldElement(
            BinaryPrimitives.ReadUInt64LittleEndian(bytes) & Mask51,
            (BinaryPrimitives.ReadUInt64LittleEndian(bytes[6..]) >> 3) & Mask51,
            (BinaryPrimitives.ReadUInt64LittleEndian(bytes[12..]) >> 6) & Mask51,
            (BinaryPrimitives.ReadUInt64LittleEndian(bytes[19..]) >> 1) & Mask51,
            (BinaryPrimitives.ReadUInt64LittleEndian(bytes[24..]) >> 12) & Mask51);
    }

    public static FieldElement FromUInt64(ulong value) => new(value & Mask51, value >> 51, 0, 0, 0);

    /// <summary>The canonical (fully reduced) 32-byte little-endian encoding.</summary>
    public void ToBytes(Span<byte> bytes)
    {
        var r = Reduce(this);
        ulong l0 = r.L0, l1 = r.L1, l2 = r.L2, l3 = r.L3, l4 = r.L4;

        // q = 1 exactly when the value is at least p: adding 19 then carries out of bit 255.
        var q = (l0 + 19) >> 51;
        q = (l1 + q) >> 51;
        q = (l2 + q) >> 51;
        q = (l3 + q) >> 51;
        q = (l4 + q) >> 51;

        l0 += 19 * q;
        l1 += l0 >> 51;
        l0 &= Mask51;
        l2 += l1 >> 51;
        l1 &= Mask51;
        l3 += l2 >> 51;
        l2 &= Mask51;
        l4 += l3 >> 51;
        l3 &= Mask51;
        l4 &= Mask51;

        BinaryPrimitives.WriteUInt64LittleEndian(bytes, l0 | (l1 << 51));
        BinaryPrimitives.WriteUInt64LittleEndian(bytes[8..], (l1 >> 13) | (l2 << 38));
        BinaryPrimitives.WriteUInt64LittleEndian(bytes[16..], (l2 >> 26) | (l3 << 25));
        BinaryPrimitives.WriteUInt64LittleEndian(bytes[24..], (l3 >> 39) | (l4 << 12));
    }

    public bool IsZero
    {
        get
        {
            Span<byte> bytes = stackalloc byte[32];
            ToBytes(bytes);
            return bytes.IndexOfAnyExcept((byte)0) < 0;
        }
    }

    /// <summary>RFC 9496 IS_NEGATIVE: the low bit of the canonical encoding.</summary>
    public bool IsNegative
    {
        get
        {
            Span<byte> bytes = stackalloc byte[32];
            ToBytes(bytes);
            return (bytes[0] & 1) != 0;
        }
    }

    public bool EqualsValue(in FieldElement other) => Sub(this, other).IsZero;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static FieldElement Add(in FieldElement a, in FieldElement b) => new(a.L0 + b.L0, a.L1 + b.L1, a.L2 + b.L2, a.L3 + b.L3, a.L4 + b.L4);

    /// <summary>a − b computed as (a + 16p) − b, then carried; b's limbs must be below 2^55.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static FieldElement Sub(in FieldElement a, in FieldElement b) => Reduce(
        (a.L0 + 36028797018963664UL) - b.L0,
        (a.L1 + 36028797018963952UL) - b.L1,
        (a.L2 + 36028797018963952UL) - b.L2,
        (a.L3 + 36028797018963952UL) - b.L3,
        (a.L4 + 36028797018963952UL) - b.L4);

    public static FieldElement Negate(in FieldElement a) => Sub(Zero, a);

    public static FieldElement Select(in FieldElement a, in FieldElement b, bool chooseB) => chooseB ? b : a;

    public static FieldElement Abs(in FieldElement a) => a.IsNegative ? Negate(a) : a;

    public static FieldElement Mul(in FieldElement a, in FieldElement b)
    {
        ulong a0 = a.L0, a1 = a.L1, a2 = a.L2, a3 = a.L3, a4 = a.L4;
        ulong b0 = b.L0, b1 = b.L1, b2 = b.L2, b3 = b.L3, b4 = b.L4;
        ulong b1x19 = b1 * 19, b2x19 = b2 * 19, b3x19 = b3 * 19, b4x19 = b4 * 19;

        // Schoolbook product; limbs above 2^255 wrap around multiplied by 19. Each column is kept as
        // (sum of the low 51 bits of its products, sum of the products shifted right by 51).
        ulong l0 = 0, h0 = 0, l1 = 0, h1 = 0, l2 = 0, h2 = 0, l3 = 0, h3 = 0, l4 = 0, h4 = 0;
        Accumulate(a0, b0, ref l0, ref h0);
        Accumulate(a4, b1x19, ref l0, ref h0);
        Accumulate(a3, b2x19, ref l0, ref h0);
        Accumulate(a2, b3x19, ref l0, ref h0);
        Accumulate(a1, b4x19, ref l0, ref h0);
        Accumulate(a1, b0, ref l1, ref h1);
        Accumulate(a0, b1, ref l1, ref h1);
        Accumulate(a4, b2x19, ref l1, ref h1);
        Accumulate(a3, b3x19, ref l1, ref h1);
        Accumulate(a2, b4x19, ref l1, ref h1);
        Accumulate(a2, b0, ref l2, ref h2);
        Accumulate(a1, b1, ref l2, ref h2);
        Accumulate(a0, b2, ref l2, ref h2);
        Accumulate(a4, b3x19, ref l2, ref h2);
        Accumulate(a3, b4x19, ref l2, ref h2);
        Accumulate(a3, b0, ref l3, ref h3);
        Accumulate(a2, b1, ref l3, ref h3);
        Accumulate(a1, b2, ref l3, ref h3);
        Accumulate(a0, b3, ref l3, ref h3);
        Accumulate(a4, b4x19, ref l3, ref h3);
        Accumulate(a4, b0, ref l4, ref h4);
        Accumulate(a3, b1, ref l4, ref h4);
        Accumulate(a2, b2, ref l4, ref h4);
        Accumulate(a1, b3, ref l4, ref h4);
        Accumulate(a0, b4, ref l4, ref h4);
        return Carry(l0, h0, l1, h1, l2, h2, l3, h3, l4, h4);
    }

    public static FieldElement Square(in FieldElement a)
    {
        ulong a0 = a.L0, a1 = a.L1, a2 = a.L2, a3 = a.L3, a4 = a.L4;
        ulong a3x19 = a3 * 19, a4x19 = a4 * 19;
        ulong a0x2 = a0 * 2, a1x2 = a1 * 2, a2x2 = a2 * 2, a4x2 = a4 * 2;

        ulong l0 = 0, h0 = 0, l1 = 0, h1 = 0, l2 = 0, h2 = 0, l3 = 0, h3 = 0, l4 = 0, h4 = 0;
        Accumulate(a0, a0, ref l0, ref h0);
        Accumulate(a1x2, a4x19, ref l0, ref h0);
        Accumulate(a2x2, a3x19, ref l0, ref h0);
        Accumulate(a3, a3x19, ref l1, ref h1);
        Accumulate(a0x2, a1, ref l1, ref h1);
        Accumulate(a2x2, a4x19, ref l1, ref h1);
        Accumulate(a1, a1, ref l2, ref h2);
        Accumulate(a0x2, a2, ref l2, ref h2);
        Accumulate(a4x2, a3x19, ref l2, ref h2);
        Accumulate(a4, a4x19, ref l3, ref h3);
        Accumulate(a0x2, a3, ref l3, ref h3);
        Accumulate(a1x2, a2, ref l3, ref h3);
        Accumulate(a2, a2, ref l4, ref h4);
        Accumulate(a0x2, a4, ref l4, ref h4);
        Accumulate(a1x2, a3, ref l4, ref h4);
        return Carry(l0, h0, l1, h1, l2, h2, l3, h3, l4, h4);
    }

    /// <summary>a^(2^k) by k squarings.</summary>
    public static FieldElement SquareTimes(in FieldElement a, int k)
    {
        var r = Square(a);
        for (var i = 1; i < k; i++)
        {
            r = Square(r);
        }

        return r;
    }

    /// <summary>1/a = a^(p−2); zero maps to zero.</summary>
    public static FieldElement Invert(in FieldElement a)
    {
        var (t250, t11) = Pow22501(a);
        return Mul(SquareTimes(t250, 5), t11);
    }

    /// <summary>a^((p−5)/8) = a^(2^252 − 3).</summary>
    public static FieldElement PowP58(in FieldElement a)
    {
        var (t250, _) = Pow22501(a);
        return Mul(SquareTimes(t250, 2), a);
    }

    /// <summary>
    /// RFC 9496 SQRT_RATIO_M1(u, v): (true, +sqrt(u/v)) when u/v is a square, else (false, +sqrt(i·u/v));
    /// (true, 0) when u = 0.
    /// </summary>
    public static (bool WasSquare, FieldElement Root) SqrtRatioM1(in FieldElement u, in FieldElement v)
    {
        var v3 = Mul(Square(v), v);
        var v7 = Mul(Square(v3), v);
        var r = Mul(Mul(u, v3), PowP58(Mul(u, v7)));
        var check = Mul(v, Square(r));

        var negU = Negate(u);
        var correctSign = check.EqualsValue(u);
        var flippedSign = check.EqualsValue(negU);
        var flippedSignI = check.EqualsValue(Mul(negU, Curve25519Constants.SqrtM1));

        if (flippedSign || flippedSignI)
        {
            r = Mul(r, Curve25519Constants.SqrtM1);
        }

        return (correctSign || flippedSign, Abs(r));
    }

    /// <summary>
    /// Adds the product a·b to a column as (low 51 bits, bits 51 and up). With limbs below 2^54 (and ×19 factors below
    /// 2^58.3) a product is below 2^112.3, so five high parts sum below 2^63.6 and five low parts below 2^54.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Accumulate(ulong a, ulong b, ref ulong low, ref ulong high)
    {
        var h = Math.BigMul(a, b, out var l);
        low += l & Mask51;
        high += (h << 13) | (l >> 51);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static FieldElement Carry(ulong l0, ulong h0, ulong l1, ulong h1, ulong l2, ulong h2, ulong l3, ulong h3, ulong l4, ulong h4)
    {
        var r0 = l0 & Mask51;
        var carry = (l0 >> 51) + h0;
        var t = l1 + carry;
        var r1 = t & Mask51;
        carry = (t >> 51) + h1;
        t = l2 + carry;
        var r2 = t & Mask51;
        carry = (t >> 51) + h2;
        t = l3 + carry;
        var r3 = t & Mask51;
        carry = (t >> 51) + h3;
        t = l4 + carry;
        var r4 = t & Mask51;

        // Column 4 has no ×19 terms, so its high part stays below 2^59.4 and r0 + 19·carry fits in 64 bits.
        carry = (t >> 51) + h4;
        r0 += carry * 19;
        r1 += r0 >> 51;
        r0 &= Mask51;
        return new FieldElement(r0, r1, r2, r3, r4);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static FieldElement Reduce(in FieldElement a) => Reduce(a.L0, a.L1, a.L2, a.L3, a.L4);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static FieldElement Reduce(ulong l0, ulong l1, ulong l2, ulong l3, ulong l4)
    {
        var c0 = l0 >> 51;
        var c1 = l1 >> 51;
        var c2 = l2 >> 51;
        var c3 = l3 >> 51;
        var c4 = l4 >> 51;
        return new FieldElement(
            (l0 & Mask51) + (c4 * 19),
            (l1 & Mask51) + c0,
            (l2 & Mask51) + c1,
            (l3 & Mask51) + c2,
            (l4 & Mask51) + c3);
    }

    /// <summary>(a^(2^250 − 1), a^11): the common prefix of inversion and the square-root power (ref10 pow22501).</summary>
    private static (FieldElement T250, FieldElement T11) Pow22501(in FieldElement a)
    {
        var t0 = Square(a);                          // 2
        var t1 = Mul(a, SquareTimes(t0, 2));         // 9
        t0 = Mul(t0, t1);                            // 11
        var t2 = Square(t0);                         // 22
        t1 = Mul(t1, t2);                            // 31 = 2^5 − 1
        t1 = Mul(SquareTimes(t1, 5), t1);            // 2^10 − 1
        t2 = Mul(SquareTimes(t1, 10), t1);           // 2^20 − 1
        t2 = Mul(SquareTimes(t2, 20), t2);           // 2^40 − 1
        t1 = Mul(SquareTimes(t2, 10), t1);           // 2^50 − 1
        t2 = Mul(SquareTimes(t1, 50), t1);           // 2^100 − 1
        t2 = Mul(SquareTimes(t2, 100), t2);          // 2^200 − 1
        t1 = Mul(SquareTimes(t2, 50), t1);           // 2^250 − 1
        return (t1, t0);
    }
}
