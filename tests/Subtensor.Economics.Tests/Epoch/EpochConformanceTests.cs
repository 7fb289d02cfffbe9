using Subtensor.Economics.Epoch;

namespace Subtensor.Economics.Tests.Epoch;

/// <summary>
/// Subtensor's epoch unit tests (<c>pallets/subtensor/src/tests/epoch.rs</c>, digest §6.1–6.2) replayed through the pure
/// epoch with the mock runtime's parameters (TaoWeight 0, StakeThreshold 0, tempo 1, Yuma3 and commit-reveal off).
/// </summary>
public sealed class EpochConformanceTests
{
    private const ulong Emission = 1_000_000_000;

    [Fact]
    public void Test_bonds_original_yuma_over_eight_epochs()
    {
        // 8 UIDs registered at block 1; validators 0-3 with alpha stake 1..4 RAO, servers 4-7 with none
        var sim = new SubnetEpochSimulation(8, [1, 2, 3, 4, 0, 0, 0, 0], registrationBlock: 1);
        sim.RunEpoch(Emission); // first epoch only issues validator permits
        sim.Block = 2;
        for (int uid = 0; uid < 4; uid++)
        {
            sim.SetWeights(uid, [4, 5, 6, 7], [ushort.MaxValue / 4, ushort.MaxValue / 2, (ushort.MaxValue / 4) * 3, ushort.MaxValue]);
        }

        sim.RunEpoch(Emission);
        AssertColumn(sim, 4, 16383, 32767, 49151, 65535);

        // validator 0 keeps only a self-weight (masked)
        sim.SetWeights(0, [0], [ushort.MaxValue]);
        sim.Block = 3;
        sim.RunEpoch(Emission);
        AssertColumn(sim, 4, 14582, 32767, 49151, 65535);

        sim.SetWeights(1, [1], [ushort.MaxValue]);
        sim.Block = 4;
        sim.RunEpoch(Emission);
        AssertColumn(sim, 4, 12603, 28321, 49151, 65535);

        // only validator 3 (40 % < kappa) weights servers: consensus 0, everything clipped
        sim.SetWeights(2, [2], [ushort.MaxValue]);
        sim.Block = 5;
        var epoch5 = sim.RunEpoch(Emission);
        AssertColumn(sim, 7, 12602, 28320, 49150, 65535);
        Assert.All(epoch5.Incentive, i => Assert.Equal(0, i));
        Assert.All(epoch5.Dividends, d => Assert.Equal(0, d));

        // validator 2 puts everything on server 7
        sim.SetWeights(2, [7], [ushort.MaxValue]);
        sim.Block = 6;
        var epoch6 = sim.RunEpoch(Emission);
        AssertColumn(sim, 7, 10951, 24609, 49150, 65535);
        Assert.Equal(ushort.MaxValue, epoch6.Incentive[7]);

        sim.Block = 7;
        sim.RunEpoch(Emission);
        AssertColumn(sim, 7, 9559, 21482, 49150, 65535);

        sim.Block = 8;
        sim.RunEpoch(Emission);
        AssertColumn(sim, 7, 8376, 18824, 49150, 65535);
    }

    [Fact]
    public void Test_bonds_logged_emissions()
    {
        // The emission vectors Subtensor's test logs (not asserted there) for the first weighted epoch and the
        // all-clipped epoch; checked here against the same replay.
        var sim = new SubnetEpochSimulation(8, [1, 2, 3, 4, 0, 0, 0, 0], registrationBlock: 1);
        sim.RunEpoch(Emission);
        sim.Block = 2;
        for (int uid = 0; uid < 4; uid++)
        {
            sim.SetWeights(uid, [4, 5, 6, 7], [ushort.MaxValue / 4, ushort.MaxValue / 2, (ushort.MaxValue / 4) * 3, ushort.MaxValue]);
        }

        var first = sim.RunEpoch(Emission);
        Assert.Equal(
            [49_999_998UL, 99_999_999, 150_000_000, 200_000_001, 49_998_779, 100_000_610, 149_996_337, 200_004_272],
            first.ServerEmission.Zip(first.ValidatorEmission, (s, v) => s + v).ToArray());

        sim.SetWeights(0, [0], [ushort.MaxValue]);
        sim.Block = 3;
        sim.RunEpoch(Emission);
        sim.SetWeights(1, [1], [ushort.MaxValue]);
        sim.Block = 4;
        sim.RunEpoch(Emission);
        sim.SetWeights(2, [2], [ushort.MaxValue]);
        sim.Block = 5;
        var clipped = sim.RunEpoch(Emission);
        Assert.Equal([99_999_999UL, 199_999_999, 299_999_999, 399_999_999, 0, 0, 0, 0], clipped.ValidatorEmission);
        Assert.All(clipped.ServerEmission, e => Assert.Equal(0UL, e));
    }

    [Fact]
    public void Test_10_graph_self_weights_fall_back_to_stake()
    {
        // 10 UIDs, 1 RAO stake each, self-weights only, no permits yet
        var sim = new SubnetEpochSimulation(10, Enumerable.Repeat(1UL, 10).ToArray(), registrationBlock: 0);
        sim.Block = 1;
        for (int uid = 0; uid < 10; uid++)
        {
            sim.SetWeights(uid, [(ushort)uid], [ushort.MaxValue]);
        }

        var output = sim.RunEpoch(Emission);
        for (int uid = 0; uid < 10; uid++)
        {
            Assert.Equal(99_999_999UL, output.Emission[uid]);
            Assert.Equal(0, output.Consensus[uid]);
            Assert.Equal(0, output.Incentive[uid]);
            Assert.Equal(0, output.Dividends[uid]);
        }
    }

    private static void AssertColumn(SubnetEpochSimulation sim, int column, params ushort[] expected)
    {
        var actual = Enumerable.Range(0, expected.Length).Select(i => sim.Bond(i, column)).ToArray();
        Assert.Equal(expected, actual);
    }
}
