using Subtensor.Economics.Epoch;

namespace Subtensor.Economics.Tests.Epoch;

public sealed class U48DivisorTests
{
    [Fact]
    public void Multiplicative_division_is_exact_below_2_pow_48()
    {
        var random = new Random(8);
        var divisors = new List<ulong> { 1, 2, 3, 65535, 65536, 65537, (1UL << 31) - 1, 1UL << 31, uint.MaxValue, 1UL << 40 };
        for (int i = 0; i < 300; i++)
        {
            divisors.Add((ulong)random.NextInt64(1, 1L << random.Next(1, 48)));
        }

        foreach (var d in divisors)
        {
            var divisor = new U48Divisor(d);
            ulong[] edges = [0, 1, d - 1, d, d + 1, (1UL << 48) - 1, ((1UL << 48) - 1) / d * d, (((1UL << 48) - 1) / d * d) - 1];
            foreach (var n in edges.Where(x => x < 1UL << 48))
            {
                Assert.Equal(n / d, divisor.Divide(n));
            }

            for (int k = 0; k < 2000; k++)
            {
                ulong n = (ulong)random.NextInt64(0, 1L << 48);
                Assert.Equal(n / d, divisor.Divide(n));
            }
        }
    }
}
