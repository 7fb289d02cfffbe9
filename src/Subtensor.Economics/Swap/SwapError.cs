namespace Subtensor.Economics.Swap;

/// <summary>Swap pallet errors a pool swap can end with.</summary>
public enum SwapError
{
    /// <summary>No error.</summary>
    None,

    /// <summary>Net input above 1000 × the input reserve (<c>SwapInputTooLarge</c>).</summary>
    SwapInputTooLarge,

    /// <summary>Output reserve below the minimum reserve, or a non-zero input giving zero output (<c>ReservesTooLow</c>).</summary>
    ReservesTooLow,

    /// <summary>The limit price is not beyond the current price (<c>PriceLimitExceeded</c>).</summary>
    PriceLimitExceeded,

    /// <summary>The output exceeds the output reserve (<c>InsufficientLiquidity</c>).</summary>
    InsufficientLiquidity,
}
