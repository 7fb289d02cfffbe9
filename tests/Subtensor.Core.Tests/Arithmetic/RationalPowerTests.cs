using System.Numerics;
using Subtensor.Core.Arithmetic;

namespace Subtensor.Core.Tests.Arithmetic;

/// <summary>
/// <see cref="RationalPower"/> (safe-bigmath <c>pow_ratio_scaled</c>): the crate's own asserted vectors, a literal
/// transcription of the crate's algorithm (bisection root, generic floor divisions) and true values.
/// </summary>
public sealed class RationalPowerTests
{
    private static readonly BigInteger Perquintill = BigInteger.Parse("1000000000000000000");

    [Fact]
    public void Crate_documentation_example()
    {
        // (2/3)^(1/2) · 1000 → 816
        Assert.Equal(816, RationalPower.PowRatioScaled(2, 3, 1, 2, 0, 1_000));
    }

    [Fact]
    public void Subtensor_test_perquintill_power()
    {
        // balancer.rs test_perquintill_power: (21e15 / 28e15)^(0.6/0.4) at precision 4096
        var result = RationalPower.PowRatioScaled(
            BigInteger.Parse("21000000000000000"),
            BigInteger.Parse("28000000000000000"),
            BigInteger.Parse("600000000000000000"),
            BigInteger.Parse("400000000000000000"),
            4096,
            Perquintill);
        Assert.Equal(BigInteger.Parse("649519052838328985"), result);
    }

    [Theory]
    [InlineData("500000000000000000", "500000000000000000")]
    [InlineData("499999999999500000", "500000000000500000")]
    [InlineData("500000000000250000", "499999999999750000")]
    public void Crate_test_large_weight_denominators(string w1, string w2)
    {
        // safe-bigmath pow_ratio_scaled_handles_large_weight_denominators (the last two take the ln/exp path)
        var result = RationalPower.PowRatioScaled(
            BigInteger.Parse("21000000000000000"),
            BigInteger.Parse("21000000000000100"),
            BigInteger.Parse(w1),
            BigInteger.Parse(w2),
            256,
            Perquintill);
        Assert.Equal(BigInteger.Parse("999999999999995238"), result);
    }

    [Fact]
    public void Crate_test_boundary_weights_take_the_series_path()
    {
        // safe-bigmath pow_ratio_scaled_converges_on_boundary_weights
        var result = RationalPower.PowRatioScaled(
            BigInteger.Parse("21000000000000000"),
            BigInteger.Parse("21000000000000001"),
            BigInteger.Parse("499999999500000000"),
            BigInteger.Parse("500000000500000000"),
            256,
            Perquintill);
        Assert.Equal(BigInteger.Parse("999999999999999952"), result);
    }

    [Fact]
    public void Invalid_arguments_give_none_and_trivial_exponents_short_circuit()
    {
        Assert.Null(RationalPower.PowRatioScaled(1, 0, 1, 2, 64, 10));
        Assert.Null(RationalPower.PowRatioScaled(1, 2, 1, 0, 64, 10));
        Assert.Null(RationalPower.PowRatioScaled(-1, 2, 1, 2, 64, 10));
        Assert.Null(RationalPower.PowRatioScaled(1, 2, 1, 2, 64, -10));
        Assert.Equal(BigInteger.Zero, RationalPower.PowRatioScaled(0, 2, 1, 2, 64, 10));
        Assert.Equal(new BigInteger(10), RationalPower.PowRatioScaled(3, 2, 0, 2, 64, 10));
    }

    [Fact]
    public void Exact_path_matches_the_crate_bisection_root()
    {
        var random = new Random(21);
        for (int i = 0; i < 400; i++)
        {
            BigInteger bn = random.NextInt64(1, long.MaxValue), bd = random.NextInt64(1, long.MaxValue);
            BigInteger en = random.Next(1, 40), ed = random.Next(1, 40);
            var expected = ReferencePowRatioScaled(bn, bd, en, ed, 256, Perquintill);
            Assert.Equal(expected, RationalPower.PowRatioScaled(bn, bd, en, ed, 256, Perquintill));
        }
    }

    [Fact]
    public void Series_path_matches_the_literal_transcription()
    {
        var random = new Random(22);
        for (int i = 0; i < 150; i++)
        {
            BigInteger x = random.NextInt64(1_000, 21_000_000_000_000_000);
            BigInteger dx = random.NextInt64(1, 21_000_000_000_000_000) >> random.Next(0, 50);
            BigInteger w1 = random.NextInt64(10_000_000_000_000_000, 990_000_000_000_000_000);
            BigInteger w2 = Perquintill - w1;
            uint precision = i % 10 == 0 ? 1024u : 256u;
            var (num, den) = i % 2 == 0 ? (x, x + dx) : (x + dx, x);
            var expected = ReferencePowRatioScaled(num, den, w1, w2, precision, Perquintill);
            Assert.Equal(expected, RationalPower.PowRatioScaled(num, den, w1, w2, precision, Perquintill));
        }
    }

    [Theory]
    [InlineData("4011124244659165", "4014384232257199", "292341088111907415", "707658911888092585", "999664442915057364")]
    [InlineData("5027380438735134", "5950573937228232", "863931770133622125", "136068229866377875", "342867242982012595")]
    [InlineData("19648903686464400", "10912313139315262227", "44353854399310067", "955646145600689933", "745791549821905699")]
    [InlineData("7881704477513139", "7877262482058138", "40593892153681476", "959406107846318524", "1000023853041634338")]
    [InlineData("7163883307205606", "13017523080008600", "638274755443230860", "361725244556769140", "348591405614441304")]
    [InlineData("7942208081946852", "5442958847603131919", "943209773715194256", "56790226284805744", "0")]
    [InlineData("234143876757899", "234366179142807", "814899923045609156", "185100076954390844", "995830864426177201")]
    [InlineData("15059687357696731", "12258817731442513", "398067096089876974", "601932903910123026", "1145776622272355829")]
    [InlineData("19319653929853094", "19332972289699144", "646459517326671848", "353540482673328152", "998740696715905116")]
    [InlineData("20801301262851888", "22452295580105987", "272748819060985241", "727251180939014759", "971761762286748701")]
    [InlineData("1482328439857777431", "10426302720315594", "278389619487611430", "721610380512388570", "6769129391140034553")]
    [InlineData("3638962008695282", "3640183412037066", "742894260718908051", "257105739281091949", "999030800021896789")]
    [InlineData("13144467525043486", "19813053490739208", "251545156911891795", "748454843088108205", "871177511012327827")]
    [InlineData("9618891376417764", "3166569669417880520", "850625969428259847", "149374030571740153", "4613")]
    [InlineData("5890533504442238", "5887194329460747", "747869484142260130", "252130515857739870", "1001683345836174500")]
    [InlineData("20066231897465860", "28318556530448146", "47009058114414507", "952990941885585493", "983151130386078146")]
    [InlineData("11365393161960846", "4950312931831675370", "253246649914276993", "746753350085723007", "127355858877166729")]
    [InlineData("11337466910375183", "11344426901576641", "539020169810473138", "460979830189526862", "999282657330940874")]
    [InlineData("13986154191867361", "9543310572158403", "657213396742609177", "342786603257390823", "2080965452569859104")]
    [InlineData("9466264855096488", "7377105217628411545", "262859616921898135", "737140383078101865", "93075501301843137")]
    [InlineData("18357618531170244", "18360816106472868", "64321482590515338", "935678517409484662", "999988027263976518")]
    [InlineData("3950527503171542", "6776290222873526", "923205327371211905", "76794672628788095", "1523573490968771")]
    [InlineData("1187089272011852233", "15209916637857428", "449977078520028229", "550022921479971771", "35330382175096999875")]
    public void Series_path_is_within_one_unit_of_the_true_value(string bn, string bd, string w1, string w2, string floorOfTrueValue)
    {
        // floor(1e18 · (bn/bd)^(w1/w2)) computed with 90-digit decimal arithmetic
        var result = RationalPower.PowRatioScaled(BigInteger.Parse(bn), BigInteger.Parse(bd), BigInteger.Parse(w1), BigInteger.Parse(w2), 256, Perquintill);
        Assert.NotNull(result);
        Assert.InRange(result.Value - BigInteger.Parse(floorOfTrueValue), -1, 1);
    }

    [Theory]
    [InlineData(280, 408)]
    [InlineData(1048, 1176)]
    [InlineData(92, 220)]
    public void Limb_series_equals_the_big_integer_series(int precision, int maxIterations)
    {
        var random = new Random(precision);
        var half = BigInteger.One << (precision - 1);
        var samples = new List<BigInteger> { half, -half, BigInteger.Zero, BigInteger.One, BigInteger.MinusOne, half - 1, -(half - 1) };
        var bytes = new byte[(precision / 8) + 1];
        for (int i = 0; i < 300; i++)
        {
            random.NextBytes(bytes);
            bytes[^1] = 0;
            var v = new BigInteger(bytes) % half >> random.Next(0, precision);
            samples.Add(random.Next(2) == 0 ? v : -v);
        }

        foreach (var x in samples)
        {
            Assert.Equal(RationalPower.Ln1pBig(x, precision, maxIterations), RationalPower.Ln1pLimbs(x, precision, maxIterations));
            Assert.Equal(RationalPower.ExpBig(x * 2, precision, maxIterations), RationalPower.ExpLimbs(x * 2, precision, maxIterations));
        }
    }

    // ---- literal transcription of safe-bigmath 0.4.1 pow_ratio_scaled_with_max_iters (no shortcuts) ----

    private static BigInteger? ReferencePowRatioScaled(BigInteger bn, BigInteger bd, BigInteger en, BigInteger ed, uint precision, BigInteger scale)
    {
        var g = BigInteger.GreatestCommonDivisor(en, ed);
        if (g > 1)
        {
            en /= g;
            ed /= g;
        }

        if (en <= 1024 && ed <= 1024)
        {
            var targetNum = BigInteger.Pow(bn, (int)en) * BigInteger.Pow(scale, (int)ed);
            var targetDen = BigInteger.Pow(bd, (int)en);
            return BisectionRoot(targetNum, targetDen, (int)ed);
        }

        int requested = (int)Math.Max(Math.Max(precision, 32u), (uint)scale.GetBitLength() + 8);
        int internalPrecision = requested + 24;
        int maxIters = Math.Min(4096, internalPrecision + 128);
        var targetScale = BigInteger.One << requested;
        var guard = BigInteger.One << 24;
        var internalScale = targetScale << 24;
        var lnTwo = -Ln1p(-(internalScale >> 1), internalScale, guard, maxIters);
        var lnBase = LnBig(bn, internalPrecision, internalScale, guard, lnTwo, maxIters) - LnBig(bd, internalPrecision, internalScale, guard, lnTwo, maxIters);
        var lnScaled = FixedReference.FloorDiv(lnBase * en, ed);
        var expFp = ExpFixed(lnScaled, internalScale, guard, maxIters);
        return FixedReference.FloorDiv(Round(expFp, guard) * scale, targetScale);
    }

    private static BigInteger BisectionRoot(BigInteger num, BigInteger den, int q)
    {
        BigInteger low = 0, high = 1;
        while (BigInteger.Pow(high, q) * den <= num)
        {
            high <<= 1;
        }

        while (low < high)
        {
            var mid = (low + high + 1) >> 1;
            if (BigInteger.Pow(mid, q) * den <= num)
            {
                low = mid;
            }
            else
            {
                high = mid - 1;
            }
        }

        return low;
    }

    private static BigInteger Ln1p(BigInteger x, BigInteger scale, BigInteger guard, int maxIters)
    {
        var term = x;
        var result = term;
        var prev = Round(result, guard);
        for (int n = 2; n <= maxIters; n++)
        {
            term = FixedReference.FloorDiv(term * x, scale);
            if (term.IsZero)
            {
                break;
            }

            var next = FixedReference.FloorDiv(term, n);
            if (next.IsZero)
            {
                break;
            }

            result = n % 2 == 0 ? result - next : result + next;
            var rounded = Round(result, guard);
            if (BigInteger.Abs(next) < guard || rounded == prev)
            {
                break;
            }

            prev = rounded;
        }

        return result;
    }

    private static BigInteger ExpFixed(BigInteger x, BigInteger scale, BigInteger guard, int maxIters)
    {
        var term = scale;
        var result = term;
        var prev = Round(result, guard);
        for (int n = 1; n <= maxIters; n++)
        {
            term = FixedReference.FloorDiv(term * x, scale * n);
            if (term.IsZero)
            {
                break;
            }

            result += term;
            var rounded = Round(result, guard);
            if (BigInteger.Abs(term) < guard || rounded == prev)
            {
                break;
            }

            prev = rounded;
        }

        return result;
    }

    private static BigInteger LnBig(BigInteger value, int internalPrecision, BigInteger internalScale, BigInteger guard, BigInteger lnTwo, int maxIters)
    {
        long shift = Math.Max((long)value.GetBitLength() - 1, 0);
        var mantissa = (value << internalPrecision) >> (int)shift;
        if (mantissa >= internalScale + (internalScale >> 1))
        {
            mantissa >>= 1;
            shift += 1;
        }

        return Ln1p(mantissa - internalScale, internalScale, guard, maxIters) + (lnTwo * shift);
    }

    private static BigInteger Round(BigInteger value, BigInteger guard)
    {
        var truncated = BigInteger.DivRem(value, guard, out var remainder);
        if (!remainder.IsZero && BigInteger.Abs(remainder) * 2 >= guard)
        {
            truncated += remainder.Sign;
        }

        return truncated;
    }
}
