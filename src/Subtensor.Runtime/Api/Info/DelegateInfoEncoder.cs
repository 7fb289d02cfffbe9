using Subtensor.Core.Arithmetic;
using Subtensor.Core.Scale;
using Subtensor.Core.Types;
using Subtensor.Economics.Staking;
using Subtensor.Runtime.Pallets.SubtensorModule;

namespace Subtensor.Runtime.Api.Info;

/// <summary>
/// SCALE encoding of DelegateInfo (rpc_info/delegate_info.rs): nominators with their alpha per subnet, registrations,
/// validator permits, and the daily return estimated from the per-uid Emission and tempo.
/// </summary>
public static class DelegateInfoEncoder
{
    private static readonly IComparer<AccountId32> AccountOrder = Comparer<AccountId32>.Create((a, b) => ByteArrayComparer.Instance.Compare(a.ToArray(), b.ToArray()));

    public static void Delegate(InfoReader r, ScaleWriter w, AccountId32 hotkey, bool skipNominators)
    {
        var (st, s) = (r.St, r.State);
        hotkey.EncodeTo(w);
        var take = st.Delegates.Get(s, hotkey);
        w.WriteCompact(take);
        var nominators = skipNominators ? [] : Nominators(r, hotkey);
        w.WriteVec(nominators, (x, n) =>
        {
            n.Key.EncodeTo(x);
            x.WriteVec(n.Value, (y, e) => y.WriteCompact(e.Netuid).WriteCompact(e.Alpha));
        });
        r.Coldkey(hotkey).EncodeTo(w);

        var registrations = r.RegisteredNetworks(hotkey);
        var permits = new List<ushort>();
        var perDay = U64F64.Zero;
        foreach (var netuid in registrations)
        {
            if (!r.TryUid(netuid, hotkey, out var uid))
            {
                continue;
            }

            if (r.ValidatorPermit(netuid, uid))
            {
                permits.Add(netuid);
            }

            var tempo = U64F64.SaturatingFromNum((ulong)st.Tempo.Get(s, netuid));
            if (tempo > U64F64.Zero)
            {
                var epochsPerDay = U64F64.SaturatingFromNum(7200UL).SafeDiv(tempo);
                perDay = perDay.SaturatingAdd(U64F64.SaturatingFromNum(r.Emission(netuid, uid)).SaturatingMul(epochsPerDay));
            }
        }

        InfoReader.WriteCompactVec(w, registrations, v => v);
        InfoReader.WriteCompactVec(w, permits, v => v);
        var totalStake = U64F64.SaturatingFromNum(st.HotkeyStake(s, hotkey, SubtensorModulePallet.RootNetUid));
        w.WriteCompact(ReturnPer1000(take, totalStake, perDay).SaturatingToU64()).WriteCompact(perDay.SaturatingToU64());
    }

    /// <summary><c>return_per_1000_tao</c>: the daily emission net of the take, per 1000 TAO of root stake.</summary>
    public static U64F64 ReturnPer1000(ushort take, U64F64 totalStake, U64F64 emissionsPerDay)
    {
        if (totalStake <= U64F64.Zero)
        {
            return U64F64.Zero;
        }

        var withoutTake = U64F64.One.SaturatingSub(U64F64.SaturatingFromNum((ulong)take).SafeDiv(U64F64.SaturatingFromNum((ulong)ushort.MaxValue)));
        return emissionsPerDay.SaturatingMul(withoutTake).SafeDiv(totalStake.SafeDiv(U64F64.SaturatingFromNum(1_000_000_000_000UL)));
    }

    /// <summary>
    /// Nominators by coldkey (byte order) with (netuid, alpha) in netuid order. Like Subtensor, the share's pool is looked
    /// up by the netuid's position in the subnet list and entries with zero shares are skipped.
    /// </summary>
    private static List<KeyValuePair<AccountId32, List<(ushort Netuid, ulong Alpha)>>> Nominators(InfoReader r, AccountId32 hotkey)
    {
        var (st, s) = (r.St, r.State);
        var netuids = r.Netuids();
        var shares = new SortedDictionary<(AccountId32 Coldkey, ushort Netuid), SafeFloat>(
            Comparer<(AccountId32 Coldkey, ushort Netuid)>.Create((a, b) => AccountOrder.Compare(a.Coldkey, b.Coldkey) is var c && c != 0 ? c : a.Netuid.CompareTo(b.Netuid)));
        foreach (var (_, coldkey, netuid, legacy) in st.Alpha.IteratePrefix(s, hotkey))
        {
            shares[(coldkey, netuid)] = SafeFloat.FromU64F64(legacy);
        }

        foreach (var (_, coldkey, netuid, share) in st.AlphaV2.IteratePrefix(s, hotkey))
        {
            shares[(coldkey, netuid)] = share;
        }

        var result = new SortedDictionary<AccountId32, List<(ushort, ulong)>>(AccountOrder);
        foreach (var ((coldkey, netuid), share) in shares)
        {
            if (share.IsZero || netuid >= netuids.Count)
            {
                continue;
            }

            var pool = netuids[netuid];
            var alpha = SharePool.Value(st.TotalHotkeyAlpha.Get(s, hotkey, pool), share, st.Denominator(s, hotkey, pool));
            if (!result.TryGetValue(coldkey, out var list))
            {
                result[coldkey] = list = [];
            }

            list.Add((netuid, alpha));
        }

        return [.. result];
    }
}
