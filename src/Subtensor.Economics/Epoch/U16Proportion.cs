using Subtensor.Core.Arithmetic;

namespace Subtensor.Economics.Epoch;

/// <summary>u16 proportions (65535 = 1.0) and their I32F32 conversions (<c>epoch/math.rs</c>).</summary>
public static class U16Proportion
{
    /// <summary>65535 as I32F32.</summary>
    public static I32F32 MaxAsFixed { get; } = I32F32.SaturatingFromNum(ushort.MaxValue);

    /// <summary><c>u16_proportion_to_fixed</c>: x / 65535 (safe_div).</summary>
    public static I32F32 ToFixed(ushort x) => I32F32.SaturatingFromNum(x).SafeDiv(MaxAsFixed);

    /// <summary><c>fixed_to_fixed_u16_proportion</c>: a raw u16 value held as I32F32, divided by 65535.</summary>
    public static I32F32 FixedToProportion(I32F32 x) => x.SafeDiv(MaxAsFixed);

    /// <summary><c>fixed_proportion_to_u16</c>: floor(x × 65535), saturating.</summary>
    public static ushort FromFixed(I32F32 x) => x.SaturatingMul(MaxAsFixed).SaturatingToU16();

    /// <summary><c>vec_fixed_proportions_to_u16</c>.</summary>
    public static ushort[] FromFixed(ReadOnlySpan<I32F32> x)
    {
        var result = new ushort[x.Length];
        for (int i = 0; i < x.Length; i++)
        {
            result[i] = FromFixed(x[i]);
        }

        return result;
    }
}
