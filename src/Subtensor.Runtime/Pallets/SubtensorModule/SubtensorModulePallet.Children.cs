using Subtensor.Core.Types;
using Subtensor.Runtime.State;

namespace Subtensor.Runtime.Pallets.SubtensorModule;

// Parent/child key relations as far as this issue needs them: scheduling a subnet owner hotkey as the 100 % child of
// every root validator when a subnet registers, and rebinding relations when a hotkey is swapped
// (staking/set_children.rs: PCRelations, load/persist, do_schedule_children, schedule_or_apply_ck,
// do_set_root_validators_for_subnet, parent_child_swap_hotkey).
public sealed partial class SubtensorModulePallet
{
    private static readonly IComparer<AccountId32> AccountOrder = Comparer<AccountId32>.Create((a, b) => ByteArrayComparer.Instance.Compare(a.ToArray(), b.ToArray()));

    /// <summary><c>do_set_root_validators_for_subnet</c>: each root validator (not opted out) gets the owner hotkey as its only child.</summary>
    public void SetRootValidatorsForSubnet(IStateAccess state, ushort netuid)
    {
        if (netuid == RootNetUid || !NetworksAdded.Get(state, netuid) || !SubnetOwnerHotkey.TryGet(state, netuid, out var ownerHotkey))
        {
            return;
        }

        foreach (var (_, validator) in Keys.IteratePrefix(state, RootNetUid).ToList())
        {
            if (validator == ownerHotkey || !AutoParentDelegationEnabled.Get(state, validator))
            {
                continue;
            }

            state.StartTransaction();
            try
            {
                DoScheduleChildren(state, Owner.Get(state, validator), validator, netuid, [(ulong.MaxValue, ownerHotkey)]);
                state.CommitTransaction();
            }
            catch (Framework.Dispatch.DispatchException)
            {
                state.RollbackTransaction();
            }
        }
    }

    /// <summary><c>do_schedule_children</c>: checks, then applied at once on a subnet not started, else pending with a cooldown.</summary>
    public void DoScheduleChildren(IStateAccess state, AccountId32 coldkey, AccountId32 hotkey, ushort netuid, (ulong Proportion, AccountId32 Account)[] children)
    {
        ArgumentNullException.ThrowIfNull(children);
        Ensure(PassesRateLimitOnSubnet(state, TransactionType.SetChildren, Hyperparameter.Unknown, hotkey, netuid), SubtensorError.TxRateLimitExceeded);
        Ensure(netuid != RootNetUid, SubtensorError.RegistrationNotPermittedOnRootSubnet);
        Ensure(NetworksAdded.Get(state, netuid), SubtensorError.SubnetNotExists);
        Ensure(ColdkeyOwnsHotkey(state, coldkey, hotkey), SubtensorError.NonAssociatedColdKey);
        Ensure(children.Select(c => c.Account).Distinct().Count() == children.Length, SubtensorError.DuplicateChild);
        var (_, parents) = LoadRelations(state, hotkey, netuid);
        EnsurePendingConsistency(hotkey, children, parents);
        Ensure(children.Length == 0 || TotalStakeForHotkey(state, hotkey) >= StakeThreshold.Get(state)
            || (SubnetOwnerHotkey.TryGet(state, netuid, out var owner) && owner == hotkey), SubtensorError.NotEnoughStakeToSetChildkeys);
        SetLastBlockOnSubnet(state, TransactionType.SetChildren, Hyperparameter.Unknown, hotkey, netuid, CurrentBlock(state));
        if (!SubtokenEnabled.Get(state, netuid))
        {
            PersistPendingChildren(state, netuid, hotkey, children);
            return;
        }

        var cooldown = Add(CurrentBlock(state), PendingChildKeyCooldown.Get(state));
        PendingChildKeys.Insert(state, netuid, hotkey, (children, cooldown));
        Emit(state, SubtensorEvent.SetChildrenScheduled, hotkey, netuid, cooldown, children);
    }

    /// <summary><c>persist_pending_chidren_ok</c>: relations rebuilt from the pending list and saved (silently skipped if inconsistent).</summary>
    private void PersistPendingChildren(IStateAccess state, ushort netuid, AccountId32 hotkey, (ulong Proportion, AccountId32 Account)[] children)
    {
        SortedDictionary<AccountId32, ulong> childMap;
        SortedDictionary<AccountId32, ulong> parents;
        try
        {
            childMap = ToMap(children.Where(c => c.Account != hotkey));
            EnsureLink(hotkey, childMap, checkTotal: true);
            parents = ToMap(ParentKeys.Get(state, hotkey, netuid).Where(p => p.Account != hotkey));
            EnsureLink(hotkey, parents, checkTotal: false);
            Ensure(!childMap.Keys.Any(parents.ContainsKey), SubtensorError.ChildParentInconsistency);
            PersistRelations(state, hotkey, netuid, childMap, parents);
        }
        catch (Framework.Dispatch.DispatchException)
        {
            return;
        }

        Emit(state, SubtensorEvent.SetChildren, hotkey, netuid, children);
    }

    /// <summary><c>parent_child_swap_hotkey</c>: the old hotkey's children and parents are rebound to the new hotkey.</summary>
    private void ParentChildSwapHotkey(IStateAccess state, AccountId32 oldHotkey, AccountId32 newHotkey, ushort netuid)
    {
        var (children, parents) = LoadRelations(state, oldHotkey, netuid);
        foreach (var child in children.Keys)
        {
            SetParentKeys(state, child, netuid, ParentKeys.Get(state, child, netuid).Where(e => e.Account != oldHotkey).ToArray());
        }

        foreach (var parent in parents.Keys)
        {
            ChildKeys.Insert(state, parent, netuid, ChildKeys.Get(state, parent, netuid).Where(e => e.Account != oldHotkey).ToArray());
        }

        ChildKeys.Insert(state, oldHotkey, netuid, []);
        SetParentKeys(state, oldHotkey, netuid, []);
        Ensure(!children.ContainsKey(newHotkey) && !parents.ContainsKey(newHotkey), SubtensorError.InvalidChild);
        if (PendingChildKeys.TryGet(state, netuid, oldHotkey, out var pending))
        {
            EnsurePendingConsistency(newHotkey, pending.Children, parents);
            PendingChildKeys.Remove(state, netuid, oldHotkey);
            PendingChildKeys.Insert(state, netuid, newHotkey, pending);
        }

        PersistRelations(state, newHotkey, netuid, children, parents);
    }

    private (SortedDictionary<AccountId32, ulong> Children, SortedDictionary<AccountId32, ulong> Parents) LoadRelations(IStateAccess state, AccountId32 hotkey, ushort netuid)
    {
        var children = ToMap(ChildKeys.Get(state, hotkey, netuid).Where(c => c.Account != hotkey));
        EnsureLink(hotkey, children, checkTotal: true);
        var parents = ToMap(ParentKeys.Get(state, hotkey, netuid).Where(p => p.Account != hotkey));
        EnsureLink(hotkey, parents, checkTotal: false);
        Ensure(!children.Keys.Any(parents.ContainsKey), SubtensorError.ChildParentInconsistency);
        return (children, parents);
    }

    /// <summary><c>ensure_pending_consistency</c>: no self loop, at most 5 children, Σ ≤ u64::MAX, no child that is also a parent.</summary>
    private void EnsurePendingConsistency(AccountId32 pivot, (ulong Proportion, AccountId32 Account)[] pending, SortedDictionary<AccountId32, ulong> parents)
    {
        var map = ToMap(pending);
        Ensure(!map.ContainsKey(pivot), SubtensorError.InvalidChild);
        Ensure(map.Count <= 5, SubtensorError.TooManyChildren);
        Ensure(map.Values.Aggregate(UInt128.Zero, (a, w) => a + w) <= ulong.MaxValue, SubtensorError.ProportionOverflow);
        Ensure(!map.Keys.Any(parents.ContainsKey), SubtensorError.ChildParentInconsistency);
    }

    private void EnsureLink(AccountId32 pivot, SortedDictionary<AccountId32, ulong> set, bool checkTotal)
    {
        Ensure(!set.ContainsKey(pivot), SubtensorError.InvalidChild);
        if (checkTotal)
        {
            Ensure(set.Values.Aggregate(UInt128.Zero, (a, w) => a + w) <= ulong.MaxValue, SubtensorError.ProportionOverflow);
        }
    }

    /// <summary><c>persist_child_parent_relations</c>: writes the pivot's lists and mirrors the edges on the other side.</summary>
    private void PersistRelations(IStateAccess state, AccountId32 pivot, ushort netuid, SortedDictionary<AccountId32, ulong> children, SortedDictionary<AccountId32, ulong> parents)
    {
        var prevChildren = ChildKeys.Get(state, pivot, netuid).Select(c => c.Account).ToHashSet();
        SetChildKeys(state, pivot, netuid, children.Select(c => (c.Value, c.Key)).ToArray());
        foreach (var (child, p) in children.Where(c => !prevChildren.Contains(c.Key)).Concat(children.Where(c => prevChildren.Contains(c.Key))))
        {
            SetParentKeys(state, child, netuid, Upsert(ParentKeys.Get(state, child, netuid), p, pivot));
        }

        foreach (var removed in prevChildren.Where(c => !children.ContainsKey(c)).OrderBy(c => c, AccountOrder))
        {
            SetParentKeys(state, removed, netuid, ParentKeys.Get(state, removed, netuid).Where(e => e.Account != pivot).ToArray());
        }

        var prevParents = ParentKeys.Get(state, pivot, netuid).Select(p => p.Account).ToHashSet();
        SetParentKeys(state, pivot, netuid, parents.Select(p => (p.Value, p.Key)).ToArray());
        foreach (var (parent, p) in parents.Where(e => !prevParents.Contains(e.Key)).Concat(parents.Where(e => prevParents.Contains(e.Key))))
        {
            SetChildKeys(state, parent, netuid, Upsert(ChildKeys.Get(state, parent, netuid), p, pivot));
        }

        foreach (var removed in prevParents.Where(p => !parents.ContainsKey(p)).OrderBy(p => p, AccountOrder))
        {
            SetChildKeys(state, removed, netuid, ChildKeys.Get(state, removed, netuid).Where(e => e.Account != pivot).ToArray());
        }
    }

    private void SetChildKeys(IStateAccess state, AccountId32 parent, ushort netuid, (ulong Proportion, AccountId32 Account)[] list)
    {
        if (list.Length == 0)
        {
            ChildKeys.Remove(state, parent, netuid);
        }
        else
        {
            ChildKeys.Insert(state, parent, netuid, list);
        }
    }

    private void SetParentKeys(IStateAccess state, AccountId32 child, ushort netuid, (ulong Proportion, AccountId32 Account)[] list)
    {
        if (list.Length == 0)
        {
            ParentKeys.Remove(state, child, netuid);
        }
        else
        {
            ParentKeys.Insert(state, child, netuid, list);
        }
    }

    private static (ulong Proportion, AccountId32 Account)[] Upsert((ulong Proportion, AccountId32 Account)[] list, ulong proportion, AccountId32 who)
    {
        var i = Array.FindIndex(list, e => e.Account == who);
        if (i >= 0)
        {
            list[i] = (proportion, who);
            return list;
        }

        return [.. list, (proportion, who)];
    }

    private static SortedDictionary<AccountId32, ulong> ToMap(IEnumerable<(ulong Proportion, AccountId32 Account)> entries)
    {
        var map = new SortedDictionary<AccountId32, ulong>(AccountOrder);
        foreach (var (p, a) in entries)
        {
            map[a] = p;
        }

        return map;
    }
}
