using Subtensor.Core.Arithmetic;
using Subtensor.Core.Types;
using Subtensor.Economics.Coinbase;
using Subtensor.Economics.Epoch;
using Subtensor.Runtime.State;

namespace Subtensor.Runtime.Pallets.SubtensorModule;

// Child keys in the economy (staking/set_children.rs, staking/helpers.rs, coinbase/run_coinbase.rs): set_children,
// set_childkey_take, inherited stake, pending children applied at the subnet's epoch, and the parent/child dividend split.
public sealed partial class SubtensorModulePallet
{
    /// <summary><c>set_children</c> dispatch: signed by the coldkey; see <see cref="DoScheduleChildren"/>.</summary>
    public void DoSetChildren(IStateAccess state, AccountId32 coldkey, AccountId32 hotkey, ushort netuid, (ulong Proportion, AccountId32 Account)[] children)
    {
        ArgumentNullException.ThrowIfNull(children);
        Ensure(children.Length <= 5, SubtensorError.TooManyChildren);
        Ensure(children.All(c => c.Account != hotkey), SubtensorError.InvalidChild);
        DoScheduleChildren(state, coldkey, hotkey, netuid, children);
    }

    /// <summary>
    /// <c>do_set_childkey_take</c>: the hotkey's coldkey sets its take on a subnet within [min, max]; increases are
    /// rate-limited by <c>TxChildkeyTakeRateLimit</c> per (hotkey, netuid).
    /// </summary>
    public void DoSetChildkeyTake(IStateAccess state, AccountId32 coldkey, AccountId32 hotkey, ushort netuid, ushort take)
    {
        Ensure(NetworksAdded.Get(state, netuid), SubtensorError.SubnetNotExists);
        Ensure(ColdkeyOwnsHotkey(state, coldkey, hotkey), SubtensorError.NonAssociatedColdKey);
        var min = Math.Max(MinChildkeyTake.Get(state), MinChildkeyTakePerSubnet.Get(state, netuid));
        Ensure(take >= min && take <= MaxChildkeyTake.Get(state), SubtensorError.InvalidChildkeyTake);
        var current = ChildkeyTake.Get(state, hotkey, netuid);
        var now = CurrentBlock(state);
        if (take > current)
        {
            Ensure(PassesRateLimitOnSubnet(state, TransactionType.SetChildkeyTake, Hyperparameter.Unknown, hotkey, netuid), SubtensorError.TxChildkeyTakeRateLimitExceeded);
            SetLastBlockOnSubnet(state, TransactionType.SetChildkeyTake, Hyperparameter.Unknown, hotkey, netuid, now);
        }

        ChildkeyTake.Insert(state, hotkey, netuid, take);
        Emit(state, SubtensorEvent.ChildKeyTakeSet, hotkey, take);
    }

    /// <summary>
    /// <c>get_inherited_for_hotkey_on_subnet</c>: own stake minus what the children receive plus what the parents give (U96F32,
    /// floored). <paramref name="stakeNetuid"/> is the subnet whose stake is read (the subnet itself for alpha, root for TAO);
    /// the relations are always those on <paramref name="netuid"/>.
    /// </summary>
    public ulong InheritedStake(IStateAccess state, AccountId32 hotkey, ushort netuid, ushort stakeNetuid)
    {
        var own = U96F32.SaturatingFromNum(HotkeyStake(state, hotkey, stakeNetuid));
        if (netuid == RootNetUid)
        {
            return own.SaturatingToU64();
        }

        var max = U96F32.SaturatingFromNum(ulong.MaxValue);
        var toChildren = U96F32.Zero;
        foreach (var (proportion, _) in ChildKeys.Get(state, hotkey, netuid))
        {
            toChildren = toChildren.SaturatingAdd(own.SaturatingMul(U96F32.SaturatingFromNum(proportion).SafeDiv(max)));
        }

        var fromParents = U96F32.Zero;
        foreach (var (proportion, parent) in ParentKeys.Get(state, hotkey, netuid))
        {
            var parentStake = U96F32.SaturatingFromNum(HotkeyStake(state, parent, stakeNetuid));
            fromParents = fromParents.SaturatingAdd(parentStake.SaturatingMul(U96F32.SaturatingFromNum(proportion).SafeDiv(max)));
        }

        return own.SaturatingSub(toChildren).SaturatingAdd(fromParents).SaturatingToU64();
    }

    /// <summary>The stake weight a hotkey carries on a subnet: inherited alpha + TaoWeight × inherited root TAO (floored).</summary>
    public ulong StakeWeightForHotkey(IStateAccess state, AccountId32 hotkey, ushort netuid)
    {
        var alpha = InheritedStake(state, hotkey, netuid, netuid);
        var tao = InheritedStake(state, hotkey, netuid, RootNetUid);
        return StakeWeights.Raw([alpha], [tao], TaoWeight.Get(state), 1)[0].SaturatingToU64();
    }

    /// <summary>
    /// <c>do_set_pending_children</c> for one subnet: every pending child list whose cooldown has passed is applied
    /// (<c>SetChildren</c>) and removed.
    /// </summary>
    public void ApplyPendingChildKeys(IStateAccess state, ushort netuid)
    {
        var now = CurrentBlock(state);
        foreach (var (hotkey, (children, cooldown)) in PendingChildKeys.IteratePrefix(state, netuid).ToList())
        {
            if (cooldown <= now)
            {
                PersistPendingChildren(state, netuid, hotkey, children);
                PendingChildKeys.Remove(state, netuid, hotkey);
            }
        }
    }

    /// <summary>
    /// A hotkey's validator dividend shared with its parents (<see cref="ParentChildDividends"/>): (recipient, amount) pairs
    /// with the hotkey last, and the amount recycled for CKBurn.
    /// </summary>
    internal (List<(AccountId32 Hotkey, ulong Amount)> Shares, ulong Burned) ParentChildSplit(IStateAccess state, AccountId32 hotkey, ushort netuid, ulong dividend)
    {
        var shares = new List<(AccountId32, ulong)>();
        var parents = ParentKeys.Get(state, hotkey, netuid);
        if (parents.Length == 0 || dividend == 0)
        {
            shares.Add((hotkey, dividend));
            return (shares, 0);
        }

        var weight = TaoWeight.Get(state);
        var max = U96F32.SaturatingFromNum(ulong.MaxValue);
        U96F32 Weight(AccountId32 k) => U96F32.SaturatingFromNum(StakeWeights.Raw([HotkeyStake(state, k, netuid)], [HotkeyStake(state, k, RootNetUid)], weight, 1)[0].SaturatingToU64());

        var kept = U96F32.One;
        foreach (var (proportion, _) in ChildKeys.Get(state, hotkey, netuid))
        {
            kept = kept.SaturatingSub(U96F32.SaturatingFromNum(proportion).SafeDiv(max));
        }

        var coldkey = Owner.Get(state, hotkey);
        var list = parents.Select(p => new ParentChildDividends.Parent(
            Weight(p.Account).SaturatingMul(U96F32.SaturatingFromNum(p.Proportion).SafeDiv(max)), Owner.Get(state, p.Account) == coldkey)).ToList();
        var split = ParentChildDividends.Compute(dividend, Weight(hotkey).SaturatingMul(kept), list, ChildkeyTake.Get(state, hotkey, netuid), CKBurn.Get(state));
        for (var i = 0; i < parents.Length; i++)
        {
            shares.Add((parents[i].Account, split.ToParents[i]));
        }

        shares.Add((hotkey, split.ToHotkey));
        return (shares, split.Burned);
    }
}
