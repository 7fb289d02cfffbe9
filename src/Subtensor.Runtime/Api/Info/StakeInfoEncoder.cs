using Subtensor.Core.Scale;
using Subtensor.Core.Types;

namespace Subtensor.Runtime.Api.Info;

/// <summary>
/// SCALE encoding of StakeInfo (rpc_info/stake_info.rs): a coldkey's alpha under a hotkey on a subnet, with the hotkey's
/// alpha dividends there; locked, tao_emission and drain are always 0.
/// </summary>
public static class StakeInfoEncoder
{
    public static void StakeInfo(InfoReader r, ScaleWriter w, AccountId32 hotkey, AccountId32 coldkey, ushort netuid, ulong alpha)
    {
        hotkey.EncodeTo(w);
        coldkey.EncodeTo(w);
        w.WriteCompact(netuid).WriteCompact(alpha).WriteCompact(0U).WriteCompact(r.St.AlphaDividendsPerSubnet.Get(r.State, netuid, hotkey))
            .WriteCompact(0U).WriteCompact(0U).WriteBool(r.IsRegistered(netuid, hotkey));
    }

    /// <summary>The non-zero stakes of a coldkey: subnets in list order, then its staking hotkeys in order.</summary>
    public static void ForColdkey(InfoReader r, ScaleWriter w, AccountId32 coldkey, List<ushort> netuids)
    {
        var hotkeys = r.St.StakingHotkeys.Get(r.State, coldkey);
        var body = new ScaleWriter();
        uint count = 0;
        foreach (var netuid in netuids)
        {
            foreach (var hotkey in hotkeys)
            {
                var alpha = r.St.Stake(r.State, hotkey, coldkey, netuid);
                if (alpha != 0)
                {
                    StakeInfo(r, body, hotkey, coldkey, netuid, alpha);
                    count++;
                }
            }
        }

        w.WriteCompact(count).WriteBytes(body.WrittenSpan);
    }

    /// <summary><c>get_stake_fee</c>: 0 when origin equals destination, else the swap fee on the destination's (or origin's) subnet.</summary>
    public static ulong StakeFee(SubtensorRuntime rt, State.IStateAccess state, (AccountId32, ushort)? origin, (AccountId32, ushort)? destination, ulong amount)
    {
        if (Nullable.Equals(origin, destination))
        {
            return 0;
        }

        var netuid = (destination ?? origin)?.Item2 ?? 0;
        return rt.Swap.ApproxFee(state, netuid, amount);
    }
}
