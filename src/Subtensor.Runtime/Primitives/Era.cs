using Subtensor.Core.Scale;

namespace Subtensor.Runtime.Primitives;

/// <summary>
/// sp_runtime <c>generic::Era</c>: immortal (one byte 0x00) or mortal with a power-of-two period (4..65536) and a phase,
/// encoded in two little-endian bytes: low 4 bits = log2(period) - 1, high 12 bits = phase / max(period >> 12, 1)
/// (sp_runtime era.rs; spec "Mortality").
/// </summary>
public readonly record struct Era(ulong Period, ulong Phase)
{
    public static Era Immortal => default;

    public bool IsImmortal => Period == 0;

    /// <summary>A mortal era for <paramref name="period"/> blocks starting at <paramref name="current"/> (rounded as sp_runtime does).</summary>
    public static Era Mortal(ulong period, ulong current)
    {
        var p = Math.Clamp(NextPowerOfTwo(period), 4UL, 1UL << 16);
        var phase = current % p;
        var quantizeFactor = Math.Max(p >> 12, 1);
        var quantizedPhase = phase / quantizeFactor * quantizeFactor;
        return new Era(p, quantizedPhase);
    }

    /// <summary>First block of the era containing <paramref name="current"/> (0 for immortal).</summary>
    public ulong Birth(ulong current)
    {
        if (IsImmortal)
        {
            return 0;
        }

        var v = Math.Max(current, Phase) - Phase;
        return v / Period * Period + Phase;
    }

    /// <summary>First block after the era (ulong.MaxValue for immortal).</summary>
    public ulong Death(ulong current) => IsImmortal ? ulong.MaxValue : Birth(current) + Period;

    public void EncodeTo(ScaleWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (IsImmortal)
        {
            writer.WriteU8(0);
            return;
        }

        var quantizeFactor = Math.Max(Period >> 12, 1);
        var tz = System.Numerics.BitOperations.TrailingZeroCount(Period);
        var low = (ulong)Math.Clamp(tz - 1, 1, 15);
        var encoded = (ushort)(low | ((Phase / quantizeFactor) << 4));
        writer.WriteU16(encoded);
    }

    public static Era DecodeFrom(ref ScaleReader reader)
    {
        var at = reader.Position;
        var first = reader.ReadU8();
        if (first == 0)
        {
            return Immortal;
        }

        var encoded = (ulong)first + ((ulong)reader.ReadU8() << 8);
        var period = 2UL << (int)(encoded % (1 << 4));
        var quantizeFactor = Math.Max(period >> 12, 1);
        var phase = (encoded >> 4) * quantizeFactor;
        if (period < 4 || phase >= period)
        {
            throw new ScaleDecodeException("invalid mortal era (phase not below period)", at);
        }

        return new Era(period, phase);
    }

    private static ulong NextPowerOfTwo(ulong v) => v <= 1 ? 1 : 1UL << (64 - System.Numerics.BitOperations.LeadingZeroCount(v - 1));
}
