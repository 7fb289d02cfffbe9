using Subtensor.Core.Arithmetic;

namespace Subtensor.Economics.Epoch;

/// <summary>
/// Normalised emission scores of an epoch (<c>run_epoch.rs</c>): server = I / Σ(I + D), validator = D / Σ(I + D),
/// combined = normalise(I + D); when nobody earned anything, validators (and the combined score) follow the active stake,
/// or the stake if no stake is active.
/// </summary>
public static class EmissionShares
{
    /// <summary>Server, validator and combined shares.</summary>
    public static (I32F32[] Server, I32F32[] Validator, I32F32[] Combined) Compute(
        ReadOnlySpan<I32F32> incentive,
        ReadOnlySpan<I32F32> dividends,
        I32F32[] stake,
        I32F32[] activeStake)
    {
        ArgumentNullException.ThrowIfNull(stake);
        ArgumentNullException.ThrowIfNull(activeStake);
        var combined = new I32F32[Math.Min(incentive.Length, dividends.Length)];
        for (int i = 0; i < combined.Length; i++)
        {
            combined[i] = incentive[i].SaturatingAdd(dividends[i]);
        }

        var emissionSum = VectorMath.Sum(combined);
        var server = incentive.ToArray();
        var validator = dividends.ToArray();
        VectorMath.NormalizeUsingSumInPlace(server, emissionSum);
        VectorMath.NormalizeUsingSumInPlace(validator, emissionSum);
        VectorMath.NormalizeInPlace(combined);
        if (emissionSum == I32F32.Zero)
        {
            var fallback = VectorMath.IsZero(activeStake) ? stake : activeStake;
            validator = (I32F32[])fallback.Clone();
            combined = (I32F32[])fallback.Clone();
        }

        return (server, validator, combined);
    }

    /// <summary>floor(share × emission) per entry, in I96F32 (<c>saturating_to_num::&lt;u64&gt;</c>).</summary>
    public static ulong[] ToRao(ReadOnlySpan<I32F32> shares, I96F32 emission)
    {
        var result = new ulong[shares.Length];
        for (int i = 0; i < shares.Length; i++)
        {
            result[i] = I96F32.SaturatingFrom(shares[i]).SaturatingMul(emission).SaturatingToU64();
        }

        return result;
    }
}
