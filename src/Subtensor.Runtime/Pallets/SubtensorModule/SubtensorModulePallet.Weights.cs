using Subtensor.Core.Arithmetic;
using Subtensor.Core.Scale;
using Subtensor.Core.Types;
using Subtensor.Economics.Epoch;
using Subtensor.Runtime.Framework.Dispatch;
using Subtensor.Runtime.State;

namespace Subtensor.Runtime.Pallets.SubtensorModule;

// Weight submission (subnets/weights.rs): set_weights and its mechanism/batch variants, commit-reveal v2 (commit, reveal,
// batch and mechanism variants). Time-locked (drand, CR v4) commits are refused: this runtime has no drand pallet to
// decrypt them, so they fail with IncorrectCommitRevealVersion (the error Subtensor returns for a version it cannot use).
public sealed partial class SubtensorModulePallet
{
    /// <summary>Unrevealed v2 commits kept per (index, hotkey) (<c>MAX_COMMITS</c> check in <c>do_commit_weights</c>).</summary>
    public const int MaxUnrevealedCommits = 10;

    /// <summary><c>set_weights</c> / <c>set_mechanism_weights</c>: refused under commit-reveal, then <see cref="DoSetWeightsChecked"/>.</summary>
    public void DoSetWeights(IStateAccess state, AccountId32 hotkey, ushort netuid, byte mecid, ushort[] uids, ushort[] values, ulong versionKey)
    {
        Ensure(!CommitRevealWeightsEnabled.Get(state, netuid), SubtensorError.CommitRevealEnabled);
        DoSetWeightsChecked(state, hotkey, netuid, mecid, uids, values, versionKey);
    }

    /// <summary>
    /// <c>do_set_mechanism_weights</c>: every check in Subtensor's order, values max-upscaled, stored in
    /// <c>Weights[index][uid]</c>, <c>LastUpdate</c> set (not under commit-reveal, where the commit set it and the rate
    /// limit was checked), <c>WeightsSet(index, uid)</c>.
    /// </summary>
    public void DoSetWeightsChecked(IStateAccess state, AccountId32 hotkey, ushort netuid, byte mecid, ushort[] uids, ushort[] values, ulong versionKey)
    {
        ArgumentNullException.ThrowIfNull(uids);
        ArgumentNullException.ThrowIfNull(values);
        Ensure(netuid != RootNetUid, SubtensorError.CanNotSetRootNetworkWeights);
        Ensure(uids.Length == values.Length, SubtensorError.WeightVecNotEqualSize);
        EnsureMechanismExists(state, netuid, mecid);
        var n = SubnetworkN.Get(state, netuid);
        Ensure(uids.Length <= n, SubtensorError.UidsLengthExceedUidsInSubNet);
        Ensure(Uids.TryGet(state, netuid, hotkey, out var uid), SubtensorError.HotKeyNotRegisteredInSubNet);
        Ensure(HasStakeToSetWeights(state, hotkey, netuid), SubtensorError.NotEnoughStakeToSetWeights);
        var networkKey = WeightsVersionKey.Get(state, netuid);
        Ensure(networkKey == 0 || versionKey >= networkKey, SubtensorError.IncorrectWeightVersionKey);
        var index = MechanismStorageIndex(netuid, mecid);
        var now = CurrentBlock(state);
        // Under commit-reveal (reveals) the rate limit was applied at commit time, where LastUpdate is also written.
        var commitReveal = CommitRevealWeightsEnabled.Get(state, netuid);
        Ensure(commitReveal || PassesWeightsRateLimit(state, netuid, index, uid, now), SubtensorError.SettingWeightsTooFast);
        var selfWeight = uids.Length == 1 && uids[0] == uid;
        Ensure(selfWeight || IsOwnerUid(state, netuid, uid) || PermitOf(state, netuid, uid), SubtensorError.NeuronNoValidatorPermit);
        Ensure(uids.Distinct().Count() == uids.Length, SubtensorError.DuplicateUids);
        Ensure(uids.All(u => u < n), SubtensorError.UidVecContainInvalidOne);
        Ensure(selfWeight || uids.Length >= Math.Min(MinAllowedWeights.Get(state, netuid), n), SubtensorError.WeightVecLengthIsLow);
        var upscaled = VectorMath.U16MaxUpscaleToU16(values);
        Ensure(selfWeight || WithinMaxWeightLimit(state, netuid, upscaled), SubtensorError.MaxWeightExceeded);
        var row = new (ushort, ushort)[uids.Length];
        for (var i = 0; i < uids.Length; i++)
        {
            row[i] = (uids[i], upscaled[i]);
        }

        Weights.Insert(state, index, uid, row);
        if (!commitReveal)
        {
            SetLastUpdateForUid(state, index, uid, now);
        }

        Emit(state, SubtensorEvent.WeightsSet, index, uid);
    }

    /// <summary>
    /// <c>do_batch_set_weights</c>: one set_weights per subnet, each in its own storage layer; a failing item is reported
    /// with <c>BatchWeightItemFailed</c> and the batch ends with <c>BatchCompletedWithErrors</c> or <c>BatchWeightsCompleted</c>.
    /// </summary>
    public void DoBatchSetWeights(IStateAccess state, AccountId32 hotkey, ushort[] netuids, (ushort Uid, ushort Value)[][] weights, ulong[] versionKeys)
    {
        ArgumentNullException.ThrowIfNull(netuids);
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentNullException.ThrowIfNull(versionKeys);
        Ensure(netuids.Length == weights.Length && netuids.Length == versionKeys.Length, SubtensorError.InputLengthsUnequal);
        var failed = false;
        for (var i = 0; i < netuids.Length; i++)
        {
            var uids = weights[i].Select(w => w.Uid).ToArray();
            var values = weights[i].Select(w => w.Value).ToArray();
            state.StartTransaction();
            try
            {
                DoSetWeights(state, hotkey, netuids[i], 0, uids, values, versionKeys[i]);
                state.CommitTransaction();
            }
            catch (DispatchException e)
            {
                state.RollbackTransaction();
                failed = true;
                Emit(state, SubtensorEvent.BatchWeightItemFailed, netuids[i], e.Error);
            }
        }

        if (failed)
        {
            Emit(state, SubtensorEvent.BatchCompletedWithErrors);
        }
        else
        {
            Emit(state, SubtensorEvent.BatchWeightsCompleted, netuids, hotkey);
        }
    }

    /// <summary>
    /// <c>do_commit_mechanism_weights</c> (CR v2): commit-reveal must be on, the hotkey registered and outside the weights rate
    /// limit; expired commits are dropped, at most <see cref="MaxUnrevealedCommits"/> stay unrevealed; LastUpdate is set at
    /// commit time.
    /// </summary>
    public void DoCommitWeights(IStateAccess state, AccountId32 hotkey, ushort netuid, byte mecid, Hash256 commitHash)
    {
        EnsureMechanismExists(state, netuid, mecid);
        Ensure(CommitRevealWeightsEnabled.Get(state, netuid), SubtensorError.CommitRevealDisabled);
        Ensure(Uids.TryGet(state, netuid, hotkey, out var uid), SubtensorError.HotKeyNotRegisteredInSubNet);
        var index = MechanismStorageIndex(netuid, mecid);
        var now = CurrentBlock(state);
        Ensure(PassesWeightsRateLimit(state, netuid, index, uid, now), SubtensorError.CommittingWeightsTooFast);
        var epoch = SubnetEpochIndex.Get(state, netuid);
        var commits = ReadCommits(state, index, hotkey).Where(c => !CommitExpired(c, epoch)).ToList();
        Ensure(commits.Count < MaxUnrevealedCommits, SubtensorError.TooManyUnrevealedCommits);
        commits.Add(new WeightCommit(commitHash, now, epoch, Add(epoch, RevealPeriodEpochs.Get(state, netuid))));
        WriteCommits(state, index, hotkey, commits);
        Emit(state, SubtensorEvent.WeightsCommitted, hotkey, index, commitHash);
        SetLastUpdateForUid(state, index, uid, now);
    }

    /// <summary>
    /// <c>do_reveal_mechanism_weights</c>: the commit whose BlakeTwo256(hotkey, index, uids, values, salt, version_key)
    /// matches must be in its reveal epoch; it and every older commit are removed and the weights set with all the
    /// set_weights checks.
    /// </summary>
    public void DoRevealWeights(IStateAccess state, AccountId32 hotkey, ushort netuid, byte mecid, ushort[] uids, ushort[] values, ushort[] salt, ulong versionKey)
    {
        EnsureMechanismExists(state, netuid, mecid);
        Ensure(CommitRevealWeightsEnabled.Get(state, netuid), SubtensorError.CommitRevealDisabled);
        var index = MechanismStorageIndex(netuid, mecid);
        var stored = ReadCommits(state, index, hotkey);
        Ensure(stored.Count != 0, SubtensorError.NoWeightsCommitFound);
        var epoch = SubnetEpochIndex.Get(state, netuid);
        var hash = CommitHash(hotkey, index, uids, values, salt, versionKey);
        var live = stored.Where(c => !CommitExpired(c, epoch)).ToList();
        var position = live.FindIndex(c => c.Hash == hash);
        if (position < 0)
        {
            WriteCommits(state, index, hotkey, live);
            Ensure(!stored.Any(c => c.Hash == hash), SubtensorError.ExpiredWeightCommit);
            Ensure(live.Count != 0, SubtensorError.ExpiredWeightCommit);
            throw Err(SubtensorError.InvalidRevealCommitHashNotMatch);
        }

        Ensure(epoch >= live[position].RevealEpoch, SubtensorError.RevealTooEarly);
        WriteCommits(state, index, hotkey, live.Skip(position + 1).ToList());
        DoSetWeightsChecked(state, hotkey, netuid, mecid, uids, values, versionKey);
        Emit(state, SubtensorEvent.WeightsRevealed, hotkey, index, hash);
    }

    /// <summary><c>do_batch_commit_weights</c>: every commit or none (the first failure aborts the call).</summary>
    public void DoBatchCommitWeights(IStateAccess state, AccountId32 hotkey, ushort[] netuids, Hash256[] hashes)
    {
        Ensure(netuids.Length == hashes.Length, SubtensorError.InputLengthsUnequal);
        for (var i = 0; i < netuids.Length; i++)
        {
            DoCommitWeights(state, hotkey, netuids[i], 0, hashes[i]);
        }
    }

    /// <summary><c>do_batch_reveal_weights</c>: reveals in order, all or nothing, then <c>WeightsBatchRevealed</c>.</summary>
    public void DoBatchRevealWeights(IStateAccess state, AccountId32 hotkey, ushort netuid, ushort[][] uids, ushort[][] values, ushort[][] salts, ulong[] versionKeys)
    {
        Ensure(uids.Length == values.Length && uids.Length == salts.Length && uids.Length == versionKeys.Length, SubtensorError.InputLengthsUnequal);
        var hashes = new Hash256[uids.Length];
        for (var i = 0; i < uids.Length; i++)
        {
            DoRevealWeights(state, hotkey, netuid, 0, uids[i], values[i], salts[i], versionKeys[i]);
            hashes[i] = CommitHash(hotkey, netuid, uids[i], values[i], salts[i], versionKeys[i]);
        }

        Emit(state, SubtensorEvent.WeightsBatchRevealed, hotkey, netuid, hashes);
    }

    /// <summary>
    /// <c>commit_timelocked_weights</c> (drand CR v4): needs drand pulses and time-lock decryption, which this runtime does
    /// not have; refused with <c>IncorrectCommitRevealVersion</c> after the same registration checks Subtensor makes first.
    /// </summary>
    public void DoCommitTimelockedWeights(IStateAccess state, AccountId32 hotkey, ushort netuid, byte mecid)
    {
        EnsureMechanismExists(state, netuid, mecid);
        Ensure(CommitRevealWeightsEnabled.Get(state, netuid), SubtensorError.CommitRevealDisabled);
        Ensure(Uids.Contains(state, netuid, hotkey), SubtensorError.HotKeyNotRegisteredInSubNet);
        throw Err(SubtensorError.IncorrectCommitRevealVersion);
    }

    /// <summary>The v2 commit hash: BlakeTwo256 of SCALE (hotkey, netuid_index, uids, values, salt, version_key).</summary>
    public static Hash256 CommitHash(AccountId32 hotkey, ushort index, ushort[] uids, ushort[] values, ushort[] salt, ulong versionKey)
    {
        var w = new ScaleWriter(128);
        w.WriteBytes(hotkey.ToArray());
        w.WriteU16(index);
        WriteU16Vec(w, uids);
        WriteU16Vec(w, values);
        WriteU16Vec(w, salt);
        w.WriteU64(versionKey);
        return Hash256.Blake2(w.WrittenSpan);
    }

    /// <summary>The decoded <c>WeightCommits[index][hotkey]</c> queue (oldest first).</summary>
    public List<WeightCommit> ReadCommits(IStateAccess state, ushort index, AccountId32 hotkey)
    {
        var list = new List<WeightCommit>();
        if (!WeightCommits.TryGet(state, index, hotkey, out var bytes) || bytes.Length == 0)
        {
            return list;
        }

        var r = new ScaleReader(bytes);
        var count = r.ReadLength(56);
        for (var i = 0; i < count; i++)
        {
            var hash = new Hash256(r.ReadBytes(32));
            list.Add(new WeightCommit(hash, r.ReadU64(), r.ReadU64(), r.ReadU64()));
        }

        return list;
    }

    /// <summary>
    /// The earliest commit block among the hotkey's non-expired commits on <paramref name="index"/> (u64::MAX when none), the
    /// epoch's commit-reveal mask input.
    /// </summary>
    internal ulong EarliestLiveCommitBlock(IStateAccess state, ushort netuid, ushort index, AccountId32 hotkey)
    {
        var epoch = SubnetEpochIndex.Get(state, netuid);
        var best = ulong.MaxValue;
        foreach (var c in ReadCommits(state, index, hotkey))
        {
            if (!CommitExpired(c, epoch) && c.CommitBlock < best)
            {
                best = c.CommitBlock;
            }
        }

        return best;
    }

    private void WriteCommits(IStateAccess state, ushort index, AccountId32 hotkey, List<WeightCommit> commits)
    {
        if (commits.Count == 0)
        {
            WeightCommits.Remove(state, index, hotkey);
            return;
        }

        var w = new ScaleWriter(8 + (commits.Count * 56));
        w.WriteCompact((uint)commits.Count);
        foreach (var c in commits)
        {
            w.WriteBytes(c.Hash.ToArray());
            w.WriteU64(c.CommitBlock);
            w.WriteU64(c.CommitEpoch);
            w.WriteU64(c.RevealEpoch);
        }

        WeightCommits.Insert(state, index, hotkey, w.ToArray());
    }

    /// <summary>A commit expires once the subnet's epoch index passes its reveal epoch.</summary>
    private static bool CommitExpired(WeightCommit c, ulong currentEpoch) => currentEpoch > c.RevealEpoch;

    private static void WriteU16Vec(ScaleWriter w, ushort[] v)
    {
        w.WriteCompact((uint)v.Length);
        foreach (var x in v)
        {
            w.WriteU16(x);
        }
    }

    /// <summary><c>ensure_mechanism_exists</c>: the subnet exists and mecid &lt; MechanismCountCurrent.</summary>
    private void EnsureMechanismExists(IStateAccess state, ushort netuid, byte mecid) =>
        Ensure(NetworksAdded.Get(state, netuid) && mecid < MechanismCountCurrent.Get(state, netuid), SubtensorError.MechanismDoesNotExist);

    /// <summary><c>check_rate_limit</c>: never set, or at least WeightsSetRateLimit blocks since LastUpdate.</summary>
    private bool PassesWeightsRateLimit(IStateAccess state, ushort netuid, ushort index, ushort uid, ulong now)
    {
        var last = LastUpdate.Get(state, index) is var v && uid < v.Length ? v[uid] : 0;
        return last == 0 || Sub(now, last) >= WeightsSetRateLimit.Get(state, netuid);
    }

    /// <summary><c>check_weights_min_stake</c>: owner hotkey, or inherited alpha + TaoWeight × root ≥ StakeThreshold.</summary>
    private bool HasStakeToSetWeights(IStateAccess state, AccountId32 hotkey, ushort netuid)
    {
        if (SubnetOwnerHotkey.TryGet(state, netuid, out var owner) && owner == hotkey)
        {
            return true;
        }

        var threshold = StakeThreshold.Get(state);
        return threshold == 0 || StakeWeightForHotkey(state, hotkey, netuid) >= threshold;
    }

    private bool IsOwnerUid(IStateAccess state, ushort netuid, ushort uid) =>
        SubnetOwnerHotkey.TryGet(state, netuid, out var owner) && Uids.TryGet(state, netuid, owner, out var ownerUid) && ownerUid == uid;

    private bool PermitOf(IStateAccess state, ushort netuid, ushort uid) =>
        ValidatorPermit.Get(state, netuid) is var p && uid < p.Length && p[uid];

    /// <summary><c>max_weight_limit</c>: skipped at 65535; otherwise the normalised largest weight may not exceed it.</summary>
    private bool WithinMaxWeightLimit(IStateAccess state, ushort netuid, ushort[] upscaled)
    {
        var limit = MaxWeightsLimit.Get(state, netuid);
        if (limit == ushort.MaxValue || upscaled.Length == 0)
        {
            return true;
        }

        ulong sum = 0;
        ulong max = 0;
        foreach (var w in upscaled)
        {
            sum += w;
            max = Math.Max(max, w);
        }

        // max / sum ≤ limit / 65535 (u16 proportions), compared exactly in integers.
        return sum == 0 || (UInt128)max * ushort.MaxValue <= (UInt128)limit * sum;
    }
}
