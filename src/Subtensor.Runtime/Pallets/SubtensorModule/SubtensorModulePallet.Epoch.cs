using Subtensor.Core.Types;
using Subtensor.Economics.Epoch;
using Subtensor.Runtime.State;

namespace Subtensor.Runtime.Pallets.SubtensorModule;

// The Yuma epoch run from storage (epoch/run_epoch.rs epoch_mechanism + persist_*_epoch_terms, subnets/mechanism.rs
// epoch_with_mechanisms): inputs read per mechanism, the pure YumaEpoch of Subtensor.Economics, outputs written exactly
// where Subtensor keeps them.
public sealed partial class SubtensorModulePallet
{
    /// <summary>
    /// <c>epoch_with_mechanisms</c>: splits <paramref name="emission"/> over the subnet's mechanisms, runs each, persists the
    /// per-mechanism and merged terms, and returns per UID (hotkey, server emission, validator emission).
    /// </summary>
    public List<(AccountId32 Hotkey, ulong Server, ulong Validator)> RunEpochWithMechanisms(IStateAccess state, ushort netuid, ulong emission)
    {
        var count = Math.Max((byte)1, MechanismCountCurrent.Get(state, netuid));
        var split = MechanismEmissionSplit.TryGet(state, netuid, out var s) ? s : null;
        var perMechanism = MechanismEmission.Split(emission, count, split);
        var outputs = new List<EpochOutput>(count);
        for (byte m = 0; m < count; m++)
        {
            var output = YumaEpoch.Run(BuildEpochInput(state, netuid, m, perMechanism[m]));
            PersistMechanismTerms(state, netuid, m, output);
            outputs.Add(output);
        }

        var merged = MechanismEmission.Merge(outputs, perMechanism, emission);
        PersistNetuidTerms(state, netuid, merged);
        var result = new List<(AccountId32, ulong, ulong)>(merged.ServerEmission.Length);
        for (ushort uid = 0; uid < merged.ServerEmission.Length; uid++)
        {
            if (Keys.Contains(state, netuid, uid))
            {
                result.Add((Keys.Get(state, netuid, uid), merged.ServerEmission[uid], merged.ValidatorEmission[uid]));
            }
        }

        return result;
    }

    /// <summary><c>is_epoch_input_state_consistent</c>: no hotkey holds two UIDs.</summary>
    public bool IsEpochInputStateConsistent(IStateAccess state, ushort netuid)
    {
        var seen = new HashSet<AccountId32>();
        foreach (var (_, hotkey) in Keys.IteratePrefix(state, netuid))
        {
            if (!seen.Add(hotkey))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Everything <c>epoch_mechanism</c> reads, from storage.</summary>
    public EpochInput BuildEpochInput(IStateAccess state, ushort netuid, byte mecid, ulong emission)
    {
        int n = SubnetworkN.Get(state, netuid);
        var index = MechanismStorageIndex(netuid, mecid);
        var hotkeys = new AccountId32?[n];
        foreach (var (uid, hotkey) in Keys.IteratePrefix(state, netuid))
        {
            if (uid < n)
            {
                hotkeys[uid] = hotkey;
            }
        }

        var registered = new ulong[n];
        var alpha = new ulong[n];
        var tao = new ulong[n];
        var weights = new (ushort, ushort)[n][];
        var bonds = new (ushort, ushort)[n][];
        var commitReveal = CommitRevealWeightsEnabled.Get(state, netuid);
        var commitBlocks = commitReveal ? new ulong[n] : [];
        for (ushort uid = 0; uid < n; uid++)
        {
            weights[uid] = Weights.Get(state, index, uid);
            bonds[uid] = Bonds.Get(state, index, uid);
            if (hotkeys[uid] is not { } hk)
            {
                if (commitReveal)
                {
                    commitBlocks[uid] = ulong.MaxValue;
                }

                continue;
            }

            registered[uid] = BlockAtRegistration.Get(state, netuid, uid);
            alpha[uid] = InheritedStake(state, hk, netuid, netuid);
            tao[uid] = InheritedStake(state, hk, netuid, RootNetUid);
            if (commitReveal)
            {
                commitBlocks[uid] = EarliestLiveCommitBlock(state, netuid, index, hk);
            }
        }

        ushort? ownerUid = SubnetOwnerHotkey.TryGet(state, netuid, out var owner) && Uids.TryGet(state, netuid, owner, out var ou) ? ou : null;
        var (alphaLow, alphaHigh) = AlphaValues.Get(state, netuid);
        return new EpochInput
        {
            SubnetworkN = n,
            CurrentBlock = CurrentBlock(state),
            Tempo = Tempo.Get(state, netuid),
            ActivityCutoffFactorMilli = ActivityCutoffFactorMilli.Get(state, netuid),
            LastUpdate = LastUpdate.Get(state, index),
            BlockAtRegistration = registered,
            AlphaStake = alpha,
            TaoStake = tao,
            TaoWeight = TaoWeight.Get(state),
            StakeThreshold = StakeThreshold.Get(state),
            OwnerUid = ownerUid,
            ValidatorPermit = ValidatorPermit.Get(state, netuid),
            MaxAllowedValidators = MaxAllowedValidators.Get(state, netuid),
            Weights = weights,
            Bonds = bonds,
            CommitRevealEnabled = commitReveal,
            CommitBlocks = commitBlocks,
            Kappa = Kappa.Get(state, netuid),
            BondsPenalty = BondsPenalty.Get(state, netuid),
            BondsParameters = new BondsParameters
            {
                BondsMovingAverage = BondsMovingAverage.Get(state, netuid),
                LiquidAlphaOn = LiquidAlphaOn.Get(state, netuid),
                AlphaLow = alphaLow,
                AlphaHigh = alphaHigh,
                AlphaSigmoidSteepness = AlphaSigmoidSteepness.Get(state, netuid),
            },
            Yuma3On = Yuma3On.Get(state, netuid),
            LastMechanismStepBlock = LastMechansimStepBlock.Get(state, netuid),
            RaoEmission = emission,
        };
    }

    /// <summary><c>persist_mechanism_epoch_terms</c>: Incentive and Bonds per mechanism index, and the miners' event.</summary>
    private void PersistMechanismTerms(IStateAccess state, ushort netuid, byte mecid, EpochOutput output)
    {
        var index = MechanismStorageIndex(netuid, mecid);
        Incentive.Insert(state, index, output.Incentive);
        for (ushort uid = 0; uid < output.Bonds.Length; uid++)
        {
            var row = output.Bonds[uid];
            if (row.Length == 0)
            {
                Bonds.Remove(state, index, uid);
            }
            else
            {
                Bonds.Insert(state, index, uid, row);
            }
        }

        Emit(state, SubtensorEvent.IncentiveAlphaEmittedToMiners, index, output.ServerEmission);
    }

    /// <summary><c>persist_netuid_epoch_terms</c>: the merged per-UID vectors of the subnet.</summary>
    private void PersistNetuidTerms(IStateAccess state, ushort netuid, MergedEpochTerms merged)
    {
        Active.Insert(state, netuid, merged.Active);
        Emission.Insert(state, netuid, merged.Emission);
        Consensus.Insert(state, netuid, merged.Consensus);
        Dividends.Insert(state, netuid, merged.Dividends);
        ValidatorTrust.Insert(state, netuid, merged.ValidatorTrust);
        ValidatorPermit.Insert(state, netuid, merged.NewValidatorPermit);
        StakeWeight.Insert(state, netuid, merged.StakeWeight);
    }
}
