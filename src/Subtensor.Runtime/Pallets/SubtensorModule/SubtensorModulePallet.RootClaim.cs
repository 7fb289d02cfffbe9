using Subtensor.Core.Arithmetic;
using Subtensor.Core.Types;
using Subtensor.Economics.Swap;
using Subtensor.Runtime.State;

namespace Subtensor.Runtime.Pallets.SubtensorModule;

// Root dividends as claimable alpha (staking/claim_root.rs): RootClaimable rates per root-staked hotkey, claim_root,
// claim types (Swap / Keep / KeepSubnets), thresholds, and the automatic claims of block_step.
public sealed partial class SubtensorModulePallet
{
    /// <summary>At most this many subnets per <c>claim_root</c> call (<c>MAX_SUBNET_CLAIMS</c>).</summary>
    public const int MaxSubnetClaims = 5;

    /// <summary>
    /// <c>increase_root_claimable_for_hotkey_and_subnet</c>: the rate (alpha per unit of root stake, I96F32) grows by
    /// amount / root stake. False when the hotkey has no root stake (nobody could claim it).
    /// </summary>
    public bool IncreaseRootClaimable(IStateAccess state, AccountId32 hotkey, ushort netuid, ulong amount)
    {
        var rootStake = HotkeyStake(state, hotkey, RootNetUid);
        if (rootStake == 0)
        {
            return false;
        }

        if (amount == 0)
        {
            return true;
        }

        var increment = I96F32.SaturatingFromNum(amount).SafeDiv(I96F32.SaturatingFromNum(rootStake));
        var rates = RootClaimable.Get(state, hotkey).ToDictionary(e => e.NetUid, e => e.Rate);
        rates[netuid] = (rates.TryGetValue(netuid, out var r) ? r : I96F32.Zero).SaturatingAdd(increment);
        RootClaimable.Insert(state, hotkey, rates.OrderBy(e => e.Key).Select(e => (e.Key, e.Value)).ToArray());
        return true;
    }

    /// <summary>Alpha a coldkey can still claim through a hotkey on a subnet: rate × root stake − RootClaimed (≥ 0).</summary>
    public ulong RootOwed(IStateAccess state, AccountId32 hotkey, AccountId32 coldkey, ushort netuid)
    {
        var rate = RootClaimable.Get(state, hotkey).FirstOrDefault(e => e.NetUid == netuid).Rate;
        var total = rate.SaturatingMul(I96F32.SaturatingFromNum(Stake(state, hotkey, coldkey, RootNetUid))).SaturatingToU128();
        var claimed = RootClaimed.Get(state, netuid, hotkey, coldkey);
        var owed = total > claimed ? total - claimed : UInt128.Zero;
        return owed > ulong.MaxValue ? ulong.MaxValue : (ulong)owed;
    }

    /// <summary><c>do_root_claim</c> (claim_root call): 1..=5 subnets, each claimed through every hotkey of the coldkey.</summary>
    public void DoClaimRoot(IStateAccess state, AccountId32 coldkey, ushort[] subnets)
    {
        ArgumentNullException.ThrowIfNull(subnets);
        Ensure(subnets.Length is > 0 and <= MaxSubnetClaims, SubtensorError.InvalidSubnetNumber);
        ClaimRootForColdkey(state, coldkey, subnets);
        Emit(state, SubtensorEvent.RootClaimed, coldkey);
    }

    /// <summary>
    /// Claims the coldkey's owed root alpha on <paramref name="subnets"/> (null = every subnet its hotkeys accrued on);
    /// amounts below <c>RootClaimableThreshold</c> are left for later.
    /// </summary>
    public void ClaimRootForColdkey(IStateAccess state, AccountId32 coldkey, IReadOnlyCollection<ushort>? subnets)
    {
        var type = RootClaimType.Get(state, coldkey);
        foreach (var hotkey in StakingHotkeys.Get(state, coldkey))
        {
            if (Stake(state, hotkey, coldkey, RootNetUid) == 0)
            {
                continue;
            }

            foreach (var (netuid, _) in RootClaimable.Get(state, hotkey))
            {
                if (netuid == RootNetUid || (subnets is not null && !subnets.Contains(netuid)) || !NetworksAdded.Get(state, netuid))
                {
                    continue;
                }

                var owed = RootOwed(state, hotkey, coldkey, netuid);
                if (owed == 0 || I96F32.SaturatingFromNum(owed) < RootClaimableThreshold.Get(state, netuid))
                {
                    continue;
                }

                var keep = KeepsAlpha(type, netuid);
                TryInLayer(state, () => ClaimOne(state, hotkey, coldkey, netuid, owed, keep));
            }
        }
    }

    /// <summary>
    /// The automatic claims of <c>block_step</c>: <c>NumRootClaim</c> distinct coldkeys of the root-staker index, starting
    /// at an offset taken from the parent block hash.
    /// </summary>
    public void RunAutoRootClaims(IStateAccess state)
    {
        var n = NumStakingColdkeys.Get(state);
        if (n == 0)
        {
            return;
        }

        var seedBytes = _system.ParentHash.Get(state).ToArray();
        var seed = BitConverter.ToUInt64(seedBytes, 0);
        var count = Math.Min(NumRootClaim.Get(state), n);
        for (ulong k = 0; k < count; k++)
        {
            var index = (ulong)(((UInt128)seed + k) % n);
            if (StakingColdkeysByIndex.TryGet(state, index, out var coldkey))
            {
                ClaimRootForColdkey(state, coldkey, null);
            }
        }
    }

    /// <summary>Claims <paramref name="owed"/>: kept as alpha stake on the subnet, or sold fee-less and restaked on root.</summary>
    private void ClaimOne(IStateAccess state, AccountId32 hotkey, AccountId32 coldkey, ushort netuid, ulong owed, bool keep)
    {
        var claimed = RootClaimed.Get(state, netuid, hotkey, coldkey);
        RootClaimed.Insert(state, netuid, hotkey, coldkey, UInt128.MaxValue - claimed < owed ? UInt128.MaxValue : claimed + owed);
        if (keep)
        {
            IncreaseStake(state, hotkey, coldkey, netuid, owed);
            return;
        }

        var r = SwapAlphaForTao(state, netuid, owed, PoolSwap.MinPriceRao, dropFees: true);
        var refund = Sub(owed, r.AmountPaidIn);
        if (refund != 0)
        {
            IncreaseStake(state, hotkey, coldkey, netuid, refund);
        }

        if (r.AmountPaidOut == 0)
        {
            return;
        }

        TransferTao(state, SubnetAccount(netuid), SubnetAccount(RootNetUid), r.AmountPaidOut);
        SubnetRootSellTao.Mutate(state, netuid, v => Add(v, r.AmountPaidOut));
        SubnetTAO.Mutate(state, RootNetUid, v => Add(v, r.AmountPaidOut));
        SubnetAlphaOut.Mutate(state, RootNetUid, v => Add(v, r.AmountPaidOut));
        TotalStake.Mutate(state, v => Add(v, r.AmountPaidOut));
        IncreaseStake(state, hotkey, coldkey, RootNetUid, r.AmountPaidOut);
        AdjustRootClaimed(state, hotkey, coldkey, r.AmountPaidOut, add: true);
    }

    /// <summary>Runs <paramref name="action"/> in its own storage layer; a dispatch error rolls it back and returns false.</summary>
    internal static bool TryInLayer(IStateAccess state, Action action)
    {
        state.StartTransaction();
        try
        {
            action();
            state.CommitTransaction();
            return true;
        }
        catch (Framework.Dispatch.DispatchException)
        {
            state.RollbackTransaction();
            return false;
        }
    }

    /// <summary>Keep, or KeepSubnets listing the subnet; Swap (the default) sells.</summary>
    private static bool KeepsAlpha(byte[] type, ushort netuid)
    {
        if (type.Length == 0 || type[0] == 0)
        {
            return false;
        }

        if (type[0] == 1)
        {
            return true;
        }

        var r = new Core.Scale.ScaleReader(type.AsSpan(1));
        var count = r.ReadLength(2);
        for (var i = 0; i < count; i++)
        {
            if (r.ReadU16() == netuid)
            {
                return true;
            }
        }

        return false;
    }
}
