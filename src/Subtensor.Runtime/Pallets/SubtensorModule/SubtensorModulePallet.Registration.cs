using Subtensor.Core.Types;
using Subtensor.Economics.Registration;
using Subtensor.Economics.Subnets;
using Subtensor.Economics.Swap;
using Subtensor.Runtime.State;

namespace Subtensor.Runtime.Pallets.SubtensorModule;

// Neuron registration by burn (subnets/registration.rs), root registration (coinbase/root.rs), UID bookkeeping
// (subnets/uids.rs) and the registration price (decay per block, bump per registration).
public sealed partial class SubtensorModulePallet
{
    /// <summary>
    /// <c>do_register</c>: pay the current burn (bought alpha is destroyed: TAO stays in the pool), take or replace a UID,
    /// bump the price, <c>NeuronRegistered</c>.
    /// </summary>
    public void DoRegister(IStateAccess state, AccountId32 coldkey, ushort netuid, AccountId32 hotkey)
    {
        Ensure(netuid != RootNetUid, SubtensorError.RegistrationNotPermittedOnRootSubnet);
        Ensure(NetworksAdded.Get(state, netuid), SubtensorError.SubnetNotExists);
        Ensure(NetworkRegistrationAllowed.Get(state, netuid), SubtensorError.SubNetRegistrationDisabled);
        Ensure(!Uids.Contains(state, netuid, hotkey), SubtensorError.HotKeyAlreadyRegisteredInSubNet);
        var cost = Burn.Get(state, netuid);
        Ensure(CanRemoveBalance(state, coldkey, cost), SubtensorError.NotEnoughBalanceToStake);
        CreateAccountIfNonExistent(state, coldkey, hotkey);
        Ensure(ColdkeyOwnsHotkey(state, coldkey, hotkey), SubtensorError.NonAssociatedColdKey);
        var maxUids = MaxAllowedUids.Get(state, netuid);
        Ensure(maxUids != 0, SubtensorError.NoNeuronIdAvailable);
        if (SubnetworkN.Get(state, netuid) >= maxUids)
        {
            Ensure(NeuronToPrune(state, netuid) is not null, SubtensorError.NoNeuronIdAvailable);
        }

        var paid = TransferTaoToSubnet(state, netuid, coldkey, cost);
        var burned = SwapTaoForAlpha(state, netuid, paid, PoolSwap.MaxPriceRao, dropFees: false).AmountPaidOut;
        SubnetAlphaOut.Mutate(state, netuid, v => Sub(v, burned));
        var uid = RegisterNeuron(state, netuid, hotkey);
        BumpRegistrationPrice(state, netuid);
        RegistrationsThisBlock.Mutate(state, netuid, v => (ushort)(v == ushort.MaxValue ? v : v + 1));
        RaoRecycledIncrease(state, netuid, cost);
        RecordTaoFlow(state, netuid, unchecked((long)paid));
        Emit(state, SubtensorEvent.NeuronRegistered, netuid, uid, hotkey);
    }

    /// <summary><c>do_register_limit</c>: refuses when the burn exceeds <paramref name="limitPrice"/>.</summary>
    public void DoRegisterLimit(IStateAccess state, AccountId32 coldkey, ushort netuid, AccountId32 hotkey, ulong limitPrice)
    {
        Ensure(netuid != RootNetUid, SubtensorError.RegistrationNotPermittedOnRootSubnet);
        Ensure(NetworksAdded.Get(state, netuid), SubtensorError.SubnetNotExists);
        Ensure(Burn.Get(state, netuid) <= limitPrice, SubtensorError.RegistrationPriceLimitExceeded);
        DoRegister(state, coldkey, netuid, hotkey);
    }

    /// <summary>
    /// <c>do_root_register</c>: per-block and per-interval caps; when root is full the member with the least root stake
    /// is replaced only by a hotkey with strictly more; root members become 18 % delegates.
    /// </summary>
    public void DoRootRegister(IStateAccess state, AccountId32 coldkey, AccountId32 hotkey)
    {
        var now = CurrentBlock(state);
        Ensure(NetworksAdded.Get(state, RootNetUid), SubtensorError.RootNetworkDoesNotExist);
        Ensure(RegistrationsThisBlock.Get(state, RootNetUid) < MaxRegistrationsPerBlock.Get(state, RootNetUid), SubtensorError.TooManyRegistrationsThisBlock);
        Ensure(RegistrationsThisInterval.Get(state, RootNetUid) < TargetRegistrationsPerInterval.Get(state, RootNetUid) * 3, SubtensorError.TooManyRegistrationsThisInterval);
        Ensure(!Uids.Contains(state, RootNetUid, hotkey), SubtensorError.HotKeyAlreadyRegisteredInSubNet);
        CreateAccountIfNonExistent(state, coldkey, hotkey);
        var n = SubnetworkN.Get(state, RootNetUid);
        ushort uid;
        if (n < MaxAllowedUids.Get(state, RootNetUid))
        {
            uid = n;
            AppendNeuron(state, RootNetUid, hotkey, now);
        }
        else
        {
            var lowest = ulong.MaxValue;
            ushort lowestUid = 0;
            foreach (var (u, h) in Keys.IteratePrefix(state, RootNetUid))
            {
                var stake = HotkeyStake(state, h, RootNetUid);
                if (stake < lowest)
                {
                    lowest = stake;
                    lowestUid = u;
                }
            }

            uid = lowestUid;
            Ensure(Keys.Contains(state, RootNetUid, uid), SubtensorError.HotKeyNotRegisteredInSubNet);
            Ensure(lowest < HotkeyStake(state, hotkey, RootNetUid), SubtensorError.StakeTooLowForRoot);
            ReplaceNeuron(state, RootNetUid, uid, hotkey, now);
        }

        if (!Delegates.Contains(state, hotkey))
        {
            Delegates.Insert(state, hotkey, InitialDefaultTake);
        }

        RegistrationsThisInterval.Mutate(state, RootNetUid, v => (ushort)(v + 1));
        RegistrationsThisBlock.Mutate(state, RootNetUid, v => (ushort)(v + 1));
        Emit(state, SubtensorEvent.NeuronRegistered, RootNetUid, uid, hotkey);
    }

    /// <summary><c>register_neuron</c>: append while below MaxAllowedUids, else replace the prune candidate.</summary>
    public ushort RegisterNeuron(IStateAccess state, ushort netuid, AccountId32 hotkey)
    {
        var now = CurrentBlock(state);
        var n = SubnetworkN.Get(state, netuid);
        if (n < MaxAllowedUids.Get(state, netuid))
        {
            AppendNeuron(state, netuid, hotkey, now);
            return n;
        }

        var uid = NeuronToPrune(state, netuid) ?? throw Err(SubtensorError.NoNeuronIdAvailable);
        ReplaceNeuron(state, netuid, uid, hotkey, now);
        return uid;
    }

    /// <summary><c>append_neuron</c>: UID = n, every per-UID vector extended, key/uid/registration maps written.</summary>
    public void AppendNeuron(IStateAccess state, ushort netuid, AccountId32 hotkey, ulong block)
    {
        var uid = SubnetworkN.Get(state, netuid);
        SubnetworkN.Insert(state, netuid, (ushort)(uid == ushort.MaxValue ? uid : uid + 1));
        Active.Mutate(state, netuid, v => [.. v, true]);
        Emission.Mutate(state, netuid, v => [.. v, 0UL]);
        Consensus.Mutate(state, netuid, v => [.. v, (ushort)0]);
        for (byte mecid = 0; mecid < MechanismCountCurrent.Get(state, netuid); mecid++)
        {
            var index = MechanismStorageIndex(netuid, mecid);
            Incentive.Mutate(state, index, v => [.. v, (ushort)0]);
            SetLastUpdateForUid(state, index, uid, block);
        }

        Dividends.Mutate(state, netuid, v => [.. v, (ushort)0]);
        ValidatorTrust.Mutate(state, netuid, v => [.. v, (ushort)0]);
        ValidatorPermit.Mutate(state, netuid, v => [.. v, false]);
        Keys.Insert(state, netuid, uid, hotkey);
        Uids.Insert(state, netuid, hotkey, uid);
        BlockAtRegistration.Insert(state, netuid, uid, block);
        IsNetworkMember.Insert(state, hotkey, netuid, true);
    }

    /// <summary><c>replace_neuron</c>: the UID takes the new hotkey (never the subnet owner hotkey's UID) and is reset.</summary>
    public void ReplaceNeuron(IStateAccess state, ushort netuid, ushort uid, AccountId32 hotkey, ulong block)
    {
        var old = Keys.Get(state, netuid, uid);
        if (SubnetOwnerHotkey.TryGet(state, netuid, out var ownerHotkey) && ownerHotkey == old)
        {
            return;
        }

        Uids.Remove(state, netuid, old);
        AssociatedEvmAddress.Remove(state, netuid, uid);
        IsNetworkMember.Remove(state, old, netuid);
        Keys.Remove(state, netuid, uid);
        SetActiveForUid(state, netuid, uid, true);
        Keys.Insert(state, netuid, uid, hotkey);
        Uids.Insert(state, netuid, hotkey, uid);
        BlockAtRegistration.Insert(state, netuid, uid, block);
        IsNetworkMember.Insert(state, hotkey, netuid, true);
        Axons.Remove(state, netuid, old);
        NeuronCertificates.Remove(state, netuid, old);
        Prometheus.Remove(state, netuid, old);
        ClearNeuron(state, netuid, uid);
        for (byte mecid = 0; mecid < MechanismCountCurrent.Get(state, netuid); mecid++)
        {
            SetLastUpdateForUid(state, MechanismStorageIndex(netuid, mecid), uid, block);
        }
    }

    /// <summary><c>clear_neuron</c>: the UID's epoch terms, weights and bonds zeroed; others' weights to it zeroed.</summary>
    public void ClearNeuron(IStateAccess state, ushort netuid, ushort uid)
    {
        Emission.Mutate(state, netuid, v => SetAt(v, uid, 0UL));
        Consensus.Mutate(state, netuid, v => SetAt(v, uid, (ushort)0));
        for (byte mecid = 0; mecid < MechanismCountCurrent.Get(state, netuid); mecid++)
        {
            var index = MechanismStorageIndex(netuid, mecid);
            Incentive.Mutate(state, index, v => SetAt(v, uid, (ushort)0));
            Bonds.Remove(state, index, uid);
            Weights.Remove(state, index, uid);
            foreach (var (row, weights) in Weights.IteratePrefix(state, index).ToList())
            {
                Weights.Insert(state, index, row, weights.Select(w => w.Item1 == uid ? (w.Item1, (ushort)0) : w).ToArray());
            }
        }

        Dividends.Mutate(state, netuid, v => SetAt(v, uid, (ushort)0));
        StakeWeight.Mutate(state, netuid, v => SetAt(v, uid, (ushort)0));
        ValidatorTrust.Mutate(state, netuid, v => SetAt(v, uid, (ushort)0));
        ValidatorPermit.Mutate(state, netuid, v => SetAt(v, uid, false));
    }

    /// <summary><c>get_neuron_to_prune</c> over the subnet's UIDs (owner-immortal hotkeys excluded).</summary>
    public ushort? NeuronToPrune(IStateAccess state, ushort netuid)
    {
        var n = SubnetworkN.Get(state, netuid);
        if (n == 0)
        {
            return null;
        }

        var immortal = ImmuneOwnerHotkeys(state, netuid, SubnetOwner.Get(state, netuid)).Select(t => t.Hotkey).ToHashSet();
        var emissions = Emission.Get(state, netuid);
        var now = CurrentBlock(state);
        var immunity = ImmunityPeriod.Get(state, netuid);
        var neurons = new List<NeuronPruneInfo>();
        for (ushort uid = 0; uid < n; uid++)
        {
            if (!Keys.TryGet(state, netuid, uid, out var hotkey))
            {
                continue;
            }

            var registered = BlockAtRegistration.Get(state, netuid, uid);
            var immune = (now > registered ? now - registered : 0) < immunity;
            neurons.Add(new NeuronPruneInfo(uid, uid < emissions.Length ? emissions[uid] : 0, registered, immune, immortal.Contains(hotkey)));
        }

        return PruneCandidate.Select(neurons, MinNonImmuneUids.Get(state, netuid));
    }

    /// <summary>
    /// <c>get_immune_owner_tuples</c>: the owner coldkey's registered hotkeys, oldest registration first then lowest UID,
    /// up to ImmuneOwnerUidsLimit, with the subnet owner hotkey put first when missing (then truncated again).
    /// </summary>
    public List<(ushort Uid, AccountId32 Hotkey)> ImmuneOwnerHotkeys(IStateAccess state, ushort netuid, AccountId32 ownerColdkey)
    {
        var triples = new List<(ulong Block, ushort Uid, AccountId32 Hotkey)>();
        foreach (var hotkey in OwnedHotkeys.Get(state, ownerColdkey))
        {
            if (Uids.TryGet(state, netuid, hotkey, out var uid))
            {
                triples.Add((BlockAtRegistration.Get(state, netuid, uid), uid, hotkey));
            }
        }

        var limit = ImmuneOwnerUidsLimit.Get(state, netuid);
        var tuples = triples.OrderBy(t => t.Block).ThenBy(t => t.Uid).Take(limit).Select(t => (t.Uid, t.Hotkey)).ToList();
        if (SubnetOwnerHotkey.TryGet(state, netuid, out var ownerHotkey) && Uids.TryGet(state, netuid, ownerHotkey, out var ownerUid) && !tuples.Contains((ownerUid, ownerHotkey)))
        {
            tuples.Insert(0, (ownerUid, ownerHotkey));
            if (tuples.Count > limit)
            {
                tuples.RemoveRange(limit, tuples.Count - limit);
            }
        }

        return tuples;
    }

    /// <summary>
    /// <c>update_registration_prices_for_networks</c> (block_step, first): every subnet's burn decays one block and is
    /// clamped; the per-block counter resets; root's interval counter resets on its epoch block.
    /// </summary>
    public void UpdateRegistrationPrices(IStateAccess state)
    {
        var now = CurrentBlock(state);
        foreach (var netuid in AllSubnetNetuids(state))
        {
            var burn = Burn.Get(state, netuid);
            var next = BurnPrice.DecayOneBlock(burn, BurnHalfLife.Get(state, netuid), now, MinBurn.Get(state, netuid), MaxBurn.Get(state, netuid));
            if (next != burn)
            {
                Burn.Insert(state, netuid, next);
            }

            RegistrationsThisBlock.Insert(state, netuid, 0);
            if (netuid == RootNetUid && ShouldRunEpoch(state, netuid, now))
            {
                RegistrationsThisInterval.Insert(state, netuid, 0);
            }
        }
    }

    /// <summary><c>bump_registration_price_after_registration</c> (not for root).</summary>
    public void BumpRegistrationPrice(IStateAccess state, ushort netuid)
    {
        if (netuid == RootNetUid)
        {
            return;
        }

        Burn.Insert(state, netuid, BurnPrice.BumpAfterRegistration(Burn.Get(state, netuid), BurnIncreaseMult.Get(state, netuid), MinBurn.Get(state, netuid), MaxBurn.Get(state, netuid)));
    }

    /// <summary><c>increase_rao_recycled</c> (emits RAORecycledForRegistrationSet).</summary>
    private void RaoRecycledIncrease(IStateAccess state, ushort netuid, ulong amount)
    {
        var value = Add(RAORecycledForRegistration.Get(state, netuid), amount);
        RAORecycledForRegistration.Insert(state, netuid, value);
        Emit(state, SubtensorEvent.RAORecycledForRegistrationSet, netuid, value);
    }

    /// <summary><c>set_last_update_for_uid</c>: LastUpdate padded to SubnetworkN, entry set when the UID is in range.</summary>
    private void SetLastUpdateForUid(IStateAccess state, ushort index, ushort uid, ulong block)
    {
        var netuid = (ushort)(index % GlobalMaxSubnetCount);
        var v = LastUpdate.Get(state, index);
        var target = SubnetworkN.Get(state, netuid);
        if (v.Length < target)
        {
            Array.Resize(ref v, target);
        }

        if (uid < v.Length)
        {
            v[uid] = block;
            LastUpdate.Insert(state, index, v);
        }
    }

    private void SetActiveForUid(IStateAccess state, ushort netuid, ushort uid, bool active)
    {
        var v = Active.Get(state, netuid);
        if (uid < v.Length)
        {
            v[uid] = active;
            Active.Insert(state, netuid, v);
        }
    }

    /// <summary><c>get_mechanism_storage_index</c>: mecid × 4096 + netuid.</summary>
    public static ushort MechanismStorageIndex(ushort netuid, byte mecid) => (ushort)Math.Min(ushort.MaxValue, (mecid * GlobalMaxSubnetCount) + netuid);

    private static T[] SetAt<T>(T[] v, ushort index, T value)
    {
        if (index < v.Length)
        {
            v[index] = value;
        }

        return v;
    }
}
