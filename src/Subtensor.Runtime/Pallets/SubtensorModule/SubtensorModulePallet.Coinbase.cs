using Subtensor.Core.Arithmetic;
using Subtensor.Core.Types;
using Subtensor.Economics.Coinbase;
using Subtensor.Economics.Epoch;
using Subtensor.Economics.Swap;
using Subtensor.Runtime.State;

namespace Subtensor.Runtime.Pallets.SubtensorModule;

// The per-block coinbase (coinbase/run_coinbase.rs, coinbase/subnet_emissions.rs, coinbase/block_step.rs): block emission,
// subnet shares by moving price, TAO/alpha injection capped by the root proportion, alpha out with the owner cut, the
// pending accumulators, epoch scheduling with MaxEpochsPerBlock, and distribution of incentives and dividends.
public sealed partial class SubtensorModulePallet
{
    /// <summary>
    /// <c>block_step</c> after the registration price decay: block emission, coinbase (with the epochs), moving prices,
    /// RootProp, pending child keys of the subnets whose epoch fired, and the automatic root claims. Returns the subnets
    /// whose epoch ran.
    /// </summary>
    public List<ushort> RunCoinbaseStep(IStateAccess state)
    {
        var emission = BlockEmissionForIssuance(state, TotalIssuance.Get(state));
        var fired = RunCoinbase(state, emission);
        var now = CurrentBlock(state);
        foreach (var netuid in EmittingSubnets(state))
        {
            SubnetMovingPrice.Insert(state, netuid, MovingPrice.Update(MovingAlphaPrice(state, netuid), Swap.CurrentPrice(state, netuid),
                FirstEmissionBlockNumber.TryGet(state, netuid, out var first) ? first : null, now, EMAPriceHalvingBlocks.Get(state, netuid), SubnetMovingAlpha.Get(state)));
        }

        foreach (var netuid in AllSubnetNetuids(state).Where(n => n != RootNetUid))
        {
            RootProp.Insert(state, netuid, RootProportionOf(state, netuid));
        }

        foreach (var netuid in fired)
        {
            ApplyPendingChildKeys(state, netuid);
        }

        RunAutoRootClaims(state);
        return fired;
    }

    /// <summary><c>get_block_emission_for_issuance</c>; like Subtensor it also writes <c>BlockEmission</c>.</summary>
    public ulong BlockEmissionForIssuance(IStateAccess state, ulong issuance)
    {
        var e = Economics.Coinbase.BlockEmission.ForIssuance(issuance) ?? 0;
        this.BlockEmission.Put(state, e);
        return e;
    }

    /// <summary>Non-root subnets that receive emission: started, subtoken enabled, registration allowed.</summary>
    public List<ushort> EmittingSubnets(IStateAccess state) =>
        AllSubnetNetuids(state).Where(n => n != RootNetUid && FirstEmissionBlockNumber.Contains(state, n) && SubtokenEnabled.Get(state, n)
            && NetworkRegistrationAllowed.Get(state, n)).OrderBy(n => n).ToList();

    /// <summary><c>root_proportion</c> with the live root TAO and alpha issuance.</summary>
    public U96F32 RootProportionOf(IStateAccess state, ushort netuid) =>
        RootProportion.Compute(AlphaIssuance(state, netuid), SubnetTAO.Get(state, RootNetUid), TaoWeight.Get(state));

    /// <summary>
    /// <c>run_coinbase</c>: emits to the subnets, accumulates pendings, then drains the subnets whose epoch is due (at most
    /// MaxEpochsPerBlock) and distributes. Returns the subnets whose epoch ran.
    /// </summary>
    public List<ushort> RunCoinbase(IStateAccess state, ulong blockEmission)
    {
        foreach (var (netuid, _) in SubnetRootSellTao.Iterate(state).ToList())
        {
            SubnetRootSellTao.Remove(state, netuid);
        }

        var subnets = EmittingSubnets(state);
        if (subnets.Count != 0)
        {
            EmitToSubnets(state, subnets, blockEmission);
        }

        var now = CurrentBlock(state);
        var maxEpochs = MaxEpochsPerBlock.Get(state);
        var run = 0;
        var drained = new List<(ushort Netuid, ulong Server, ulong Validator, ulong Root, ulong OwnerCut)>();
        var fired = new List<ushort>();
        foreach (var netuid in AllSubnetNetuids(state).Where(n => n != RootNetUid).OrderBy(n => n))
        {
            BlocksSinceLastStep.Mutate(state, netuid, v => Add(v, 1));
            if (!ShouldRunEpoch(state, netuid, now))
            {
                continue;
            }

            if (run >= maxEpochs)
            {
                PendingEpochAt.Insert(state, netuid, Add(now, 1));
                Emit(state, SubtensorEvent.EpochDeferred, netuid, now, Add(now, 1));
                continue;
            }

            run++;
            LastEpochBlock.Insert(state, netuid, now);
            PendingEpochAt.Remove(state, netuid);
            SubnetEpochIndex.Mutate(state, netuid, v => Add(v, 1));
            if (!IsEpochInputStateConsistent(state, netuid))
            {
                Emit(state, SubtensorEvent.EpochSkipped, netuid, now);
                continue;
            }

            BlocksSinceLastStep.Insert(state, netuid, 0);
            drained.Add((netuid, Take(state, PendingServerEmission, netuid), Take(state, PendingValidatorEmission, netuid),
                Take(state, PendingRootAlphaDivs, netuid), Take(state, PendingOwnerCut, netuid)));
            fired.Add(netuid);
        }

        foreach (var (netuid, server, validator, root, ownerCut) in drained)
        {
            DistributeEmission(state, netuid, server, validator, root, ownerCut);
            LastMechansimStepBlock.Insert(state, netuid, now);
        }

        return fired;
    }

    /// <summary>Steps 3–7 of <c>run_coinbase</c> for the emitting subnets.</summary>
    private void EmitToSubnets(IStateAccess state, List<ushort> subnets, ulong blockEmission)
    {
        var prices = subnets.Select(n => MovingAlphaPrice(state, n)).ToArray();
        var burned = subnets.Select(n => MinerBurned.Get(state, n)).ToArray();
        var enabled = subnets.Select(n => SubnetEmissionEnabled.Get(state, n)).ToArray();
        var shares = SubnetEmissionShares.Shares(prices, burned);
        var taoEmission = SubnetEmissionShares.BlockEmissions(shares, enabled, U96F32.SaturatingFromNum(blockEmission));
        var rootSell = SubnetEmissionShares.RootSellFlag(prices);
        var ownerCutFraction = AlphaOutSplit.OwnerCutFraction(SubnetOwnerCut.Get(state));
        for (var i = 0; i < subnets.Count; i++)
        {
            var netuid = subnets[i];
            var rootProp = RootProportionOf(state, netuid);
            var issuance = AlphaIssuance(state, netuid);
            var terms = SubnetTerms.Compute(taoEmission[i], issuance, Swap.CurrentPrice(state, netuid), rootProp);
            BlockEmissionForIssuance(state, issuance);
            InjectAndMaybeSwap(state, netuid, terms);

            var alphaOut = terms.AlphaOut.SaturatingToU64();
            SubnetAlphaOutEmission.Insert(state, netuid, alphaOut);
            SubnetAlphaOut.Mutate(state, netuid, v => Add(v, alphaOut));
            var split = AlphaOutSplit.Compute(terms.AlphaOut, ownerCutFraction, OwnerCutEnabled.Get(state, netuid), rootProp);
            PendingOwnerCut.Mutate(state, netuid, v => Add(v, split.OwnerCut));
            PendingServerEmission.Mutate(state, netuid, v => Add(v, split.Server));
            PendingValidatorEmission.Mutate(state, netuid, v => Add(v, split.Validator));
            if (rootSell)
            {
                PendingRootAlphaDivs.Mutate(state, netuid, v => Add(v, split.Root));
            }
            else
            {
                RecycleSubnetAlpha(state, netuid, split.Root);
            }

            // The parts are floored separately; the RAO left between them and the minted alpha is recycled (Subtensor
            // leaves it in SubnetAlphaOut without an owner).
            var parts = Add(Add(split.OwnerCut, split.Server), Add(split.Validator, split.Root));
            if (alphaOut > parts)
            {
                RecycleSubnetAlpha(state, netuid, alphaOut - parts);
            }
        }
    }

    /// <summary>
    /// <c>inject_and_maybe_swap</c>: the pool weights are updated for (tao_in, alpha_in) (a refused update injects nothing);
    /// the excess TAO buys alpha fee-less for the protocol; the TAO spent is minted into the subnet account, the rest of the
    /// block's credit is never minted (Subtensor recycles it).
    /// </summary>
    private void InjectAndMaybeSwap(IStateAccess state, ushort netuid, SubnetTerms terms)
    {
        var (taoIn, alphaIn, excess) = terms.Rao();
        if (SubnetMechanism.Get(state, netuid) == 1 && (taoIn != 0 || alphaIn != 0))
        {
            var current = Swap.PalSwapInitialized.Get(state, netuid) ? Swap.SwapBalancer.Get(state, netuid) : BalancerPool.Default;
            if (current.WithAddedLiquidity(SubnetTAO.Get(state, netuid), SubnetAlphaIn.Get(state, netuid), taoIn, alphaIn) is { } updated)
            {
                Swap.SwapBalancer.Insert(state, netuid, updated);
                Swap.PalSwapInitialized.Insert(state, netuid, true);
            }
            else
            {
                taoIn = 0;
                alphaIn = 0;
            }
        }

        if (excess != 0)
        {
            // A chain buy the pool refuses leaves the excess unminted (recycled credit).
            var spend = excess;
            if (!TryInLayer(state, () =>
                {
                    var minted = MintTaoInto(state, SubnetAccount(netuid), spend);
                    var r = SwapTaoForAlpha(state, netuid, minted, PoolSwap.MaxPriceRao, dropFees: true);
                    SubnetProtocolAlpha.Mutate(state, netuid, v => Add(v, r.AmountPaidOut));
                }))
            {
                excess = 0;
            }
        }

        taoIn = MintTaoInto(state, SubnetAccount(netuid), taoIn);
        SubnetTaoInEmission.Insert(state, netuid, taoIn);
        SubnetAlphaInEmission.Insert(state, netuid, alphaIn);
        SubnetExcessTao.Insert(state, netuid, excess);
        SubnetAlphaIn.Mutate(state, netuid, v => Add(v, alphaIn));
        SubnetTAO.Mutate(state, netuid, v => Add(v, taoIn));
        TotalStake.Mutate(state, v => Add(v, taoIn));
    }

    /// <summary><c>mint_tao</c> resolved into an account: both issuances grow by what the account received.</summary>
    private ulong MintTaoInto(IStateAccess state, AccountId32 account, ulong amount)
    {
        if (amount == 0)
        {
            return 0;
        }

        var deposited = _balances.DepositInto(state, account, amount, exact: false);
        _balances.TotalIssuance.Mutate(state, v => Add(v, deposited));
        TotalIssuance.Mutate(state, v => Add(v, deposited));
        return deposited;
    }

    /// <summary>
    /// <c>distribute_emission</c>: owner cut staked to the owner hotkey, the epoch run on server + validator + root pending,
    /// incentives to miners (owner UIDs' share burned or recycled), dividends split with parents and between alpha and root,
    /// validator take, nominators' pools and root claimables.
    /// </summary>
    public void DistributeEmission(IStateAccess state, ushort netuid, ulong pendingServer, ulong pendingValidator, ulong pendingRoot, ulong ownerCut)
    {
        PayOwnerCut(state, netuid, ownerCut);
        var epochEmission = Add(Add(pendingServer, pendingValidator), pendingRoot);
        var results = RunEpochWithMechanisms(state, netuid, epochEmission);
        ulong incentiveSum = 0;
        foreach (var (_, server, _) in results)
        {
            incentiveSum = Add(incentiveSum, server);
        }

        var (_, validatorAlpha) = DividendDistribution.EpochAmounts(pendingServer, pendingValidator, pendingRoot, incentiveSum);
        PayIncentives(state, netuid, results, incentiveSum);
        var paid = Add(incentiveSum, PayDividends(state, netuid, results, validatorAlpha, pendingRoot));

        // What the epoch did not hand out (flooring dust; the miners' half of the root alpha recycled at emission time;
        // everything when nobody earned) is recycled so that every alpha in SubnetAlphaOut has an owner. Subtensor leaves
        // this remainder counted in SubnetAlphaOut without an owner.
        if (epochEmission > paid)
        {
            RecycleSubnetAlpha(state, netuid, epochEmission - paid);
        }
    }

    private void PayOwnerCut(IStateAccess state, ushort netuid, ulong ownerCut)
    {
        if (ownerCut == 0)
        {
            return;
        }

        if (SubnetOwnerHotkey.TryGet(state, netuid, out var hotkey) && SubnetOwner.TryGet(state, netuid, out var owner))
        {
            IncreaseStake(state, hotkey, owner, netuid, ownerCut);
        }
        else
        {
            RecycleSubnetAlpha(state, netuid, ownerCut);
        }
    }

    private void PayIncentives(IStateAccess state, ushort netuid, List<(AccountId32 Hotkey, ulong Server, ulong Validator)> results, ulong total)
    {
        var ownerColdkey = SubnetOwner.TryGet(state, netuid, out var oc) ? oc : (AccountId32?)null;
        var ownerHotkey = SubnetOwnerHotkey.TryGet(state, netuid, out var oh) ? oh : (AccountId32?)null;
        var mode = RecycleOrBurn.Get(state, netuid);
        ulong withheld = 0;
        foreach (var (hotkey, incentive, _) in results)
        {
            if (incentive == 0)
            {
                continue;
            }

            var coldkey = Owner.Get(state, hotkey);
            if (hotkey == ownerHotkey || (ownerColdkey is { } o && coldkey == o))
            {
                withheld = Add(withheld, incentive);
                if (mode == Pallets.SubtensorModule.RecycleOrBurn.Recycle)
                {
                    RecycleSubnetAlpha(state, netuid, incentive);
                }
                else
                {
                    BurnSubnetAlpha(state, netuid, incentive);
                }

                continue;
            }

            if (AutoStakeDestination.TryGet(state, coldkey, netuid, out var destination))
            {
                IncreaseStake(state, destination, coldkey, netuid, incentive);
                Emit(state, SubtensorEvent.AutoStakeAdded, netuid, destination, hotkey, coldkey, incentive);
            }
            else
            {
                IncreaseStake(state, hotkey, coldkey, netuid, incentive);
            }
        }

        MinerBurned.Insert(state, netuid, DividendDistribution.MinerBurned(withheld, total));
    }

    /// <summary>Pays the dividends; returns the alpha paid (staked, put in nominator pools, claimable or recycled).</summary>
    private ulong PayDividends(IStateAccess state, ushort netuid, List<(AccountId32 Hotkey, ulong Server, ulong Validator)> results, ulong validatorAlpha, ulong pendingRoot)
    {
        // Each hotkey's epoch dividend shared with its parents (the CKBurn part leaves the shares), accumulated per recipient.
        var dividends = new Dictionary<AccountId32, ulong>();
        var order = new List<AccountId32>();
        foreach (var (hotkey, _, dividend) in results)
        {
            if (dividend == 0)
            {
                continue;
            }

            var (shares, burned) = ParentChildSplit(state, hotkey, netuid, dividend);
            foreach (var (recipient, amount) in shares)
            {
                if (!dividends.TryGetValue(recipient, out var d))
                {
                    order.Add(recipient);
                }

                dividends[recipient] = Add(d, amount);
            }

            _ = burned;
        }

        var taoWeight = StakeWeights.TaoWeight(TaoWeight.Get(state));
        var inputs = order.Select(h => (HotkeyStake(state, h, netuid), HotkeyStake(state, h, RootNetUid), U96F32.SaturatingFromNum(dividends[h]))).ToList();
        var split = DividendDistribution.Compute(validatorAlpha, pendingRoot, taoWeight, inputs);
        ulong rootPaid = 0;
        ulong alphaPaid = 0;
        for (var i = 0; i < order.Count; i++)
        {
            var hotkey = order[i];
            var coldkey = Owner.Get(state, hotkey);
            var takeRate = Delegates.Get(state, hotkey);
            var alpha = split[i].Alpha.SaturatingToU64();
            if (alpha != 0)
            {
                var (take, _) = DividendDistribution.ApplyTake(U96F32.SaturatingFromNum(alpha), takeRate);
                var takeRao = take.SaturatingToU64();
                IncreaseStake(state, hotkey, coldkey, netuid, takeRao);
                IncreaseHotkeyStake(state, hotkey, netuid, alpha - takeRao);
                AlphaDividendsPerSubnet.Insert(state, netuid, hotkey, alpha);
                alphaPaid = Add(alphaPaid, alpha);
            }

            var root = split[i].Root.SaturatingToU64();
            if (root != 0)
            {
                var (take, _) = DividendDistribution.ApplyTake(U96F32.SaturatingFromNum(root), takeRate);
                var takeRao = take.SaturatingToU64();
                IncreaseStake(state, hotkey, coldkey, netuid, takeRao);
                var rest = root - takeRao;
                if (!IncreaseRootClaimable(state, hotkey, netuid, rest))
                {
                    RecycleSubnetAlpha(state, netuid, rest);
                }

                RootAlphaDividendsPerSubnet.Insert(state, netuid, hotkey, root);
                rootPaid = Add(rootPaid, root);
            }
        }

        return Add(alphaPaid, rootPaid);
    }

    private static ulong Take(IStateAccess state, Framework.Storage.StorageMap<ushort, ulong> map, ushort netuid)
    {
        var v = map.Get(state, netuid);
        if (v != 0)
        {
            map.Insert(state, netuid, 0);
        }

        return v;
    }
}
