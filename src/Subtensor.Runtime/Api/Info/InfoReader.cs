using Subtensor.Core.Arithmetic;
using Subtensor.Core.Scale;
using Subtensor.Core.Types;
using Subtensor.Runtime.Pallets.SubtensorModule;
using Subtensor.Runtime.State;

namespace Subtensor.Runtime.Api.Info;

/// <summary>
/// Reads what the info runtime APIs report from SubtensorModule storage on one state: the per-subnet getters of
/// utils/misc.rs, the neurons of a subnet, and the stake weights of staking/stake_utils.rs (inherited alpha and root TAO
/// through parent/child keys, combined with the TAO weight).
/// </summary>
public sealed class InfoReader(SubtensorRuntime rt, IStateAccess state)
{
    public SubtensorModulePallet St { get; } = rt.SubtensorModule;

    public IStateAccess State { get; } = state;

    public SubtensorRuntime Runtime { get; } = rt;

    public ulong Block => St.CurrentBlock(State);

    public bool Exists(ushort netuid) => St.NetworksAdded.Get(State, netuid);

    /// <summary><c>get_all_subnet_netuids</c>: the NetworksAdded keys in storage order.</summary>
    public List<ushort> Netuids() => St.AllSubnetNetuids(State);

    /// <summary>The netuids with NetworksAdded = true in ascending order (as get_subnets_info walks 0..=max).</summary>
    public List<ushort> AddedNetuidsAscending() => [.. St.NetworksAdded.Iterate(State).Where(kv => kv.Value).Select(kv => kv.Key).Order()];

    public ushort N(ushort netuid) => St.SubnetworkN.Get(State, netuid);

    public AccountId32 Hotkey(ushort netuid, ushort uid) => St.Keys.Get(State, netuid, uid);

    public bool HasHotkey(ushort netuid, ushort uid) => St.Keys.TryGet(State, netuid, uid, out _);

    public AccountId32 Coldkey(AccountId32 hotkey) => St.Owner.Get(State, hotkey);

    public List<AccountId32> Hotkeys(ushort netuid) => [.. Enumerable.Range(0, N(netuid)).Select(uid => Hotkey(netuid, (ushort)uid))];

    /// <summary><c>get_name_for_subnet</c>: the identity's name when set and non-empty, else the default name table.</summary>
    public byte[] Name(ushort netuid) =>
        St.SubnetIdentitiesV3.TryGet(State, netuid, out var id) && id.SubnetName.Length > 0 ? id.SubnetName : SubnetNames.Default(netuid);

    public SubnetIdentity? Identity(ushort netuid) => St.SubnetIdentitiesV3.TryGet(State, netuid, out var id) ? id : null;

    /// <summary><c>get_activity_cutoff_blocks</c>: factor (milli) × tempo / 1000, at least 1.</summary>
    public ulong ActivityCutoffBlocks(ushort netuid) =>
        Math.Max(1UL, Mul(St.ActivityCutoffFactorMilli.Get(State, netuid), St.Tempo.Get(State, netuid)) / 1000);

    public (ushort Low, ushort High) AlphaValues(ushort netuid) => St.AlphaValues.Get(State, netuid);

    public ushort YumaVersion(ushort netuid) => St.Yuma3On.Get(State, netuid) ? (ushort)3 : (ushort)2;

    public ushort EffectiveMinChildkeyTake(ushort netuid) => Math.Max(St.MinChildkeyTake.Get(State), St.MinChildkeyTakePerSubnet.Get(State, netuid));

    public I32F32 AlphaSigmoidSteepness(ushort netuid) => I32F32.SaturatingFromNum((long)St.AlphaSigmoidSteepness.Get(State, netuid));

    public ulong PendingAlphaEmission(ushort netuid) => Add(St.PendingValidatorEmission.Get(State, netuid), St.PendingServerEmission.Get(State, netuid));

    public ulong BlocksSinceLastMechanismStep(ushort netuid)
    {
        var last = St.LastMechansimStepBlock.Get(State, netuid);
        return Block > last ? Block - last : 0;
    }

    public static T At<T>(T[] values, int index, T fallback) => index < values.Length ? values[index] : fallback;

    public bool Active(ushort netuid, ushort uid) => At(St.Active.Get(State, netuid), uid, false);

    public ulong Emission(ushort netuid, ushort uid) => At(St.Emission.Get(State, netuid), uid, 0UL);

    public ushort Incentive(ushort netuid, ushort uid) => At(St.Incentive.Get(State, netuid), uid, (ushort)0);

    public ushort Consensus(ushort netuid, ushort uid) => At(St.Consensus.Get(State, netuid), uid, (ushort)0);

    public ushort ValidatorTrust(ushort netuid, ushort uid) => At(St.ValidatorTrust.Get(State, netuid), uid, (ushort)0);

    public ushort Dividends(ushort netuid, ushort uid) => At(St.Dividends.Get(State, netuid), uid, (ushort)0);

    public ulong LastUpdate(ushort netuid, ushort uid) => At(St.LastUpdate.Get(State, netuid), uid, 0UL);

    public bool ValidatorPermit(ushort netuid, ushort uid) => At(St.ValidatorPermit.Get(State, netuid), uid, false);

    public AxonInfo Axon(ushort netuid, AccountId32 hotkey) => St.Axons.TryGet(State, netuid, hotkey, out var a) ? a : AxonInfo.Empty;

    public PrometheusInfo Prometheus(ushort netuid, AccountId32 hotkey) => St.Prometheus.TryGet(State, netuid, hotkey, out var p) ? p : PrometheusInfo.Empty;

    /// <summary><c>get_registered_networks_for_hotkey</c>: IsNetworkMember entries set to true, in storage order.</summary>
    public List<ushort> RegisteredNetworks(AccountId32 hotkey) => [.. St.IsNetworkMember.IteratePrefix(State, hotkey).Where(kv => kv.Value).Select(kv => kv.Key)];

    public bool IsRegistered(ushort netuid, AccountId32 hotkey) => St.Uids.TryGet(State, netuid, hotkey, out _);

    public bool TryUid(ushort netuid, AccountId32 hotkey, out ushort uid) => St.Uids.TryGet(State, netuid, hotkey, out uid);

    /// <summary><c>get_tao_weight</c>: TaoWeight / u64::MAX.</summary>
    public U96F32 TaoWeight() => U96F32.SaturatingFromNum(St.TaoWeight.Get(State)).SafeDiv(U96F32.SaturatingFromNum(ulong.MaxValue));

    /// <summary><c>get_inherited_for_hotkey_on_subnet</c>: own alpha less what goes to children plus what comes from parents.</summary>
    public ulong InheritedAlpha(AccountId32 hotkey, ushort netuid)
    {
        var initial = U96F32.SaturatingFromNum(St.HotkeyStake(State, hotkey, netuid));
        return netuid == SubtensorModulePallet.RootNetUid ? initial.SaturatingToU64() : Inherit(hotkey, netuid, initial, netuid);
    }

    /// <summary><c>get_tao_inherited_for_hotkey_on_subnet</c>: the same over root stake, with the subnet's relations.</summary>
    public ulong InheritedTao(AccountId32 hotkey, ushort netuid) =>
        Inherit(hotkey, netuid, U96F32.SaturatingFromNum(St.HotkeyStake(State, hotkey, SubtensorModulePallet.RootNetUid)), SubtensorModulePallet.RootNetUid);

    private ulong Inherit(AccountId32 hotkey, ushort netuid, U96F32 initial, ushort stakeNetuid)
    {
        var max = U96F32.SaturatingFromNum(ulong.MaxValue);
        var toChildren = U96F32.Zero;
        foreach (var (proportion, _) in St.ChildKeys.Get(State, hotkey, netuid))
        {
            toChildren = toChildren.SaturatingAdd(initial.SaturatingMul(U96F32.SaturatingFromNum(proportion).SafeDiv(max)));
        }

        var fromParents = U96F32.Zero;
        foreach (var (proportion, parent) in St.ParentKeys.Get(State, hotkey, netuid))
        {
            var parentStake = U96F32.SaturatingFromNum(St.HotkeyStake(State, parent, stakeNetuid));
            fromParents = fromParents.SaturatingAdd(parentStake.SaturatingMul(U96F32.SaturatingFromNum(proportion).SafeDiv(max)));
        }

        return initial.SaturatingSub(toChildren).SaturatingAdd(fromParents).SaturatingToU64();
    }

    /// <summary><c>get_stake_weights_for_hotkey_on_subnet</c>: (alpha + tao × tao weight, alpha, tao).</summary>
    public (I64F64 Total, I64F64 Alpha, I64F64 Tao) StakeWeights(AccountId32 hotkey, ushort netuid, I64F64 taoWeight)
    {
        var alpha = I64F64.SaturatingFromNum((UInt128)InheritedAlpha(hotkey, netuid));
        var tao = I64F64.SaturatingFromNum((UInt128)InheritedTao(hotkey, netuid));
        return (alpha.SaturatingAdd(tao.SaturatingMul(taoWeight)), alpha, tao);
    }

    /// <summary><c>get_stake_weights_for_network</c> per uid (zero where a uid has no key), floored to integers.</summary>
    public (ulong[] Total, ulong[] Alpha, ulong[] Tao) NetworkStakeWeights(ushort netuid)
    {
        var taoWeight = I64F64.SaturatingFrom(TaoWeight());
        var n = N(netuid);
        var (total, alpha, tao) = (new ulong[n], new ulong[n], new ulong[n]);
        for (ushort uid = 0; uid < n; uid++)
        {
            if (St.Keys.TryGet(State, netuid, uid, out var hotkey))
            {
                var w = StakeWeights(hotkey, netuid, taoWeight);
                (total[uid], alpha[uid], tao[uid]) = (w.Total.SaturatingToU64(), w.Alpha.SaturatingToU64(), w.Tao.SaturatingToU64());
            }
        }

        return (total, alpha, tao);
    }

    public static void WriteCompactBytes(ScaleWriter w, byte[] bytes)
    {
        w.WriteCompact((uint)bytes.Length);
        foreach (var b in bytes)
        {
            w.WriteCompact(b);
        }
    }

    public static void WriteCompactVec<T>(ScaleWriter w, IReadOnlyCollection<T> values, Func<T, UInt128> select)
    {
        w.WriteCompact((uint)values.Count);
        foreach (var v in values)
        {
            w.WriteCompact(select(v));
        }
    }

    public static void WriteAccounts(ScaleWriter w, IReadOnlyCollection<AccountId32> accounts) => w.WriteVec(accounts, (x, a) => a.EncodeTo(x));

    public static void WriteIdentity(ScaleWriter w, SubnetIdentity? id) => w.WriteOption(id, (x, v) => SubtensorTypes.SubnetIdentityCodec.Encode(x, v));

    private static ulong Add(ulong a, ulong b) => a > ulong.MaxValue - b ? ulong.MaxValue : a + b;

    private static ulong Mul(ulong a, ulong b) => (UInt128)a * b > ulong.MaxValue ? ulong.MaxValue : a * b;
}
