using System.Numerics;
using Subtensor.Core.Arithmetic;
using Subtensor.Core.Scale;

namespace Subtensor.Core.Tests.Arithmetic;

public sealed class PerquintillTests
{
    [Fact]
    public void From_rational_rounds_down_and_saturates_to_one()
    {
        Assert.Equal(500_000_000_000_000_000UL, Perquintill.FromRational(1, 2).Parts);
        Assert.Equal(333_333_333_333_333_333UL, Perquintill.FromRational(1, 3).Parts);
        Assert.Equal(666_666_666_666_666_666UL, Perquintill.FromRational(2, 3).Parts);
        Assert.Equal(Perquintill.One, Perquintill.FromRational(3, 2));
        Assert.Equal(Perquintill.One, Perquintill.FromRational(1, 0));
        Assert.Equal(Perquintill.Zero, Perquintill.FromRational(0, 5));
        Assert.Equal(Perquintill.One, Perquintill.FromParts(ulong.MaxValue));

        var random = new Random(51);
        for (int i = 0; i < 5000; i++)
        {
            var q = (UInt128)(ulong)random.NextInt64(1, long.MaxValue) << random.Next(0, 60);
            var p = q >> random.Next(0, 100);
            var expected = (BigInteger)p * Perquintill.Accuracy / (BigInteger)q;
            Assert.Equal((ulong)expected, Perquintill.FromRational(p, q).Parts);
        }
    }

    [Fact]
    public void Scale_round_trip_and_rejects_values_above_one()
    {
        var writer = new ScaleWriter();
        Perquintill.FromParts(123).EncodeTo(writer);
        Assert.Equal(new byte[] { 123, 0, 0, 0, 0, 0, 0, 0 }, writer.ToArray());

        var tooBig = new ScaleWriter().WriteU64(Perquintill.Accuracy + 1).ToArray();
        Assert.Throws<ScaleDecodeException>(() =>
        {
            var reader = new ScaleReader(tooBig);
            return Perquintill.DecodeFrom(ref reader);
        });
    }
}
