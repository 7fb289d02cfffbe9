namespace Subtensor.Economics.Epoch;

/// <summary>
/// Exact floor(n / d) for 0 ≤ n &lt; 2^48 by one multiplication (Granlund–Montgomery 1994, Theorem 4.2:
/// m = floor(2^(48+ℓ)/d) + 1 with ℓ = ceil(log2 d)). Used to row-normalise stored u16 weights, whose I32F32 quotient
/// trunc(w·2^64 / (S·2^32)) equals floor(w·2^32 / S).
/// </summary>
internal readonly struct U48Divisor
{
    private readonly ulong _multiplier;
    private readonly int _shift;

    public U48Divisor(ulong divisor)
    {
        ArgumentOutOfRangeException.ThrowIfZero(divisor);
        int ceilLog2 = divisor == 1 ? 0 : 64 - System.Numerics.BitOperations.LeadingZeroCount(divisor - 1);
        _shift = 48 + ceilLog2;
        _multiplier = (ulong)((((UInt128)1 << _shift) / divisor) + 1);
    }

    /// <summary>floor(n / divisor) for n &lt; 2^48.</summary>
    public ulong Divide(ulong n)
    {
        ulong hi = Math.BigMul(n, _multiplier, out ulong lo);
        return _shift >= 64 ? hi >> (_shift - 64) : (hi << (64 - _shift)) | (lo >> _shift);
    }
}
