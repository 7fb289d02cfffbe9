using Subtensor.Core.Native;

namespace Subtensor.Core.Crypto;

/// <summary>
/// The ristretto255 group (RFC 9496) and its scalars mod ℓ = 2^252 + 27742317777372353535851937790883648493,
/// through libsodium. Points and scalars are 32-byte encodings; the all-zero encoding is the identity.
/// </summary>
public static unsafe class Ristretto255
{
    public const int PointLength = 32;
    public const int ScalarLength = 32;
    public const int UniformBytesLength = 64;

    // ℓ in little-endian bytes (RFC 9496 §4 / RFC 8032 §5.1).
    private static ReadOnlySpan<byte> GroupOrder =>
    [
        0xed, 0xd3, 0xf5, 0x5c, 0x1a, 0x63, 0x12, 0x58, 0xd6, 0x9c, 0xf7, 0xa2, 0xde, 0xf9, 0xde, 0x14,
        0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x10,
    ];

    /// <summary>True when <paramref name="point"/> is the canonical encoding of a group element (the identity included).</summary>
    public static bool IsValidPoint(ReadOnlySpan<byte> point)
    {
        if (point.Length != PointLength)
        {
            return false;
        }

        Sodium.EnsureInitialized();
        fixed (byte* p = point)
        {
            return Sodium.crypto_core_ristretto255_is_valid_point(p) == 1;
        }
    }

    /// <summary>p + q; false (and nothing written) when either input is not a valid encoding.</summary>
    public static bool TryAdd(ReadOnlySpan<byte> p, ReadOnlySpan<byte> q, Span<byte> result)
    {
        CheckLengths(p, q, result);
        Sodium.EnsureInitialized();
        Span<byte> tmp = stackalloc byte[PointLength];
        fixed (byte* pp = p)
        fixed (byte* qq = q)
        fixed (byte* r = tmp)
        {
            if (Sodium.crypto_core_ristretto255_add(r, pp, qq) != 0)
            {
                return false;
            }
        }

        tmp.CopyTo(result);
        return true;
    }

    /// <summary>p − q; false (and nothing written) when either input is not a valid encoding.</summary>
    public static bool TrySubtract(ReadOnlySpan<byte> p, ReadOnlySpan<byte> q, Span<byte> result)
    {
        CheckLengths(p, q, result);
        Sodium.EnsureInitialized();
        Span<byte> tmp = stackalloc byte[PointLength];
        fixed (byte* pp = p)
        fixed (byte* qq = q)
        fixed (byte* r = tmp)
        {
            if (Sodium.crypto_core_ristretto255_sub(r, pp, qq) != 0)
            {
                return false;
            }
        }

        tmp.CopyTo(result);
        return true;
    }

    /// <summary>
    /// scalar·point. False when <paramref name="point"/> is not a valid encoding. An identity result is written as
    /// 32 zero bytes (libsodium reports it as −1; here it is a normal outcome). The scalar must be below 2^255.
    /// </summary>
    public static bool TryScalarMultiply(ReadOnlySpan<byte> scalar, ReadOnlySpan<byte> point, Span<byte> result)
    {
        CheckScalar(scalar);
        if (point.Length != PointLength || result.Length != PointLength)
        {
            throw new ArgumentException("points are 32 bytes");
        }

        if (!IsValidPoint(point))
        {
            return false;
        }

        Span<byte> tmp = stackalloc byte[PointLength];
        fixed (byte* n = scalar)
        fixed (byte* p = point)
        fixed (byte* q = tmp)
        {
            // -1 now only means "the result is the identity": libsodium zero-checks its output.
            if (Sodium.crypto_scalarmult_ristretto255(q, n, p) != 0)
            {
                tmp.Clear();
            }
        }

        tmp.CopyTo(result);
        return true;
    }

    /// <summary>scalar·B for the ristretto255 base point; the identity is written as zeros.</summary>
    public static void ScalarMultiplyBase(ReadOnlySpan<byte> scalar, Span<byte> result)
    {
        CheckScalar(scalar);
        if (result.Length != PointLength)
        {
            throw new ArgumentException("points are 32 bytes", nameof(result));
        }

        Sodium.EnsureInitialized();
        fixed (byte* n = scalar)
        fixed (byte* q = result)
        {
            if (Sodium.crypto_scalarmult_ristretto255_base(q, n) != 0)
            {
                result.Clear();
            }
        }
    }

    /// <summary>The one-way map of 64 uniform bytes to a point (RFC 9496 §4.3.4; dalek <c>from_uniform_bytes</c>).</summary>
    public static void FromUniformBytes(ReadOnlySpan<byte> uniform, Span<byte> result)
    {
        if (uniform.Length != UniformBytesLength)
        {
            throw new ArgumentException("from_uniform_bytes takes 64 bytes", nameof(uniform));
        }

        if (result.Length != PointLength)
        {
            throw new ArgumentException("points are 32 bytes", nameof(result));
        }

        Sodium.EnsureInitialized();
        fixed (byte* h = uniform)
        fixed (byte* p = result)
        {
            if (Sodium.crypto_core_ristretto255_from_hash(p, h) != 0)
            {
                throw new InvalidOperationException("crypto_core_ristretto255_from_hash failed");
            }
        }
    }

    /// <summary>Reduces a 64-byte little-endian integer mod ℓ (dalek <c>from_bytes_mod_order_wide</c>).</summary>
    public static void ReduceWide(ReadOnlySpan<byte> wide, Span<byte> result)
    {
        if (wide.Length != 64)
        {
            throw new ArgumentException("wide reduction takes 64 bytes", nameof(wide));
        }

        CheckScalarOutput(result);
        Sodium.EnsureInitialized();
        fixed (byte* s = wide)
        fixed (byte* r = result)
        {
            Sodium.crypto_core_ristretto255_scalar_reduce(r, s);
        }
    }

    public static void ScalarAdd(ReadOnlySpan<byte> x, ReadOnlySpan<byte> y, Span<byte> result)
    {
        CheckScalar(x);
        CheckScalar(y);
        CheckScalarOutput(result);
        Sodium.EnsureInitialized();
        fixed (byte* a = x)
        fixed (byte* b = y)
        fixed (byte* z = result)
        {
            Sodium.crypto_core_ristretto255_scalar_add(z, a, b);
        }
    }

    public static void ScalarSubtract(ReadOnlySpan<byte> x, ReadOnlySpan<byte> y, Span<byte> result)
    {
        CheckScalar(x);
        CheckScalar(y);
        CheckScalarOutput(result);
        Sodium.EnsureInitialized();
        fixed (byte* a = x)
        fixed (byte* b = y)
        fixed (byte* z = result)
        {
            Sodium.crypto_core_ristretto255_scalar_sub(z, a, b);
        }
    }

    public static void ScalarMultiply(ReadOnlySpan<byte> x, ReadOnlySpan<byte> y, Span<byte> result)
    {
        CheckScalar(x);
        CheckScalar(y);
        CheckScalarOutput(result);
        Sodium.EnsureInitialized();
        fixed (byte* a = x)
        fixed (byte* b = y)
        fixed (byte* z = result)
        {
            Sodium.crypto_core_ristretto255_scalar_mul(z, a, b);
        }
    }

    public static void ScalarNegate(ReadOnlySpan<byte> x, Span<byte> result)
    {
        CheckScalar(x);
        CheckScalarOutput(result);
        Sodium.EnsureInitialized();
        fixed (byte* a = x)
        fixed (byte* z = result)
        {
            Sodium.crypto_core_ristretto255_scalar_negate(z, a);
        }
    }

    /// <summary>True when the 32 little-endian bytes encode an integer below ℓ (dalek <c>from_canonical_bytes</c>).</summary>
    public static bool IsCanonicalScalar(ReadOnlySpan<byte> scalar)
    {
        if (scalar.Length != ScalarLength)
        {
            return false;
        }

        // Compare from the most significant byte; variable time is fine for public values.
        for (var i = ScalarLength - 1; i >= 0; i--)
        {
            if (scalar[i] != GroupOrder[i])
            {
                return scalar[i] < GroupOrder[i];
            }
        }

        return false;
    }

    private static void CheckScalar(ReadOnlySpan<byte> scalar)
    {
        if (scalar.Length != ScalarLength)
        {
            throw new ArgumentException("scalars are 32 bytes", nameof(scalar));
        }
    }

    private static void CheckScalarOutput(Span<byte> result)
    {
        if (result.Length != ScalarLength)
        {
            throw new ArgumentException("scalars are 32 bytes", nameof(result));
        }
    }

    private static void CheckLengths(ReadOnlySpan<byte> p, ReadOnlySpan<byte> q, Span<byte> result)
    {
        if (p.Length != PointLength || q.Length != PointLength || result.Length != PointLength)
        {
            throw new ArgumentException("points are 32 bytes");
        }
    }
}
