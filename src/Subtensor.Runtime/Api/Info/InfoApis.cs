using Subtensor.Core.Scale;
using Subtensor.Core.Types;
using Subtensor.Runtime.Framework.Codec;
using Subtensor.Runtime.Framework.TypeInfo;
using Subtensor.Runtime.State;
using static Subtensor.Runtime.Framework.TypeInfo.Ty;

namespace Subtensor.Runtime.Api.Info;

/// <summary>
/// The bittensor SDK's info runtime APIs (pallets/subtensor/runtime-api, implemented in runtime/src/lib.rs):
/// DelegateInfoRuntimeApi, NeuronInfoRuntimeApi, SubnetInfoRuntimeApi (version 2) and StakeInfoRuntimeApi, with
/// Subtensor's method names, argument names and result layouts.
/// </summary>
public static class InfoApis
{
    public static IEnumerable<RuntimeApiDef> Build(SubtensorRuntime rt)
    {
        ArgumentNullException.ThrowIfNull(rt);
        var u16 = Codecs.U16;
        var u8 = Codecs.U8;
        var u64 = Codecs.U64;
        var account = Codecs.AccountId;
        var indexes = Codecs.Vec(Codecs.U16, 2);
        var accounts = Codecs.Vec(Codecs.AccountId, 32);
        var hotkeyNetuid = Codecs.OptionValue(Codecs.Tuple(Codecs.AccountId, Codecs.U16));

        RuntimeApiMethod M(string name, (string, IScaleCodec)[] inputs, MetaType output, Func<InfoReader, object?[], ScaleWriter, bool?> body) =>
            new(name, inputs, Codecs.Raw(output), (s, a) =>
            {
                var args = DecodeArgs(inputs, a);
                var w = new ScaleWriter();
                var result = body(new InfoReader(rt, s), args, w);
                return result switch
                {
                    null => w.ToArray(),
                    true => [1, .. w.WrittenSpan],
                    false => [0],
                };
            }, []);

        RuntimeApiMethod OptionByNetuid(string name, MetaType type, Func<InfoReader, ScaleWriter, ushort, bool> write) =>
            M(name, [("netuid", u16)], Option(type), (r, a, w) => write(r, w, (ushort)a[0]!));

        RuntimeApiMethod AllSubnets(string name, MetaType type, Func<InfoReader, List<ushort>> netuids, Func<InfoReader, ScaleWriter, ushort, bool> write) =>
            M(name, [], Vec(Option(type)), (r, _, w) =>
            {
                var list = netuids(r);
                w.WriteCompact((uint)list.Count);
                foreach (var n in list)
                {
                    var item = new ScaleWriter();
                    w.WriteOptionTag(write(r, item, n)).WriteBytes(item.WrittenSpan);
                }

                return null;
            });

        var delegateInfo = InfoTypes.DelegateInfo;
        yield return new RuntimeApiDef("DelegateInfoRuntimeApi", 1,
        [
            M("get_delegates", [], Vec(delegateInfo), (r, _, w) =>
            {
                var delegates = r.St.Delegates.Iterate(r.State).Select(kv => kv.Key).ToList();
                w.WriteCompact((uint)delegates.Count);
                foreach (var d in delegates)
                {
                    DelegateInfoEncoder.Delegate(r, w, d, skipNominators: false);
                }

                return null;
            }),
            M("get_delegate", [("delegate_account", account)], Option(delegateInfo), (r, a, w) =>
            {
                var hotkey = (AccountId32)a[0]!;
                if (!r.St.Delegates.TryGet(r.State, hotkey, out _))
                {
                    return false;
                }

                DelegateInfoEncoder.Delegate(r, w, hotkey, skipNominators: false);
                return true;
            }),
            M("get_delegated", [("delegatee_account", account)], Vec(Tuple(delegateInfo, Tuple(InfoTypes.C16, InfoTypes.C64))), (r, a, w) =>
            {
                var coldkey = (AccountId32)a[0]!;
                var body = new ScaleWriter();
                uint count = 0;
                foreach (var hotkey in r.St.Delegates.Iterate(r.State).Select(kv => kv.Key).ToList())
                {
                    foreach (var netuid in StakedNetuids(r, hotkey, coldkey))
                    {
                        DelegateInfoEncoder.Delegate(r, body, hotkey, skipNominators: true);
                        body.WriteCompact(netuid).WriteCompact(r.St.Stake(r.State, hotkey, coldkey, netuid));
                        count++;
                    }
                }

                w.WriteCompact(count).WriteBytes(body.WrittenSpan);
                return null;
            }),
        ], []);

        yield return new RuntimeApiDef("NeuronInfoRuntimeApi", 1,
        [
            M("get_neurons", [("netuid", u16)], Vec(InfoTypes.NeuronInfo), (r, a, w) => Raw(w, NeuronInfoEncoder.Neurons(r, (ushort)a[0]!, full: true))),
            M("get_neuron", [("netuid", u16), ("uid", u16)], Option(InfoTypes.NeuronInfo), (r, a, w) => Neuron(r, a, w, full: true)),
            M("get_neurons_lite", [("netuid", u16)], Vec(InfoTypes.NeuronInfoLite), (r, a, w) => Raw(w, NeuronInfoEncoder.Neurons(r, (ushort)a[0]!, full: false))),
            M("get_neuron_lite", [("netuid", u16), ("uid", u16)], Option(InfoTypes.NeuronInfoLite), (r, a, w) => Neuron(r, a, w, full: false)),
        ], []);

        yield return new RuntimeApiDef("SubnetInfoRuntimeApi", 2,
        [
            OptionByNetuid("get_subnet_info", InfoTypes.SubnetInfo, (r, w, n) => SubnetInfoEncoder.SubnetInfo(r, w, n, v2: false)),
            AllSubnets("get_subnets_info", InfoTypes.SubnetInfo, r => r.AddedNetuidsAscending(), (r, w, n) => SubnetInfoEncoder.SubnetInfo(r, w, n, v2: false)),
            OptionByNetuid("get_subnet_info_v2", InfoTypes.SubnetInfov2, (r, w, n) => SubnetInfoEncoder.SubnetInfo(r, w, n, v2: true)),
            AllSubnets("get_subnets_info_v2", InfoTypes.SubnetInfov2, r => r.AddedNetuidsAscending(), (r, w, n) => SubnetInfoEncoder.SubnetInfo(r, w, n, v2: true)),
            OptionByNetuid("get_subnet_hyperparams", InfoTypes.SubnetHyperparams, (r, w, n) => SubnetInfoEncoder.Hyperparams(r, w, n, v2: false)),
            OptionByNetuid("get_subnet_hyperparams_v2", InfoTypes.SubnetHyperparamsV2, (r, w, n) => SubnetInfoEncoder.Hyperparams(r, w, n, v2: true)),
            OptionByNetuid("get_subnet_hyperparams_v3", Vec(InfoTypes.HyperparamEntry), SubnetInfoEncoder.HyperparamsV3),
            AllSubnets("get_all_dynamic_info", InfoTypes.DynamicInfo, r => r.Netuids(), SubnetInfoEncoder.DynamicInfo),
            AllSubnets("get_all_metagraphs", MetagraphFields.Metagraph, r => r.Netuids(), (r, w, n) => MetagraphFields.WriteMetagraph(r, w, n)),
            OptionByNetuid("get_metagraph", MetagraphFields.Metagraph, (r, w, n) => MetagraphFields.WriteMetagraph(r, w, n)),
            M("get_all_mechagraphs", [], Vec(Option(MetagraphFields.Metagraph)), (r, _, w) =>
            {
                var graphs = r.Netuids().SelectMany(n => Enumerable.Range(0, r.St.MechanismCountCurrent.Get(r.State, n)).Select(m => (n, (byte)m))).ToList();
                w.WriteCompact((uint)graphs.Count);
                foreach (var (n, m) in graphs)
                {
                    var item = new ScaleWriter();
                    w.WriteOptionTag(MetagraphFields.WriteMetagraph(r, item, n, m)).WriteBytes(item.WrittenSpan);
                }

                return null;
            }),
            M("get_mechagraph", [("netuid", u16), ("mecid", u8)], Option(MetagraphFields.Metagraph), (r, a, w) =>
                MetagraphFields.WriteMetagraph(r, w, (ushort)a[0]!, (byte)a[1]!)),
            OptionByNetuid("get_dynamic_info", InfoTypes.DynamicInfo, SubnetInfoEncoder.DynamicInfo),
            OptionByNetuid("get_subnet_state", InfoTypes.SubnetState, SubnetInfoEncoder.SubnetState),
            M("get_selective_metagraph", [("netuid", u16), ("metagraph_indexes", indexes)], Option(MetagraphFields.SelectiveMetagraph), (r, a, w) =>
                MetagraphFields.WriteSelective(r, w, (ushort)a[0]!, (ushort[])a[1]!)),
            M("get_coldkey_auto_stake_hotkey", [("coldkey", account), ("netuid", u16)], Option(Ty.AccountId32), (r, a, w) =>
            {
                if (!r.St.AutoStakeDestination.TryGet(r.State, (AccountId32)a[0]!, (ushort)a[1]!, out var hotkey))
                {
                    return false;
                }

                hotkey.EncodeTo(w);
                return true;
            }),
            M("get_selective_mechagraph", [("netuid", u16), ("mecid", u8), ("metagraph_indexes", indexes)], Option(MetagraphFields.SelectiveMetagraph), (r, a, w) =>
                MetagraphFields.WriteSelective(r, w, (ushort)a[0]!, (ushort[])a[2]!, (byte)a[1]!)),
            M("get_subnet_to_prune", [], Option(U16), (r, _, w) =>
            {
                if (r.St.NetworkToPrune(r.State) is not { } netuid)
                {
                    return false;
                }

                w.WriteU16(netuid);
                return true;
            }),
            M("get_subnet_account_id", [("netuid", u16)], Option(Ty.AccountId32), (r, a, w) =>
            {
                var netuid = (ushort)a[0]!;
                if (!r.St.NetworksAdded.TryGet(r.State, netuid, out _) && netuid != Pallets.SubtensorModule.SubtensorModulePallet.RootNetUid)
                {
                    return false;
                }

                r.St.SubnetAccountId(r.State, netuid)!.Value.EncodeTo(w);
                return true;
            }),
            M("get_next_epoch_start_block", [("netuid", u16)], Option(U64), (r, a, w) =>
            {
                var netuid = (ushort)a[0]!;
                var tempo = r.St.Tempo.Get(r.State, netuid);
                if (tempo == 0)
                {
                    return false;
                }

                var next = SaturatingAdd(r.St.LastEpochBlock.Get(r.State, netuid), tempo);
                var pending = r.St.PendingEpochAt.Get(r.State, netuid);
                w.WriteU64(pending > 0 ? Math.Min(next, pending) : next);
                return true;
            }),
        ], []);

        var stakeInfo = InfoTypes.StakeInfo;
        yield return new RuntimeApiDef("StakeInfoRuntimeApi", 1,
        [
            M("get_stake_info_for_coldkey", [("coldkey_account", account)], Vec(stakeInfo), (r, a, w) =>
            {
                StakeInfoEncoder.ForColdkey(r, w, (AccountId32)a[0]!, r.Netuids());
                return null;
            }),
            M("get_stake_info_for_coldkeys", [("coldkey_accounts", accounts)], Vec(Tuple(Ty.AccountId32, Vec(stakeInfo))), (r, a, w) =>
            {
                var coldkeys = (AccountId32[])a[0]!;
                var netuids = r.Netuids();
                w.WriteCompact((uint)coldkeys.Length);
                foreach (var coldkey in coldkeys)
                {
                    coldkey.EncodeTo(w);
                    StakeInfoEncoder.ForColdkey(r, w, coldkey, netuids);
                }

                return null;
            }),
            M("get_stake_info_for_hotkey_coldkey_netuid", [("hotkey_account", account), ("coldkey_account", account), ("netuid", u16)], Option(stakeInfo), (r, a, w) =>
            {
                var (hotkey, coldkey, netuid) = ((AccountId32)a[0]!, (AccountId32)a[1]!, (ushort)a[2]!);
                StakeInfoEncoder.StakeInfo(r, w, hotkey, coldkey, netuid, r.St.Stake(r.State, hotkey, coldkey, netuid));
                return true;
            }),
            M("get_stake_fee",
            [
                ("origin", hotkeyNetuid), ("origin_coldkey_account", account), ("destination", hotkeyNetuid), ("destination_coldkey_account", account), ("amount", u64),
            ], U64, (r, a, w) =>
            {
                var (origin, destination) = (((AccountId32, ushort)?)a[0], ((AccountId32, ushort)?)a[2]);
                w.WriteU64(StakeInfoEncoder.StakeFee(rt, r.State, origin, destination, (ulong)a[4]!));
                return null;
            }),
        ], []);
    }

    /// <summary><c>alpha_iter_prefix((hotkey, coldkey))</c>: subnets where the coldkey holds non-zero shares, ascending.</summary>
    private static IEnumerable<ushort> StakedNetuids(InfoReader r, AccountId32 hotkey, AccountId32 coldkey)
    {
        var shares = new SortedDictionary<ushort, bool>();
        foreach (var (_, _, netuid, legacy) in r.St.Alpha.IteratePrefix(r.State, hotkey, coldkey))
        {
            shares[netuid] = legacy.Bits != 0;
        }

        foreach (var (_, _, netuid, share) in r.St.AlphaV2.IteratePrefix(r.State, hotkey, coldkey))
        {
            shares[netuid] = !share.IsZero;
        }

        return shares.Where(kv => kv.Value).Select(kv => kv.Key);
    }

    private static bool? Neuron(InfoReader r, object?[] a, ScaleWriter w, bool full)
    {
        var (netuid, uid) = ((ushort)a[0]!, (ushort)a[1]!);
        return r.Exists(netuid) && NeuronInfoEncoder.Neuron(r, w, netuid, uid, full);
    }

    private static object?[] DecodeArgs((string Name, IScaleCodec Codec)[] inputs, byte[] bytes)
    {
        var reader = new ScaleReader(bytes);
        var values = new object?[inputs.Length];
        for (var i = 0; i < inputs.Length; i++)
        {
            values[i] = inputs[i].Codec.DecodeObject(ref reader);
        }

        reader.EnsureAtEnd();
        return values;
    }

    private static bool? Raw(ScaleWriter w, byte[] bytes)
    {
        w.WriteBytes(bytes);
        return null;
    }

    private static ulong SaturatingAdd(ulong a, ulong b) => a > ulong.MaxValue - b ? ulong.MaxValue : a + b;
}
