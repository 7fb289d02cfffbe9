using Subtensor.Core.Arithmetic;
using Subtensor.Economics.Epoch;

namespace Subtensor.Economics.Tests.Epoch;

/// <summary>
/// Yuma3 (digest §1.2 step 13) on small hand-computed cases; Subtensor's own Yuma3 scenario tables are held back as an
/// independent acceptance check, so these expectations are derived by hand from the formulas.
/// </summary>
public sealed class Yuma3Tests
{
    private const ulong Emission = 1_000_000_000;

    private static EpochInput Input(ulong[] stake, (ushort, ushort)[][] weights, (ushort, ushort)[][]? bonds = null, bool liquidAlpha = false) => new()
    {
        SubnetworkN = stake.Length,
        CurrentBlock = 100,
        Tempo = 10,
        LastUpdate = Enumerable.Repeat(99UL, stake.Length).ToArray(),
        BlockAtRegistration = new ulong[stake.Length],
        AlphaStake = stake,
        TaoWeight = 0,
        ValidatorPermit = stake.Select(s => s > 0).ToArray(),
        Weights = weights,
        Bonds = bonds ?? [],
        Yuma3On = true,
        LastMechanismStepBlock = 90,
        BondsParameters = new BondsParameters { LiquidAlphaOn = liquidAlpha },
        RaoEmission = Emission,
    };

    [Fact]
    public void Two_equal_validators_on_one_miner_split_dividends_and_bond_at_alpha()
    {
        // W = 1 on the miner for both; C = 1; I_miner = 1; B = 0.1·1 (α = 1 − 0.9); B̂ = ½ each; D ∝ ½·S = ½ each.
        // Emission: I sums to 1 and D sums to 1 ⇒ miner ½E, each validator ¼E.
        var output = YumaEpoch.Run(Input([1, 1, 0], [[(2, 65535)], [(2, 65535)], []]));
        Assert.Equal([0UL, 0UL, 500_000_000UL], output.ServerEmission);
        Assert.Equal([250_000_000UL, 250_000_000UL, 0UL], output.ValidatorEmission);
        Assert.Equal([0, 0, 65535], output.Consensus);
        Assert.Equal([0, 0, 65535], output.Incentive);
        Assert.Equal([32767, 32767, 0], output.Dividends);

        // stored Yuma3 bond = floor(B × 65535) with B = α = 1 − floor-converted 0.9 (raw 429_496_730 / 2^32)
        ushort expected = (ushort)((429_496_730UL * 65_535) >> 32);
        Assert.Equal(6_553, expected);
        Assert.Equal([(2, expected)], output.Bonds[0]);
        Assert.Equal([(2, expected)], output.Bonds[1]);
        Assert.Empty(output.Bonds[2]);
    }

    [Fact]
    public void Minority_weight_is_clipped_away_and_earns_no_bond()
    {
        // A (70 %) weights miner 3, B (30 %) weights miner 4. Consensus: miner 3 → 1, miner 4 → 0 (30 % < κ).
        // B's weight is clipped out, so B gets no bond, no trust, no dividends.
        var output = YumaEpoch.Run(Input([7, 3, 0, 0, 0], [[(3, 65535)], [(4, 65535)], [], [], []]));
        Assert.Equal([0, 0, 0, 65535, 0], output.Consensus);
        Assert.Equal([65535, 0, 0, 0, 0], output.ValidatorTrust);
        Assert.Equal([0, 0, 0, 65535, 0], output.Incentive);
        Assert.Equal([65535, 0, 0, 0, 0], output.Dividends);
        Assert.Equal([0UL, 0, 0, 500_000_000, 0], output.ServerEmission);
        Assert.Equal([500_000_000UL, 0, 0, 0, 0], output.ValidatorEmission);
        Assert.NotEmpty(output.Bonds[0]);
        Assert.Empty(output.Bonds[1]);
    }

    [Fact]
    public void Bonds_grow_towards_the_weight_as_one_minus_0_9_to_the_k()
    {
        // repeated epochs with constant weights: B_k = 0.1 + 0.9·B_{k−1} (through the u16 round trip) → 1 − 0.9^k
        (ushort, ushort)[][] bonds = [];
        var previous = 0;
        for (int k = 1; k <= 30; k++)
        {
            var output = YumaEpoch.Run(Input([1, 1, 0], [[(2, 65535)], [(2, 65535)], []], bonds));
            bonds = output.Bonds;
            int b = bonds[0].Single().Item2;
            Assert.True(b > previous);
            Assert.Equal(b, bonds[1].Single().Item2);

            // |b − 65535·(1 − 0.9^k)| ≤ k + 1 (one u16 floor per epoch)
            var ideal = 65535 - (65535 * System.Numerics.BigInteger.Pow(9, k) / System.Numerics.BigInteger.Pow(10, k));
            Assert.InRange((System.Numerics.BigInteger)b, ideal - k - 1, ideal + 1);
            previous = b;
        }
    }

    [Fact]
    public void Liquid_alpha_sigmoid_stays_in_bounds_and_grows_with_the_gap()
    {
        var (low, high) = LiquidAlpha.AlphaValues(45_875, 58_982);
        var steep = LiquidAlpha.Steepness(1000);
        var half = I32F32.FromBits(1L << 31);

        // σ(−5) = 1/(1 + e^5) = 0.0066928509…
        long offset = (long)((Int128)(high - low).Bits * 66_928_509 / 10_000_000_000);

        // no gap (w = c = b): α = lo + σ(−5)·(hi − lo)
        var flat = LiquidAlpha.AlphaSigmoid(half, half, half, low, high, steep);
        Assert.InRange(flat.Bits - low.Bits - offset, -2000, 2000);

        // full gap: α = lo + σ(5)·(hi − lo) = hi − σ(−5)·(hi − lo)
        var full = LiquidAlpha.AlphaSigmoid(I32F32.Zero, I32F32.One, I32F32.Zero, low, high, steep);
        Assert.InRange(high.Bits - full.Bits - offset, -2000, 2000);

        // monotone in the buy gap, always within [lo, hi]
        var last = I32F32.Zero;
        for (int i = 0; i <= 100; i++)
        {
            var w = I32F32.FromBits((1L << 32) * i / 100);
            var alpha = LiquidAlpha.AlphaSigmoid(I32F32.Zero, w, I32F32.Zero, low, high, steep);
            Assert.True(alpha >= low && alpha <= high);
            Assert.True(alpha >= last);
            last = alpha;
        }
    }

    [Fact]
    public void Liquid_alpha_drops_bonds_to_omitted_miners_but_keeps_explicit_zero_weights()
    {
        // Quirk (digest §8.1): the sparse liquid-alpha EMA emits only columns present in the new weight row.
        (ushort, ushort)[][] priorBonds = [[(2, 30000), (3, 30000)], [(2, 30000)], [], []];
        var omitted = YumaEpoch.Run(Input([1, 1, 0, 0], [[(2, 65535)], [(2, 65535)], [], []], priorBonds, liquidAlpha: true));
        Assert.DoesNotContain(omitted.Bonds[0], e => e.Item1 == 3);

        var explicitZero = YumaEpoch.Run(Input([1, 1, 0, 0], [[(2, 65535), (3, 0)], [(2, 65535)], [], []], priorBonds, liquidAlpha: true));
        var kept = explicitZero.Bonds[0].Single(e => e.Item1 == 3).Item2;
        Assert.InRange(kept, (ushort)1, (ushort)29_999);

        // without liquid alpha the omitted bond decays instead (mat_ema_sparse keeps the old entry)
        var fixedAlpha = YumaEpoch.Run(Input([1, 1, 0, 0], [[(2, 65535)], [(2, 65535)], [], []], priorBonds));
        Assert.InRange(fixedAlpha.Bonds[0].Single(e => e.Item1 == 3).Item2, (ushort)26_999, (ushort)27_000);
    }

    [Fact]
    public void Bonds_of_recently_registered_miners_are_masked()
    {
        // miner 2 (re)registered at block 95 ≥ last tempo (LastMechansimStepBlock + 1 = 91): its old bonds are dropped
        var input = Input([1, 1, 0], [[(2, 65535)], [(2, 65535)], []], [[(2, 60000)], [(2, 60000)], []]) with
        {
            BlockAtRegistration = [0, 0, 95],
        };
        var masked = YumaEpoch.Run(input);
        var fresh = YumaEpoch.Run(Input([1, 1, 0], [[(2, 65535)], [(2, 65535)], []]));
        Assert.Equal(fresh.Bonds[0], masked.Bonds[0]);
    }
}
