using Subtensor.Core.Arithmetic;
using Subtensor.Core.Types;
using Subtensor.Economics.Coinbase;
using Subtensor.Economics.Registration;
using Subtensor.Economics.Subnets;
using Subtensor.Runtime.State;

namespace Subtensor.Runtime.Pallets.SubtensorModule;

// Subnet registration, start_call, lock cost, pruning choice, owner hotkey and symbols (subnets/subnet.rs,
// coinbase/root.rs, subnets/symbols.rs, stake_utils.rs).
public sealed partial class SubtensorModulePallet
{
    /// <summary><c>get_all_subnet_netuids</c>: every key of NetworksAdded, in storage order.</summary>
    public List<ushort> AllSubnetNetuids(IStateAccess state) => NetworksAdded.Iterate(state).Select(kv => kv.Key).ToList();

    /// <summary>
    /// <c>do_register_network</c>: lock the (doubling, decaying) cost, prune the cheapest old subnet when at the limit,
    /// create the subnet with the owner hotkey as UID 0 and a pool seeded from the lock at the median price.
    /// </summary>
    public void DoRegisterNetwork(IStateAccess state, AccountId32 coldkey, AccountId32 hotkey, ushort mechid, SubnetIdentity? identity)
    {
        Ensure(!Owner.Contains(state, hotkey) || ColdkeyOwnsHotkey(state, coldkey, hotkey), SubtensorError.NonAssociatedColdKey);
        Ensure(SubnetOfAccount(hotkey) is null, SubtensorError.CannotUseSystemAccount);
        Ensure(mechid == 1, SubtensorError.MechanismDoesNotExist);
        var now = CurrentBlock(state);
        Ensure(now >= NetworkRegistrationStartBlock.Get(state), SubtensorError.SubNetRegistrationDisabled);
        Ensure(RateLimits.Passes(NetworkRateLimit.Get(state), now, NetworkLastLockBlock(state)), SubtensorError.NetworkTxRateLimitExceeded);

        var count = NetworksAdded.Iterate(state).Count(kv => kv.Value && kv.Key != RootNetUid);
        ushort? recycle = null;
        if (count >= SubnetLimit.Get(state))
        {
            recycle = NetworkToPrune(state) ?? throw Err(SubtensorError.SubnetLimitReached);
        }

        var lockAmount = NetworkLockCost(state);
        Ensure(CanRemoveBalance(state, coldkey, lockAmount), SubtensorError.CannotAffordLockCost);
        if (recycle is { } pruned)
        {
            DoDissolveNetwork(state, pruned);
        }

        var netuid = recycle ?? NextNetuid(state);
        var medianPrice = MedianSubnetAlphaPrice(state);
        InitNewNetwork(state, netuid, InitialTempo);
        var locked = TransferTaoToSubnet(state, netuid, coldkey, lockAmount);
        NetworkLastLockCost.Put(state, locked);
        SetNetworkLastLockBlock(state, now);
        CreateAccountIfNonExistent(state, coldkey, hotkey);
        AppendNeuron(state, netuid, hotkey, now);
        SubnetMechanism.Insert(state, netuid, mechid);
        NetworkRegisteredAt.Insert(state, netuid, now);
        RegisteredSubnetCounter.Mutate(state, netuid, c => c + 1);
        TokenSymbol.Insert(state, netuid, NextAvailableSymbol(state, netuid));

        var minLock = NetworkMinLockCost.Get(state);
        var poolTao = Math.Max(locked, minLock);
        var poolAlpha = U64F64.SaturatingFromNum(poolTao).SafeDiv(medianPrice).Floor().SaturatingToU64();
        var recycled = Sub(locked, poolTao);
        SubnetTAO.Insert(state, netuid, poolTao);
        SubnetAlphaIn.Insert(state, netuid, poolAlpha);
        SubnetOwner.Insert(state, netuid, coldkey);
        SetSubnetOwnerHotkey(state, netuid, hotkey);
        SubnetLocked.Insert(state, netuid, locked);
        SubnetAlphaOut.Insert(state, netuid, 0);
        SubnetVolume.Insert(state, netuid, UInt128.Zero);
        RAORecycledForRegistration.Insert(state, netuid, recycled);
        if (recycled > 0)
        {
            TryIgnoring(() => RecycleTao(state, SubnetAccount(netuid), recycled));
        }

        if (poolTao > 0)
        {
            TotalStake.Mutate(state, v => Add(v, poolTao));
        }

        if (identity is not null)
        {
            Ensure(identity.IsValid(), SubtensorError.InvalidIdentity);
            SubnetIdentitiesV3.Insert(state, netuid, identity);
            Emit(state, SubtensorEvent.SubnetIdentitySet, netuid);
        }

        SetRootValidatorsForSubnet(state, netuid);
        Emit(state, SubtensorEvent.NetworkAdded, netuid, mechid);
        SubnetEmissionEnabled.Insert(state, netuid, false);
    }

    /// <summary>
    /// <c>init_new_network</c>: size 0, added, tempo and a per-netuid epoch stagger, the explicit new-subnet defaults
    /// (256 UIDs, 64 validators, min weights 1, immunity 5000, Yuma3, burn 1 TAO, emission enabled).
    /// </summary>
    public void InitNewNetwork(IStateAccess state, ushort netuid, ushort tempo)
    {
        SubnetworkN.Insert(state, netuid, 0);
        NetworksAdded.Insert(state, netuid, true);
        Tempo.Insert(state, netuid, tempo);
        var now = CurrentBlock(state);
        var stagger = (ulong)netuid % Math.Max(1UL, tempo);
        LastEpochBlock.Insert(state, netuid, Sub(now, stagger));
        TotalNetworks.Mutate(state, n => (ushort)(n == ushort.MaxValue ? n : n + 1));
        SetNetworkRegistrationAllowed(state, netuid, true);
        SetMaxAllowedUids(state, netuid, 256);
        SetMaxAllowedValidators(state, netuid, 64);
        SetMinAllowedWeights(state, netuid, 1);
        SetImmunityPeriod(state, netuid, 5000);
        Yuma3On.Insert(state, netuid, true);
        Burn.Insert(state, netuid, DefaultNeuronBurnCost);
        SubnetEmissionEnabled.Insert(state, netuid, true);
        MakeExplicit(state, Tempo, netuid);
        MakeExplicit(state, Kappa, netuid);
        MakeExplicit(state, MaxAllowedUids, netuid);
        MakeExplicit(state, ImmunityPeriod, netuid);
        MakeExplicit(state, ActivityCutoff, netuid);
        MakeExplicit(state, MinAllowedWeights, netuid);
        MakeExplicit(state, RegistrationsThisInterval, netuid);
    }

    /// <summary><c>do_start_call</c>: the owner starts emission and staking (FirstEmissionBlockNumber = now + 1) after StartCallDelay.</summary>
    public void DoStartCall(IStateAccess state, Framework.Dispatch.Origin origin, ushort netuid)
    {
        Ensure(NetworksAdded.Get(state, netuid), SubtensorError.SubnetNotExists);
        EnsureSubnetOwner(state, origin, netuid);
        Ensure(!FirstEmissionBlockNumber.Contains(state, netuid), SubtensorError.FirstEmissionBlockNumberAlreadySet);
        var now = CurrentBlock(state);
        Ensure(now >= Add(NetworkRegisteredAt.Get(state, netuid), StartCallDelay.Get(state)), SubtensorError.NeedWaitingMoreBlocksToStarCall);
        var next = now + 1;
        FirstEmissionBlockNumber.Insert(state, netuid, next);
        SubtokenEnabled.Insert(state, netuid, true);
        Emit(state, SubtensorEvent.FirstEmissionBlockNumberSet, netuid, next);
    }

    /// <summary><c>get_network_lock_cost</c> with the emission-scaled reduction interval.</summary>
    public ulong NetworkLockCost(IStateAccess state) =>
        Economics.Registration.NetworkLockCost.Cost(NetworkLastLockCost.Get(state), NetworkMinLockCost.Get(state), NetworkLastLockBlock(state), CurrentBlock(state),
            Economics.Registration.NetworkLockCost.ReductionInterval(NetworkLockReductionInterval.Get(state), CalculateBlockEmission(state) ?? 1_000_000_000));

    /// <summary>
    /// <c>calculate_block_emission</c>: the emission for Subtensor's TotalIssuance; like Subtensor it stores the result in
    /// <c>BlockEmission</c> when it changed. Null where the logarithm fails.
    /// </summary>
    public ulong? CalculateBlockEmission(IStateAccess state)
    {
        var emission = Economics.Coinbase.BlockEmission.ForIssuance(TotalIssuance.Get(state));
        if (emission is { } e && BlockEmission.Get(state) != e)
        {
            BlockEmission.Put(state, e);
        }

        return emission;
    }

    /// <summary><c>get_network_to_prune</c>: the non-immune subnet with the lowest moving price (ties: earliest registration).</summary>
    public ushort? NetworkToPrune(IStateAccess state)
    {
        var now = CurrentBlock(state);
        ushort? candidate = null;
        var candidatePrice = U64F64.MaxValue;
        var candidateBlock = ulong.MaxValue;
        foreach (var (netuid, added) in NetworksAdded.Iterate(state))
        {
            if (!added || netuid == RootNetUid)
            {
                continue;
            }

            var registered = NetworkRegisteredAt.Get(state, netuid);
            if (now < Add(registered, NetworkImmunityPeriod.Get(state)))
            {
                continue;
            }

            var price = MovingAlphaPrice(state, netuid);
            if (price < candidatePrice || (price == candidatePrice && registered < candidateBlock))
            {
                candidate = netuid;
                candidatePrice = price;
                candidateBlock = registered;
            }
        }

        return candidate;
    }

    /// <summary><c>get_moving_alpha_price</c>: 1 for root and stable subnets, else SubnetMovingPrice.</summary>
    public U64F64 MovingAlphaPrice(IStateAccess state, ushort netuid) =>
        netuid == RootNetUid || SubnetMechanism.Get(state, netuid) == 0
            ? U64F64.One
            : FixedPoint.SaturatingConvert<I96F32, U64F64>(SubnetMovingPrice.Get(state, netuid));

    /// <summary><c>get_median_subnet_alpha_price</c> over the added non-root subnets' spot prices.</summary>
    public U64F64 MedianSubnetAlphaPrice(IStateAccess state) =>
        MedianPrice.Of(NetworksAdded.Iterate(state).Where(kv => kv.Value && kv.Key != RootNetUid).Select(kv => Swap.CurrentPrice(state, kv.Key)).ToList());

    /// <summary><c>get_next_netuid</c>: the lowest unused netuid from 1.</summary>
    public ushort NextNetuid(IStateAccess state)
    {
        var used = AllSubnetNetuids(state).ToHashSet();
        ushort n = 1;
        while (used.Contains(n))
        {
            n++;
        }

        return n;
    }

    /// <summary><c>set_subnet_owner_hotkey</c> (system accounts refused), with <c>SubnetOwnerHotkeySet</c>.</summary>
    public void SetSubnetOwnerHotkey(IStateAccess state, ushort netuid, AccountId32 hotkey)
    {
        Ensure(SubnetOfAccount(hotkey) is null, SubtensorError.CannotUseSystemAccount);
        SubnetOwnerHotkey.Insert(state, netuid, hotkey);
        Emit(state, SubtensorEvent.SubnetOwnerHotkeySet, netuid, hotkey);
    }

    /// <summary><c>do_set_sn_owner_hotkey</c>: owner or root, once per 50_400 blocks per subnet.</summary>
    public void DoSetSnOwnerHotkey(IStateAccess state, Framework.Dispatch.Origin origin, ushort netuid, AccountId32 hotkey)
    {
        EnsureSubnetOwnerOrRoot(state, origin, netuid);
        Ensure(NetworksAdded.Get(state, netuid), SubtensorError.SubnetNotExists);
        var key = RateLimitKey.SetSnOwnerHotkey(netuid);
        var now = CurrentBlock(state);
        Ensure(RateLimits.Passes(SetSnOwnerHotkeyRateLimit, now, LastRateLimitedBlock.Get(state, key)), SubtensorError.TxRateLimitExceeded);
        LastRateLimitedBlock.Insert(state, key, now);
        SetSubnetOwnerHotkey(state, netuid, hotkey);
    }

    /// <summary><c>get_next_available_symbol</c>: the netuid's own symbol, else the first unused one, else the default.</summary>
    public byte[] NextAvailableSymbol(IStateAccess state, ushort netuid)
    {
        var used = TokenSymbol.Iterate(state).Select(kv => Convert.ToHexString(kv.Value)).ToHashSet();
        var own = SubnetSymbols.ForSubnet(netuid);
        if (!used.Contains(Convert.ToHexString(own)))
        {
            return own;
        }

        return SubnetSymbols.All.Skip(1).FirstOrDefault(s => !used.Contains(Convert.ToHexString(s))) ?? SubnetSymbols.Default;
    }

    /// <summary><c>update_symbol</c>: owner or root; the symbol must be in the table (not root's) and unused.</summary>
    public void DoUpdateSymbol(IStateAccess state, Framework.Dispatch.Origin origin, ushort netuid, byte[] symbol)
    {
        EnsureSubnetOwnerOrRoot(state, origin, netuid);
        Ensure(SubnetSymbols.All.Skip(1).Any(s => s.AsSpan().SequenceEqual(symbol)), SubtensorError.SymbolDoesNotExist);
        Ensure(!TokenSymbol.Iterate(state).Any(kv => kv.Value.AsSpan().SequenceEqual(symbol)), SubtensorError.SymbolAlreadyInUse);
        TokenSymbol.Insert(state, netuid, symbol);
        Emit(state, SubtensorEvent.SymbolUpdated, netuid, symbol);
    }

    /// <summary><c>do_set_subnet_identity</c>: owner only (NotSubnetOwner), validated.</summary>
    public void DoSetSubnetIdentity(IStateAccess state, AccountId32 coldkey, ushort netuid, SubnetIdentity identity)
    {
        Ensure(SubnetOwner.Get(state, netuid) == coldkey, SubtensorError.NotSubnetOwner);
        Ensure(identity.IsValid(), SubtensorError.InvalidIdentity);
        SubnetIdentitiesV3.Insert(state, netuid, identity);
        Emit(state, SubtensorEvent.SubnetIdentitySet, netuid);
    }

    /// <summary><c>do_set_identity</c>: a coldkey with a registered hotkey sets its identity.</summary>
    public void DoSetIdentity(IStateAccess state, AccountId32 coldkey, ChainIdentity identity)
    {
        Ensure(OwnedHotkeys.Get(state, coldkey).Any(h => IsNetworkMember.IteratePrefix(state, h).Any(kv => kv.Value)), SubtensorError.HotKeyNotRegisteredInNetwork);
        Ensure(identity.IsValid(), SubtensorError.InvalidIdentity);
        IdentitiesV2.Insert(state, coldkey, identity);
        Emit(state, SubtensorEvent.ChainIdentitySet, coldkey);
    }

    private ulong NetworkLastLockBlock(IStateAccess state) => LastRateLimitedBlock.Get(state, RateLimitKey.NetworkLastRegistered);

    private void SetNetworkLastLockBlock(IStateAccess state, ulong block) => LastRateLimitedBlock.Insert(state, RateLimitKey.NetworkLastRegistered, block);

    private static void MakeExplicit<T>(IStateAccess state, Framework.Storage.StorageMap<ushort, T> map, ushort netuid)
    {
        if (!map.Contains(state, netuid))
        {
            map.Insert(state, netuid, map.Get(state, netuid));
        }
    }
}
