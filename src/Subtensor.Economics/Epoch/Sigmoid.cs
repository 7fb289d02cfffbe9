using Subtensor.Core.Arithmetic;

namespace Subtensor.Economics.Epoch;

/// <summary>Safe exponential, sigmoid, logarithm and clamp of <c>epoch/math.rs</c>.</summary>
public static class Sigmoid
{
    private static readonly I32F32 MinExpInput = I32F32.SaturatingFromNum(-20);
    private static readonly I32F32 MaxExpInput = I32F32.SaturatingFromNum(20);

    /// <summary><c>exp_safe</c>: exp with the input clamped to [−20, 20]; a failed series gives 0 (input ≤ 0) or MAX.</summary>
    public static I32F32 ExpSafe(I32F32 input)
    {
        var safeInput = input < MinExpInput ? MinExpInput : MaxExpInput < input ? MaxExpInput : input;
        var output = Transcendental.Exp(safeInput);
        if (output is { } value)
        {
            return value;
        }

        return safeInput <= I32F32.Zero ? I32F32.Zero : I32F32.MaxValue;
    }

    /// <summary><c>sigmoid_safe</c>: 1 / (1 + exp(−rho·(input − kappa))) in saturating arithmetic.</summary>
    public static I32F32 SigmoidSafe(I32F32 input, I32F32 rho, I32F32 kappa)
    {
        var one = I32F32.One;
        var offset = input.SaturatingSub(kappa);
        var negRho = rho.SaturatingMul(one.SaturatingNeg());
        var expInput = negRho.SaturatingMul(offset);
        var expOutput = ExpSafe(expInput);
        var denominator = expOutput.SaturatingAdd(one);
        return one.SafeDiv(denominator);
    }

    /// <summary><c>safe_ln</c>: ln, 0 where ln fails (x ≤ 0).</summary>
    public static I32F32 SafeLn(I32F32 value) => Transcendental.Ln(value) ?? I32F32.Zero;

    /// <summary><c>clamp_value</c>: min(value, high) then max(·, low).</summary>
    public static I32F32 ClampValue(I32F32 value, I32F32 low, I32F32 high) => I32F32.Max(I32F32.Min(value, high), low);
}
