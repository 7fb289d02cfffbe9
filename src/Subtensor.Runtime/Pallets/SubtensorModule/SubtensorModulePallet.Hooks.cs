using Subtensor.Runtime.Framework.Dispatch;
using Subtensor.Runtime.Pallets.FrameSystem;
using Subtensor.Runtime.State;

namespace Subtensor.Runtime.Pallets.SubtensorModule;

// on_initialize (macros/hooks.rs) and block_step (coinbase/block_step.rs).
public sealed partial class SubtensorModulePallet
{
    /// <summary>
    /// <c>on_initialize</c>: stale hotkey-swap records are cleaned, then <see cref="BlockStep"/>; the weight is Subtensor's
    /// fixed block_step weight plus the clean-up's reads and writes.
    /// </summary>
    public override Weight OnInitialize(IStateAccess state, uint blockNumber)
    {
        var cleanup = CleanUpHotkeySwapRecords(state, blockNumber);
        BlockStep(state);
        return Weight.FromParts(110_634_229_000, 0).SaturatingAdd(SystemPallet.DbReads(8304)).SaturatingAdd(SystemPallet.DbWrites(110)).SaturatingAdd(cleanup);
    }

    /// <summary>
    /// <c>block_step</c> as far as this runtime goes: (1) registration price decay. Subtensor then mints the block emission,
    /// reveals matured weight commits, runs the coinbase with the epochs, updates moving prices, RootProp and pending child
    /// keys, and auto-claims root dividends — the coinbase and epoch come with the next issue, in this order, here.
    /// </summary>
    public void BlockStep(IStateAccess state) => UpdateRegistrationPrices(state);

    /// <summary><c>clean_up_hotkey_swap_records</c>: one residue class of subnets per block drops records older than the interval.</summary>
    private Weight CleanUpHotkeySwapRecords(IStateAccess state, ulong block)
    {
        var netuids = AllSubnetNetuids(state);
        var weight = SystemPallet.DbReads(2).SaturatingAdd(SystemPallet.DbReads((ulong)netuids.Count));
        var slot = block % HotkeySwapOnSubnetInterval;
        foreach (var netuid in netuids.Where(n => n % HotkeySwapOnSubnetInterval == slot))
        {
            foreach (var (coldkey, swapBlock) in LastHotkeySwapOnNetuid.IteratePrefix(state, netuid).ToList())
            {
                if (Add(swapBlock, HotkeySwapOnSubnetInterval) < block)
                {
                    LastHotkeySwapOnNetuid.Remove(state, netuid, coldkey);
                    weight = weight.SaturatingAdd(SystemPallet.DbWrites(1));
                }

                weight = weight.SaturatingAdd(SystemPallet.DbReads(1));
            }
        }

        return weight;
    }
}
