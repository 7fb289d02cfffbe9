using Subtensor.Runtime.Framework.Dispatch;
using Subtensor.Runtime.Primitives;
using Subtensor.Runtime.Tests.Support;

namespace Subtensor.Runtime.Tests;

public class SmokeTests
{
    [Fact]
    public void Transfer_in_a_block_moves_funds_and_emits_events()
    {
        var chain = new TestChain();
        chain.StartBlock();
        var bob = TestChain.Account("Bob");
        var aliceBefore = chain.Free("Alice");
        var bobBefore = chain.Free("Bob");
        var call = TestChain.Runtime.Balances.TransferKeepAlive.Create(MultiAddress.FromId(bob), 1_000_000_000UL);
        var r = chain.Apply(chain.Sign(call, "Alice"));
        Assert.True(r.IsSuccess, r.ToString());
        Assert.Equal(bobBefore + 1_000_000_000UL, chain.Free("Bob"));
        Assert.True(chain.Free("Alice") < aliceBefore - 1_000_000_000UL);
        var names = chain.Events().Select(e => e.Name).ToList();
        Assert.Contains("Balances.Transfer", names);
        Assert.Contains("System.ExtrinsicSuccess", names);
        var header = chain.FinishBlock();
        Assert.Equal(1u, header.Number);
    }
}
