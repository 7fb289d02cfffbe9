using Subtensor.Core.Scale;

namespace Subtensor.Core.Arithmetic;

/// <summary>
/// Parts per 10^18 in [0, 1] (<c>sp_arithmetic::Perquintill</c>): <c>from_parts</c> saturates at one,
/// <c>from_rational</c> rounds down (and gives one when p &gt; q or q = 0). SCALE: the parts as u64.
/// </summary>
public readonly struct Perquintill : IEquatable<Perquintill>, IComparable<Perquintill>, IScaleEncodable, IScaleDecodable<Perquintill>
{
    /// <summary>The accuracy, 10^18 parts.</summary>
    public const ulong Accuracy = 1_000_000_000_000_000_000UL;

    private readonly ulong _parts;

    private Perquintill(ulong parts) => _parts = parts;

    public static Perquintill Zero => default;

    public static Perquintill One => new(Accuracy);

    /// <summary><c>deconstruct()</c>.</summary>
    public ulong Parts => _parts;

    /// <summary><c>from_parts</c>: saturates at one.</summary>
    public static Perquintill FromParts(ulong parts) => new(Math.Min(parts, Accuracy));

    /// <summary><c>from_rational(p, q)</c> = floor(10^18·p/q); one when q = 0 or p &gt; q.</summary>
    public static Perquintill FromRational(UInt128 p, UInt128 q)
    {
        if (q == 0 || p > q)
        {
            return One;
        }

        WideArithmetic.Multiply(p, Accuracy, out var hi, out var lo);
        if (hi == 0)
        {
            return new((ulong)(lo / q));
        }

        var quotient = (((System.Numerics.BigInteger)hi << 128) + lo) / q;
        return new((ulong)quotient);
    }

    public Perquintill SaturatingAdd(Perquintill other) => FromParts(_parts + other._parts);

    public Perquintill SaturatingSub(Perquintill other) => new(_parts > other._parts ? _parts - other._parts : 0);

    /// <summary>1 − self.</summary>
    public Perquintill LeftFromOne() => new(Accuracy - _parts);

    public int CompareTo(Perquintill other) => _parts.CompareTo(other._parts);

    public bool Equals(Perquintill other) => _parts == other._parts;

    public override bool Equals(object? obj) => obj is Perquintill other && Equals(other);

    public override int GetHashCode() => _parts.GetHashCode();

    public static bool operator ==(Perquintill left, Perquintill right) => left._parts == right._parts;

    public static bool operator !=(Perquintill left, Perquintill right) => left._parts != right._parts;

    public static bool operator <(Perquintill left, Perquintill right) => left._parts < right._parts;

    public static bool operator >(Perquintill left, Perquintill right) => left._parts > right._parts;

    public static bool operator <=(Perquintill left, Perquintill right) => left._parts <= right._parts;

    public static bool operator >=(Perquintill left, Perquintill right) => left._parts >= right._parts;

    public void EncodeTo(ScaleWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteU64(_parts);
    }

    /// <summary>Decodes the parts; values above 10^18 are rejected, as <c>sp_arithmetic</c> does.</summary>
    public static Perquintill DecodeFrom(ref ScaleReader reader)
    {
        ulong parts = reader.ReadU64();
        return parts > Accuracy ? throw reader.Error("Perquintill parts above 10^18") : new(parts);
    }

    public override string ToString() => $"{_parts}/{Accuracy}";
}
