using System.Numerics;
using Subtensor.Core.Arithmetic;

namespace Subtensor.Economics.Swap;

/// <summary>
/// The weighted (Balancer, "PalSwap") pool math of <c>pallets/swap/src/pallet/balancer.rs</c>: x = alpha reserve (base),
/// y = TAO reserve (quote), weights w1 + w2 = 1 with only w2 stored as a Perquintill. Powers go through
/// safe-bigmath's <c>pow_ratio_scaled</c> (<see cref="RationalPower"/>) exactly as Subtensor calls it.
/// </summary>
public readonly struct BalancerPool : IEquatable<BalancerPool>
{
    /// <summary>Weight accuracy: 10^18 parts.</summary>
    public const ulong Accuracy = Perquintill.Accuracy;

    private const uint SwapPrecision = 256;
    private const uint LimitPrecision = 1024;

    private static readonly BigInteger AccuracyBig = Accuracy;
    private static readonly U64F64 AccuracyFixed = U64F64.SaturatingFromNum(Accuracy);

    private readonly Perquintill _quote;
    private readonly bool _initialized;

    private BalancerPool(Perquintill quote)
    {
        _quote = quote;
        _initialized = true;
    }

    /// <summary>Lower limit of each weight: 0.01.</summary>
    public static Perquintill MinWeight { get; } = Perquintill.FromParts(Accuracy / 100);

    /// <summary>The default pool (w2 = 0.5), used when a pool is initialised without a price.</summary>
    public static BalancerPool Default { get; } = new(Perquintill.FromRational(1, 2));

    /// <summary>w2, the quote (TAO) weight.</summary>
    public Perquintill QuoteWeight => _initialized ? _quote : Default._quote;

    /// <summary>w1 = 1 − w2, the base (alpha) weight.</summary>
    public Perquintill BaseWeight => Perquintill.One.SaturatingSub(QuoteWeight);

    /// <summary><c>Balancer::new</c>: null when a weight would fall below 0.01.</summary>
    public static BalancerPool? Create(Perquintill quote) => CheckConstraints(quote) ? new BalancerPool(quote) : null;

    /// <summary>
    /// <c>maybe_initialize_palswap</c> with a target price p: w2 = y / (p·x + y) with p·x split into integer and
    /// fractional parts as Subtensor does; null (ReservesOutOfBalance) if p·x + y = 0 or the weight is out of range.
    /// </summary>
    public static BalancerPool? ForPrice(U64F64 price, ulong taoReserve, ulong alphaReserve)
    {
        UInt128 pxHigh = SaturatingMul((UInt128)price.SaturatingToU64(), alphaReserve);
        UInt128 pxLow = U64F64.SaturatingFromNum(alphaReserve).SaturatingMul(price.Frac()).SaturatingToU128();
        UInt128 sum = SaturatingAdd(SaturatingAdd(pxHigh, pxLow), taoReserve);
        return sum == 0 ? null : Create(Perquintill.FromRational(taoReserve, sum));
    }

    /// <summary><c>calculate_price</c>: (w1 / w2)·(y / x) in U64F64 (safe_div: 0 when x = 0).</summary>
    public U64F64 Price(ulong alphaReserve, ulong taoReserve)
    {
        var w2 = U64F64.SaturatingFromNum(QuoteWeight.Parts);
        var w1 = U64F64.SaturatingFromNum(BaseWeight.Parts);
        return w1.SafeDiv(w2).SaturatingMul(U64F64.SaturatingFromNum(taoReserve).SafeDiv(U64F64.SaturatingFromNum(alphaReserve)));
    }

    /// <summary><c>exp_base_quote</c>: (x / (x + Δx))^(w1/w2), used by sells.</summary>
    public U64F64 ExpBaseQuote(ulong x, ulong dx) => ExpScaled(x, dx, true);

    /// <summary><c>exp_quote_base</c>: (y / (y + Δy))^(w2/w1), used by buys.</summary>
    public U64F64 ExpQuoteBase(ulong y, ulong dy) => ExpScaled(y, dy, false);

    /// <summary>
    /// <c>exp_scaled</c>: floor(10^18·(x/(x+Δ))^e) / 10^18 in U64F64 with e = w1/w2 (base_quote) or w2/w1; capped at 1
    /// for Δ ≥ 0; 0 when x + Δ = 0 or the scaled power exceeds u64.
    /// </summary>
    public U64F64 ExpScaled(ulong x, Int128 dx, bool baseQuote)
    {
        ulong xPlusDx = dx >= 0
            ? (dx > ulong.MaxValue || ulong.MaxValue - x < (ulong)dx ? ulong.MaxValue : x + (ulong)dx)
            : (-dx >= x ? 0UL : x - (ulong)(-dx));
        if (xPlusDx == 0)
        {
            return U64F64.Zero;
        }

        BigInteger w1 = BaseWeight.Parts, w2 = QuoteWeight.Parts;
        var result = baseQuote
            ? RationalPower.PowRatioScaled(x, xPlusDx, w1, w2, SwapPrecision, AccuracyBig)
            : RationalPower.PowRatioScaled(x, xPlusDx, w2, w1, SwapPrecision, AccuracyBig);
        if (result is { } value && value.Sign >= 0 && value <= ulong.MaxValue)
        {
            var ratio = U64F64.SaturatingFromNum((ulong)value).SafeDiv(AccuracyFixed);
            return dx >= 0 ? U64F64.Min(ratio, U64F64.One) : ratio;
        }

        return U64F64.Zero;
    }

    /// <summary><c>mul_perquintill_round</c>: round(value × p) to nearest (half up), saturating at u128::MAX.</summary>
    public static UInt128 MulPerquintillRound(Perquintill p, UInt128 value)
    {
        var rounded = (((BigInteger)value * p.Parts) + (Accuracy / 2)) / Accuracy;
        return rounded > (BigInteger)UInt128.MaxValue ? UInt128.MaxValue : (UInt128)rounded;
    }

    /// <summary>
    /// <c>update_weights_for_added_liquidity</c>: new w2 = q2 / (q1 + q2) with q1 = round(w1·y·(x + Δx)),
    /// q2 = round(w2·x·(y + Δy)) (0.5 when both are 0), so the price is unchanged; null when the weight leaves [0.01, 0.99].
    /// </summary>
    public BalancerPool? WithAddedLiquidity(ulong taoReserve, ulong alphaReserve, ulong taoDelta, ulong alphaDelta)
    {
        UInt128 newTao = (UInt128)taoReserve + taoDelta;
        UInt128 newAlpha = (UInt128)alphaReserve + alphaDelta;
        var q1 = MulPerquintillRound(BaseWeight, SaturatingMul(taoReserve, newAlpha));
        var q2 = MulPerquintillRound(QuoteWeight, SaturatingMul(alphaReserve, newTao));
        var sum = SaturatingAdd(q1, q2);
        var quote = sum != 0 ? Perquintill.FromRational(q2, sum) : Perquintill.FromRational(1, 2);
        return Create(quote);
    }

    /// <summary>
    /// <c>calculate_quote_delta_in</c>: TAO needed to move the price up to a target, Δy = y·((p′/p)^w1 − 1), with the
    /// 1024-bit power; 0 when the target is below the current price.
    /// </summary>
    public ulong QuoteDeltaIn(U64F64 currentPrice, U64F64 targetPrice, ulong taoReserve) =>
        DeltaIn(targetPrice.Bits, currentPrice.Bits, BaseWeight.Parts, taoReserve);

    /// <summary><c>calculate_base_delta_in</c>: alpha needed to move the price down to a target, Δx = x·((p/p′)^w2 − 1).</summary>
    public ulong BaseDeltaIn(U64F64 currentPrice, U64F64 targetPrice, ulong alphaReserve) =>
        DeltaIn(currentPrice.Bits, targetPrice.Bits, QuoteWeight.Parts, alphaReserve);

    /// <summary><c>get_base_needed_for_quote</c>: alpha to sell for a TAO amount, x·((y/(y − Δy))^(w2/w1) − 1).</summary>
    public ulong BaseNeededForQuote(ulong taoReserve, ulong alphaReserve, ulong deltaTao)
    {
        var e = ExpScaled(taoReserve, -(Int128)deltaTao, false);
        return U64F64.SaturatingFromNum(alphaReserve).SaturatingMul(e.SaturatingSub(U64F64.One)).SaturatingToU64();
    }

    public bool Equals(BalancerPool other) => QuoteWeight == other.QuoteWeight;

    public override bool Equals(object? obj) => obj is BalancerPool other && Equals(other);

    public override int GetHashCode() => QuoteWeight.GetHashCode();

    public static bool operator ==(BalancerPool left, BalancerPool right) => left.Equals(right);

    public static bool operator !=(BalancerPool left, BalancerPool right) => !left.Equals(right);

    public override string ToString() => $"Balancer(w_quote = {QuoteWeight})";

    private static ulong DeltaIn(UInt128 baseNumerator, UInt128 baseDenominator, ulong weight, ulong reserve)
    {
        var scaled = RationalPower.PowRatioScaled(baseNumerator, baseDenominator, weight, AccuracyBig, LimitPrecision, AccuracyBig);
        if (scaled is not { } value)
        {
            return 0;
        }

        var expFixed = value.Sign >= 0 && value <= ulong.MaxValue ? U64F64.SaturatingFromNum((ulong)value)
            : value > ulong.MaxValue ? U64F64.SaturatingFromNum(ulong.MaxValue)
            : U64F64.Zero;
        return U64F64.SaturatingFromNum(reserve)
            .SaturatingMul(expFixed.SafeDiv(AccuracyFixed).SaturatingSub(U64F64.One))
            .SaturatingToU64();
    }

    private static bool CheckConstraints(Perquintill quote)
    {
        var baseWeight = Perquintill.One.SaturatingSub(quote);
        return baseWeight >= MinWeight && quote >= MinWeight;
    }

    private static UInt128 SaturatingMul(UInt128 a, UInt128 b) => a != 0 && b > UInt128.MaxValue / a ? UInt128.MaxValue : a * b;

    private static UInt128 SaturatingAdd(UInt128 a, UInt128 b) => UInt128.MaxValue - a < b ? UInt128.MaxValue : a + b;
}
