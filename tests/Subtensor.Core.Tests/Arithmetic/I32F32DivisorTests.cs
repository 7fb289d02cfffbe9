using System.Numerics;
using Subtensor.Core.Arithmetic;

namespace Subtensor.Core.Tests.Arithmetic;

public sealed class I32F32DivisorTests
{
    [Fact]
    public void Reciprocal_division_equals_safe_div_and_checked_div()
    {
        var r = FixedReference.Of<I32F32>();
        var random = new Random(31);
        var values = r.Samples(random, 3000).ToList();
        foreach (var d in values)
        {
            var divisor = new I32F32Divisor(FixedReference.Make<I32F32>(d));
            for (int i = 0; i < 40; i++)
            {
                var a = FixedReference.Make<I32F32>(values[random.Next(values.Count)]);
                var y = FixedReference.Make<I32F32>(d);
                Assert.Equal(a.SafeDiv(y), divisor.SafeDivide(a));
                Assert.Equal(a.CheckedDiv(y), divisor.CheckedDivide(a));
            }
        }
    }

    [Fact]
    public void Handles_extremes()
    {
        var cases = new[] { long.MinValue, long.MinValue + 1, -1L, 0L, 1L, long.MaxValue, 1L << 32, -(1L << 32), 1L << 31, (1L << 31) - 1 };
        foreach (var d in cases)
        {
            var divisor = new I32F32Divisor(I32F32.FromBits(d));
            foreach (var a in cases)
            {
                Assert.Equal(I32F32.FromBits(a).CheckedDiv(I32F32.FromBits(d)), divisor.CheckedDivide(I32F32.FromBits(a)));
            }
        }

        Assert.True(new I32F32Divisor(I32F32.Zero).IsZero);
        Assert.Equal((BigInteger)(-1L << 32), new I32F32Divisor(-I32F32.One).SafeDivide(I32F32.One).RawBits);
    }
}
