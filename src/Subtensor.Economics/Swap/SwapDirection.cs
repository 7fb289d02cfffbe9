namespace Subtensor.Economics.Swap;

/// <summary>Order side of a pool swap (<c>GetAlphaForTao</c> / <c>GetTaoForAlpha</c>).</summary>
public enum SwapDirection
{
    /// <summary>Pay TAO, receive alpha; the price rises.</summary>
    Buy,

    /// <summary>Pay alpha, receive TAO; the price falls.</summary>
    Sell,
}
