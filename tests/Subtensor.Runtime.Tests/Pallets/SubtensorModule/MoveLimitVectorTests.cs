using Subtensor.Runtime.Tests.Support;

namespace Subtensor.Runtime.Tests.Pallets.SubtensorModule;

/// <summary>
/// <c>get_max_amount_move</c> between two dynamic subnets: Subtensor's <c>test_max_amount_move_dynamic_dynamic</c>
/// vectors (tao1, alpha1, tao2, alpha2, limit, expected, tolerance).
/// </summary>
public class MoveLimitVectorTests
{
    private static readonly Lazy<(EconomyChain Chain, ushort A, ushort B)> Setup = new(() =>
    {
        var c = new EconomyChain();
        var a = c.NewSubnet("Bob", "BobHot");
        var b = c.NewSubnet("Charlie", "CharlieHot");
        return (c, a, b);
    });

    [Theory]
    [InlineData(0UL, 1_000_000_000UL, 1_000_000_000UL, 1_000_000_000UL, 100UL, 0UL, 1UL)]
    [InlineData(1_000_000_000UL, 0UL, 1_000_000_000UL, 1_000_000_000UL, 100UL, 0UL, 1UL)]
    [InlineData(1_000_000_000UL, 1_000_000_000UL, 0UL, 1_000_000_000UL, 100UL, 0UL, 1UL)]
    [InlineData(1_000_000_000UL, 1_000_000_000UL, 1_000_000_000UL, 0UL, 100UL, 0UL, 1UL)]
    [InlineData(1UL, 1UL, 1UL, 1UL, 0UL, ulong.MaxValue, 1UL)]
    [InlineData(1UL, 1UL, 1UL, 1UL, 1UL, 500_000_000UL, 1UL)]
    [InlineData(1UL, 1UL, 1UL, 1UL, 2UL, 250_000_000UL, 1UL)]
    [InlineData(1UL, 1UL, 1UL, 1UL, 3UL, 166_666_666UL, 1UL)]
    [InlineData(1UL, 1UL, 1UL, 1UL, 4UL, 125_000_000UL, 1UL)]
    [InlineData(1UL, 1UL, 1UL, 1UL, 1_000UL, 500_000UL, 1UL)]
    [InlineData(1_000UL, 1_000UL, 1_000UL, 1_000UL, 500_000_000UL, 500UL, 1UL)]
    [InlineData(1_000UL, 1_000UL, 1_000UL, 1_000UL, 100_000_000UL, 4_500UL, 1UL)]
    [InlineData(150_000_000_000UL, 100_000_000_000UL, 100_000_000_000UL, 100_000_000_000UL, 100_000_000UL, 560_000_000_000UL, 1_000_000UL)]
    [InlineData(150_000_000_000UL, 100_000_000_000UL, 100_000_000_000UL, 100_000_000_000UL, 500_000_000UL, 80_000_000_000UL, 1_000_000UL)]
    [InlineData(150_000_000_000UL, 100_000_000_000UL, 100_000_000_000UL, 100_000_000_000UL, 750_000_000UL, 40_000_000_000UL, 1_000_000UL)]
    [InlineData(150_000_000_000UL, 100_000_000_000UL, 100_000_000_000UL, 100_000_000_000UL, 1_000_000_000UL, 20_000_000_000UL, 1_000UL)]
    [InlineData(150_000_000_000UL, 100_000_000_000UL, 100_000_000_000UL, 100_000_000_000UL, 1_250_000_000UL, 8_000_000_000UL, 1_000UL)]
    [InlineData(150_000_000_000UL, 100_000_000_000UL, 100_000_000_000UL, 100_000_000_000UL, 1_499_999_999UL, 27UL, 1UL)]
    [InlineData(150_000_000_000UL, 100_000_000_000UL, 100_000_000_000UL, 100_000_000_000UL, 1_500_000_000UL, 0UL, 1UL)]
    [InlineData(150_000_000_000UL, 100_000_000_000UL, 100_000_000_000UL, 100_000_000_000UL, 1_500_000_001UL, 0UL, 1UL)]
    [InlineData(150_000_000_000UL, 100_000_000_000UL, 100_000_000_000UL, 100_000_000_000UL, 2_000_000_000UL, 0UL, 1UL)]
    [InlineData(150_000_000_000UL, 100_000_000_000UL, 100_000_000_000UL, 100_000_000_000UL, ulong.MaxValue, 0UL, 1UL)]
    [InlineData(100_000_000_000UL, 200_000_000_000UL, 300_000_000_000UL, 400_000_000_000UL, 500_000_000UL, 50_000_000_000UL, 1_000UL)]
    [InlineData(1_000_000_000UL, 1_000_000_000UL, 1_000_000_000UL, 1_000_000_000UL, 1UL, 499_999_999_500_000_000UL, 100_000_000UL)]
    [InlineData(1_000_000UL, 1_000_000UL, 21_000_000_000_000_000UL, 1_000_000_000_000_000_000UL, 1UL, 48_000_000_000_000_000UL, 1_000_000_000_000_000UL)]
    [InlineData(1_000_000UL, 1_000_000UL, 21_000_000_000_000_000UL, 1_000_000_000_000_000_000UL, ulong.MaxValue, 0UL, 1UL)]
    public void Max_amount_move_dynamic_dynamic(ulong tao1, ulong alpha1, ulong tao2, ulong alpha2, ulong limit, ulong expected, ulong tolerance)
    {
        var (c, a, b) = Setup.Value;
        lock (c)
        {
            c.St.SubnetTAO.Insert(c.State, a, tao1);
            c.St.SubnetAlphaIn.Insert(c.State, a, alpha1);
            c.St.SubnetTAO.Insert(c.State, b, tao2);
            c.St.SubnetAlphaIn.Insert(c.State, b, alpha2);
            var got = c.St.MaxAmountMove(c.State, a, b, limit);
            Assert.True((got > expected ? got - expected : expected - got) <= tolerance, $"got {got}, expected {expected} ± {tolerance}");
        }
    }
}
