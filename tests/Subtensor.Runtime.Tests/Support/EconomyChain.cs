using Subtensor.Core.Types;
using Subtensor.Runtime.Extrinsics;
using Subtensor.Runtime.Framework;
using Subtensor.Runtime.Framework.Dispatch;
using Subtensor.Runtime.Pallets.SubtensorModule;
using Subtensor.Runtime.State;

namespace Subtensor.Runtime.Tests.Support;

/// <summary>
/// The dev chain (Alice sudo, subnet 1 owned by Alice) with helpers to dispatch Subtensor calls: directly with an
/// origin (unit tests) or as signed extrinsics through the executive (scenarios, invariants).
/// </summary>
internal sealed class EconomyChain
{
    public static SubtensorRuntime Rt => TestChain.Runtime;

    public EconomyChain()
    {
        Chain = new TestChain();
        Chain.StartBlock();
    }

    public TestChain Chain { get; }

    public SubtensorModulePallet St => Rt.SubtensorModule;

    public IStateAccess State => Chain.State;

    public ulong Block => Rt.System.Number.Get(State);

    /// <summary>The author of the block being built (from its Aura pre-digest).</summary>
    public AccountId32 Author => St.BlockAuthor(State) ?? throw new InvalidOperationException("no block author");

    public static AccountId32 Acc(string seed) => TestChain.Account(seed);

    /// <summary>Finishes the block and starts the next (hooks run).</summary>
    public void NextBlock(int count = 1)
    {
        for (var i = 0; i < count; i++)
        {
            Chain.FinishBlock();
            Chain.StartBlock();
        }
    }

    /// <summary>Dispatches a call as <paramref name="signer"/> without a transaction (no fee, no nonce).</summary>
    public DispatchOutcome Do(string signer, RuntimeCall call) => Rt.Dispatch(State, call, Origin.Signed(Acc(signer)), bypassFilter: false);

    public DispatchOutcome Do(AccountId32 signer, RuntimeCall call) => Rt.Dispatch(State, call, Origin.Signed(signer), bypassFilter: false);

    public DispatchOutcome Root(RuntimeCall call) => Rt.Dispatch(State, call, Origin.Root, bypassFilter: false);

    /// <summary>Dispatches and asserts success.</summary>
    public void Ok(string signer, RuntimeCall call)
    {
        var r = Do(signer, call);
        Assert.True(r.IsOk, $"{call}: {r.Error}");
    }

    public void RootOk(RuntimeCall call)
    {
        var r = Root(call);
        Assert.True(r.IsOk, $"{call}: {r.Error}");
    }

    /// <summary>Applies a signed extrinsic through the executive.</summary>
    public ApplyExtrinsicResult Submit(string signer, RuntimeCall call) => Chain.Apply(Chain.Sign(call, signer));

    public RuntimeCall Call(string name, params object?[] args) =>
        (St.FindCall(name) ?? throw new KeyNotFoundException(name)).Create(args);

    public RuntimeCall Admin(string name, params object?[] args) =>
        (Rt.AdminUtils.FindCall(name) ?? throw new KeyNotFoundException(name)).Create(args);

    public DispatchError Error(SubtensorError e) => St.ErrorOf(e).Error;

    public RuntimeEvent[] Events() => Chain.Events();

    public RuntimeEvent[] EventsOf(SubtensorEvent e) => Events().Where(x => ReferenceEquals(x.Def, St.EventOf(e))).ToArray();

    /// <summary>Registers a subnet for <paramref name="owner"/> with <paramref name="hotkey"/> and starts it; returns its netuid.</summary>
    public ushort NewSubnet(string owner, string hotkey, bool start = true)
    {
        RootOk(Admin("sudo_set_network_rate_limit", 0UL));
        Ok(owner, Call("register_network", Acc(hotkey)));
        var netuid = (ushort)EventsOf(SubtensorEvent.NetworkAdded).Last().Fields[0]!;
        if (start)
        {
            Ok(owner, Call("start_call", netuid));
        }

        return netuid;
    }
}
