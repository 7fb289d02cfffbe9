using Subtensor.Core.Scale;
using Subtensor.Runtime.Pallets.SubtensorModule;

namespace Subtensor.Runtime.Api.Info;

/// <summary>
/// SCALE encodings of NeuronInfo and NeuronInfoLite (rpc_info/neuron_info.rs): the neuron's keys, serving info, its
/// owner's stake entry and the per-uid epoch outputs; rank and trust are 0 and pruning_score u16::MAX (no longer computed).
/// </summary>
public static class NeuronInfoEncoder
{
    /// <summary>One neuron, or false when the uid has no hotkey.</summary>
    public static bool Neuron(InfoReader r, ScaleWriter w, ushort netuid, ushort uid, bool full)
    {
        if (!r.St.Keys.TryGet(r.State, netuid, uid, out var hotkey))
        {
            return false;
        }

        var (st, s) = (r.St, r.State);
        var coldkey = r.Coldkey(hotkey);
        hotkey.EncodeTo(w);
        coldkey.EncodeTo(w);
        w.WriteCompact(uid).WriteCompact(netuid).WriteBool(r.Active(netuid, uid));
        SubtensorTypes.AxonInfoCodec.Encode(w, r.Axon(netuid, hotkey));
        SubtensorTypes.PrometheusInfoCodec.Encode(w, r.Prometheus(netuid, hotkey));
        w.WriteCompact(1U); // stake: one entry, the owner with the hotkey's whole stake on the subnet
        coldkey.EncodeTo(w);
        w.WriteCompact(st.HotkeyStake(s, hotkey, netuid));
        w.WriteCompact(0U) // rank
            .WriteCompact(r.Emission(netuid, uid)).WriteCompact(r.Incentive(netuid, uid)).WriteCompact(r.Consensus(netuid, uid))
            .WriteCompact(0U) // trust
            .WriteCompact(r.ValidatorTrust(netuid, uid)).WriteCompact(r.Dividends(netuid, uid)).WriteCompact(r.LastUpdate(netuid, uid))
            .WriteBool(r.ValidatorPermit(netuid, uid));
        if (full)
        {
            WritePairs(w, st.Weights.Get(s, netuid, uid));
            WritePairs(w, st.Bonds.Get(s, netuid, uid));
        }

        w.WriteCompact(ushort.MaxValue); // pruning_score
        return true;
    }

    /// <summary><c>get_neurons(_lite)</c>: uids 0..n, stopping at the first without a hotkey; empty for an unknown subnet.</summary>
    public static byte[] Neurons(InfoReader r, ushort netuid, bool full)
    {
        var body = new ScaleWriter();
        uint count = 0;
        if (r.Exists(netuid))
        {
            for (ushort uid = 0; uid < r.N(netuid) && Neuron(r, body, netuid, uid, full); uid++)
            {
                count++;
            }
        }

        return new ScaleWriter().WriteCompact(count).WriteBytes(body.WrittenSpan).ToArray();
    }

    private static void WritePairs(ScaleWriter w, (ushort, ushort)[] pairs)
    {
        var nonZero = pairs.Where(p => p.Item2 > 0).ToList();
        w.WriteVec(nonZero, (x, p) => x.WriteCompact(p.Item1).WriteCompact(p.Item2));
    }
}
