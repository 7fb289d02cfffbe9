using Subtensor.Core.Arithmetic;
using Subtensor.Core.Types;
using Subtensor.Economics.Subnets;
using Subtensor.Runtime.State;

namespace Subtensor.Runtime.Pallets.SubtensorModule;

// Subnet dissolution: the pool's TAO pro rata to alpha holders, every per-subnet item cleared (coinbase/root.rs,
// staking/remove_stake.rs destroy_alpha_in_out_stakes, staking/claim_root.rs, staking/lock.rs).
public sealed partial class SubtensorModulePallet
{
    /// <summary><c>do_dissolve_network</c>.</summary>
    public void DoDissolveNetwork(IStateAccess state, ushort netuid)
    {
        Ensure(NetworksAdded.Get(state, netuid) && netuid != RootNetUid, SubtensorError.SubnetNotExists);
        FinalizeAllSubnetRootDividends(state, netuid);
        DestroyAlphaInOutStakes(state, netuid);
        Swap.ClearProtocolLiquidity(state, netuid);
        RemoveNetwork(state, netuid);
        Emit(state, SubtensorEvent.NetworkRemoved, netuid);
    }

    /// <summary>
    /// <c>destroy_alpha_in_out_stakes</c>: SubnetTAO is paid to the coldkeys pro rata to their alpha value (the protocol's
    /// share — pool alpha for subnets registered after the refund deployment, plus protocol alpha — stays and is
    /// recycled with the rest of the subnet account); a legacy subnet's owner may get a lock refund; all alpha state goes.
    /// </summary>
    public void DestroyAlphaInOutStakes(IStateAccess state, ushort netuid)
    {
        Ensure(NetworksAdded.Get(state, netuid), SubtensorError.SubnetNotExists);
        var owner = SubnetOwner.Get(state, netuid);
        var lockCost = SubnetLocked.Get(state, netuid);
        var registeredAt = NetworkRegisteredAt.Get(state, netuid);
        var refundOwner = registeredAt < NetworkRegistrationStartBlock.Get(state);
        ulong ownerEmissionTao = 0;
        if (refundOwner && lockCost != 0)
        {
            var issued = AlphaIssuance(state, netuid);
            if (issued > 0)
            {
                var cut = U96F32.SaturatingFromNum(SubnetOwnerCut.Get(state)).SafeDiv(U96F32.SaturatingFromNum((ulong)ushort.MaxValue));
                var ownerAlpha = U96F32.SaturatingFromNum(issued).SaturatingMul(cut).Floor().SaturatingToU64();
                if (ownerAlpha > 0)
                {
                    var price = FixedPoint.SaturatingConvert<U64F64, U96F32>(Swap.CurrentPrice(state, netuid));
                    ownerEmissionTao = U96F32.SaturatingFromNum(ownerAlpha).SaturatingMul(price).Floor().SaturatingToU64();
                }
            }
        }

        var protocolValue = registeredAt > TaoInRefundDeploymentBlock.Get(state)
            ? Add(SubnetAlphaIn.Get(state, netuid), SubnetProtocolAlpha.Get(state, netuid))
            : SubnetProtocolAlpha.Get(state, netuid);

        var hotkeys = TotalHotkeyAlpha.Iterate(state).Where(e => e.Key2 == netuid).Select(e => e.Key1).ToList();
        var keysToRemove = new List<(AccountId32 Hot, AccountId32 Cold)>();
        var stakers = new List<(AccountId32 Cold, UInt128 Value)>();
        foreach (var hot in hotkeys)
        {
            foreach (var (cold, share) in SharesOfHotkey(state, hot, netuid))
            {
                keysToRemove.Add((hot, cold));
                var value = Stake(state, hot, cold, netuid);
                if (value == 0)
                {
                    value = share.ToU64();
                }

                if (value > 0)
                {
                    stakers.Add((cold, value));
                }
            }
        }

        ulong protocolShare = 0;
        var pot = SubnetTAO.Get(state, netuid);
        if (pot > 0)
        {
            SubnetTAO.Remove(state, netuid);
            TotalStake.Mutate(state, t => Sub(t, pot));
            var values = stakers.Select(s => s.Value).ToList();
            if (protocolValue > 0)
            {
                values.Add(protocolValue);
            }

            var shares = DissolveDistribution.Split(pot, values);
            for (var i = 0; i < stakers.Count; i++)
            {
                if (shares[i] > 0)
                {
                    TryIgnoring(() => TransferTaoFromSubnet(state, netuid, stakers[i].Cold, shares[i]));
                }
            }

            if (protocolValue > 0)
            {
                protocolShare = shares[^1];
            }
        }

        foreach (var (hot, cold) in keysToRemove)
        {
            Alpha.Remove(state, hot, cold, netuid);
            AlphaV2.Remove(state, hot, cold, netuid);
        }

        foreach (var hot in hotkeys)
        {
            TotalHotkeyAlpha.Remove(state, hot, netuid);
            TotalHotkeyShares.Remove(state, hot, netuid);
            TotalHotkeySharesV2.Remove(state, hot, netuid);
        }

        SubnetAlphaIn.Remove(state, netuid);
        SubnetAlphaOut.Remove(state, netuid);
        SubnetProtocolAlpha.Remove(state, netuid);
        SubnetLocked.Insert(state, netuid, 0);
        var refund = refundOwner ? Sub(lockCost, ownerEmissionTao) : 0;
        var subnetAccount = SubnetAccount(netuid);
        if (refund != 0)
        {
            var transferable = Sub(ColdkeyBalance(state, subnetAccount), protocolShare);
            TryIgnoring(() => TransferTao(state, subnetAccount, owner, Math.Min(refund, transferable)));
        }

        var remaining = KeepAliveBalance(state, subnetAccount);
        state.StartTransaction();
        try
        {
            RecycleTao(state, subnetAccount, remaining);
            state.CommitTransaction();
            RAORecycledForRegistration.Insert(state, netuid, remaining);
        }
        catch (Framework.Dispatch.DispatchException)
        {
            state.RollbackTransaction();
        }

        DestroyLockMaps(state, netuid);
    }

    /// <summary><c>finalize_all_subnet_root_dividends</c>: the subnet leaves every RootClaimable map; its RootClaimed entries go.</summary>
    public void FinalizeAllSubnetRootDividends(IStateAccess state, ushort netuid)
    {
        foreach (var (hotkey, rates) in RootClaimable.Iterate(state).ToList())
        {
            RootClaimable.Insert(state, hotkey, rates.Where(r => r.NetUid != netuid).ToArray());
        }

        RootClaimed.RemovePrefix(state, netuid);
    }

    /// <summary><c>destroy_lock_maps</c>.</summary>
    public void DestroyLockMaps(IStateAccess state, ushort netuid)
    {
        foreach (var (_, hot, cold, _) in LockingColdkeys.IteratePrefix(state, netuid).ToList())
        {
            Lock.Remove(state, cold, netuid, hot);
        }

        LockingColdkeys.RemovePrefix(state, netuid);
        HotkeyLock.RemovePrefix(state, netuid);
        DecayingHotkeyLock.RemovePrefix(state, netuid);
        OwnerLock.Remove(state, netuid);
        DecayingOwnerLock.Remove(state, netuid);
        foreach (var cold in DecayingLock.Iterate(state).Where(e => e.Key2 == netuid).Select(e => e.Key1).ToList())
        {
            DecayingLock.Remove(state, cold, netuid);
        }
    }

    /// <summary><c>remove_network</c>: every per-subnet storage item of the subnet cleared.</summary>
    public void RemoveNetwork(IStateAccess state, ushort netuid)
    {
        SubnetOwner.Remove(state, netuid);
        SubnetworkN.Remove(state, netuid);
        NetworksAdded.Remove(state, netuid);
        TotalNetworks.Mutate(state, n => (ushort)(n > 0 ? n - 1 : 0));
        NetworkRegisteredAt.Remove(state, netuid);
        Uids.RemovePrefix(state, netuid);
        var keys = Keys.IteratePrefix(state, netuid).ToList();
        Keys.RemovePrefix(state, netuid);
        foreach (var (uid, weights) in Weights.IteratePrefix(state, RootNetUid).ToList())
        {
            Weights.Insert(state, RootNetUid, uid, weights.Select(w => w.Item1 == netuid ? (w.Item1, (ushort)0) : w).ToArray());
        }

        Active.Remove(state, netuid);
        Emission.Remove(state, netuid);
        Consensus.Remove(state, netuid);
        Dividends.Remove(state, netuid);
        ValidatorPermit.Remove(state, netuid);
        ValidatorTrust.Remove(state, netuid);
        foreach (var (_, key) in keys)
        {
            IsNetworkMember.Remove(state, key, netuid);
        }

        Framework.Storage.StorageEntry[] perNetuid =
        [
            Tempo, Kappa, Difficulty, MaxAllowedUids, ImmunityPeriod, ActivityCutoff, ActivityCutoffFactorMilli, LastEpochBlock, PendingEpochAt,
            SubnetEpochIndex, MinAllowedWeights, RegistrationsThisInterval, POWRegistrationsThisInterval, BurnRegistrationsThisInterval,
            SubnetAlphaInEmission, SubnetAlphaOutEmission, SubnetTaoInEmission, SubnetVolume, SubnetMovingPrice, SubnetTaoFlow, SubnetEmaTaoFlow,
            SubnetProtocolFlow, SubnetEmaProtocolFlow, SubnetExcessTao, SubnetRootSellTao, TokenSymbol, SubnetMechanism, SubnetOwnerHotkey,
            NetworkRegistrationAllowed, NetworkPowRegistrationAllowed, TransferToggle, SubnetLocked, LargestLocked, FirstEmissionBlockNumber,
            PendingValidatorEmission, PendingServerEmission, PendingRootAlphaDivs, PendingOwnerCut, MinerBurned, BlocksSinceLastStep,
            LastMechansimStepBlock, LastAdjustmentBlock, ServingRateLimit, Rho, AlphaSigmoidSteepness, MaxAllowedValidators, BondsMovingAverage,
            BondsPenalty, BondsResetOn, WeightsSetRateLimit, ValidatorPruneLen, ScalingLawPower, TargetRegistrationsPerInterval,
            CommitRevealWeightsEnabled, BurnHalfLife, BurnIncreaseMult, Burn, MinBurn, MaxBurn, MinDifficulty, MaxDifficulty, RegistrationsThisBlock,
            EMAPriceHalvingBlocks, RAORecycledForRegistration, MaxRegistrationsPerBlock, WeightsVersionKey, LiquidAlphaOn, Yuma3On, AlphaValues,
            SubtokenEnabled, OwnerCutAutoLockEnabled, ImmuneOwnerUidsLimit, StakeWeight, LoadedEmission,
        ];
        foreach (var item in perNetuid)
        {
            RemoveNetuidEntry(state, item, netuid);
        }

        BlockAtRegistration.RemovePrefix(state, netuid);
        Axons.RemovePrefix(state, netuid);
        NeuronCertificates.RemovePrefix(state, netuid);
        Prometheus.RemovePrefix(state, netuid);
        AlphaDividendsPerSubnet.RemovePrefix(state, netuid);
        PendingChildKeys.RemovePrefix(state, netuid);
        AssociatedEvmAddress.RemovePrefix(state, netuid);
        for (byte mecid = 0; mecid < MechanismCountCurrent.Get(state, netuid); mecid++)
        {
            var index = MechanismStorageIndex(netuid, mecid);
            LastUpdate.Remove(state, index);
            Incentive.Remove(state, index);
            WeightCommits.RemovePrefix(state, index);
            TimelockedWeightCommits.RemovePrefix(state, index);
            CRV3WeightCommits.RemovePrefix(state, index);
            CRV3WeightCommitsV2.RemovePrefix(state, index);
            Bonds.RemovePrefix(state, index);
            Weights.RemovePrefix(state, index);
        }

        RevealPeriodEpochs.Remove(state, netuid);
        MechanismCountCurrent.Remove(state, netuid);
        MechanismEmissionSplit.Remove(state, netuid);
        LastHotkeySwapOnNetuid.RemovePrefix(state, netuid);
        if (SubnetIdentitiesV3.Contains(state, netuid))
        {
            SubnetIdentitiesV3.Remove(state, netuid);
            Emit(state, SubtensorEvent.SubnetIdentityRemoved, netuid);
        }

        RemoveSecondKey(state, ChildkeyTake, netuid);
        RemoveSecondKey(state, ChildKeys, netuid);
        RemoveSecondKey(state, ParentKeys, netuid);
        RemoveSecondKey(state, LastHotkeyEmissionOnNetuid, netuid);
        RemoveSecondKey(state, TotalHotkeyAlphaLastEpoch, netuid);
        foreach (var (hot, n, name, _) in TransactionKeyLastBlock.Iterate(state).Where(e => e.K2 == netuid).ToList())
        {
            TransactionKeyLastBlock.Remove(state, hot, n, name);
        }

        if (SubnetUidToLeaseId.TryGet(state, netuid, out var lease))
        {
            SubnetUidToLeaseId.Remove(state, netuid);
            SubnetLeases.Remove(state, lease);
            SubnetLeaseShares.RemovePrefix(state, lease);
            AccumulatedLeaseDividends.Remove(state, lease);
        }

        DestroyLockMaps(state, netuid);
    }

    /// <summary>The (coldkey, shares) entries of a hotkey's pool on a subnet (legacy and V2 merged, V2 preferred).</summary>
    private List<(AccountId32 Cold, Economics.Staking.SafeFloat Share)> SharesOfHotkey(IStateAccess state, AccountId32 hotkey, ushort netuid)
    {
        var merged = new Dictionary<AccountId32, Economics.Staking.SafeFloat>();
        var order = new List<AccountId32>();
        foreach (var (_, cold, n, share) in Alpha.IteratePrefix(state, hotkey))
        {
            if (n == netuid && merged.TryAdd(cold, Economics.Staking.SafeFloat.FromU64F64(share)))
            {
                order.Add(cold);
            }
        }

        foreach (var (_, cold, n, share) in AlphaV2.IteratePrefix(state, hotkey))
        {
            if (n != netuid)
            {
                continue;
            }

            if (!merged.ContainsKey(cold))
            {
                order.Add(cold);
            }

            merged[cold] = share;
        }

        return order.OrderBy(c => c.ToArray(), Core.Types.ByteArrayComparer.Instance).Select(c => (c, merged[c])).ToList();
    }

    private static void RemoveNetuidEntry(IStateAccess state, Framework.Storage.StorageEntry item, ushort netuid) =>
        ((Framework.Storage.IStorageMapEntry)item).RemoveEncodedKey(state, [(byte)netuid, (byte)(netuid >> 8)]);

    private static void RemoveSecondKey<TValue>(IStateAccess state, Framework.Storage.StorageDoubleMap<AccountId32, ushort, TValue> map, ushort netuid)
    {
        foreach (var hot in map.Iterate(state).Where(e => e.Key2 == netuid).Select(e => e.Key1).ToList())
        {
            map.Remove(state, hot, netuid);
        }
    }
}
