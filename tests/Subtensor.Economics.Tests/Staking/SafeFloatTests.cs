using System.Numerics;
using Subtensor.Core.Arithmetic;
using Subtensor.Economics.Staking;

namespace Subtensor.Economics.Tests.Staking;

/// <summary>Subtensor's SafeFloat vectors (<c>primitives/share-pool/src/lib.rs</c> tests): exact mantissa/exponent where the Rust test is exact.</summary>
public sealed class SafeFloatTests
{
    private static readonly UInt128 Max = SafeFloat.MaxMantissa;

    private static UInt128 U(string s) => UInt128.Parse(s, System.Globalization.CultureInfo.InvariantCulture);

    private static SafeFloat F(UInt128 m, long e) => SafeFloat.Create(m, e) ?? throw new InvalidOperationException("invalid SafeFloat");

    /// <summary>m·10^e as a double (the Rust tests' <c>f64::from</c>).</summary>
    internal static double D(SafeFloat f) => (double)f.Mantissa * Math.Pow(10, f.Exponent);

    [Theory]
    [InlineData("1", 0, "1000000000000000000000", -21)]
    [InlineData("0", 0, "0", 0)]
    [InlineData("10", 0, "1000000000000000000000", -20)]
    [InlineData("1000", 0, "1000000000000000000000", -18)]
    [InlineData("100000000000000000000", 0, "1000000000000000000000", -1)]
    [InlineData("1000000000000000000000", 0, "1000000000000000000000", 0)]
    public void Normalize(string m, long e, string expectedM, long expectedE)
    {
        var f = F(U(m), e);
        Assert.Equal(U(expectedM), f.Mantissa);
        Assert.Equal(expectedE, f.Exponent);
    }

    [Fact]
    public void A_mantissa_above_the_maximum_is_refused() => Assert.Null(SafeFloat.Create(Max + 1, 0));

    [Theory]
    [InlineData("1", 0, "1", 0, "200000000000000000000", -20)]
    [InlineData("0", 0, "1", 0, "1000000000000000000000", -21)]
    [InlineData("0", 0, "1", -1, "1000000000000000000000", -22)]
    [InlineData("1", -1000, "1", -1, "1000000000000000000000", -22)]
    [InlineData("1000000000000000000000", 0, "1000000000000000000000", 0, "200000000000000000000", 1)]
    [InlineData("1", 0, "1000000000000000000000", 1, "1000000000000000000000", 1)]
    [InlineData("1", 0, "1", 22, "1000000000000000000000", 1)]
    [InlineData("1", 0, "1", 23, "1000000000000000000000", 2)]
    [InlineData("123", 0, "1", 23, "1000000000000000000000", 2)]
    [InlineData("123", 1, "1", 23, "100000000000000000001", 3)]
    [InlineData("42", 0, "1", 22, "1000000000000000000000", 1)]
    [InlineData("999999999999999999999", 0, "1", 22, "109999999999999999999", 2)]
    [InlineData("42", 0, "1", 23, "1000000000000000000000", 2)]
    [InlineData("4200", 0, "1", 23, "100000000000000000004", 3)]
    [InlineData("999999999999999999999", 0, "1", 23, "100999999999999999999", 3)]
    [InlineData("999999", 1, "1", 23, "100000000000000009999", 3)]
    [InlineData("1", 24, "1", 0, "1000000000000000000000", 3)]
    [InlineData("1", 24, "123456789012345678901", 0, "100012345678901234567", 4)]
    [InlineData("1", 22, "1", 23, "110000000000000000000", 3)]
    [InlineData("999999999999999999999", 22, "1", 22, "1000000000000000000000", 22)]
    public void Add_is_exact_and_commutative(string ma, long ea, string mb, long eb, string expectedM, long expectedE)
    {
        var (a, b) = (F(U(ma), ea), F(U(mb), eb));
        foreach (var sum in new[] { a.Add(b), b.Add(a) })
        {
            Assert.NotNull(sum);
            Assert.Equal(U(expectedM), sum!.Value.Mantissa);
            Assert.Equal(expectedE, sum.Value.Exponent);
        }
    }

    [Fact]
    public void Division_by_zero_is_none() => Assert.Null(F(1, 0).Div(SafeFloat.Zero));

    [Theory]
    [InlineData("1", 0, "100000000000000000000", -20)]
    [InlineData("1", 0, "1", 0)]
    [InlineData("1", 7, "1", 0)]
    [InlineData("1", 100, "7", 0)]
    [InlineData("1", 50, "3", 0)]
    [InlineData("2", 7, "3", 0)]
    [InlineData("5", 100, "3", 0)]
    [InlineData("10", 0, "100000000000000000000", -19)]
    [InlineData("1000000000000000000000", 100, "999999999999999999999", -100)]
    [InlineData("999999999999999999998", 100, "1000000000000000000000", -100)]
    [InlineData("1000000000000000000000", 100, "499999999999999999999", 100)]
    [InlineData("123456789123456789123", 20, "87654321987654321987", -20)]
    [InlineData("123456789123456789123", -99, "87654321987654321987", 99)]
    [InlineData("123456789123456789123", 123, "87654321987654321987", -32)]
    public void Div_is_accurate_to_1e14(string ma, long ea, string mb, long eb)
    {
        var a = F(U(ma), ea);
        var b = F(U(mb), eb);
        var actual = D(a.Div(b)!.Value);
        var expected = (double)U(ma) * Math.Pow(10, ea) / ((double)U(mb) * Math.Pow(10, eb));
        Assert.True(Math.Abs(actual - expected) <= actual / 1e14, $"{actual} vs {expected}");
    }

    [Theory]
    [InlineData("1", -20, "1", -20, "1", -20)]
    [InlineData("123", 20, "123", -20, "321", 0)]
    [InlineData("123123123123123123", 20, "321321321321321321", -20, "777777777777777777", 0)]
    [InlineData("11111111111111111111", 20, "99321321321321321321", -20, "77777777777777777777", 0)]
    public void Mul_div_keeps_the_product_precision(string ma, long ea, string mb, long eb, string mc, long ec)
    {
        var actual = D(F(U(ma), ea).MulDiv(F(U(mb), eb), F(U(mc), ec))!.Value);
        var expected = (double)U(ma) * Math.Pow(10, ea) * ((double)U(mb) * Math.Pow(10, eb)) / ((double)U(mc) * Math.Pow(10, ec));
        Assert.True(Math.Abs(actual - expected) <= actual / 1e14, $"{actual} vs {expected}");
    }

    [Fact]
    public void From_u64f64_tenth()
    {
        // U64F64::from_num(0.1) is the nearest binary fraction below 0.1.
        var f = SafeFloat.FromU64F64(U64F64.FromBits((UInt128)((BigInteger.One << 64) / 10)));
        Assert.True(Math.Abs(D(f) - 0.1) <= 0.1 / 1e14);
    }

    [Fact]
    public void To_u64_truncates_and_saturates()
    {
        Assert.Equal(2UL, F(25, -1).ToU64());
        Assert.Equal(ulong.MaxValue, F(1, 30).ToU64());
        Assert.Equal(0UL, F(1, -30).ToU64());
    }
}
