using Subtensor.Runtime.Framework;
using Subtensor.Runtime.Framework.Dispatch;
using Subtensor.Runtime.Primitives;
using Subtensor.Runtime.Tests.Support;

namespace Subtensor.Runtime.Tests.Pallets;

public class UtilityTests
{
    private static readonly SubtensorRuntime Rt = TestChain.Runtime;

    private static RuntimeCall Transfer(string to, ulong amount) =>
        Rt.Balances.TransferAllowDeath.Create(MultiAddress.FromId(TestChain.Account(to)), amount);

    private static RuntimeCall Remark() => Rt.System.Remark.Create(new byte[] { 1, 2, 3 });

    private static (TestChain, Origin) Setup()
    {
        var chain = new TestChain();
        chain.StartBlock();
        return (chain, Origin.Signed(TestChain.Account("Alice")));
    }

    [Fact]
    public void Batch_all_rolls_back_every_call_when_one_fails()
    {
        var (chain, alice) = Setup();
        var bobBefore = chain.Free("Bob");
        var call = Rt.Utility.BatchAll.Create((object)new[] { Transfer("Bob", 1_000_000), Transfer("Bob", 2_000_000_000_000_000) });
        var r = Rt.Dispatch(chain.State, call, alice, false);
        Assert.Equal(DispatchError.Token(TokenError.FundsUnavailable), r.Error);
        Assert.Equal(bobBefore, chain.Free("Bob"));
        Assert.DoesNotContain(chain.Events(), e => e.Pallet == Rt.Utility);
    }

    [Fact]
    public void Batch_stops_at_the_first_failure_and_keeps_earlier_calls()
    {
        var (chain, alice) = Setup();
        var bobBefore = chain.Free("Bob");
        var call = Rt.Utility.Batch.Create((object)new[] { Transfer("Bob", 1_000_000), Transfer("Bob", 2_000_000_000_000_000), Transfer("Bob", 5) });
        var r = Rt.Dispatch(chain.State, call, alice, false);
        Assert.True(r.IsOk);
        Assert.Equal(bobBefore + 1_000_000, chain.Free("Bob"));
        var interrupted = chain.Events().Single(e => e.Name == "Utility.BatchInterrupted");
        Assert.Equal(1u, interrupted.Field<uint>("index"));
        Assert.Equal(DispatchError.Token(TokenError.FundsUnavailable), interrupted.Field<DispatchError>("error"));
        Assert.DoesNotContain(chain.Events(), e => e.Name == "Utility.BatchCompleted");
    }

    [Fact]
    public void Force_batch_continues_past_failures()
    {
        var (chain, alice) = Setup();
        var bobBefore = chain.Free("Bob");
        var call = Rt.Utility.ForceBatch.Create((object)new[] { Transfer("Bob", 10_000), Transfer("Bob", 2_000_000_000_000_000), Transfer("Bob", 20_000) });
        Assert.True(Rt.Dispatch(chain.State, call, alice, false).IsOk);
        Assert.Equal(bobBefore + 30_000, chain.Free("Bob"));
        var names = chain.Events().Select(e => e.Name).ToList();
        Assert.Single(names, n => n == "Utility.ItemFailed");
        Assert.Equal(2, names.Count(n => n == "Utility.ItemCompleted"));
        Assert.Contains("Utility.BatchCompletedWithErrors", names);
    }

    [Fact]
    public void Nested_batches_are_filtered_for_signed_origins_but_not_for_root()
    {
        var (chain, alice) = Setup();
        var nested = Rt.Utility.Batch.Create((object)new[] { Rt.Utility.Batch.Create((object)new[] { Remark() }) });
        Assert.Equal(Rt.System.CallFilteredError.Error, Rt.Dispatch(chain.State, nested, alice, false).Error);
        Assert.True(Rt.Dispatch(chain.State, nested, Origin.Root, false).IsOk);
    }

    [Fact]
    public void Batch_weight_is_the_inner_weights_plus_its_own()
    {
        var inner = new[] { Transfer("Bob", 1), Remark() };
        var info = Rt.Utility.Batch.Create((object)inner).Info;
        var innerTotal = inner.Aggregate(Weight.Zero, (w, c) => w.SaturatingAdd(c.Info.CallWeight));
        Assert.True(info.CallWeight > innerTotal);
        Assert.Equal(DispatchClass.Normal, info.Class);
    }

    [Fact]
    public void Too_many_calls_are_refused()
    {
        var (chain, alice) = Setup();
        var calls = Enumerable.Repeat(Remark(), (int)Pallets_Utility_Limit + 1).ToArray();
        var r = Rt.Dispatch(chain.State, Rt.Utility.Batch.Create((object)calls), alice, false);
        Assert.Equal(Rt.Utility.TooManyCallsError.Error, r.Error);
    }

    private const uint Pallets_Utility_Limit = Subtensor.Runtime.Pallets.Utility.UtilityPallet.BatchedCallsLimit;
}
