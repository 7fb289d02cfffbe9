using Subtensor.Core.Arithmetic;

namespace Subtensor.Economics.Registration;

/// <summary>
/// Neuron registration price (<c>subnets/registration.rs</c>, <c>utils/misc.rs</c>): per-block exponential decay with a
/// Q32 factor f (the largest f with f^H ≤ 1/2 by bisection), a multiplicative bump after each registration, both
/// clamped to [MinBurn, MaxBurn].
/// </summary>
public static class BurnPrice
{
    /// <summary><c>DefaultBurnHalfLife</c>: 360 blocks.</summary>
    public const ushort DefaultHalfLife = 360;

    /// <summary><c>MaxBurnHalfLife</c>: 36_100 blocks.</summary>
    public const ushort MaxHalfLife = 36_100;

    /// <summary><c>DefaultBurnIncreaseMult</c>: U64F64::from_num(1.26) (IEEE bits 0x3FF428F5C28F5C29).</summary>
    public static U64F64 DefaultIncreaseMultiplier { get; } = U64F64.SaturatingFromF64Bits(0x3FF4_28F5_C28F_5C29UL);

    private const ulong OneQ32 = 1UL << 32;

    /// <summary><c>mul_by_q32</c>: (value × factor) &gt;&gt; 32, saturating at u64::MAX.</summary>
    public static ulong MulByQ32(ulong value, ulong factorQ32)
    {
        UInt128 shifted = ((UInt128)value * factorQ32) >> 32;
        return shifted > ulong.MaxValue ? ulong.MaxValue : (ulong)shifted;
    }

    /// <summary><c>pow_q32</c>: base^exp in Q32 by squaring, flooring at every multiplication.</summary>
    public static ulong PowQ32(ulong baseQ32, ushort exponent)
    {
        ulong result = OneQ32;
        ulong factor = baseQ32;
        uint power = exponent;
        while (power > 0)
        {
            if ((power & 1) == 1)
            {
                result = MulByQ32(result, factor);
            }

            power >>= 1;
            if (power > 0)
            {
                factor = MulByQ32(factor, factor);
            }
        }

        return result;
    }

    /// <summary><c>decay_factor_q32</c>: the largest f in [0, 2^32) with pow_q32(f, H) ≤ 2^31 (1.0 for H = 0).</summary>
    public static ulong DecayFactorQ32(ushort halfLife)
    {
        if (halfLife == 0)
        {
            return OneQ32;
        }

        ulong lo = 0, hi = OneQ32;
        while (lo + 1 < hi)
        {
            ulong mid = lo + ((hi - lo) >> 1);
            if (PowQ32(mid, halfLife) > 1UL << 31)
            {
                hi = mid;
            }
            else
            {
                lo = mid;
            }
        }

        return lo;
    }

    /// <summary>
    /// <c>update_registration_prices_for_networks</c> for one subnet: decay by one block (not at block ≤ 1, not for a
    /// zero half-life), then clamp to MinBurn and MaxBurn (in that order).
    /// </summary>
    public static ulong DecayOneBlock(ulong burn, ushort halfLife, ulong currentBlock, ulong minBurn, ulong maxBurn)
    {
        ulong next = halfLife > 0 && currentBlock > 1 ? MulByQ32(burn, DecayFactorQ32(halfLife)) : burn;
        return Clamp(next, minBurn, maxBurn);
    }

    /// <summary><c>bump_registration_price_after_registration</c>: burn × max(multiplier, 1) (U64F64, floored), clamped.</summary>
    public static ulong BumpAfterRegistration(ulong burn, U64F64 multiplier, ulong minBurn, ulong maxBurn)
    {
        var mult = U64F64.Max(multiplier, U64F64.One);
        ulong next = U64F64.SaturatingFromNum(burn).SaturatingMul(mult).SaturatingToU64();
        return Clamp(next, minBurn, maxBurn);
    }

    private static ulong Clamp(ulong value, ulong min, ulong max)
    {
        if (value < min)
        {
            value = min;
        }

        if (value > max)
        {
            value = max;
        }

        return value;
    }
}
