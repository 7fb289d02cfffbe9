using Subtensor.Core.Arithmetic;

namespace Subtensor.Economics.Coinbase;

/// <summary>
/// <c>get_parent_child_dividends_distribution</c> (<c>coinbase/run_coinbase.rs</c>): a hotkey's epoch dividend is shared
/// between itself and its parents in proportion to the stake weight each contributes (parent: its alpha + TaoWeight × root
/// times the proportion it delegated; the hotkey: its own stake weight times what it kept). A parent on another coldkey
/// pays the child's take and the CKBurn fraction out of its share. All amounts are U96F32 and floored to RAO.
/// </summary>
public static class ParentChildDividends
{
    /// <summary>One parent: its contribution (stake weight × proportion) and whether it shares the child's coldkey.</summary>
    public readonly record struct Parent(U96F32 Contribution, bool SameColdkey);

    /// <summary>The split: RAO per parent (in input order), RAO kept by the hotkey, RAO to recycle (CKBurn).</summary>
    public readonly record struct Split(ulong[] ToParents, ulong ToHotkey, ulong Burned);

    /// <summary>
    /// Splits <paramref name="dividend"/> with <paramref name="selfContribution"/> the hotkey's own kept stake weight,
    /// <paramref name="childkeyTake"/> the u16 <c>ChildkeyTake</c> and <paramref name="ckBurn"/> the u64 <c>CKBurn</c>.
    /// </summary>
    public static Split Compute(ulong dividend, U96F32 selfContribution, IReadOnlyList<Parent> parents, ushort childkeyTake, ulong ckBurn)
    {
        ArgumentNullException.ThrowIfNull(parents);
        var total = selfContribution;
        foreach (var p in parents)
        {
            total = total.SaturatingAdd(p.Contribution);
        }

        var toParents = new ulong[parents.Count];
        if (total == U96F32.Zero || parents.Count == 0)
        {
            return new Split(toParents, dividend, 0);
        }

        var d = U96F32.SaturatingFromNum(dividend);
        var take = U96F32.SaturatingFromNum(childkeyTake).SafeDiv(U96F32.SaturatingFromNum(ushort.MaxValue));
        var burn = U96F32.SaturatingFromNum(ckBurn).SafeDiv(U96F32.SaturatingFromNum(ulong.MaxValue));
        ulong paid = 0;
        ulong burned = 0;
        for (var i = 0; i < parents.Count; i++)
        {
            var share = d.SaturatingMul(parents[i].Contribution).SafeDiv(total);
            if (!parents[i].SameColdkey)
            {
                var burnPart = share.SaturatingMul(burn).SaturatingToU64();
                var takePart = share.SaturatingMul(take);
                share = share.SaturatingSub(takePart).SaturatingSub(U96F32.SaturatingFromNum(burnPart));
                burned += burnPart;
            }

            toParents[i] = share.SaturatingToU64();
            paid += toParents[i];
        }

        var kept = dividend >= paid + burned ? dividend - paid - burned : 0;
        return new Split(toParents, kept, burned);
    }
}
