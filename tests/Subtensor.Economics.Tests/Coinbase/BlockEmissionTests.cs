using Subtensor.Economics.Coinbase;

namespace Subtensor.Economics.Tests.Coinbase;

/// <summary>Block emission schedule (digest §2.4): halvings at 21M × (1 − 2^−k).</summary>
public sealed class BlockEmissionTests
{
    private const ulong Tao = 1_000_000_000;

    [Theory]
    [InlineData(0UL, 1_000_000_000UL)]
    [InlineData(10_499_999UL * Tao, 1_000_000_000UL)]
    [InlineData(10_500_000UL * Tao, 500_000_000UL)]
    [InlineData(15_749_999UL * Tao, 500_000_000UL)]
    [InlineData(15_750_000UL * Tao, 250_000_000UL)]
    [InlineData(18_375_000UL * Tao, 125_000_000UL)]
    [InlineData(19_687_500UL * Tao, 62_500_000UL)]
    [InlineData(21_000_000UL * Tao, 0UL)]
    [InlineData(ulong.MaxValue, 0UL)]
    public void Emission_halves_at_each_threshold(ulong issuance, ulong expected)
    {
        Assert.Equal(expected, BlockEmission.ForIssuance(issuance));
    }

    [Fact]
    public void Emission_is_a_non_increasing_power_of_two_fraction_of_one_tao()
    {
        var random = new Random(1);
        ulong previous = ulong.MaxValue;
        var issuances = Enumerable.Range(0, 2000).Select(_ => (ulong)random.NextInt64(0, 21_000_000_000_000_000)).Order().ToArray();
        foreach (var issuance in issuances)
        {
            ulong e = BlockEmission.ForIssuance(issuance)!.Value;
            Assert.True(e <= previous);
            previous = e;
            int k = 0;
            while ((1_000_000_000UL >> k) > e)
            {
                k++;
            }

            Assert.Equal(1_000_000_000UL >> k, e); // floor(1e9 · 2^-k) in I96F32
        }
    }
}
