using Subtensor.Core.Arithmetic;
using Subtensor.Economics.Subnets;

namespace Subtensor.Economics.Tests.Subnets;

/// <summary>The median subnet price (pool seeding), the dissolution split and the prune candidate.</summary>
public sealed class SubnetMathTests
{
    private static U64F64 P(ulong n, ulong d = 1) => U64F64.SaturatingFromNum(n).SafeDiv(U64F64.SaturatingFromNum(d));

    [Fact]
    public void Median_of_no_prices_is_one() => Assert.Equal(U64F64.One, MedianPrice.Of([]));

    [Fact]
    public void Median_ignores_zero_prices_and_takes_the_middle()
    {
        Assert.Equal(P(2), MedianPrice.Of([P(3), U64F64.Zero, P(1), P(2)]));
        Assert.Equal(P(5, 2), MedianPrice.Of([P(4), P(1), P(3), P(2)]));
    }

    [Fact]
    public void Dissolution_split_is_floor_then_largest_remainders()
    {
        Assert.Equal([4UL, 3UL, 3UL], DissolveDistribution.Split(10, [1, 1, 1]));
        Assert.Equal([3UL, 7UL], DissolveDistribution.Split(10, [29, 71]));
        Assert.Equal([1UL, 1UL, 0UL], DissolveDistribution.Split(2, [5, 4, 3]));
        Assert.Equal([0UL, 0UL], DissolveDistribution.Split(0, [5, 4]));
        Assert.Equal([0UL, 0UL], DissolveDistribution.Split(7, [0, 0]));
    }

    [Fact]
    public void Dissolution_split_always_pays_out_the_whole_pot()
    {
        var rng = new Random(7);
        for (var i = 0; i < 200; i++)
        {
            var values = Enumerable.Range(0, rng.Next(1, 20)).Select(_ => (UInt128)(ulong)rng.NextInt64(0, long.MaxValue)).ToArray();
            var pot = (ulong)rng.NextInt64(0, long.MaxValue);
            var shares = DissolveDistribution.Split(pot, values);
            var total = values.Aggregate(UInt128.Zero, (a, v) => a + v);
            Assert.Equal(total == 0 ? 0 : pot, shares.Aggregate(0UL, (a, s) => a + s));
        }
    }

    [Fact]
    public void Prune_candidate_is_the_lowest_emission_non_immune_oldest_first()
    {
        NeuronPruneInfo N(ushort uid, ulong emission, ulong at, bool immune = false, bool immortal = false) => new(uid, emission, at, immune, immortal);
        Assert.Equal((ushort)2, PruneCandidate.Select([N(0, 1, 0, immortal: true), N(1, 5, 3), N(2, 5, 2), N(3, 9, 1)], 0));
        Assert.Equal((ushort)3, PruneCandidate.Select([N(0, 0, 0, immortal: true), N(1, 0, 3, immune: true), N(3, 9, 1)], 0));
        // Without enough non-immune UIDs (more than MinNonImmuneUids) the best immune one goes.
        Assert.Equal((ushort)1, PruneCandidate.Select([N(0, 0, 0, immortal: true), N(1, 0, 3, immune: true)], 0));
        Assert.Equal((ushort)2, PruneCandidate.Select([N(1, 0, 3), N(2, 5, 1, immune: true)], 1));
        Assert.Null(PruneCandidate.Select([N(0, 0, 0, immortal: true)], 0));
    }
}
