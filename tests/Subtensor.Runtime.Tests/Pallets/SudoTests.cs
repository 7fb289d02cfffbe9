using Subtensor.Core.Types;
using Subtensor.Runtime.Extrinsics;
using Subtensor.Runtime.Framework.Dispatch;
using Subtensor.Runtime.Primitives;
using Subtensor.Runtime.Tests.Support;

namespace Subtensor.Runtime.Tests.Pallets;

public class SudoTests
{
    private static readonly SubtensorRuntime Rt = TestChain.Runtime;

    [Fact]
    public void Sudo_key_dispatches_as_root_and_pays_no_fee()
    {
        var chain = new TestChain();
        chain.StartBlock();
        var inner = Rt.Balances.ForceSetBalance.Create(MultiAddress.FromId(TestChain.Account("Zed")), 9_000UL);
        var aliceBefore = chain.Free("Alice");
        var r = chain.Apply(chain.Sign(Rt.Sudo.SudoCall.Create(inner), "Alice"));
        Assert.True(r.IsSuccess, r.ToString());
        Assert.Equal(9_000UL, chain.Free("Zed"));
        var sudid = chain.Events().Single(e => e.Name == "Sudo.Sudid");
        Assert.Null(sudid.Field<DispatchError?>("sudo_result"));
        Assert.Equal(aliceBefore, chain.Free("Alice"));
        var success = chain.Events().Last(e => e.Name == "System.ExtrinsicSuccess");
        Assert.Equal(Pays.No, success.Field<Subtensor.Runtime.Pallets.FrameSystem.DispatchEventInfo>("dispatch_info").PaysFee);
    }

    [Fact]
    public void Non_sudo_signer_is_refused_by_the_transaction_extension()
    {
        var chain = new TestChain();
        chain.StartBlock();
        var inner = Rt.Balances.ForceSetBalance.Create(MultiAddress.FromId(TestChain.Account("Bob")), 1UL);
        var r = chain.Apply(chain.Sign(Rt.Sudo.SudoCall.Create(inner), "Bob"));
        Assert.Equal(TransactionValidityError.BadSigner, r.Invalid);
        Assert.Equal(0u, Rt.System.AccountNonce(chain.State, TestChain.Account("Bob")));
    }

    [Fact]
    public void Non_sudo_origin_is_refused_by_the_pallet()
    {
        var chain = new TestChain();
        chain.StartBlock();
        var call = Rt.Sudo.SudoCall.Create(Rt.System.Remark.Create(Array.Empty<byte>()));
        var r = Rt.Dispatch(chain.State, call, Origin.Signed(TestChain.Account("Bob")), false);
        Assert.Equal(Rt.Sudo.RequireSudoError.Error, r.Error);
        Assert.Equal(DispatchError.Module(12, 0), r.Error);
    }

    [Fact]
    public void Set_key_hands_over_and_sudo_as_dispatches_as_the_account()
    {
        var chain = new TestChain();
        chain.StartBlock();
        var alice = Origin.Signed(TestChain.Account("Alice"));
        var bob = TestChain.Account("Bob");
        var asBob = Rt.Sudo.SudoAsCall.Create(MultiAddress.FromId(bob), Rt.Balances.TransferAllowDeath.Create(MultiAddress.FromId(TestChain.Account("Zed")), 1_000UL));
        Assert.True(Rt.Dispatch(chain.State, asBob, alice, false).IsOk);
        Assert.Equal(1_000UL, chain.Free("Zed"));
        Assert.True(Rt.Dispatch(chain.State, Rt.Sudo.SetKeyCall.Create(MultiAddress.FromId(bob)), alice, false).IsOk);
        Assert.Equal(bob, Rt.Sudo.GetKey(chain.State));
        var changed = chain.Events().Single(e => e.Name == "Sudo.KeyChanged");
        Assert.Equal(TestChain.Account("Alice"), changed.Field<AccountId32?>("old"));
        Assert.Equal(Rt.Sudo.RequireSudoError.Error, Rt.Dispatch(chain.State, Rt.Sudo.SetKeyCall.Create(MultiAddress.FromId(bob)), alice, false).Error);
    }
}
