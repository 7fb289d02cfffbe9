using Subtensor.Core.Types;
using Subtensor.Runtime.State;

namespace Subtensor.Runtime.Pallets.SubtensorModule;

// swap_hotkey / swap_hotkey_v2 (swap/swap_hotkey.rs).
public sealed partial class SubtensorModulePallet
{
    /// <summary>
    /// <c>do_swap_hotkey</c>: the coldkey moves a hotkey's registrations (and, unless <paramref name="keepStake"/>, its
    /// stake) to a new hotkey — on every subnet for KeySwapCost (recycled, once per day per subnet), or on one subnet for
    /// KeySwapOnSubnetCost.
    /// </summary>
    public void DoSwapHotkey(IStateAccess state, AccountId32 coldkey, AccountId32 oldHotkey, AccountId32 newHotkey, ushort? netuid, bool keepStake)
    {
        Ensure(ColdkeyOwnsHotkey(state, coldkey, oldHotkey), SubtensorError.NonAssociatedColdKey);
        if (Owner.Contains(state, newHotkey))
        {
            Ensure(ColdkeyOwnsHotkey(state, coldkey, newHotkey), SubtensorError.NonAssociatedColdKey);
        }

        Ensure(oldHotkey != newHotkey, SubtensorError.NewHotKeyIsSameWithOld);
        var now = CurrentBlock(state);
        Ensure(!RateLimits.Exceeds(TxRateLimit.Get(state), LastRateLimitedBlock.Get(state, RateLimitKey.LastTxBlock(coldkey)), now), SubtensorError.HotKeySetTxRateLimitExceeded);
        if (netuid is { } n)
        {
            Ensure(!IsNetworkMember.Contains(state, newHotkey, n), SubtensorError.HotKeyAlreadyRegisteredInSubNet);
        }
        else
        {
            Ensure(!IsNetworkMember.IteratePrefix(state, newHotkey).Any(kv => kv.Value), SubtensorError.HotKeyAlreadyRegisteredInSubNet);
        }

        if (netuid is null or RootNetUid)
        {
            Ensure(RootClaimable.Get(state, newHotkey).Length == 0 && HotkeyStake(state, newHotkey, RootNetUid) == 0
                && !RootClaimed.IteratePrefix(state, RootNetUid, newHotkey).Any(), SubtensorError.NewHotKeyNotCleanForRootSwap);
        }

        LastRateLimitedBlock.Insert(state, RateLimitKey.LastTxBlock(newHotkey), LastRateLimitedBlock.Get(state, RateLimitKey.LastTxBlock(oldHotkey)));
        LastRateLimitedBlock.Insert(state, RateLimitKey.LastTxBlockDelegateTake(newHotkey), LastRateLimitedBlock.Get(state, RateLimitKey.LastTxBlockDelegateTake(oldHotkey)));
        LastRateLimitedBlock.Insert(state, RateLimitKey.LastTxBlockChildKeyTake(newHotkey), LastRateLimitedBlock.Get(state, RateLimitKey.LastTxBlockChildKeyTake(oldHotkey)));
        if (netuid is { } single)
        {
            SwapHotkeyOnSubnet(state, coldkey, oldHotkey, newHotkey, single, keepStake);
            return;
        }

        var affected = AllSubnetNetuids(state).Where(s => IsNetworkMember.Get(state, oldHotkey, s) || ChildKeys.Get(state, oldHotkey, s).Length != 0).ToList();
        foreach (var s in affected)
        {
            var last = LastHotkeySwapOnNetuid.Get(state, s, coldkey);
            if (last != 0)
            {
                Ensure(Add(last, HotkeySwapOnSubnetInterval) < now, SubtensorError.HotKeySwapOnSubnetIntervalNotPassed);
            }
        }

        Ensure(CanRemoveBalance(state, coldkey, KeySwapCost), SubtensorError.NotEnoughBalanceToPaySwapHotKey);
        RecycleTao(state, coldkey, KeySwapCost);
        var oldShares = AlphaV2.IteratePrefix(state, oldHotkey).Select(e => (Cold: e.K2, Share: e.Value)).ToList();
        Owner.Remove(state, oldHotkey);
        Ensure(SubnetOfAccount(newHotkey) is null, SubtensorError.CannotUseSystemAccount);
        Owner.Insert(state, newHotkey, coldkey);
        var owned = OwnedHotkeys.Get(state, coldkey).ToList();
        if (!owned.Contains(newHotkey))
        {
            owned.Add(newHotkey);
        }

        owned.RemoveAll(h => h == oldHotkey);
        OwnedHotkeys.Insert(state, coldkey, owned.ToArray());
        foreach (var s in AllSubnetNetuids(state))
        {
            SwapHotkeyOnOneSubnet(state, oldHotkey, newHotkey, s, keepStake);
        }

        LastRateLimitedBlock.Remove(state, RateLimitKey.LastTxBlock(oldHotkey));
        LastRateLimitedBlock.Remove(state, RateLimitKey.LastTxBlockDelegateTake(oldHotkey));
        LastRateLimitedBlock.Remove(state, RateLimitKey.LastTxBlockChildKeyTake(oldHotkey));
        if (Delegates.Contains(state, oldHotkey))
        {
            var take = Delegates.Get(state, oldHotkey);
            Delegates.Remove(state, oldHotkey);
            Delegates.Insert(state, newHotkey, take);
        }

        if (!keepStake)
        {
            foreach (var (cold, share) in oldShares)
            {
                if (share.IsZero)
                {
                    continue;
                }

                var staking = StakingHotkeys.Get(state, cold).ToList();
                if (staking.Contains(oldHotkey))
                {
                    staking.RemoveAll(h => h == oldHotkey || h == newHotkey);
                    staking.Add(newHotkey);
                    StakingHotkeys.Insert(state, cold, staking.ToArray());
                }
            }
        }

        foreach (var s in affected)
        {
            LastHotkeySwapOnNetuid.Insert(state, s, coldkey, now);
        }

        LastRateLimitedBlock.Insert(state, RateLimitKey.LastTxBlock(coldkey), now);
        Emit(state, SubtensorEvent.HotkeySwapped, coldkey, oldHotkey, newHotkey);
    }

    private void SwapHotkeyOnSubnet(IStateAccess state, AccountId32 coldkey, AccountId32 oldHotkey, AccountId32 newHotkey, ushort netuid, bool keepStake)
    {
        var now = CurrentBlock(state);
        Ensure(Add(LastHotkeySwapOnNetuid.Get(state, netuid, coldkey), HotkeySwapOnSubnetInterval) < now, SubtensorError.HotKeySwapOnSubnetIntervalNotPassed);
        Ensure(SubnetOfAccount(newHotkey) is null, SubtensorError.CannotUseSystemAccount);
        Ensure(!IsNetworkMember.Contains(state, newHotkey, netuid), SubtensorError.HotKeyAlreadyRegisteredInSubNet);
        Ensure(CanRemoveBalance(state, coldkey, KeySwapOnSubnetCost), SubtensorError.NotEnoughBalanceToPaySwapHotKey);
        RecycleTao(state, coldkey, KeySwapOnSubnetCost);
        Owner.Insert(state, newHotkey, coldkey);
        var owned = OwnedHotkeys.Get(state, coldkey);
        if (!owned.Contains(newHotkey))
        {
            OwnedHotkeys.Insert(state, coldkey, [.. owned, newHotkey]);
        }

        SwapHotkeyOnOneSubnet(state, oldHotkey, newHotkey, netuid, keepStake);
        LastRateLimitedBlock.Insert(state, RateLimitKey.LastTxBlock(coldkey), now);
        LastHotkeySwapOnNetuid.Insert(state, netuid, coldkey, now);
        Emit(state, SubtensorEvent.HotkeySwappedOnSubnet, coldkey, oldHotkey, newHotkey, netuid);
    }

    /// <summary><c>perform_hotkey_swap_on_one_subnet</c>.</summary>
    private void SwapHotkeyOnOneSubnet(IStateAccess state, AccountId32 oldHotkey, AccountId32 newHotkey, ushort netuid, bool keepStake)
    {
        var member = IsNetworkMember.Get(state, oldHotkey, netuid);
        IsNetworkMember.Remove(state, oldHotkey, netuid);
        IsNetworkMember.Insert(state, newHotkey, netuid, member);
        if (member)
        {
            if (Uids.TryGet(state, netuid, oldHotkey, out var uid))
            {
                Uids.Remove(state, netuid, oldHotkey);
                Uids.Insert(state, netuid, newHotkey, uid);
                Keys.Insert(state, netuid, uid, newHotkey);
            }

            if (Prometheus.TryGet(state, netuid, oldHotkey, out var prometheus))
            {
                Prometheus.Remove(state, netuid, oldHotkey);
                Prometheus.Insert(state, netuid, newHotkey, prometheus);
            }

            if (Axons.TryGet(state, netuid, oldHotkey, out var axon))
            {
                Axons.Remove(state, netuid, oldHotkey);
                Axons.Insert(state, netuid, newHotkey, axon);
            }

            for (byte mecid = 0; mecid < MechanismCountCurrent.Get(state, netuid); mecid++)
            {
                var index = MechanismStorageIndex(netuid, mecid);
                if (WeightCommits.TryGet(state, index, oldHotkey, out var commits))
                {
                    WeightCommits.Remove(state, index, oldHotkey);
                    WeightCommits.Insert(state, index, newHotkey, commits);
                }
            }

            if (NeuronCertificates.TryGet(state, netuid, oldHotkey, out var cert))
            {
                NeuronCertificates.Remove(state, netuid, oldHotkey);
                NeuronCertificates.Insert(state, netuid, newHotkey, cert);
            }
        }

        if (ChildkeyTake.Contains(state, oldHotkey, netuid))
        {
            var take = ChildkeyTake.Get(state, oldHotkey, netuid);
            ChildkeyTake.Remove(state, oldHotkey, netuid);
            ChildkeyTake.Insert(state, newHotkey, netuid, take);
        }

        ParentChildSwapHotkey(state, oldHotkey, newHotkey, netuid);
        foreach (var (parent, pending) in PendingChildKeys.IteratePrefix(state, netuid).ToList())
        {
            var i = Array.FindIndex(pending.Children, c => c.Account == oldHotkey);
            if (i >= 0)
            {
                var list = pending.Children.ToList();
                var entry = list[i];
                list.RemoveAt(i);
                list.Add((entry.Proportion, newHotkey));
                PendingChildKeys.Remove(state, netuid, parent);
                PendingChildKeys.Insert(state, netuid, parent, (list.ToArray(), pending.CooldownBlock));
            }
        }

        if (AutoStakeDestinationColdkeys.TryGet(state, oldHotkey, netuid, out var autoColdkeys))
        {
            foreach (var cold in autoColdkeys)
            {
                AutoStakeDestination.Insert(state, cold, netuid, newHotkey);
            }

            AutoStakeDestinationColdkeys.Remove(state, oldHotkey, netuid);
            AutoStakeDestinationColdkeys.Insert(state, newHotkey, netuid, autoColdkeys);
        }

        if (SubnetOwnerHotkey.TryGet(state, netuid, out var ownerHotkey) && ownerHotkey == oldHotkey)
        {
            SetSubnetOwnerHotkey(state, netuid, newHotkey);
        }

        if (keepStake)
        {
            return;
        }

        var lastEpoch = TotalHotkeyAlphaLastEpoch.Get(state, oldHotkey, netuid);
        TotalHotkeyAlphaLastEpoch.Remove(state, oldHotkey, netuid);
        TotalHotkeyAlphaLastEpoch.Insert(state, newHotkey, netuid, Add(lastEpoch, TotalHotkeyAlphaLastEpoch.Get(state, newHotkey, netuid)));
        var dividends = AlphaDividendsPerSubnet.Get(state, netuid, oldHotkey);
        var newDividends = AlphaDividendsPerSubnet.Get(state, netuid, newHotkey);
        AlphaDividendsPerSubnet.Remove(state, netuid, oldHotkey);
        AlphaDividendsPerSubnet.Insert(state, netuid, newHotkey, Add(dividends, newDividends));
        if (VotingPower.TryGet(state, netuid, oldHotkey, out var power))
        {
            VotingPower.Remove(state, netuid, oldHotkey);
            VotingPower.Insert(state, netuid, newHotkey, power);
        }

        var coldkeys = Alpha.IteratePrefix(state, oldHotkey).Where(e => e.K3 == netuid).Select(e => e.K2)
            .Concat(AlphaV2.IteratePrefix(state, oldHotkey).Where(e => e.K3 == netuid).Select(e => e.K2))
            .Distinct().OrderBy(c => c, AccountOrder).ToList();
        foreach (var cold in coldkeys)
        {
            var alpha = Stake(state, oldHotkey, cold, netuid);
            DecreaseStake(state, oldHotkey, cold, netuid, alpha);
            IncreaseStake(state, newHotkey, cold, netuid, alpha);
            var staking = StakingHotkeys.Get(state, cold);
            if (staking.Contains(oldHotkey) && !staking.Contains(newHotkey))
            {
                StakingHotkeys.Insert(state, cold, [.. staking, newHotkey]);
            }
        }

        if (netuid == RootNetUid)
        {
            var merged = RootClaimable.Get(state, newHotkey).ToDictionary(e => e.NetUid, e => e.Rate);
            foreach (var (n, rate) in RootClaimable.Get(state, oldHotkey))
            {
                merged[n] = merged.TryGetValue(n, out var r) ? r.SaturatingAdd(rate) : rate;
            }

            RootClaimable.Remove(state, oldHotkey);
            RootClaimable.Insert(state, newHotkey, merged.OrderBy(kv => kv.Key).Select(kv => (kv.Key, kv.Value)).ToArray());
            foreach (var subnet in merged.Keys.OrderBy(k => k))
            {
                foreach (var (_, _, cold, claimed) in RootClaimed.IteratePrefix(state, subnet, oldHotkey).ToList())
                {
                    RootClaimed.Remove(state, subnet, oldHotkey, cold);
                    RootClaimed.Insert(state, subnet, newHotkey, cold, claimed + RootClaimed.Get(state, subnet, newHotkey, cold));
                }
            }

            if (AutoParentDelegationEnabled.Contains(state, oldHotkey))
            {
                var enabled = AutoParentDelegationEnabled.Get(state, oldHotkey);
                AutoParentDelegationEnabled.Remove(state, oldHotkey);
                AutoParentDelegationEnabled.Insert(state, newHotkey, enabled);
            }
        }
    }
}
