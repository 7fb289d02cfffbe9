using Subtensor.Core.Types;
using Subtensor.Runtime.Extrinsics;
using Subtensor.Runtime.Framework;
using Subtensor.Runtime.Pallets.SubtensorModule;
using Subtensor.Runtime.State;
using Subtensor.Runtime.Tests.Support;

namespace Subtensor.Runtime.Tests.Pallets.SubtensorModule;

/// <summary>set_weights checks in Subtensor's order, commit-reveal v2, the batch calls, and fee-less submission.</summary>
public class WeightsTests
{
    private static AccountId32 A(string s) => EconomyChain.Acc(s);

    private static Hash256 RootOf(EconomyChain c) => c.State.Root(StateVersion.V1);

    [Fact]
    public void Bad_inputs_fail_with_subtensors_errors_and_leave_state_unchanged()
    {
        var c = new EconomyChain();
        var n = EpochScenarioTests.FreshSubnet(c);
        EpochScenarioTests.RunUntilEpoch(c, n);
        c.St.MinAllowedWeights.Insert(c.State, n, 2);
        ushort[] m = [3, 4, 5];

        void Fails(string signer, RuntimeCall call, SubtensorError e)
        {
            var before = RootOf(c);
            Assert.Equal(c.Error(e), c.Do(signer, call).Error);
            Assert.Equal(before, RootOf(c));
        }

        RuntimeCall Set(ushort[] uids, ushort[] values, ulong version = 0, ushort net = 0) => c.Call("set_weights", net == 0 ? n : net, uids, values, version);

        c.St.CommitRevealWeightsEnabled.Insert(c.State, 0, false);
        Fails("V1Hot", c.Call("set_weights", (ushort)0, m, new ushort[] { 1, 1, 1 }, 0UL), SubtensorError.CanNotSetRootNetworkWeights);
        Fails("V1Hot", Set(m, [1, 1]), SubtensorError.WeightVecNotEqualSize);
        Fails("V1Hot", Set([0, 1, 2, 3, 4, 5, 5], [1, 1, 1, 1, 1, 1, 1]), SubtensorError.UidsLengthExceedUidsInSubNet);
        Fails("Nobody", Set(m, [1, 1, 1]), SubtensorError.HotKeyNotRegisteredInSubNet);
        c.St.WeightsVersionKey.Insert(c.State, n, 5);
        Fails("V1Hot", Set(m, [1, 1, 1], version: 4), SubtensorError.IncorrectWeightVersionKey);
        c.St.WeightsVersionKey.Insert(c.State, n, 0);
        Fails("M1Hot", Set(m, [1, 1, 1]), SubtensorError.NeuronNoValidatorPermit);
        Fails("V1Hot", Set([3, 3], [1, 1]), SubtensorError.DuplicateUids);
        Fails("V1Hot", Set([3, 9], [1, 1]), SubtensorError.UidVecContainInvalidOne);
        Fails("V1Hot", Set([3], [1]), SubtensorError.WeightVecLengthIsLow);
        c.St.StakeThreshold.Put(c.State, ulong.MaxValue);
        Fails("V1Hot", Set(m, [1, 1, 1]), SubtensorError.NotEnoughStakeToSetWeights);
        c.St.StakeThreshold.Put(c.State, 0);
        c.St.MaxWeightsLimit.Insert(c.State, n, 30_000);
        Fails("V1Hot", Set(m, [1, 1, 5]), SubtensorError.MaxWeightExceeded);
        c.St.MaxWeightsLimit.Insert(c.State, n, ushort.MaxValue);

        // Max-upscaled on storage; LastUpdate and the event are written.
        c.Ok("V1Hot", Set([3, 4], [1, 2]));
        Assert.Equal([((ushort)3, (ushort)32_768), ((ushort)4, (ushort)65_535)], c.St.Weights.Get(c.State, n, 1));
        Assert.Equal(c.Block, c.St.LastUpdate.Get(c.State, n)[1]);
        Assert.Equal([n, (ushort)1], c.EventsOf(SubtensorEvent.WeightsSet).Single().Fields);

        // Too fast under a rate limit; a miner without permit may still set a single self weight.
        c.St.WeightsSetRateLimit.Insert(c.State, n, 100);
        Fails("V1Hot", Set(m, [1, 1, 1]), SubtensorError.SettingWeightsTooFast);
        c.St.WeightsSetRateLimit.Insert(c.State, n, 0);
        c.Ok("M1Hot", Set([3], [7]));

        // Mechanisms must exist.
        Fails("V1Hot", c.Call("set_mechanism_weights", n, (byte)1, m, new ushort[] { 1, 1, 1 }, 0UL), SubtensorError.MechanismDoesNotExist);

        // With commit-reveal on (the default) set_weights is refused.
        c.St.CommitRevealWeightsEnabled.Insert(c.State, n, true);
        Fails("V1Hot", Set(m, [1, 1, 1]), SubtensorError.CommitRevealEnabled);
    }

    [Fact]
    public void Commit_then_reveal_in_the_next_epoch_sets_weights_and_a_wrong_salt_is_rejected()
    {
        var c = new EconomyChain();
        var n = EpochScenarioTests.FreshSubnet(c);
        EpochScenarioTests.RunUntilEpoch(c, n);
        c.St.CommitRevealWeightsEnabled.Insert(c.State, n, true);
        ushort[] uids = [3, 4, 5];
        ushort[] values = [10, 20, 30];
        ushort[] salt = [1, 2, 3, 4];
        var hash = SubtensorModulePallet.CommitHash(A("V1Hot"), n, uids, values, salt, 0);

        Assert.Equal(c.Error(SubtensorError.NoWeightsCommitFound), c.Do("V1Hot", c.Call("reveal_weights", n, uids, values, salt, 0UL)).Error);
        c.Ok("V1Hot", c.Call("commit_weights", n, hash));
        Assert.Equal([A("V1Hot"), n, hash], c.EventsOf(SubtensorEvent.WeightsCommitted).Single().Fields);
        Assert.Equal(c.Block, c.St.LastUpdate.Get(c.State, n)[1]);
        Assert.Equal(c.Error(SubtensorError.RevealTooEarly), c.Do("V1Hot", c.Call("reveal_weights", n, uids, values, salt, 0UL)).Error);

        EpochScenarioTests.RunUntilEpoch(c, n);
        var before = RootOf(c);
        Assert.Equal(c.Error(SubtensorError.InvalidRevealCommitHashNotMatch), c.Do("V1Hot", c.Call("reveal_weights", n, uids, values, new ushort[] { 9 }, 0UL)).Error);
        Assert.Equal(before, RootOf(c));
        Assert.Empty(c.St.Weights.Get(c.State, n, 1));

        c.Ok("V1Hot", c.Call("reveal_weights", n, uids, values, salt, 0UL));
        Assert.Equal([((ushort)3, (ushort)21_845), ((ushort)4, (ushort)43_690), ((ushort)5, (ushort)65_535)], c.St.Weights.Get(c.State, n, 1));
        Assert.Equal([A("V1Hot"), n, hash], c.EventsOf(SubtensorEvent.WeightsRevealed).Single().Fields);
        Assert.Equal(c.Error(SubtensorError.NoWeightsCommitFound), c.Do("V1Hot", c.Call("reveal_weights", n, uids, values, salt, 0UL)).Error);

        // A commit left unrevealed past its reveal epoch expires.
        c.Ok("V2Hot", c.Call("commit_weights", n, SubtensorModulePallet.CommitHash(A("V2Hot"), n, uids, values, salt, 0)));
        EpochScenarioTests.RunUntilEpoch(c, n);
        EpochScenarioTests.RunUntilEpoch(c, n);
        Assert.Equal(c.Error(SubtensorError.ExpiredWeightCommit), c.Do("V2Hot", c.Call("reveal_weights", n, uids, values, salt, 0UL)).Error);
    }

    [Fact]
    public void Unrevealed_commits_are_capped_and_time_locked_commits_are_refused()
    {
        var c = new EconomyChain();
        var n = EpochScenarioTests.FreshSubnet(c);
        c.St.CommitRevealWeightsEnabled.Insert(c.State, n, true);
        for (var i = 0; i < SubtensorModulePallet.MaxUnrevealedCommits; i++)
        {
            c.Ok("V1Hot", c.Call("commit_weights", n, SubtensorModulePallet.CommitHash(A("V1Hot"), n, [3], [1], [(ushort)i], 0)));
        }

        Assert.Equal(c.Error(SubtensorError.TooManyUnrevealedCommits),
            c.Do("V1Hot", c.Call("commit_weights", n, SubtensorModulePallet.CommitHash(A("V1Hot"), n, [3], [1], [99], 0))).Error);
        c.St.WeightsSetRateLimit.Insert(c.State, n, 100);
        Assert.Equal(c.Error(SubtensorError.CommittingWeightsTooFast),
            c.Do("V2Hot", c.Call("commit_weights", n, SubtensorModulePallet.CommitHash(A("V2Hot"), n, [3], [1], [1], 0))).Error);
        Assert.Equal(c.Error(SubtensorError.IncorrectCommitRevealVersion),
            c.Do("V2Hot", c.Call("commit_timelocked_weights", n, new byte[] { 1, 2, 3 }, 1UL, (ushort)4)).Error);
        c.St.CommitRevealWeightsEnabled.Insert(c.State, n, false);
        Assert.Equal(c.Error(SubtensorError.CommitRevealDisabled),
            c.Do("V2Hot", c.Call("commit_weights", n, Hash256.Zero)).Error);
    }

    [Fact]
    public void Batch_set_weights_applies_good_items_and_reports_failed_ones()
    {
        var c = new EconomyChain();
        var n = EpochScenarioTests.FreshSubnet(c);
        EpochScenarioTests.RunUntilEpoch(c, n);
        var good = new[] { ((ushort)3, (ushort)1), ((ushort)4, (ushort)1) };
        var bad = new[] { ((ushort)3, (ushort)1), ((ushort)3, (ushort)1) };
        c.Ok("V1Hot", c.Call("batch_set_weights", new[] { n, (ushort)1 }, new[] { good, bad }, new ulong[] { 0, 0 }));
        Assert.Equal(2, c.St.Weights.Get(c.State, n, 1).Length);
        Assert.Single(c.EventsOf(SubtensorEvent.BatchWeightItemFailed));
        Assert.Single(c.EventsOf(SubtensorEvent.BatchCompletedWithErrors));
        Assert.Empty(c.EventsOf(SubtensorEvent.BatchWeightsCompleted));
    }

    [Fact]
    public void Set_weights_pays_no_fee_so_a_hotkey_without_free_balance_can_submit_it()
    {
        var c = new EconomyChain();
        var n = EpochScenarioTests.FreshSubnet(c);
        EpochScenarioTests.RunUntilEpoch(c, n);
        Assert.Equal(0UL, c.Chain.Free("V1Hot"));
        var r = c.Submit("V1Hot", c.Call("set_weights", n, new ushort[] { 3, 4, 5 }, new ushort[] { 1, 2, 3 }, 0UL));
        Assert.True(r.IsIncluded && r.IsSuccess, r.ToString());
        Assert.Equal(0UL, c.Chain.Free("V1Hot"));
        Assert.Equal(3, c.St.Weights.Get(c.State, n, 1).Length);
    }
}
